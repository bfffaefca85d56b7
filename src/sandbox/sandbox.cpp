#include "sandbox.h"

#include "core/logging.h"
#include "core/paths.h"
#include "sampleschema.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>

#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pgdeck::sandbox {

using core::Error;

namespace {
auto log() { return core::logger("sandbox"); }

constexpr const char *kServerUser = "postgres"; // the unprivileged account when run as root
const QString kDb = QStringLiteral("pgdeck_demo");

bool isRoot() { return ::geteuid() == 0; }

Error ioError(const QString &msg, const QString &detail = {}, const QString &hint = {})
{
    return Error::make(Error::Kind::Io, msg, detail, hint);
}

int freeLoopbackPort(const QList<int> &taken)
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0))
            continue;
        const int port = probe.serverPort();
        if (!taken.contains(port))
            return port;
    }
    return 0;
}

// Every ancestor must be searchable by "other" for the server user to reach the dir.
bool reachableByOthers(const QString &path)
{
    QFileInfo fi(path);
    QString dir = fi.absoluteFilePath();
    while (!dir.isEmpty() && dir != QLatin1String("/")) {
        QFileInfo d(dir);
        if (d.exists() && !(d.permissions() & QFileDevice::ExeOther))
            return false;
        dir = QFileInfo(dir).path();
        if (dir == QLatin1String("."))
            break;
    }
    return true;
}

void writeFile(const QString &path, const QString &text)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(text.toUtf8());
}
} // namespace

Sandbox::Sandbox(Options options) : m_options(std::move(options))
{
    m_base = m_options.baseDir.isEmpty() ? defaultBaseDir() : QDir(m_options.baseDir).absolutePath();
    loadState();
}

QString Sandbox::defaultBaseDir()
{
    const QString xdg = core::Paths::dataDir() + QStringLiteral("/sandbox");
    // As root the servers run as an unprivileged user, who cannot enter /root.
    if (isRoot() && !reachableByOthers(QFileInfo(xdg).path()))
        return QStringLiteral("/var/lib/pgdeck/sandbox");
    return xdg;
}

QString Sandbox::postgresBinDir()
{
    // Debian keeps server binaries out of PATH; prefer the newest installed major.
    QDir lib(QStringLiteral("/usr/lib/postgresql"));
    QStringList majors = lib.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(majors.begin(), majors.end(), [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &m : majors) {
        const QString bin = lib.filePath(m + QStringLiteral("/bin"));
        if (QFileInfo::exists(bin + QStringLiteral("/initdb")))
            return bin;
    }
    const QString initdb = QStandardPaths::findExecutable(QStringLiteral("initdb"));
    return initdb.isEmpty() ? QString() : QFileInfo(initdb).path();
}

void Sandbox::say(const QString &line) const
{
    log()->info("{}", line.toStdString());
    if (m_options.progress)
        m_options.progress(line);
}

bool Sandbox::isInitialized() const
{
    return QFileInfo::exists(m_base + QStringLiteral("/primary/PG_VERSION"));
}

void Sandbox::prepareDir(const QString &dir) const
{
    QDir().mkpath(dir);
    if (isRoot()) {
        if (passwd *pw = ::getpwnam(kServerUser))
            if (::chown(QFile::encodeName(dir).constData(), pw->pw_uid, pw->pw_gid) != 0)
                log()->warn("chown {} failed", dir.toStdString());
    }
    ::chmod(QFile::encodeName(dir).constData(), 0700);
}

core::Result<QString> Sandbox::run(const QString &program, const QStringList &args, bool asServerUser,
                                   int timeoutMs) const
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("PGPASSWORD"));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setWorkingDirectory(m_base);
    if (asServerUser && isRoot()) {
        QStringList wrapped{QStringLiteral("-u"), QString::fromLatin1(kServerUser), QStringLiteral("--"), program};
        wrapped += args;
        p.start(QStringLiteral("runuser"), wrapped);
    } else {
        p.start(program, args);
    }
    if (!p.waitForStarted(10000))
        return ioError(QStringLiteral("could not start %1: %2").arg(program, p.errorString()));
    // Blocking is fine here: the sandbox runs on the CLI or a worker thread.
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(2000);
        return ioError(QStringLiteral("%1 did not finish within %2 s").arg(QFileInfo(program).fileName()).arg(timeoutMs / 1000));
    }
    const QString out = QString::fromUtf8(p.readAll());
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return ioError(QStringLiteral("%1 failed (exit %2)").arg(QFileInfo(program).fileName()).arg(p.exitCode()),
                       out.trimmed().right(2000));
    return out;
}

core::Result<QString> Sandbox::psql(int port, const QString &db, const QString &sql) const
{
    const QString bin = postgresBinDir() + QStringLiteral("/psql");
    return run(bin,
               {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-At"), QStringLiteral("-v"),
                QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                QString::number(port), QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-d"), db,
                QStringLiteral("-c"), sql},
               false, 600000);
}

bool Sandbox::serverRunning(const QString &dataDir) const
{
    if (!QFileInfo::exists(dataDir + QStringLiteral("/postmaster.pid")))
        return false;
    return run(postgresBinDir() + QStringLiteral("/pg_ctl"), {QStringLiteral("status"), QStringLiteral("-D"), dataDir}, true,
               10000)
        .ok();
}

core::Result<void> Sandbox::startServer(const QString &dataDir, const QString &logFile)
{
    if (serverRunning(dataDir))
        return {};
    auto r = run(postgresBinDir() + QStringLiteral("/pg_ctl"),
                 {QStringLiteral("start"), QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("120"), QStringLiteral("-D"),
                  dataDir, QStringLiteral("-l"), logFile},
                 true, 130000);
    if (!r.ok()) {
        QFile f(logFile);
        QString tail;
        if (f.open(QIODevice::ReadOnly))
            tail = QString::fromUtf8(f.readAll()).right(1500);
        Error e = r.error();
        e.detail = e.detail + QStringLiteral("\n--- server log ---\n") + tail;
        e.hint = QStringLiteral("See %1").arg(logFile);
        return e;
    }
    return {};
}

core::Result<void> Sandbox::start()
{
    if (postgresBinDir().isEmpty())
        return Error::make(Error::Kind::Io, QStringLiteral("PostgreSQL server binaries (initdb, pg_ctl) are not installed"), {},
                           QStringLiteral("Install them: apt-get install postgresql postgresql-contrib"));
    if (isRoot() && !::getpwnam(kServerUser))
        return Error::make(Error::Kind::Io, QStringLiteral("running as root needs an unprivileged '%1' user for the servers")
                                                .arg(QString::fromLatin1(kServerUser)));
    if (m_options.fresh && QFileInfo::exists(m_base)) {
        say(QStringLiteral("removing the old sandbox in %1").arg(m_base));
        auto stopped = stop(true);
        if (!stopped.ok())
            return stopped;
    }
    QDir().mkpath(m_base);
    if (isRoot())
        prepareDir(m_base);
    ::chmod(QFile::encodeName(m_base).constData(), 0755);

    if (!isInitialized()) {
        QList<int> taken;
        m_ports.primary = freeLoopbackPort(taken);
        taken << m_ports.primary;
        m_ports.replica = freeLoopbackPort(taken);
        taken << m_ports.replica;
        m_ports.bouncer = freeLoopbackPort(taken);
        if (!m_ports.primary || !m_ports.replica || !m_ports.bouncer)
            return ioError(QStringLiteral("no free loopback port"));
        saveState();
        if (auto r = initPrimary(); !r.ok())
            return r;
    }
    say(QStringLiteral("starting primary on 127.0.0.1:%1").arg(m_ports.primary));
    if (auto r = startServer(m_base + QStringLiteral("/primary"), m_base + QStringLiteral("/log/primary.log")); !r.ok())
        return r;
    if (!QFileInfo::exists(m_base + QStringLiteral("/schema.done"))) {
        if (auto r = loadSampleSchema(); !r.ok())
            return r;
        writeFile(m_base + QStringLiteral("/schema.done"), QStringLiteral("ok\n"));
    }
    if (!QFileInfo::exists(m_base + QStringLiteral("/replica1/PG_VERSION"))) {
        if (auto r = createReplica(); !r.ok())
            return r;
    }
    say(QStringLiteral("starting replica1 on 127.0.0.1:%1").arg(m_ports.replica));
    if (auto r = startServer(m_base + QStringLiteral("/replica1"), m_base + QStringLiteral("/log/replica1.log")); !r.ok())
        return r;
    if (auto r = waitForStreaming(); !r.ok())
        return r;
    if (m_options.withPgbouncer) {
        if (auto r = startPgbouncer(); !r.ok())
            say(QStringLiteral("pgbouncer not started: %1").arg(r.error().message));
    }
    if (m_options.withLoad)
        if (auto r = startLoad(); !r.ok())
            say(QStringLiteral("background load not started: %1").arg(r.error().message));
    saveState();
    say(QStringLiteral("sandbox ready in %1").arg(m_base));
    return {};
}

core::Result<void> Sandbox::initPrimary()
{
    const QString primary = m_base + QStringLiteral("/primary");
    say(QStringLiteral("initdb %1").arg(primary));
    for (const QString &d : {QStringLiteral("/primary"), QStringLiteral("/archive"), QStringLiteral("/run"), QStringLiteral("/log")})
        prepareDir(m_base + d);
    ::chmod(QFile::encodeName(m_base + QStringLiteral("/log")).constData(), 0755);
    auto r = run(postgresBinDir() + QStringLiteral("/initdb"),
                 {QStringLiteral("-D"), primary, QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-A"),
                  QStringLiteral("trust"), QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C.UTF-8"),
                  QStringLiteral("--no-instructions")},
                 true, 300000);
    if (!r.ok())
        return r.error();

    const QString archive = m_base + QStringLiteral("/archive");
    QString conf = QStringLiteral(
        "# pgdeck sandbox settings\n"
        "listen_addresses = '127.0.0.1'\n"
        "port = %1\n"
        "unix_socket_directories = '%2'\n"
        "max_connections = 300\n"
        "shared_buffers = 128MB\n"
        "shared_preload_libraries = 'pg_stat_statements,hypopg'\n"
        "pg_stat_statements.track = all\n"
        "pg_stat_statements.max = 5000\n"
        "track_io_timing = on\n"
        "track_functions = all\n"
        "wal_level = replica\n"
        "max_wal_senders = 10\n"
        "max_replication_slots = 10\n"
        "wal_keep_size = 256MB\n"
        "hot_standby = on\n"
        "hot_standby_feedback = on\n"
        "archive_mode = on\n"
        "archive_command = 'test ! -f %3/%f && cp %p %3/%f'\n"
        "archive_timeout = 60\n"
        "log_line_prefix = '%m [%p] %q%u@%d '\n"
        "log_min_duration_statement = 1000\n"
        "log_checkpoints = on\n"
        "log_lock_waits = on\n"
        "log_temp_files = 0\n")
                       .arg(m_ports.primary)
                       .arg(m_base + QStringLiteral("/run"))
                       .arg(archive);
    // %f and %p above survive QString::arg because only %1..%3 are replaced.
    QFile f(primary + QStringLiteral("/postgresql.conf"));
    if (!f.open(QIODevice::Append))
        return ioError(QStringLiteral("cannot write %1").arg(f.fileName()));
    f.write(conf.toUtf8());
    f.close();
    writeFile(primary + QStringLiteral("/pg_hba.conf"),
              QStringLiteral("# pgdeck sandbox: loopback only\n"
                             "local   all          all                      trust\n"
                             "local   replication  all                      trust\n"
                             "host    all          pgdeck_app  127.0.0.1/32 scram-sha-256\n"
                             "host    all          all         127.0.0.1/32 trust\n"
                             "host    replication  all         127.0.0.1/32 trust\n"));
    return {};
}

core::Result<void> Sandbox::loadSampleSchema()
{
    say(QStringLiteral("loading the sample schema (scale %1)").arg(m_options.scale));
    if (auto r = psql(m_ports.primary, QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE %1").arg(kDb)); !r.ok())
        return r.error();
    if (auto r = psql(m_ports.primary, kDb, sampleSchemaSql(m_options.scale)); !r.ok())
        return r.error();
    // A password-protected application role, for password and pool demos.
    if (auto r = psql(m_ports.primary, kDb,
                      QStringLiteral("SET password_encryption = 'scram-sha-256';"
                                     "CREATE ROLE pgdeck_app LOGIN PASSWORD 'pgdeck-demo-app';"
                                     "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO pgdeck_app;"
                                     "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO pgdeck_app;"));
        !r.ok())
        return r.error();
    return {};
}

core::Result<void> Sandbox::createReplica()
{
    const QString replica = m_base + QStringLiteral("/replica1");
    say(QStringLiteral("pg_basebackup -R into %1").arg(replica));
    QDir(replica).removeRecursively();
    prepareDir(replica);
    // Drop a slot left behind by an earlier, interrupted attempt.
    (void)psql(m_ports.primary, QStringLiteral("postgres"),
               QStringLiteral("SELECT pg_drop_replication_slot('pgdeck_replica1') FROM pg_replication_slots "
                              "WHERE slot_name = 'pgdeck_replica1'"));
    auto r = run(postgresBinDir() + QStringLiteral("/pg_basebackup"),
                 {QStringLiteral("-D"), replica, QStringLiteral("-R"), QStringLiteral("-X"), QStringLiteral("stream"),
                  QStringLiteral("-C"), QStringLiteral("-S"), QStringLiteral("pgdeck_replica1"), QStringLiteral("-c"),
                  QStringLiteral("fast"), QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                  QString::number(m_ports.primary), QStringLiteral("-U"), QStringLiteral("postgres")},
                 true, 600000);
    if (!r.ok())
        return r.error();
    QFile f(replica + QStringLiteral("/postgresql.auto.conf"));
    if (!f.open(QIODevice::Append))
        return ioError(QStringLiteral("cannot write %1").arg(f.fileName()));
    f.write(QStringLiteral("port = %1\ncluster_name = 'replica1'\n").arg(m_ports.replica).toUtf8());
    return {};
}

core::Result<void> Sandbox::waitForStreaming()
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 60000) {
        auto r = psql(m_ports.primary, QStringLiteral("postgres"),
                      QStringLiteral("SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'"));
        if (r.ok() && r->trimmed().toInt() >= 1)
            return {};
        QThread::msleep(200);
    }
    return ioError(QStringLiteral("the replica did not start streaming within 60 s"), {},
                   QStringLiteral("See %1/log/replica1.log").arg(m_base));
}

core::Result<void> Sandbox::startPgbouncer()
{
    const QString bouncer = QStandardPaths::findExecutable(QStringLiteral("pgbouncer"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
    if (bouncer.isEmpty())
        return ioError(QStringLiteral("pgbouncer is not installed"));
    const QString dir = m_base + QStringLiteral("/pgbouncer");
    prepareDir(dir);
    const QString pidFile = dir + QStringLiteral("/pgbouncer.pid");
    QFile pf(pidFile);
    if (pf.open(QIODevice::ReadOnly)) {
        const qint64 pid = pf.readAll().trimmed().toLongLong();
        if (pid > 0 && ::kill(pid_t(pid), 0) == 0)
            return {};
    }
    writeFile(dir + QStringLiteral("/userlist.txt"), QStringLiteral("\"postgres\" \"\"\n\"pgdeck_app\" \"\"\n"));
    writeFile(dir + QStringLiteral("/pgbouncer.ini"),
              QStringLiteral("[databases]\n"
                             "* = host=127.0.0.1 port=%1\n"
                             "[pgbouncer]\n"
                             "listen_addr = 127.0.0.1\n"
                             "listen_port = %2\n"
                             "unix_socket_dir = %3\n"
                             "auth_type = trust\n"
                             "auth_file = %4/userlist.txt\n"
                             "admin_users = postgres\n"
                             "stats_users = postgres\n"
                             "pool_mode = transaction\n"
                             "default_pool_size = 20\n"
                             "max_client_conn = 500\n"
                             "ignore_startup_parameters = extra_float_digits,options\n"
                             "application_name_add_host = 0\n"
                             "logfile = %4/pgbouncer.log\n"
                             "pidfile = %5\n")
                  .arg(m_ports.primary)
                  .arg(m_ports.bouncer)
                  .arg(m_base + QStringLiteral("/run"), dir, pidFile));
    if (isRoot())
        for (const QString &file : {QStringLiteral("/userlist.txt"), QStringLiteral("/pgbouncer.ini")})
            if (passwd *pw = ::getpwnam(kServerUser))
                (void)::chown(QFile::encodeName(dir + file).constData(), pw->pw_uid, pw->pw_gid);
    say(QStringLiteral("starting pgbouncer on 127.0.0.1:%1").arg(m_ports.bouncer));
    auto r = run(bouncer, {QStringLiteral("-d"), dir + QStringLiteral("/pgbouncer.ini")}, true, 30000);
    if (!r.ok())
        return r.error();
    return {};
}

core::Result<void> Sandbox::startLoad()
{
    stopLoad();
    const QString dir = m_base + QStringLiteral("/load");
    QDir().mkpath(dir);
    writeFile(dir + QStringLiteral("/oltp.sql"), loadScriptSql(m_options.scale));
    writeFile(dir + QStringLiteral("/slow.sql"), slowScriptSql());
    writeFile(dir + QStringLiteral("/replica.sql"), replicaReadScriptSql(m_options.scale));
    const QString pgbench = postgresBinDir() + QStringLiteral("/pgbench");
    auto spawn = [&](int port, const QStringList &scripts, const QString &rate, const QString &logName) -> qint64 {
        QProcess p;
        QStringList args{QStringLiteral("-n"), QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                         QString::number(port), QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-c"),
                         QStringLiteral("2"), QStringLiteral("-j"), QStringLiteral("1"), QStringLiteral("-R"), rate,
                         QStringLiteral("-T"), QStringLiteral("31536000")};
        for (const QString &s : scripts)
            args << QStringLiteral("-f") << s;
        args << kDb;
        p.setProgram(pgbench);
        p.setArguments(args);
        p.setWorkingDirectory(dir);
        p.setStandardOutputFile(m_base + QStringLiteral("/log/") + logName);
        p.setStandardErrorFile(m_base + QStringLiteral("/log/") + logName, QIODevice::Append);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGAPPNAME"), QStringLiteral("demo-shop-api"));
        p.setProcessEnvironment(env);
        qint64 pid = 0;
        return p.startDetached(&pid) ? pid : 0;
    };
    const qint64 a = spawn(m_ports.primary, {dir + QStringLiteral("/oltp.sql@50"), dir + QStringLiteral("/slow.sql@1")},
                           QStringLiteral("5"), QStringLiteral("load-primary.log"));
    const qint64 b = spawn(m_ports.replica, {dir + QStringLiteral("/replica.sql")}, QStringLiteral("2"),
                           QStringLiteral("load-replica.log"));
    if (!a)
        return ioError(QStringLiteral("could not start pgbench"));
    writeFile(dir + QStringLiteral("/pids"), QStringLiteral("%1\n%2\n").arg(a).arg(b));
    say(QStringLiteral("light load running (pgbench, pid %1 and %2)").arg(a).arg(b));
    return {};
}

void Sandbox::stopLoad()
{
    QFile f(m_base + QStringLiteral("/load/pids"));
    if (!f.open(QIODevice::ReadOnly))
        return;
    const auto lines = f.readAll().split('\n');
    for (const QByteArray &l : lines) {
        const qint64 pid = l.trimmed().toLongLong();
        if (pid > 0)
            ::kill(pid_t(pid), SIGTERM);
    }
    f.close();
    f.remove();
}

void Sandbox::stopPgbouncer()
{
    QFile pf(m_base + QStringLiteral("/pgbouncer/pgbouncer.pid"));
    if (!pf.open(QIODevice::ReadOnly))
        return;
    const qint64 pid = pf.readAll().trimmed().toLongLong();
    if (pid > 0 && ::kill(pid_t(pid), SIGINT) == 0) {
        QElapsedTimer t;
        t.start();
        while (::kill(pid_t(pid), 0) == 0 && t.elapsed() < 5000)
            QThread::msleep(50);
    }
}

core::Result<void> Sandbox::stop(bool purge)
{
    stopLoad();
    stopPgbouncer();
    for (const QString &name : {QStringLiteral("replica1"), QStringLiteral("primary")}) {
        const QString dir = m_base + QLatin1Char('/') + name;
        if (!serverRunning(dir))
            continue;
        say(QStringLiteral("stopping %1").arg(name));
        auto r = run(postgresBinDir() + QStringLiteral("/pg_ctl"),
                     {QStringLiteral("stop"), QStringLiteral("-w"), QStringLiteral("-m"), QStringLiteral("fast"),
                      QStringLiteral("-D"), dir},
                     true, 120000);
        if (!r.ok())
            return r.error();
    }
    if (purge) {
        if (!QDir(m_base).removeRecursively())
            return ioError(QStringLiteral("could not remove %1").arg(m_base));
    }
    return {};
}

QList<ServerStatus> Sandbox::status() const
{
    QList<ServerStatus> out;
    if (!isInitialized())
        return out;
    out.append({QStringLiteral("primary"), QStringLiteral("primary"), m_ports.primary,
                serverRunning(m_base + QStringLiteral("/primary")), conninfo(QStringLiteral("primary"))});
    if (QFileInfo::exists(m_base + QStringLiteral("/replica1/PG_VERSION"))) {
        const bool standby = QFileInfo::exists(m_base + QStringLiteral("/replica1/standby.signal"));
        out.append({QStringLiteral("replica1"), standby ? QStringLiteral("replica") : QStringLiteral("primary"),
                    m_ports.replica, serverRunning(m_base + QStringLiteral("/replica1")), conninfo(QStringLiteral("replica1"))});
    }
    QFile pf(m_base + QStringLiteral("/pgbouncer/pgbouncer.pid"));
    if (pf.open(QIODevice::ReadOnly)) {
        const qint64 pid = pf.readAll().trimmed().toLongLong();
        const bool alive = pid > 0 && ::kill(pid_t(pid), 0) == 0;
        out.append({QStringLiteral("pgbouncer"), QStringLiteral("pooler"), m_ports.bouncer, alive,
                    conninfo(QStringLiteral("pgbouncer"))});
    }
    return out;
}

QString Sandbox::conninfo(const QString &name, const QString &dbname) const
{
    int port = 0;
    if (name == QLatin1String("primary"))
        port = m_ports.primary;
    else if (name == QLatin1String("replica1") || name == QLatin1String("replica"))
        port = m_ports.replica;
    else if (name == QLatin1String("pgbouncer"))
        port = m_ports.bouncer;
    if (!port)
        return {};
    return QStringLiteral("host=127.0.0.1 port=%1 dbname=%2 user=postgres").arg(port).arg(dbname);
}

void Sandbox::saveState() const
{
    QJsonObject o;
    o.insert(QStringLiteral("primary_port"), m_ports.primary);
    o.insert(QStringLiteral("replica_port"), m_ports.replica);
    o.insert(QStringLiteral("pgbouncer_port"), m_ports.bouncer);
    o.insert(QStringLiteral("primary"), conninfo(QStringLiteral("primary")));
    o.insert(QStringLiteral("replica"), conninfo(QStringLiteral("replica1")));
    o.insert(QStringLiteral("pgbouncer"), conninfo(QStringLiteral("pgbouncer")));
    o.insert(QStringLiteral("base_dir"), m_base);
    o.insert(QStringLiteral("bin_dir"), postgresBinDir());
    writeFile(m_base + QStringLiteral("/sandbox.json"), QString::fromUtf8(QJsonDocument(o).toJson()));
}

bool Sandbox::loadState()
{
    QFile f(m_base + QStringLiteral("/sandbox.json"));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    m_ports.primary = o.value(QStringLiteral("primary_port")).toInt();
    m_ports.replica = o.value(QStringLiteral("replica_port")).toInt();
    m_ports.bouncer = o.value(QStringLiteral("pgbouncer_port")).toInt();
    return m_ports.primary > 0;
}

} // namespace pgdeck::sandbox
