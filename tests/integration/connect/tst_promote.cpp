#include "pg/rolewatcher.h"
#include "pg/serverconnection.h"
#include "support/fixture.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QTcpServer>
#include <QTest>

#include <unistd.h>

using namespace pgdeck;

// A failover while pgdeck watches: a replica of its own (never the shared fixture
// replica, other tests need that one) is promoted, and pgdeck sees the role
// change within two role ticks of kTickMs.
class TestPromote : public QObject
{
    Q_OBJECT
    test::Fixture fx;
    QString m_dir = QStringLiteral(PROMOTE_DIR);
    int m_port = 0;
    bool m_started = false;
    static constexpr int kTickMs = 1000; // the role watcher's tick in this test

    static int freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

    QString conninfo() const
    {
        return QStringLiteral("host=127.0.0.1 port=%1 dbname=postgres user=postgres").arg(m_port);
    }

    void stopServer()
    {
        if (m_started)
            test::runServerTool(fx.binDir + QStringLiteral("/pg_ctl"), {QStringLiteral("-D"), m_dir, QStringLiteral("-m"),
                                                                        QStringLiteral("immediate"), QStringLiteral("stop")});
        m_started = false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        fx = test::fixture();
        if (!fx.valid())
            QSKIP("no fixture: run through ctest");
        // Leftovers of an interrupted run.
        if (QFile::exists(m_dir + QStringLiteral("/postmaster.pid")))
            test::runServerTool(fx.binDir + QStringLiteral("/pg_ctl"),
                                {QStringLiteral("-D"), m_dir, QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("stop")});
        QDir(m_dir).removeRecursively();
        QVERIFY(QDir().mkpath(m_dir));
        if (::geteuid() == 0)
            QCOMPARE(QProcess::execute(QStringLiteral("chown"), {QStringLiteral("postgres:postgres"), m_dir}), 0);
        QFile::setPermissions(m_dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

        QString output;
        const int rc = test::runServerTool(fx.binDir + QStringLiteral("/pg_basebackup"),
                                           {QStringLiteral("-D"), m_dir, QStringLiteral("-R"), QStringLiteral("-X"),
                                            QStringLiteral("stream"), QStringLiteral("-c"), QStringLiteral("fast"),
                                            QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                                            QString::number(fx.primaryPort), QStringLiteral("-U"), QStringLiteral("postgres")},
                                           &output);
        QVERIFY2(rc == 0, qPrintable(output));
        m_port = freePort();
        // Its own port and socket; and no archiving into the fixture's archive
        // once promoted (a new timeline there would confuse other tests).
        const QString extra = QStringLiteral("\nport = %1\nunix_socket_directories = '%2'\ncluster_name = 'promote-test'\n"
                                             "archive_mode = off\nhot_standby = on\n")
                                  .arg(m_port)
                                  .arg(m_dir);
        QVERIFY(test::runServerTool(QStringLiteral("sh"), {QStringLiteral("-c"),
                                                            QStringLiteral("printf '%s' \"$1\" >> \"$2\""), QStringLiteral("sh"),
                                                            extra, m_dir + QStringLiteral("/postgresql.auto.conf")}) == 0);
        const int started = test::runServerTool(fx.binDir + QStringLiteral("/pg_ctl"),
                                                {QStringLiteral("-D"), m_dir, QStringLiteral("-l"), m_dir + QStringLiteral("/server.log"),
                                                 QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("120"), QStringLiteral("start")},
                                                &output);
        QVERIFY2(started == 0, qPrintable(output));
        m_started = true;
        QVERIFY(test::waitFor([&]() { return test::scalar(conninfo(), QStringLiteral("SELECT pg_is_in_recovery()")) == QLatin1String("t"); },
                              60000));
    }

    void cleanupTestCase()
    {
        stopServer();
        QDir(m_dir).removeRecursively();
    }

    void promote_isSeenAsRoleChange_withinTwoTicks()
    {
        pg::ServerConnection server(QStringLiteral("promote-test"), *pg::ConnParams::parse(conninfo()), pg::PoolOptions{});
        pg::RoleWatcher watcher(kTickMs);
        watcher.watch(&server);
        QList<QPair<pg::ServerConnection::Role, pg::ServerConnection::Role>> changes;
        int tickAtChange = -1;
        connect(&server, &pg::ServerConnection::roleChanged, this,
                [&](pg::ServerConnection::Role from, pg::ServerConnection::Role to) {
                    changes.append({from, to});
                    tickAtChange = watcher.ticks();
                });
        server.open();
        QVERIFY(test::waitFor([&]() { return server.state() == pg::ServerConnection::State::Up; }, 30000));
        QCOMPARE(server.role(), pg::ServerConnection::Role::Replica);
        // Let the watcher settle into its rhythm.
        const int settled = watcher.ticks() + 1;
        QVERIFY(test::waitFor([&]() { return watcher.ticks() >= settled; }, 10 * kTickMs));
        QVERIFY(changes.isEmpty());

        QString output;
        const int rc = test::runServerTool(fx.binDir + QStringLiteral("/pg_ctl"),
                                           {QStringLiteral("-D"), m_dir, QStringLiteral("-w"), QStringLiteral("promote")}, &output);
        QVERIFY2(rc == 0, qPrintable(output));
        // pg_ctl -w returned: the server is a primary now. Count watcher ticks, not time.
        const int promotedAt = watcher.ticks();
        QVERIFY2(test::waitFor([&]() { return !changes.isEmpty() || watcher.ticks() > promotedAt + 2; }, 60 * kTickMs),
                 "the role watcher stopped ticking");
        QVERIFY2(!changes.isEmpty(), qPrintable(QStringLiteral("no role change after %1 ticks").arg(watcher.ticks() - promotedAt)));
        QVERIFY2(tickAtChange <= promotedAt + 2, qPrintable(QStringLiteral("seen at tick %1, promoted at %2").arg(tickAtChange).arg(promotedAt)));
        QCOMPARE(changes.first().first, pg::ServerConnection::Role::Replica);
        QCOMPARE(changes.first().second, pg::ServerConnection::Role::Primary);
        QCOMPARE(server.role(), pg::ServerConnection::Role::Primary);
        server.close();
    }
};

QTEST_GUILESS_MAIN(TestPromote)
#include "tst_promote.moc"
