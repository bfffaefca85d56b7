#include "fixture.h"

#include <libpq-fe.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <unistd.h>

namespace pgdeck::test {

pg::ConnParams Fixture::primaryParams() const { return *pg::ConnParams::parse(primary); }
pg::ConnParams Fixture::replicaParams() const { return *pg::ConnParams::parse(replica); }

Fixture fixture()
{
    Fixture f;
    QFile file(QStringLiteral(PGDECK_FIXTURE_DIR "/sandbox.json"));
    if (!file.open(QIODevice::ReadOnly))
        return f;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    f.primary = o.value(QStringLiteral("primary")).toString();
    f.replica = o.value(QStringLiteral("replica")).toString();
    f.pgbouncer = o.value(QStringLiteral("pgbouncer")).toString();
    f.primaryPort = o.value(QStringLiteral("primary_port")).toInt();
    f.replicaPort = o.value(QStringLiteral("replica_port")).toInt();
    f.baseDir = o.value(QStringLiteral("base_dir")).toString();
    f.binDir = o.value(QStringLiteral("bin_dir")).toString();
    return f;
}

QString scalar(const QString &conninfo, const QString &sql)
{
    // Blocking libpq is acceptable in test helpers: they never run inside the product.
    PGconn *c = PQconnectdb(conninfo.toUtf8().constData());
    QString out;
    if (PQstatus(c) == CONNECTION_OK) {
        PGresult *r = PQexec(c, sql.toUtf8().constData());
        if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0)
            out = QString::fromUtf8(PQgetvalue(r, 0, 0));
        else if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK)
            qWarning("scalar(%s): %s", qPrintable(sql), PQresultErrorMessage(r));
        PQclear(r);
    } else {
        qWarning("scalar: %s", PQerrorMessage(c));
    }
    PQfinish(c);
    return out;
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QTest::qSleep(1);
    }
    return true;
}

bool waitForStreaming(const Fixture &fx, int timeoutMs)
{
    return waitFor(
        [&fx] {
            return scalar(fx.primary, QStringLiteral("SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")) == QLatin1String("1");
        },
        timeoutMs);
}

int runServerTool(const QString &program, const QStringList &args, QString *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    if (::geteuid() == 0) {
        QStringList wrapped{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program};
        wrapped += args;
        p.start(QStringLiteral("runuser"), wrapped);
    } else {
        p.start(program, args);
    }
    p.waitForFinished(120000);
    if (output)
        *output = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

CliRun runCli(const QString &program, const QStringList &args, const QByteArray &stdinData, const QProcessEnvironment &env,
              int timeoutMs)
{
    QProcess p;
    if (!env.isEmpty())
        p.setProcessEnvironment(env);
    p.start(program, args);
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    waitFor([&p] { return p.state() == QProcess::NotRunning; }, timeoutMs);
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished(5000);
        return CliRun{-1, p.readAllStandardOutput(), p.readAllStandardError() + "\n(killed after the test's timeout)"};
    }
    return CliRun{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits << f.fileName();
    }
    return hits;
}

} // namespace pgdeck::test
