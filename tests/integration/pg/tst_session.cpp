#include "pg/session.h"
#include "support/fixture.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QTcpServer>
#include <QTest>

using namespace pgdeck;
using test::waitFor;

namespace {
// Runs one request and waits for its outcome.
core::Result<pg::QueryResult> run(pg::Session &s, const QString &sql, int timeoutMs = 0)
{
    std::optional<core::Result<pg::QueryResult>> out;
    s.exec(sql, [&](core::Result<pg::QueryResult> r) { out = std::move(r); }, timeoutMs);
    waitFor([&] { return out.has_value(); }, 30000);
    if (!out)
        return core::Error::make(core::Error::Kind::Internal, QStringLiteral("no answer within 30 s"));
    return std::move(*out);
}
} // namespace

class TestSession : public QObject
{
    Q_OBJECT
    test::Fixture fx;

    bool connectSession(pg::Session &s, pg::ConnParams p = {})
    {
        bool ok = false, failed = false;
        connect(&s, &pg::Session::connected, this, [&] { ok = true; });
        connect(&s, &pg::Session::connectFailed, this, [&] { failed = true; });
        s.connectToServer(p.pairs().isEmpty() ? fx.primaryParams() : p, 10000);
        waitFor([&] { return ok || failed; }, 15000);
        s.disconnect(this);
        return ok;
    }

private Q_SLOTS:
    void initTestCase()
    {
        fx = test::fixture();
        if (!fx.valid())
            QSKIP("no fixture: run through ctest");
    }

    void query_returnsRowsAndCommandTag()
    {
        pg::Session s;
        QVERIFY(connectSession(s));
        QVERIFY(s.serverVersion() >= 120000);
        auto r = run(s, QStringLiteral("SELECT g, g * 2 AS twice FROM generate_series(1, 3) g"));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(r->last().rowCount(), 3);
        QCOMPARE(r->last().columnName(1), QStringLiteral("twice"));
        QCOMPARE(r->last().toInt64(2, 1), 6);
        QCOMPARE(r->last().commandTag(), QStringLiteral("SELECT 3"));
    }

    void syntaxError_carriesSqlstateAndPosition()
    {
        pg::Session s;
        QVERIFY(connectSession(s));
        auto r = run(s, QStringLiteral("SELECT 1 FROM nowhere_table"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().sqlstate, QStringLiteral("42P01"));
        QCOMPARE(r.error().position, 15);
        QVERIFY(r.error().message.contains(QLatin1String("nowhere_table")));
        // The session stays usable after an error.
        QVERIFY(run(s, QStringLiteral("SELECT 1")).ok());
    }

    void parameters_areSentSeparately()
    {
        pg::Session s;
        QVERIFY(connectSession(s));
        std::optional<core::Result<pg::QueryResult>> out;
        s.execParams(QStringLiteral("SELECT $1::text || '!', $2::int + 1, $3::text IS NULL"),
                     {QStringLiteral("x'; DROP TABLE y; --"), 41, QVariant()},
                     [&](core::Result<pg::QueryResult> r) { out = std::move(r); });
        QVERIFY(waitFor([&] { return out.has_value(); }, 10000));
        QVERIFY(out->ok());
        QCOMPARE((*out)->last().text(0, 0), QStringLiteral("x'; DROP TABLE y; --!"));
        QCOMPARE((*out)->last().toInt64(0, 1), 42);
        QVERIFY((*out)->last().toBool(0, 2));
    }

    void notice_isDelivered()
    {
        pg::Session s;
        QVERIFY(connectSession(s));
        QList<pg::Notice> notices;
        connect(&s, &pg::Session::notice, this, [&](const pg::Notice &n) { notices << n; });
        QVERIFY(run(s, QStringLiteral("DO $$ BEGIN RAISE NOTICE 'hello %', 42 USING HINT = 'a hint'; END $$")).ok());
        QCOMPARE(notices.size(), 1);
        QCOMPARE(notices[0].severity, QStringLiteral("NOTICE"));
        QCOMPARE(notices[0].message, QStringLiteral("hello 42"));
        QCOMPARE(notices[0].hint, QStringLiteral("a hint"));
    }

    void clientDeadline_cancelsAndReportsTimeout()
    {
        pg::Session s;
        QVERIFY(connectSession(s));
        QElapsedTimer t;
        t.start();
        auto r = run(s, QStringLiteral("SELECT pg_sleep(10)"), 200);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, core::Error::Kind::Timeout);
        QCOMPARE(r.error().sqlstate, QStringLiteral("57014"));
        QVERIFY2(t.elapsed() < 5000, "the cancel must stop the query well before it ends");
        QVERIFY(run(s, QStringLiteral("SELECT 1")).ok());
    }

    void cancel_stopsRunningQuery()
    {
        pg::Session s;
        QVERIFY(connectSession(s));
        std::optional<core::Result<pg::QueryResult>> out;
        s.exec(QStringLiteral("SELECT pg_sleep(30)"), [&](core::Result<pg::QueryResult> r) { out = std::move(r); });
        QTest::qWait(200);
        QElapsedTimer t;
        t.start();
        s.cancel();
        QVERIFY(waitFor([&] { return out.has_value(); }, 10000));
        QVERIFY(!out->ok());
        QCOMPARE(out->error().kind, core::Error::Kind::Cancelled);
        QVERIFY(t.elapsed() < 5000);
    }

    void stream_deliversAllRowsInBatches()
    {
        pg::Session s;
        QVERIFY(connectSession(s));
        int batches = 0;
        qint64 rows = 0, sum = 0;
        std::optional<core::Result<pg::QueryResult>> done;
        s.stream(QStringLiteral("SELECT g FROM generate_series(1, 25000) g;"), 10000,
                 [&](const pg::ResultSet &b) {
                     ++batches;
                     rows += b.rowCount();
                     for (int i = 0; i < b.rowCount(); ++i)
                         sum += b.toInt64(i, 0);
                 },
                 [&](core::Result<pg::QueryResult> r) { done = std::move(r); });
        QVERIFY(waitFor([&] { return done.has_value(); }, 30000));
        QVERIFY2(done->ok(), qPrintable(done->ok() ? QString() : done->error().toString()));
        QCOMPARE(batches, 3);
        QCOMPARE(rows, 25000);
        QCOMPARE((*done)->rowsStreamed, 25000);
        QCOMPARE(sum, qint64(25000) * 25001 / 2);
        QVERIFY(!s.inTransaction());
    }

    void stream_badQuery_rollsBackAndReports()
    {
        pg::Session s;
        QVERIFY(connectSession(s));
        std::optional<core::Result<pg::QueryResult>> done;
        s.stream(QStringLiteral("SELECT 1/0"), 100, [](const pg::ResultSet &) {},
                 [&](core::Result<pg::QueryResult> r) { done = std::move(r); });
        QVERIFY(waitFor([&] { return done.has_value(); }, 10000));
        QVERIFY(!done->ok());
        QCOMPARE(done->error().sqlstate, QStringLiteral("22012"));
        QVERIFY(waitFor([&] { return s.isReady(); }, 5000));
        QVERIFY(!s.inTransaction());
    }

    void connectTimeout_silentPort_failsWithinTimeoutPlusOneSecond()
    {
        // Loopback only: a listener that accepts TCP and never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        pg::Session s;
        std::optional<core::Error> error;
        connect(&s, &pg::Session::connectFailed, this, [&](const core::Error &e) { error = e; });
        QElapsedTimer t;
        t.start();
        s.connectToServer(*pg::ConnParams::parse(QStringLiteral("host=127.0.0.1 port=%1 user=x dbname=x").arg(silent.serverPort())),
                          1500);
        QVERIFY(waitFor([&] { return error.has_value(); }, 10000));
        const qint64 elapsed = t.elapsed();
        QCOMPARE(error->kind, core::Error::Kind::Timeout);
        QVERIFY2(error->message.contains(QLatin1String("Timed out")), qPrintable(error->message));
        QVERIFY2(elapsed >= 1400 && elapsed <= 2500, qPrintable(QString::number(elapsed)));
        QCOMPARE(s.state(), pg::Session::State::Disconnected);
    }

    void refusedPort_isAPlainError()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const int port = probe.serverPort();
        probe.close();
        pg::Session s;
        std::optional<core::Error> error;
        connect(&s, &pg::Session::connectFailed, this, [&](const core::Error &e) { error = e; });
        s.connectToServer(*pg::ConnParams::parse(QStringLiteral("host=127.0.0.1 port=%1 user=x").arg(port)), 5000);
        QVERIFY(waitFor([&] { return error.has_value(); }, 10000));
        QVERIFY2(error->message.contains(QLatin1String("refused")), qPrintable(error->message));
    }

    void backendKilledMidQuery_failsWithConnectionLoss()
    {
        pg::Session s;
        QVERIFY(connectSession(s));
        const int pid = s.backendPid();
        std::optional<core::Result<pg::QueryResult>> out;
        s.exec(QStringLiteral("SELECT pg_sleep(30)"), [&](core::Result<pg::QueryResult> r) { out = std::move(r); });
        QTest::qWait(200);
        QCOMPARE(test::scalar(fx.primary, QStringLiteral("SELECT pg_terminate_backend(%1, 5000)").arg(pid)), QStringLiteral("t"));
        QVERIFY(waitFor([&] { return out.has_value(); }, 10000));
        QVERIFY(!out->ok());
        QVERIFY2(out->error().isConnectionLoss(), qPrintable(out->error().toString()));
        QVERIFY2(out->error().message.contains(QLatin1String("terminat")) || out->error().message.contains(QLatin1String("closed")),
                 qPrintable(out->error().message));
        QCOMPARE(s.state(), pg::Session::State::Broken);
    }

    void terminatedBackend_marksSessionBroken()
    {
        pg::Session s;
        QVERIFY(connectSession(s));
        const int pid = s.backendPid();
        std::optional<core::Error> broken;
        connect(&s, &pg::Session::broken, this, [&](const core::Error &e) { broken = e; });
        QCOMPARE(test::scalar(fx.primary, QStringLiteral("SELECT pg_terminate_backend(%1, 5000)").arg(pid)), QStringLiteral("t"));
        QVERIFY(waitFor([&] { return broken.has_value(); }, 5000));
        QCOMPARE(s.state(), pg::Session::State::Broken);
        auto r = run(s, QStringLiteral("SELECT 1"));
        QVERIFY(!r.ok());
        QVERIFY(r.error().isConnectionLoss());
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
