#include "monitor/bouncersampler.h"
#include "monitor/metricnames.h"
#include "monitor/monitor.h"
#include "monitor/postgressampler.h"
#include "monitor/prometheusscraper.h"
#include "pg/serverconnection.h"
#include "pg/session.h"
#include "promserver.h"
#include "store/metricstore.h"
#include "support/fixture.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cmath>
#include <memory>
#include <vector>

using namespace pgdeck;
using namespace pgdeck::monitor;
using test::waitFor;

namespace {

// Records every sample a sampler emits and drives its ticks.
struct Recorder
{
    explicit Recorder(Sampler *s, int intervalMs) : sampler(s)
    {
        s->setIntervalMs(intervalMs);
        QObject::connect(s, &Sampler::sampled, s, [this](const Sample &x) { samples.push_back(x); });
        timer.setInterval(intervalMs);
        QObject::connect(&timer, &QTimer::timeout, s, &Sampler::tick);
    }
    void start()
    {
        sampler->start();
        timer.start();
    }
    bool waitUp(int ms = 15000)
    {
        return waitFor([&] { return sampler->state() == Sampler::State::Up; }, ms);
    }
    // Waits for `n` more samples; returns the last.
    Sample next(int n = 1, int ms = 20000)
    {
        const size_t want = samples.size() + size_t(n);
        waitFor([&] { return samples.size() >= want; }, ms);
        return samples.empty() ? Sample{} : samples.back();
    }
    double v(const QString &m) const { return samples.empty() ? std::nan("") : samples.back().values.value(m, std::nan("")); }

    Sampler *sampler;
    QTimer timer;
    std::vector<Sample> samples;
};

QString appKey(const QString &app, const char *field)
{
    return metric::keyed(QStringLiteral("app"), app, QString::fromLatin1(field));
}

} // namespace

class TestSampler : public QObject
{
    Q_OBJECT
    test::Fixture fx;

    pg::ConnParams withApp(pg::ConnParams p, const QString &app)
    {
        p.set("application_name", app);
        return p;
    }

    void terminate(const QString &app)
    {
        test::scalar(fx.primary, QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '%1'").arg(app));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        fx = test::fixture();
        if (!fx.valid())
            QSKIP("no fixture: run through ctest");
    }

    void tick_primary_readsEveryCoreMetricInOneStatement()
    {
        PostgresSampler s(QStringLiteral("t/primary"), QStringLiteral("primary"), fx.primaryParams(), nullptr);
        Recorder r(&s, 500);
        r.start();
        QVERIFY(r.waitUp());
        const Sample x = r.next(3);
        QVERIFY(x.up);
        QCOMPARE(x.role, QStringLiteral("primary"));
        for (const QString &m : {metric::connActive, metric::connIdle, metric::connIdleInTx, metric::connWaitingLock, metric::connMax,
                                 metric::tpsCommit, metric::tupIn, metric::tupOut, metric::walBytesPerS, metric::walSizeBytes,
                                 metric::fsUsedPct, metric::rttMs})
            QVERIFY2(x.has(m), qPrintable(m));
        QCOMPARE(x.value(metric::connMax, 0), 300.0);
        QVERIFY(x.has(metric::keyed(QStringLiteral("dbsize"), QStringLiteral("pgdeck_demo"), QStringLiteral("bytes"))));
        // The primary sees its replica.
        bool replica = false;
        for (auto it = x.values.cbegin(); it != x.values.cend(); ++it)
            replica = replica || (it.key().startsWith(QLatin1String("repl[")) && it.key().endsWith(QLatin1String("].lag_bytes")));
        QVERIFY(replica);
        // It ran on its own session, tagged.
        QCOMPARE(test::scalar(fx.primary, QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'pgdeck-monitor'")),
                 QStringLiteral("1"));
        QVERIFY(s.notes().join(QLatin1Char(' ')).isEmpty() || !s.notes().join(QLatin1Char(' ')).contains(QLatin1String("pg_stat_statements")));
    }

    void missingExtension_isExplainedWithWhatToRun()
    {
        pg::ConnParams p = fx.primaryParams();
        p.set("dbname", QStringLiteral("postgres")); // pg_stat_statements is loaded, not created there
        PostgresSampler s(QStringLiteral("t/pg"), QStringLiteral("primary"), p, nullptr);
        Recorder r(&s, 500);
        r.start();
        QVERIFY(r.waitUp());
        const Sample x = r.next(2);
        QVERIFY(x.up);
        const QString notes = x.notes.join(QLatin1Char('\n'));
        QVERIFY2(notes.contains(QLatin1String("CREATE EXTENSION pg_stat_statements")), qPrintable(notes));
        QVERIFY(notes.contains(QLatin1String("postgres")));
        QVERIFY(!x.has(metric::p95Ms)); // not charted rather than charted as 0
    }

    void thirtySessions_raiseTheCountsWithinTwoTicks_idleInTransactionCountedAsSuch()
    {
        const QString app = QStringLiteral("tst-monitor-30");
        terminate(app);
        PostgresSampler s(QStringLiteral("t/primary"), QStringLiteral("primary"), fx.primaryParams(), nullptr);
        Recorder r(&s, 1000);
        r.start();
        QVERIFY(r.waitUp());
        const Sample before = r.next(2);
        std::vector<std::unique_ptr<pg::Session>> sessions;
        int connected = 0, ready = 0;
        for (int i = 0; i < 30; ++i) {
            sessions.push_back(std::make_unique<pg::Session>());
            pg::Session *ss = sessions.back().get();
            QObject::connect(ss, &pg::Session::connected, ss, [&, ss, i]() {
                ++connected;
                if (i < 10) { // 10 active
                    ss->exec(QStringLiteral("SELECT pg_sleep(60)"), [](core::Result<pg::QueryResult>) {});
                    ++ready;
                } else if (i < 15) { // 5 idle in transaction
                    ss->exec(QStringLiteral("BEGIN; SELECT 1"), [&](core::Result<pg::QueryResult>) { ++ready; });
                } else { // 15 idle
                    ++ready;
                }
            });
            ss->connectToServer(withApp(fx.primaryParams(), app), 10000);
        }
        QVERIFY(waitFor([&] { return ready == 30; }, 30000));
        QTest::qWait(200); // the pg_sleep calls reach the server
        const size_t mark = r.samples.size();
        r.next(2);
        bool seen = false;
        for (size_t i = mark; i < r.samples.size() && !seen; ++i) {
            const Sample &x = r.samples[i];
            seen = x.value(appKey(app, "total"), 0) == 30 && x.value(appKey(app, "active"), 0) == 10
                && x.value(appKey(app, "idle_in_tx"), 0) == 5 && x.value(appKey(app, "idle"), 0) == 15
                && x.value(metric::connActive, 0) >= before.value(metric::connActive, 0) + 10
                && x.value(metric::connIdle, 0) >= before.value(metric::connIdle, 0) + 15
                && x.value(metric::connIdleInTx, 0) >= before.value(metric::connIdleInTx, 0) + 5
                && x.value(metric::connTotal, 0) >= before.value(metric::connTotal, 0) + 30;
        }
        const Sample &last = r.samples.back();
        QVERIFY2(seen, qPrintable(QStringLiteral("after 2 ticks: app total %1 active %2 idle %3 idle_in_tx %4; server active %5 -> %6, idle %7 -> %8")
                                      .arg(last.value(appKey(app, "total"), 0))
                                      .arg(last.value(appKey(app, "active"), 0))
                                      .arg(last.value(appKey(app, "idle"), 0))
                                      .arg(last.value(appKey(app, "idle_in_tx"), 0))
                                      .arg(before.value(metric::connActive, 0))
                                      .arg(last.value(metric::connActive, 0))
                                      .arg(before.value(metric::connIdle, 0))
                                      .arg(last.value(metric::connIdle, 0))));
        terminate(app);
        sessions.clear();
        // And back down.
        QVERIFY(waitFor([&] { return r.v(appKey(app, "total")) != 30 && !(r.v(appKey(app, "total")) > 0); }, 10000));
    }

    void idleCluster_showsAboutZeroLagFromBothSides()
    {
        PostgresSampler p(QStringLiteral("t/primary"), QStringLiteral("primary"), fx.primaryParams(), nullptr);
        PostgresSampler rep(QStringLiteral("t/replica"), QStringLiteral("replica"), fx.replicaParams(), nullptr);
        Recorder rp(&p, 500), rr(&rep, 500);
        rp.start();
        rr.start();
        QVERIFY(rp.waitUp() && rr.waitUp());
        QCOMPARE(rr.next(2).role, QStringLiteral("replica"));
        // Ten idle seconds: the lag must stay near zero, not count the idle time.
        for (int i = 0; i < 20; ++i) {
            const Sample a = rp.next(), b = rr.next();
            QVERIFY2(b.value(metric::standbyLagS, 99) < 1.0, qPrintable(QString::number(b.value(metric::standbyLagS, 99))));
            for (auto it = a.values.cbegin(); it != a.values.cend(); ++it)
                if (it.key().startsWith(QLatin1String("repl[")) && it.key().endsWith(QLatin1String("].lag_s")))
                    QVERIFY2(it.value() < 1.0, qPrintable(QStringLiteral("%1 = %2").arg(it.key()).arg(it.value())));
        }
    }

    void pausedReplay_lagGrowsInBytesAndSeconds_resumeBringsItBack()
    {
        PostgresSampler p(QStringLiteral("t/primary"), QStringLiteral("primary"), fx.primaryParams(), nullptr);
        PostgresSampler rep(QStringLiteral("t/replica"), QStringLiteral("replica"), fx.replicaParams(), nullptr);
        Recorder rp(&p, 500), rr(&rep, 500);
        rp.start();
        rr.start();
        QVERIFY(rp.waitUp() && rr.waitUp());
        rp.next(2);
        rr.next(2);
        test::scalar(fx.primary, QStringLiteral("CREATE TABLE IF NOT EXISTS tst_monitor_lag (x int)"));
        QVERIFY(waitFor([&] { return test::scalar(fx.replica, QStringLiteral("SELECT to_regclass('tst_monitor_lag') IS NOT NULL")) == QLatin1String("t"); }, 10000));
        test::scalar(fx.replica, QStringLiteral("SELECT pg_wal_replay_pause()"));
        // Whatever happens below, replay resumes: the fixture stays healthy.
        auto resume = qScopeGuard([&] { test::scalar(fx.replica, QStringLiteral("SELECT pg_wal_replay_resume()")); });
        QTimer writer;
        QObject::connect(&writer, &QTimer::timeout, [&] {
            test::scalar(fx.primary, QStringLiteral("INSERT INTO tst_monitor_lag SELECT g FROM generate_series(1, 100) g"));
        });
        writer.start(200);
        auto maxLag = [](const Sample &s, const char *field) {
            double worst = 0;
            for (auto it = s.values.cbegin(); it != s.values.cend(); ++it)
                if (it.key().startsWith(QLatin1String("repl[")) && it.key().endsWith(QStringLiteral("].") + QLatin1String(field)))
                    worst = std::max(worst, it.value());
            return worst;
        };
        QVERIFY(waitFor([&] { return rr.v(metric::standbyPaused) == 1; }, 5000));
        const Sample early = rp.next(2);
        const Sample earlyReplica = rr.samples.back();
        QTest::qWait(4000);
        const Sample late = rp.next();
        const Sample lateReplica = rr.next();
        writer.stop();
        // Growing, from both sides.
        QVERIFY2(maxLag(late, "lag_bytes") > maxLag(early, "lag_bytes"),
                 qPrintable(QStringLiteral("%1 -> %2").arg(maxLag(early, "lag_bytes")).arg(maxLag(late, "lag_bytes"))));
        QVERIFY2(maxLag(late, "lag_s") >= 3.0 && maxLag(late, "lag_s") > maxLag(early, "lag_s"),
                 qPrintable(QStringLiteral("primary side %1 -> %2 s").arg(maxLag(early, "lag_s")).arg(maxLag(late, "lag_s"))));
        QVERIFY(lateReplica.value(metric::standbyLagBytes, 0) > earlyReplica.value(metric::standbyLagBytes, 0));
        QVERIFY2(lateReplica.value(metric::standbyLagS, 0) >= 3.0,
                 qPrintable(QStringLiteral("replica side %1 s").arg(lateReplica.value(metric::standbyLagS, 0))));
        resume.dismiss();
        test::scalar(fx.replica, QStringLiteral("SELECT pg_wal_replay_resume()"));
        QVERIFY2(waitFor([&] { return maxLag(rp.samples.back(), "lag_s") < 1.0 && rr.v(metric::standbyLagS) < 1.0; }, 20000),
                 qPrintable(QStringLiteral("after resume: primary side %1 s, replica side %2 s")
                                .arg(maxLag(rp.samples.back(), "lag_s"))
                                .arg(rr.v(metric::standbyLagS))));
        QVERIFY(waitFor([&] { return maxLag(rp.samples.back(), "lag_bytes") == 0 || rr.v(metric::standbyLagBytes) == 0; }, 20000));
        test::scalar(fx.primary, QStringLiteral("DROP TABLE IF EXISTS tst_monitor_lag"));
    }

    void slowQuery_appearsInTheSlowSeriesWithinAMinute()
    {
        PostgresSampler s(QStringLiteral("t/primary"), QStringLiteral("primary"), fx.primaryParams(), nullptr);
        s.setSlowThresholdMs(200);
        s.setStatementsEvery(1);
        Recorder r(&s, 1000);
        r.start();
        QVERIFY(r.waitUp());
        r.next(2);
        QVERIFY(r.samples.back().has(metric::slowPerMin));
        const double before = r.v(metric::slowPerMin);
        // A statement no one ran before, so it cannot hide in an old average.
        const QString sql = QStringLiteral("SELECT pg_sleep(0.3), '%1'::text").arg(QDateTime::currentMSecsSinceEpoch());
        test::scalar(fx.primary, sql);
        QVERIFY2(waitFor([&] { return r.v(metric::slowPerMin) >= before + 1; }, 60000),
                 qPrintable(QStringLiteral("slow/min stayed %1").arg(r.v(metric::slowPerMin))));
        QVERIFY(r.v(metric::p95Ms) > 0);
    }

    void scrape_loopbackEndpoint_poolMetricsInTheSample()
    {
        test::PromServer prom;
        QVERIFY(prom.listen());
        prom.setBody(test::PromServer::poolBody(20, 5, 3, 7));
        QNetworkAccessManager nam;
        PostgresSampler s(QStringLiteral("t/primary"), QStringLiteral("primary"), fx.primaryParams(), nullptr);
        s.setEndpoints({{QUrl(prom.url()), QStringLiteral("demo-api")}}, &nam);
        Recorder r(&s, 500);
        r.start();
        QVERIFY(r.waitUp());
        auto key = [](const char *f) { return metric::keyed(QStringLiteral("scrape"), QStringLiteral("demo-api"), QString::fromLatin1(f)); };
        QVERIFY(waitFor([&] { return r.v(key("pool_size")) == 20; }, 10000));
        QCOMPARE(r.v(key("pool_available")), 5.0);
        QCOMPARE(r.v(key("pool_waiting")), 3.0);
        QCOMPARE(r.v(key("errors_total")), 7.0);
        QCOMPARE(r.v(key("up")), 1.0);
        QCOMPARE(s.scrapers().first()->state(), PrometheusScraper::State::Ok);
        prom.setBody(test::PromServer::poolBody(20, 5, 3, 9));
        QVERIFY(waitFor([&] { return r.v(key("errors_total")) == 9; }, 10000));
        // Two new errors within the minute.
        QCOMPARE(r.v(key("errors_per_min")), 2.0);
    }

    void scrape_malformedOrFailingOrUnreachable_showsAClearStateAndKeepsSampling()
    {
        test::PromServer prom;
        QVERIFY(prom.listen());
        prom.setBody("<html>this is not Prometheus</html>");
        QNetworkAccessManager nam;
        PrometheusScraper sc(QUrl(prom.url()), QStringLiteral("api"), &nam);
        auto scrapeOnce = [&] {
            bool done = false;
            QMetaObject::Connection c = QObject::connect(&sc, &PrometheusScraper::scraped, [&] { done = true; });
            sc.scrape(2000);
            waitFor([&] { return done; }, 10000);
            QObject::disconnect(c);
        };
        scrapeOnce();
        QCOMPARE(sc.state(), PrometheusScraper::State::Malformed);
        QVERIFY2(sc.stateText().contains(QLatin1String("did not serve Prometheus metrics")), qPrintable(sc.stateText()));
        prom.setBody("some_other_metric 1\n");
        scrapeOnce();
        QCOMPARE(sc.state(), PrometheusScraper::State::Malformed);
        QVERIFY(sc.stateText().contains(QLatin1String("db_pool_size")));
        prom.setBody("oops", "500 Internal Server Error");
        scrapeOnce();
        QCOMPARE(sc.state(), PrometheusScraper::State::HttpError);
        QVERIFY(sc.stateText().contains(QLatin1String("500")));
        QVERIFY(!sc.hasPool());

        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const int port = closed.serverPort();
        closed.close();
        PrometheusScraper gone(QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(port)), QStringLiteral("api"), &nam);
        bool done = false;
        QObject::connect(&gone, &PrometheusScraper::scraped, [&] { done = true; });
        gone.scrape(2000);
        QVERIFY(waitFor([&] { return done; }, 10000));
        QCOMPARE(gone.state(), PrometheusScraper::State::Unreachable);
        QVERIFY(gone.stateText().contains(QLatin1String("cannot reach")));

        // A sampler with a dead endpoint keeps sampling the server.
        PostgresSampler s(QStringLiteral("t/primary"), QStringLiteral("primary"), fx.primaryParams(), nullptr);
        s.setEndpoints({{QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(port)), QStringLiteral("api")}}, &nam);
        Recorder r(&s, 500);
        r.start();
        QVERIFY(r.waitUp());
        const Sample x = r.next(3);
        QVERIFY(x.up);
        QCOMPARE(x.value(metric::keyed(QStringLiteral("scrape"), QStringLiteral("api"), QStringLiteral("up")), -1), 0.0);
    }

    void pgbouncer_poolsAndStatsFromTheAdminConsole()
    {
        if (fx.pgbouncer.isEmpty())
            QSKIP("pgbouncer is not installed");
        pg::ConnParams admin = *pg::ConnParams::parse(fx.pgbouncer);
        admin.set("dbname", QStringLiteral("pgbouncer"));
        BouncerSampler s(QStringLiteral("t/bouncer"), QStringLiteral("pgbouncer"), admin, nullptr);
        Recorder r(&s, 500);
        r.start();
        QVERIFY2(r.waitUp(), qPrintable(s.lastError()));
        // A client through the pooler shows up in its pools.
        pg::Session client;
        client.connectToServer(*pg::ConnParams::parse(fx.pgbouncer), 10000);
        bool done = false;
        QObject::connect(&client, &pg::Session::connected, [&] {
            client.exec(QStringLiteral("SELECT pg_sleep(3)"), [&](core::Result<pg::QueryResult>) { done = true; });
        });
        QVERIFY(waitFor([&] { return r.v(metric::bouncerClActive) >= 1 && r.v(metric::bouncerSvActive) >= 1; }, 10000));
        const Sample x = r.samples.back();
        QCOMPARE(x.role, QStringLiteral("pooler"));
        for (const QString &m : {metric::bouncerClWaiting, metric::bouncerSvIdle, metric::bouncerMaxwaitS})
            QVERIFY2(x.has(m), qPrintable(m));
        QVERIFY(waitFor([&] { return done; }, 10000));
        QVERIFY(waitFor([&] { return r.v(metric::bouncerXactPerS) >= 0 && r.samples.back().has(metric::bouncerQueryPerS); }, 5000));
    }

    void pgbouncerInFrontOfADatabase_isDetectedAndChartedAsAPooler()
    {
        if (fx.pgbouncer.isEmpty())
            QSKIP("pgbouncer is not installed");
        auto *server = new pg::ServerConnection(QStringLiteral("bouncer"), *pg::ConnParams::parse(fx.pgbouncer), {});
        std::unique_ptr<pg::ServerConnection> owner(server);
        Monitor m(nullptr);
        m.setIntervalMs(500);
        m.addServer(QStringLiteral("t"), server);
        m.setVisibleServers({server});
        QVERIFY(waitFor([&] { return qobject_cast<BouncerSampler *>(m.sampler(server)) != nullptr; }, 15000));
        Sample last;
        QObject::connect(&m, &Monitor::sampled, [&](pg::ServerConnection *, const Sample &s) { last = s; });
        QVERIFY(waitFor([&] { return last.up && last.has(metric::bouncerClActive); }, 10000));
        QCOMPARE(last.role, QStringLiteral("pooler"));
    }

    // Last: it kills the fixture's primary and starts it again.
    void primaryKilled_downWithinTwoTicks_reconnects_gapStored()
    {
        QTemporaryDir dir;
        store::MetricStore::Options so;
        so.path = dir.filePath(QStringLiteral("w.sqlite"));
        so.flushIntervalMs = 500;
        store::MetricStore metrics(so);
        auto *server = new pg::ServerConnection(QStringLiteral("primary"), fx.primaryParams(), {});
        std::unique_ptr<pg::ServerConnection> owner(server);
        Monitor m(&metrics);
        m.setIntervalMs(500);
        m.addServer(QStringLiteral("fixture"), server);
        m.setVisibleServers({server});
        std::vector<Sample> samples;
        QObject::connect(&m, &Monitor::sampled, [&](pg::ServerConnection *, const Sample &s) { samples.push_back(s); });
        QVERIFY(waitFor([&] { return samples.size() >= 4 && samples.back().up; }, 15000));
        const QString pgdata = fx.baseDir + QStringLiteral("/primary");
        const QString log = fx.baseDir + QStringLiteral("/log/primary.log");
        QString out;
        auto restart = qScopeGuard([&] {
            test::runServerTool(fx.binDir + QStringLiteral("/pg_ctl"), {QStringLiteral("start"), QStringLiteral("-w"), QStringLiteral("-D"), pgdata,
                                                                         QStringLiteral("-l"), log});
        });
        const qint64 killedAt = QDateTime::currentMSecsSinceEpoch();
        QCOMPARE(test::runServerTool(fx.binDir + QStringLiteral("/pg_ctl"),
                                     {QStringLiteral("stop"), QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-D"), pgdata}, &out),
                 0);
        const size_t mark = samples.size();
        QVERIFY(waitFor([&] { return samples.size() >= mark + 2; }, 10000));
        QVERIFY2(!samples[mark].up || !samples[mark + 1].up, "the server must be shown down within two ticks");
        QCOMPARE(m.sampler(server)->state() == Sampler::State::Up, false);
        QVERIFY(!m.sampler(server)->lastError().isEmpty());
        QTest::qWait(2000); // a visible gap
        restart.dismiss();
        QCOMPARE(test::runServerTool(fx.binDir + QStringLiteral("/pg_ctl"),
                                     {QStringLiteral("start"), QStringLiteral("-w"), QStringLiteral("-D"), pgdata, QStringLiteral("-l"), log}, &out),
                 0);
        QVERIFY2(waitFor([&] { return m.sampler(server)->state() == Sampler::State::Up && samples.back().up; }, 30000),
                 qPrintable(m.sampler(server)->lastError()));
        QVERIFY(waitFor([&] { return samples.back().up && samples.back().has(metric::connTotal); }, 10000));

        // The history holds the gap: no connection counts while it was down, up = 0 there.
        store::MetricStore::History h;
        bool done = false;
        metrics.history(m.sourceOf(server), {metric::connTotal, metric::up}, killedAt - 10000, QDateTime::currentMSecsSinceEpoch(), &metrics,
                        [&](const store::MetricStore::History &x) {
                            h = x;
                            done = true;
                        });
        QVERIFY(waitFor([&] { return done; }, 10000));
        const auto conns = h.series.value(metric::connTotal);
        double widest = 0;
        for (int i = 1; i < conns.size(); ++i)
            widest = std::max(widest, conns[i].x() - conns[i - 1].x());
        QVERIFY2(widest >= 2000, qPrintable(QStringLiteral("widest gap %1 ms").arg(widest)));
        bool sawDown = false;
        for (const QPointF &p : h.series.value(metric::up))
            sawDown = sawDown || p.y() == 0;
        QVERIFY(sawDown);

        // Leave the fixture as found: the replica streams again.
        QVERIFY(waitFor([&] {
            return test::scalar(fx.primary, QStringLiteral("SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")) == QLatin1String("1");
        }, 60000));
    }
};

QTEST_GUILESS_MAIN(TestSampler)
#include "tst_sampler.moc"
