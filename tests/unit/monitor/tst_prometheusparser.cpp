#include "monitor/prometheusparser.h"

#include <QTest>

#include <cmath>

using namespace pgdeck;
using monitor::PrometheusParser;

class TestPrometheusParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_typicalExposition_readsNamesLabelsAndValues()
    {
        const QByteArray body = "# HELP db_pool_size Connections the pool may open.\n"
                                "# TYPE db_pool_size gauge\n"
                                "db_pool_size{pool=\"main\"} 20\n"
                                "db_pool_size{pool=\"reports\",region=\"eu\"} 5 1700000000000\n"
                                "db_pool_available 3.5\n"
                                "db_connection_errors_total 1e3\n"
                                "weird{label=\"a \\\"quoted\\\" \\\\ value\\n\"} +Inf\n"
                                "\r\n";
        const auto r = PrometheusParser::parse(body);
        QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join(QLatin1Char('\n'))));
        QCOMPARE(r.metrics.size(), 5);
        QCOMPARE(r.metrics[1].labels.value(QStringLiteral("region")), QStringLiteral("eu"));
        QCOMPARE(r.metrics[4].labels.value(QStringLiteral("label")), QStringLiteral("a \"quoted\" \\ value\n"));
        QVERIFY(std::isinf(r.metrics[4].value));
        QCOMPARE(PrometheusParser::sum(r, QStringLiteral("db_pool_size")), 25.0);
        QCOMPARE(PrometheusParser::sum(r, QStringLiteral("db_connection_errors_total")), 1000.0);
        bool found = true;
        QVERIFY(std::isnan(PrometheusParser::sum(r, QStringLiteral("db_pool_waiting"), &found)));
        QVERIFY(!found);
    }

    void sum_acceptsAnApplicationPrefix()
    {
        const auto r = PrometheusParser::parse("shopapi_db_pool_waiting 4\nshopapi_db_pool_waiting_seconds 9\n");
        QCOMPARE(PrometheusParser::sum(r, QStringLiteral("db_pool_waiting")), 4.0);
    }

    void parse_malformedLines_areReportedAndSkipped()
    {
        const auto r = PrometheusParser::parse("good 1\n"
                                               "{no_name} 1\n"
                                               "bad{x=\"unterminated} 1\n"
                                               "bad2{x=1} 2\n"
                                               "novalue\n"
                                               "trailing 1 2 3\n"
                                               "badnum abc\n"
                                               "esc{x=\"\\q\"} 1\n");
        QCOMPARE(r.metrics.size(), 1);
        QCOMPARE(r.errors.size(), 7);
        QVERIFY(r.errors[0].startsWith(QLatin1String("line 2:")));
    }

    void parse_htmlOrBinary_yieldsErrorsNotCrashes()
    {
        auto r = PrometheusParser::parse("<html><body>Not found</body></html>");
        QVERIFY(r.metrics.isEmpty());
        QVERIFY(!r.errors.isEmpty());
        QByteArray junk;
        for (int i = 0; i < 4096; ++i)
            junk.append(char(i * 37 % 256));
        r = PrometheusParser::parse(junk);
        QVERIFY(r.errors.size() <= 20);
    }
};

QTEST_GUILESS_MAIN(TestPrometheusParser)
#include "tst_prometheusparser.moc"
