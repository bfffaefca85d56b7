#include "support/fixture.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTest>

using namespace pgdeck;

class TestCliPing : public QObject
{
    Q_OBJECT
    test::Fixture fx;

    int ping(const QStringList &args, QString *out, QString *err)
    {
        const test::CliRun r = test::runCli(QStringLiteral(PGDECK_BIN), QStringList{QStringLiteral("ping")} + args, {}, {}, 30000);
        *out = r.outText();
        *err = r.errText();
        return r.code;
    }

private Q_SLOTS:
    void initTestCase()
    {
        fx = test::fixture();
        if (!fx.valid())
            QSKIP("no fixture: run through ctest");
    }
    void primary_printsVersionRoleLatency()
    {
        QString out, err;
        QCOMPARE(ping({fx.primary}, &out, &err), 0);
        QVERIFY2(out.contains(QLatin1String("role:     primary")), qPrintable(out));
        QVERIFY(out.contains(QLatin1String("latency:")));
        QVERIFY(out.contains(QLatin1String("15.")) || out.contains(QLatin1String("16.")) || out.contains(QLatin1String("17.")));
    }
    void replica_isReportedAsReplica()
    {
        QString out, err;
        QCOMPARE(ping({fx.replica}, &out, &err), 0);
        QVERIFY2(out.contains(QLatin1String("role:     replica")), qPrintable(out));
    }
    void unreachable_exitsTwoWithPlainError()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const int port = probe.serverPort();
        probe.close();
        QString out, err;
        QCOMPARE(ping({QStringLiteral("host=127.0.0.1 port=%1 user=x").arg(port)}, &out, &err), 2);
        QVERIFY2(err.contains(QLatin1String("Connection refused")), qPrintable(err));
    }
    void badConnString_isUsageError()
    {
        QString out, err;
        QCOMPARE(ping({QStringLiteral("bogus_keyword=1")}, &out, &err), 64);
        QVERIFY(err.contains(QLatin1String("invalid connection string")));
    }
};

QTEST_GUILESS_MAIN(TestCliPing)
#include "tst_cli_ping.moc"
