#include "pg/pool.h"
#include "pg/session.h"
#include "support/fixture.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace pgdeck;
using test::waitFor;

class TestPool : public QObject
{
    Q_OBJECT
    test::Fixture fx;
    int m_seq = 0;

    QString uniqueAppName() { return QStringLiteral("tst_pool_%1_%2").arg(QCoreApplication::applicationPid()).arg(++m_seq); }

    int serverSessions(const QString &appName)
    {
        return test::scalar(fx.primary, QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE application_name = '%1'")
                                            .arg(appName))
            .toInt();
    }

    // Acquires once and waits for the outcome.
    core::Result<pg::Lease> acquire(pg::Pool &pool, int timeoutMs = 15000)
    {
        std::optional<core::Result<pg::Lease>> out;
        pool.acquire([&](core::Result<pg::Lease> l) { out.emplace(std::move(l)); });
        waitFor([&] { return out.has_value(); }, timeoutMs);
        if (!out)
            return core::Error::make(core::Error::Kind::Internal, QStringLiteral("acquire never answered"));
        return std::move(*out);
    }

    core::Result<pg::QueryResult> run(pg::Session *s, const QString &sql)
    {
        std::optional<core::Result<pg::QueryResult>> out;
        s->exec(sql, [&](core::Result<pg::QueryResult> r) { out = std::move(r); });
        waitFor([&] { return out.has_value(); }, 30000);
        if (!out)
            return core::Error::make(core::Error::Kind::Internal, QStringLiteral("no answer"));
        return std::move(*out);
    }

private Q_SLOTS:
    void initTestCase()
    {
        fx = test::fixture();
        if (!fx.valid())
            QSKIP("no fixture: run through ctest");
    }

    void twoHundredAcquires_neverExceedMax_andAllComplete()
    {
        pg::PoolOptions o;
        o.max = 20;
        o.applicationName = uniqueAppName();
        o.connectionTimeoutMs = 60000;
        pg::Pool pool(fx.primaryParams(), o);

        int completed = 0, failed = 0;
        int maxTotal = 0, maxWaiting = 0, maxServer = 0;
        for (int i = 0; i < 200; ++i) {
            pool.acquire([&, i](core::Result<pg::Lease> lease) {
                if (!lease.ok()) {
                    ++failed;
                    return;
                }
                auto held = std::make_shared<pg::Lease>(std::move(lease.value()));
                (*held)->exec(QStringLiteral("SELECT pg_sleep(0.02), %1").arg(i), [&, held](core::Result<pg::QueryResult> r) {
                    if (r.ok())
                        ++completed;
                    else
                        ++failed;
                    held->release();
                });
            });
        }
        // Nothing was connected yet: every acquire is queued and the pool says so.
        QCOMPARE(pool.stats().waiting, 200);
        QVERIFY(pool.stats().total <= 20);

        // Watch the server from a separate connection while the pool works.
        QTimer watch;
        connect(&watch, &QTimer::timeout, this, [&] {
            maxServer = std::max(maxServer, serverSessions(o.applicationName));
        });
        watch.start(50);
        QVERIFY(waitFor([&] {
            const auto st = pool.stats();
            maxTotal = std::max(maxTotal, st.total);
            maxWaiting = std::max(maxWaiting, st.waiting);
            return completed + failed == 200;
        }, 60000));
        watch.stop();
        maxServer = std::max(maxServer, serverSessions(o.applicationName));

        QCOMPARE(failed, 0);
        QCOMPARE(completed, 200);
        QVERIFY2(maxTotal <= 20, qPrintable(QString::number(maxTotal)));
        QVERIFY2(maxServer <= 20, qPrintable(QString::number(maxServer)));
        QVERIFY2(maxServer >= 10, "the pool should actually use its sessions in parallel");
        QCOMPARE(maxWaiting, 200);
        QCOMPARE(pool.stats().waiting, 0);
        QCOMPARE(pool.stats().leased, 0);
    }

    void exhaustedPool_failsAfterConnectionTimeout_andLeaksNothing()
    {
        pg::PoolOptions o;
        o.max = 2;
        o.connectionTimeoutMs = 400;
        o.applicationName = uniqueAppName();
        pg::Pool pool(fx.primaryParams(), o);
        auto a = acquire(pool);
        auto b = acquire(pool);
        QVERIFY(a.ok() && b.ok());

        QElapsedTimer t;
        t.start();
        auto c = acquire(pool, 10000);
        const qint64 waited = t.elapsed();
        QVERIFY(!c.ok());
        QCOMPARE(c.error().kind, core::Error::Kind::PoolExhausted);
        QVERIFY2(c.error().message.contains(QLatin1String("exhausted")), qPrintable(c.error().message));
        QVERIFY2(waited >= 380 && waited < 1400, qPrintable(QString::number(waited)));
        QCOMPARE(pool.stats().waiting, 0);
        QVERIFY(pool.stats().errors >= 1);

        a->release();
        b->release();
        QCOMPARE(pool.stats().leased, 0);
        QCOMPARE(pool.stats().total, 2);
        QCOMPARE(serverSessions(o.applicationName), 2);
        // Freed sessions serve the next caller at once.
        auto d = acquire(pool);
        QVERIFY(d.ok());
    }

    void statementTimeout_surfaces57014_andSessionIsReusable()
    {
        pg::PoolOptions o;
        o.max = 1;
        o.statementTimeoutMs = 100;
        o.applicationName = uniqueAppName();
        pg::Pool pool(fx.primaryParams(), o);
        auto lease = acquire(pool);
        QVERIFY(lease.ok());
        const int pid = lease.value()->backendPid();
        auto r = run(lease.value().session(), QStringLiteral("SELECT pg_sleep(1)"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().sqlstate, QStringLiteral("57014"));
        QCOMPARE(r.error().kind, core::Error::Kind::Timeout);
        QVERIFY2(r.error().message.contains(QLatin1String("statement timeout")), qPrintable(r.error().message));
        lease->release();

        auto again = acquire(pool);
        QVERIFY(again.ok());
        QCOMPARE(again.value()->backendPid(), pid);
        auto ok = run(again.value().session(), QStringLiteral("SELECT current_setting('statement_timeout')"));
        QVERIFY(ok.ok());
        QCOMPARE(ok->last().text(0, 0), QStringLiteral("100ms"));
    }

    void releaseInsideTransaction_rollsBackBeforeReuse()
    {
        pg::PoolOptions o;
        o.max = 1;
        o.applicationName = uniqueAppName();
        pg::Pool pool(fx.primaryParams(), o);
        auto lease = acquire(pool);
        QVERIFY(lease.ok());
        QVERIFY(run(lease.value().session(), QStringLiteral("BEGIN; CREATE TEMP TABLE leftover(x int)")).ok());
        QVERIFY(lease.value()->inTransaction());
        lease->release();
        auto next = acquire(pool);
        QVERIFY(next.ok());
        QVERIFY(!next.value()->inTransaction());
        auto r = run(next.value().session(), QStringLiteral("SELECT to_regclass('pg_temp.leftover') IS NULL"));
        QVERIFY(r.ok());
        QVERIFY(r->last().toBool(0, 0));
    }

    void terminatedBackend_nextAcquireGetsHealthySession()
    {
        pg::PoolOptions o;
        o.max = 3;
        o.min = 1;
        o.applicationName = uniqueAppName();
        pg::Pool pool(fx.primaryParams(), o);
        auto lease = acquire(pool);
        QVERIFY(lease.ok());
        const int oldPid = lease.value()->backendPid();
        lease->release();

        QCOMPARE(test::scalar(fx.primary, QStringLiteral("SELECT pg_terminate_backend(%1, 5000)").arg(oldPid)), QStringLiteral("t"));
        // No waiting for the notifier: the very next acquire must not see the dead session.
        auto next = acquire(pool);
        QVERIFY(next.ok());
        QVERIFY(next.value()->backendPid() != oldPid);
        auto r = run(next.value().session(), QStringLiteral("SELECT 1"));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QVERIFY(pool.stats().errors >= 1);
    }

    void closeWaitsForLeases()
    {
        pg::PoolOptions o;
        o.max = 2;
        o.applicationName = uniqueAppName();
        pg::Pool pool(fx.primaryParams(), o);
        auto lease = acquire(pool);
        QVERIFY(lease.ok());
        bool closed = false;
        connect(&pool, &pg::Pool::closed, this, [&] { closed = true; });
        pool.close();
        QTest::qWait(100);
        QVERIFY(!closed);
        QVERIFY(run(lease.value().session(), QStringLiteral("SELECT 1")).ok());
        lease->release();
        QVERIFY(waitFor([&] { return closed; }, 2000));
        QVERIFY(waitFor([&] { return serverSessions(o.applicationName) == 0; }, 5000));
        auto after = acquire(pool);
        QVERIFY(!after.ok());
    }

    void idleTimeout_closesSessionsAboveMinimum()
    {
        pg::PoolOptions o;
        o.max = 4;
        o.min = 1;
        o.idleTimeoutMs = 300;
        o.applicationName = uniqueAppName();
        pg::Pool pool(fx.primaryParams(), o);
        std::vector<pg::Lease> leases;
        for (int i = 0; i < 4; ++i) {
            auto l = acquire(pool);
            QVERIFY(l.ok());
            leases.push_back(std::move(l.value()));
        }
        QCOMPARE(serverSessions(o.applicationName), 4);
        leases.clear();
        QVERIFY(waitFor([&] { return pool.stats().total == 1; }, 5000));
        QVERIFY(waitFor([&] { return serverSessions(o.applicationName) == 1; }, 5000));
    }

    void unreachableServer_failsWaitersWithTheConnectError()
    {
        pg::PoolOptions o;
        o.max = 2;
        o.connectionTimeoutMs = 10000;
        pg::Pool pool(*pg::ConnParams::parse(QStringLiteral("host=127.0.0.1 port=1 user=x")), o);
        QElapsedTimer t;
        t.start();
        auto l = acquire(pool);
        QVERIFY(!l.ok());
        QCOMPARE(l.error().kind, core::Error::Kind::Connection);
        QVERIFY(l.error().message.contains(QLatin1String("refused")));
        QVERIFY2(t.elapsed() < 3000, "a refused connection must not wait for connectionTimeout");
    }

    // Last: it restarts the fixture's primary.
    void serverRestart_nextAcquireGetsHealthySession()
    {
        pg::PoolOptions o;
        o.max = 4;
        o.min = 2;
        o.applicationName = uniqueAppName();
        pg::Pool pool(fx.primaryParams(), o);
        QVERIFY(waitFor([&] { return pool.stats().idle == 2; }, 10000));
        QString log;
        QCOMPARE(test::runServerTool(fx.binDir + QStringLiteral("/pg_ctl"),
                                     {QStringLiteral("restart"), QStringLiteral("-w"), QStringLiteral("-m"), QStringLiteral("fast"),
                                      QStringLiteral("-D"), fx.baseDir + QStringLiteral("/primary"), QStringLiteral("-l"),
                                      fx.baseDir + QStringLiteral("/log/primary.log")},
                                     &log),
                 0);
        auto next = acquire(pool);
        QVERIFY2(next.ok(), qPrintable(next.ok() ? QString() : next.error().toString()));
        auto r = run(next.value().session(), QStringLiteral("SELECT 1"));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        // Leave the fixture as found: the replica streams again.
        QVERIFY(test::waitForStreaming(fx));
    }
};

QTEST_GUILESS_MAIN(TestPool)
#include "tst_pool.moc"
