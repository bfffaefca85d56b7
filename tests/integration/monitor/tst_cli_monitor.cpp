#include "monitor/metricnames.h"
#include "promserver.h"
#include "support/fixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace pgdeck;

class TestCliMonitor : public QObject
{
    Q_OBJECT
    test::Fixture fx;

    int run(const QStringList &args, QStringList *lines, QString *err)
    {
        // runCli turns the event loop, so the endpoint test's server keeps answering.
        const test::CliRun r = test::runCli(QStringLiteral(PGDECK_BIN), QStringList{QStringLiteral("monitor")} + args);
        *lines = r.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
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

    void json_printsOneSampleObjectPerLine()
    {
        test::PromServer prom;
        QVERIFY(prom.listen());
        prom.setBody(test::PromServer::poolBody(10, 4, 0, 0));
        QStringList lines;
        QString err;
        QCOMPARE(run({fx.primary, QStringLiteral("--samples"), QStringLiteral("3"), QStringLiteral("--interval"), QStringLiteral("0.5"),
                      QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--endpoint"), prom.url() + QStringLiteral("=api")},
                     &lines, &err),
                 0);
        QCOMPARE(lines.size(), 3);
        for (const QString &l : lines) {
            QJsonParseError pe;
            const QJsonObject o = QJsonDocument::fromJson(l.toUtf8(), &pe).object();
            QVERIFY2(pe.error == QJsonParseError::NoError, qPrintable(l));
            QVERIFY(o.value(QStringLiteral("up")).toBool());
            QCOMPARE(o.value(QStringLiteral("role")).toString(), QStringLiteral("primary"));
            const QJsonObject m = o.value(QStringLiteral("metrics")).toObject();
            QVERIFY(m.contains(monitor::metric::connTotal));
            QVERIFY(m.contains(monitor::metric::connMax));
        }
        // Rates need two samples; the last has them, and the endpoint was read.
        const QJsonObject m = QJsonDocument::fromJson(lines.last().toUtf8()).object().value(QStringLiteral("metrics")).toObject();
        QVERIFY(m.contains(monitor::metric::tpsCommit));
        QCOMPARE(m.value(QStringLiteral("scrape[api].pool_size")).toDouble(), 10.0);
    }

    void unreachable_printsDownSamplesAndExitsTwo()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const int port = closed.serverPort();
        closed.close();
        QStringList lines;
        QString err;
        QCOMPARE(run({QStringLiteral("host=127.0.0.1 port=%1 user=x").arg(port), QStringLiteral("--samples"), QStringLiteral("2"),
                      QStringLiteral("--interval"), QStringLiteral("0.5")},
                     &lines, &err),
                 2);
        QCOMPARE(lines.size(), 2);
        const QJsonObject o = QJsonDocument::fromJson(lines.first().toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("up")).toBool(), false);
        QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("down"));
        QVERIFY(o.value(QStringLiteral("error")).toString().contains(QLatin1String("refused")));
    }

    void badArguments_exitWithUsage()
    {
        QStringList lines;
        QString err;
        QCOMPARE(run({fx.primary, QStringLiteral("--format"), QStringLiteral("xml")}, &lines, &err), 64);
        QCOMPARE(run({fx.primary, QStringLiteral("--interval"), QStringLiteral("0.1")}, &lines, &err), 64);
    }
};

QTEST_GUILESS_MAIN(TestCliMonitor)
#include "tst_cli_monitor.moc"
