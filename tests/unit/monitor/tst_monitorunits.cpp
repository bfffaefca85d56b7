#include "core/logging.h"
#include "core/paths.h"
#include "monitor/capabilities.h"
#include "monitor/catalogqueries.h"
#include "monitor/localdisk.h"
#include "monitor/metricnames.h"
#include "monitor/sample.h"
#include "monitor/thresholds.h"
#include "monitor/thresholdwatch.h"
#include "monitor/walhistory.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <cmath>

using namespace pgdeck;
using namespace pgdeck::monitor;

class TestMonitorUnits : public QObject
{
    Q_OBJECT
    QString m_log;

    int logCount(const QString &needle)
    {
        core::logger("monitor")->flush();
        QFile f(m_log);
        if (!f.open(QIODevice::ReadOnly))
            return -1;
        return int(QString::fromUtf8(f.readAll()).count(needle));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_log = QString::fromStdString(core::setupLogging(false, "info"));
    }

    void walHistory_idleCluster_reportsZero()
    {
        WalHistory h;
        h.record(0, 1000);
        // Nothing written for ten minutes: the standby has everything.
        QCOMPARE(h.secondsBehind(1000, 600000), 0.0);
    }

    void walHistory_pausedReplay_growsWithTheWallClock()
    {
        WalHistory h;
        for (int t = 0; t <= 10; ++t)
            h.record(t * 1000, 1000 + t * 100); // 100 bytes a second
        // Replay stopped at 1200 (written at t=2 s); the next WAL appeared at t=3 s.
        QCOMPARE(h.secondsBehind(1200, 10000), 7.0);
        QCOMPARE(h.secondsBehind(2000, 10000), 0.0); // caught up
        bool before = false;
        h.secondsBehind(500, 10000, &before);
        QVERIFY(before);
    }

    void thresholds_levelsFollowTheSeedTable()
    {
        Thresholds t;
        QCOMPARE(t.level(KeyMetric::PoolUsage, 69.9), Level::Ok);
        QCOMPARE(t.level(KeyMetric::PoolUsage, 70), Level::Warning);
        QCOMPARE(t.level(KeyMetric::PoolUsage, 85), Level::Warning);
        QCOMPARE(t.level(KeyMetric::PoolUsage, 85.1), Level::Critical);
        QCOMPARE(t.level(KeyMetric::SlowQueries, 0), Level::Ok);
        QCOMPARE(t.level(KeyMetric::SlowQueries, 1), Level::Warning);
        QCOMPARE(t.level(KeyMetric::SlowQueries, 11), Level::Critical);
        QCOMPARE(t.level(KeyMetric::ReplicationLag, 0.5), Level::Ok);
        QCOMPARE(t.level(KeyMetric::ActiveConnections, 101), Level::Critical);
        QCOMPARE(t.level(KeyMetric::QueryP95, std::nan("")), Level::Unknown);
    }

    void thresholds_persistPerProfile()
    {
        Thresholds t;
        t.setBand(KeyMetric::QueryP95, {50, 250});
        t.slowQueryMs = 200;
        t.save(QStringLiteral("prod/eu"));
        QCOMPARE(Thresholds::load(QStringLiteral("prod/eu")).band(KeyMetric::QueryP95).critical, 250.0);
        QCOMPARE(Thresholds::load(QStringLiteral("prod/eu")).slowQueryMs, 200.0);
        QCOMPARE(Thresholds::load(QStringLiteral("other")).band(KeyMetric::QueryP95).critical, 500.0);
    }

    void thresholdWatch_signalsEachTransitionOnce()
    {
        ThresholdWatch w;
        QSignalSpy spy(&w, &ThresholdWatch::levelChanged);
        Sample s;
        s.source = QStringLiteral("p/s");
        s.up = true;
        s.values.insert(metric::slowPerMin, 20);
        w.evaluate(QStringLiteral("p"), s);
        w.evaluate(QStringLiteral("p"), s);
        int critical = 0;
        for (const auto &args : spy)
            if (args.at(1).value<KeyMetric>() == KeyMetric::SlowQueries && args.at(3).value<Level>() == Level::Critical)
                ++critical;
        QCOMPARE(critical, 1);
        QCOMPARE(w.level(QStringLiteral("p/s"), KeyMetric::SlowQueries), Level::Critical);
        s.values.insert(metric::slowPerMin, 0);
        w.evaluate(QStringLiteral("p"), s);
        QCOMPARE(w.level(QStringLiteral("p/s"), KeyMetric::SlowQueries), Level::Ok);
    }

    void criticalState_isLoggedOncePerTransition()
    {
        ThresholdWatch w;
        Sample s;
        s.source = QStringLiteral("logtest/db-%1").arg(QDateTime::currentMSecsSinceEpoch());
        s.server = QStringLiteral("db");
        s.up = true;
        const QString needle = s.source + QStringLiteral("): Replication lag is critical");
        QCOMPARE(logCount(needle), 0);
        s.values.insert(metric::standbyLagS, 42);
        for (int i = 0; i < 5; ++i)
            w.evaluate(QStringLiteral("p"), s);
        QCOMPARE(logCount(needle), 1);
        s.values.insert(metric::standbyLagS, 0.1);
        w.evaluate(QStringLiteral("p"), s);
        QCOMPARE(logCount(s.source + QStringLiteral("): Replication lag is no longer critical")), 1);
        s.values.insert(metric::standbyLagS, 50);
        w.evaluate(QStringLiteral("p"), s);
        QCOMPARE(logCount(needle), 2);
    }

    void poolUsage_prefersTheApplicationsOwnPool()
    {
        Sample s;
        s.up = true;
        s.values.insert(metric::connUsagePct, 10);
        QCOMPARE(Thresholds::valueOf(KeyMetric::PoolUsage, s), 10.0);
        s.values.insert(metric::keyed(QStringLiteral("scrape"), QStringLiteral("api"), QStringLiteral("pool_size")), 20);
        s.values.insert(metric::keyed(QStringLiteral("scrape"), QStringLiteral("api"), QStringLiteral("pool_available")), 2);
        QCOMPARE(Thresholds::valueOf(KeyMetric::PoolUsage, s), 90.0);
    }

    void keyedNames_roundTrip()
    {
        const QString k = metric::keyed(QStringLiteral("app"), QStringLiteral("my.app[1]"), QStringLiteral("idle_in_tx"));
        QString g, n, f;
        QVERIFY(metric::splitKeyed(k, &g, &n, &f));
        QCOMPARE(g, QStringLiteral("app"));
        QCOMPARE(n, QStringLiteral("my.app[1)"));
        QCOMPARE(f, QStringLiteral("idle_in_tx"));
        QVERIFY(!metric::splitKeyed(metric::connActive, &g, &n, &f));
    }

    void tickSql_followsTheExtensionVersion()
    {
        Capabilities c;
        c.serverVersion = 120010;
        c.pgssInstalled = c.pgssLoaded = true;
        c.pgssSchema = QStringLiteral("public");
        c.pgssVersion = 107;
        QString sql = CatalogQueries::tickSql(c);
        QVERIFY(sql.contains(QLatin1String("s.total_time")));
        QVERIFY(!sql.contains(QLatin1String("toplevel")));
        c.serverVersion = 150004;
        c.pgssVersion = 110;
        sql = CatalogQueries::tickSql(c);
        QVERIFY(sql.contains(QLatin1String("total_exec_time")));
        QVERIFY(sql.contains(QLatin1String("s.toplevel")));
        QVERIFY(sql.contains(QLatin1String("$1::boolean")));
        QVERIFY(sql.contains(QLatin1String("$2::boolean")));
        QVERIFY(!sql.contains(QLatin1String("pg_ls_waldir"))); // no pg_monitor: not asked
        c.monitorRole = true;
        QVERIFY(CatalogQueries::tickSql(c).contains(QLatin1String("pg_ls_waldir")));
        c.pgssInstalled = false;
        QVERIFY(!CatalogQueries::tickSql(c).contains(QLatin1String("pg_stat_statements")));
        // Both parameters stay declared, so the same EXECUTE fits every server.
        QVERIFY(CatalogQueries::tickSql(c).contains(QLatin1String("$1::boolean")));
    }

    void notes_sayWhatToRun()
    {
        Capabilities c;
        c.serverVersion = 150004;
        c.database = QStringLiteral("shop");
        c.user = QStringLiteral("watcher");
        const QString all = CatalogQueries::notes(c).join(QLatin1Char('\n'));
        QVERIFY(all.contains(QLatin1String("CREATE EXTENSION pg_stat_statements")));
        QVERIFY(all.contains(QLatin1String("shared_preload_libraries")));
        QVERIFY(all.contains(QLatin1String("GRANT pg_monitor TO watcher")));
        c.serverVersion = 110000;
        QVERIFY(CatalogQueries::notes(c).join(QLatin1Char('\n')).contains(QLatin1String("outside")));
    }

    void sample_toJson_listsMetricsAndState()
    {
        Sample s;
        s.source = QStringLiteral("p/h:1");
        s.up = false;
        s.state = QStringLiteral("down");
        s.error = QStringLiteral("refused");
        s.timestampMs = 1700000000000;
        s.values.insert(metric::up, 0);
        s.values.insert(QStringLiteral("nan"), std::nan(""));
        const QJsonObject o = s.toJson();
        QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("down"));
        QCOMPARE(o.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("up")).toDouble(), 0.0);
        QVERIFY(!o.value(QStringLiteral("metrics")).toObject().contains(QStringLiteral("nan")));
        QCOMPARE(o.value(QStringLiteral("time")).toString(), QStringLiteral("2023-11-14T22:13:20.000Z"));
    }

    void localDisk_knowsLoopbackFromRemote()
    {
        QVERIFY(LocalDisk::isLocal(*pg::ConnParams::parse(QStringLiteral("host=127.0.0.1 port=5432"))));
        QVERIFY(LocalDisk::isLocal(*pg::ConnParams::parse(QStringLiteral("host=/var/run/postgresql"))));
        QVERIFY(LocalDisk::isLocal(*pg::ConnParams::parse(QStringLiteral("host=localhost"))));
        QVERIFY(!LocalDisk::isLocal(*pg::ConnParams::parse(QStringLiteral("host=db.example.com"))));
        QVERIFY(LocalDisk::usage(QStringLiteral("/")).has_value());
        QVERIFY(!LocalDisk::usage(QStringLiteral("/no/such/dir")).has_value());
    }
};

QTEST_GUILESS_MAIN(TestMonitorUnits)
#include "tst_monitorunits.moc"
