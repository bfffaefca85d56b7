#include "monitor/statementstats.h"

#include <QTest>

#include <cmath>

using namespace pgdeck;
using monitor::StatementStats;

class TestStatementStats : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstSnapshot_onlySetsTheBaseline()
    {
        StatementStats s;
        s.update({{QStringLiteral("q1"), 100, 50000, 10, 2000}}, 1000);
        QVERIFY(!s.estimate(1000).has_value());
    }

    void oneSlowCall_isCountedForAMinute()
    {
        StatementStats s;
        s.setSlowThresholdMs(200);
        s.update({{QStringLiteral("fast"), 100, 100, 0.1, 2}}, 0);
        // One new statement ran once, for 300 ms; the fast one 1000 more times at ~1 ms.
        s.update({{QStringLiteral("fast"), 1100, 1100, 0.1, 2}, {QStringLiteral("sleep"), 1, 300, 0, 300}}, 5000);
        auto e = s.estimate(5000);
        QVERIFY(e.has_value());
        QCOMPARE(e->slowPerMin, 1.0);
        QVERIFY2(e->p95Ms > 0.9 && e->p95Ms < 1.5, qPrintable(QString::number(e->p95Ms)));
        QCOMPARE(e->callsPerS, 1001 / 5.0);
        // Still within the minute, no new calls.
        s.update({{QStringLiteral("fast"), 1100, 1100, 0.1, 2}, {QStringLiteral("sleep"), 1, 300, 0, 300}}, 30000);
        QCOMPARE(s.estimate(30000)->slowPerMin, 1.0);
        // A minute later it has left the window.
        s.update({{QStringLiteral("fast"), 1100, 1100, 0.1, 2}, {QStringLiteral("sleep"), 1, 300, 0, 300}}, 70000);
        QCOMPARE(s.estimate(70000)->slowPerMin, 0.0);
    }

    void statementWhoseMaxIsBelowTheThreshold_isNeverSlow()
    {
        StatementStats s;
        s.setSlowThresholdMs(100);
        s.update({{QStringLiteral("q"), 10, 500, 40, 90}}, 0);
        s.update({{QStringLiteral("q"), 20, 1000, 40, 90}}, 1000); // mean 50, big stddev, but max 90
        QCOMPARE(s.estimate(1000)->slowPerMin, 0.0);
    }

    void p95_ofMixedStatements_fallsBetweenTheirMeans()
    {
        StatementStats s;
        s.setSlowThresholdMs(10000);
        s.update({{QStringLiteral("a"), 0, 0, 0, 0}, {QStringLiteral("b"), 0, 0, 0, 0}}, 0);
        // 90 calls at 10 ms, 10 calls at 200 ms: the 95th percentile lies in the slow group.
        s.update({{QStringLiteral("a"), 90, 900, 0.5, 12}, {QStringLiteral("b"), 10, 2000, 5, 210}}, 1000);
        const double p95 = s.estimate(1000)->p95Ms;
        QVERIFY2(p95 > 190 && p95 < 210, qPrintable(QString::number(p95)));
    }

    void statsReset_doesNotProduceNegativeCounts()
    {
        StatementStats s;
        s.update({{QStringLiteral("q"), 100, 1000, 1, 20}}, 0);
        s.update({{QStringLiteral("q"), 3, 30, 1, 20}}, 1000);
        QVERIFY(!s.estimate(1000).has_value() || s.estimate(1000)->slowPerMin >= 0);
    }

    void mixtureQuantile_singleNormal_matchesTheTextbook()
    {
        const double q = StatementStats::mixtureQuantile({{1, 100, 10}}, 0.95);
        QVERIFY2(std::abs(q - 116.45) < 0.1, qPrintable(QString::number(q)));
    }
};

QTEST_GUILESS_MAIN(TestStatementStats)
#include "tst_statementstats.moc"
