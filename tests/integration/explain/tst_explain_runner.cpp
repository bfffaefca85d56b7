// ExplainRunner against the fixture: DML under ANALYZE changes nothing on the server,
// cancel stops the query, options follow the server version, and an index proposal
// is proven with hypopg without building anything.
#include "explain/explainrunner.h"
#include "explaintesthelpers.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace pgdeck;
using test::run;

class TestExplainRunner : public QObject
{
    Q_OBJECT
    test::Fixture fx;

    struct Outcome
    {
        std::optional<explain::ExplainResult> result;
        std::optional<core::Error> error;
    };

    Outcome explainOn(pg::Session &s, const QString &sql, explain::ExplainOptions o, int cancelAfterMs = -1)
    {
        explain::ExplainRunner runner;
        Outcome out;
        connect(&runner, &explain::ExplainRunner::finished, this, [&](const explain::ExplainResult &r) { out.result = r; });
        connect(&runner, &explain::ExplainRunner::failed, this, [&](const core::Error &e) { out.error = e; });
        runner.run(&s, sql, o);
        if (cancelAfterMs >= 0) {
            test::waitFor([] { return false; }, cancelAfterMs);
            runner.cancel();
        }
        test::waitFor([&] { return out.result || out.error; }, 60000);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        fx = test::fixture();
        if (!fx.valid())
            QSKIP("no fixture: run through ctest");
    }

    void analyzeOfDml_runsInsideRollback_serverHoldsNoChange_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("check");
        QTest::addColumn<QString>("command");
        QTest::newRow("insert") << "INSERT INTO events (customer_id, kind) SELECT id, 'rolled-back' FROM customers WHERE id <= 10"
                                << "SELECT count(*) FROM events WHERE kind = 'rolled-back'" << "INSERT";
        QTest::newRow("update") << "UPDATE customers SET country = 'XX' WHERE id <= 10"
                                << "SELECT count(*) FROM customers WHERE country = 'XX'" << "UPDATE";
        QTest::newRow("delete") << "DELETE FROM order_items WHERE order_id <= 10"
                                << "SELECT 20 - count(*) FROM order_items WHERE order_id <= 10" << "DELETE";
        QTest::newRow("merge") << "MERGE INTO customers c USING (SELECT 1 AS id) s ON c.id = s.id WHEN MATCHED THEN UPDATE SET name = 'merged'"
                               << "SELECT count(*) FROM customers WHERE name = 'merged'" << "MERGE";
        QTest::newRow("data-modifying cte") << "WITH d AS (DELETE FROM events WHERE id <= 3 RETURNING id) SELECT count(*) FROM d"
                                            << "SELECT 3 - count(*) FROM events WHERE id <= 3" << "SELECT";
    }

    void analyzeOfDml_runsInsideRollback_serverHoldsNoChange()
    {
        QFETCH(QString, sql);
        QFETCH(QString, check);
        QFETCH(QString, command);
        pg::Session s;
        QVERIFY(test::connectSession(s, fx.primaryParams()));
        explain::ExplainOptions o;
        o.analyze = true;
        o.buffers = true;
        const Outcome out = explainOn(s, sql, o);
        QVERIFY2(out.result, qPrintable(out.error ? out.error->toString() : QStringLiteral("no answer")));
        QVERIFY(out.result->analyzed);
        QVERIFY(out.result->rolledBack);
        QVERIFY(!out.result->info.readOnly);
        QCOMPARE(out.result->info.command, command);
        // The statement really ran: the plan has actual rows.
        QVERIFY(out.result->plan.totals.analyzed);
        QVERIFY(!s.inTransaction());
        // And the server holds nothing of it, seen from another connection.
        QCOMPARE(test::scalar(fx.primary, check), QStringLiteral("0"));
    }

    void analyzeInsideOpenTransaction_usesSavepointAndKeepsEarlierWork()
    {
        pg::Session s;
        QVERIFY(test::connectSession(s, fx.primaryParams()));
        QVERIFY(run(s, QStringLiteral("BEGIN")).ok());
        QVERIFY(run(s, QStringLiteral("CREATE TEMP TABLE pgdeck_keep (x int); INSERT INTO pgdeck_keep VALUES (1)")).ok());
        explain::ExplainOptions o;
        o.analyze = true;
        const Outcome out = explainOn(s, QStringLiteral("INSERT INTO pgdeck_keep SELECT g FROM generate_series(2, 100) g"), o);
        QVERIFY(out.result);
        QVERIFY(out.result->rolledBack);
        QVERIFY(s.inTransaction());
        QCOMPARE(test::cell(run(s, QStringLiteral("SELECT count(*) FROM pgdeck_keep"))), QStringLiteral("1"));
        QVERIFY(run(s, QStringLiteral("ROLLBACK")).ok());
    }

    void cancel_stopsTheServerQuery()
    {
        pg::Session s;
        QVERIFY(test::connectSession(s, fx.primaryParams()));
        explain::ExplainOptions o;
        o.analyze = true;
        QElapsedTimer clock;
        clock.start();
        const Outcome out = explainOn(s, QStringLiteral("SELECT pg_sleep(30)"), o, 400);
        QVERIFY(out.error);
        QCOMPARE(int(out.error->kind), int(core::Error::Kind::Cancelled));
        QVERIFY2(clock.elapsed() < 20000, "cancel did not stop the query");
        // The session is usable and not left inside the rollback transaction.
        QVERIFY(!s.inTransaction());
        QCOMPARE(test::cell(run(s, QStringLiteral("SELECT 1"))), QStringLiteral("1"));
    }

    void plainExplain_doesNotExecute()
    {
        pg::Session s;
        QVERIFY(test::connectSession(s, fx.primaryParams()));
        const Outcome out = explainOn(s, QStringLiteral("DELETE FROM customers"), explain::ExplainOptions{});
        QVERIFY(out.result);
        QVERIFY(!out.result->analyzed);
        QVERIFY(!out.result->plan.totals.analyzed);
        QCOMPARE(out.result->plan.root().facts.nodeType, QStringLiteral("ModifyTable"));
        QVERIFY(test::scalar(fx.primary, QStringLiteral("SELECT count(*) FROM customers")).toInt() > 0);
    }

    void options_followTheServerVersion()
    {
        pg::Session s;
        QVERIFY(test::connectSession(s, fx.primaryParams()));
        const int v = s.serverVersion();
        const auto supported = explain::ExplainOptions::supported(v);
        QCOMPARE(supported.contains(explain::ExplainOptions::Option::GenericPlan), v >= 160000);
        QCOMPARE(supported.contains(explain::ExplainOptions::Option::Serialize), v >= 170000);
        QVERIFY(supported.contains(explain::ExplainOptions::Option::Wal));
        explain::ExplainOptions o;
        o.genericPlan = true;
        auto sql = o.statementFor(QStringLiteral("SELECT * FROM customers WHERE id = $1"), v);
        QCOMPARE(sql.ok(), v >= 160000);
        o = explain::ExplainOptions{};
        o.analyze = true;
        o.wal = true;
        o.settings = true;
        o.timing = false;
        o.buffers = true;
        const Outcome out = explainOn(s, QStringLiteral("SELECT count(*) FROM orders"), o);
        QVERIFY2(out.result, qPrintable(out.error ? out.error->toString() : QString()));
        QVERIFY(out.result->explainSql.contains(QLatin1String("TIMING OFF")));
        QVERIFY(out.result->plan.root().has(QStringLiteral("WAL Records")));
        QVERIFY(!out.result->plan.root().has(QStringLiteral("Actual Total Time")));
    }

    void errors_comeBackWithPositionAndKind()
    {
        pg::Session s;
        QVERIFY(test::connectSession(s, fx.primaryParams()));
        Outcome out = explainOn(s, QStringLiteral("SELEC * FROM customers"), explain::ExplainOptions{});
        QVERIFY(out.error);
        QCOMPARE(int(out.error->kind), int(core::Error::Kind::Input));
        QVERIFY(out.error->position > 0);
        out = explainOn(s, QStringLiteral("SELECT * FROM no_such_table"), explain::ExplainOptions{});
        QVERIFY(out.error);
        QCOMPARE(out.error->sqlstate, QStringLiteral("42P01"));
        out = explainOn(s, QStringLiteral("VACUUM customers"), explain::ExplainOptions{});
        QVERIFY(out.error);
        QVERIFY(out.error->message.contains(QLatin1String("EXPLAIN works on")));
        out = explainOn(s, QStringLiteral("SELECT 1; SELECT 2"), explain::ExplainOptions{});
        QVERIFY(out.error);
    }

    void indexProposal_provenWithHypopg_onEventsKind()
    {
        pg::Session s;
        QVERIFY(test::connectSession(s, fx.primaryParams()));
        const QString before = test::scalar(fx.primary, QStringLiteral("SELECT count(*) FROM pg_indexes WHERE tablename = 'events'"));
        explain::ExplainOptions o;
        o.analyze = true;
        o.buffers = true;
        const Outcome out = explainOn(
            s, QStringLiteral("SELECT count(*) FROM events WHERE kind = 'refund' AND created_at > now() - interval '1 hour'"), o);
        QVERIFY2(out.result, qPrintable(out.error ? out.error->toString() : QString()));
        const explain::Insight *proposal = nullptr;
        for (const explain::Insight &i : out.result->plan.insights)
            if (i.kind == explain::Insight::Kind::IndexProposal)
                proposal = &i;
        QVERIFY(proposal);
        QCOMPARE(proposal->table, QStringLiteral("events"));
        QCOMPARE(proposal->columns, (QStringList{QStringLiteral("kind"), QStringLiteral("created_at")}));
        QVERIFY(proposal->proof.tried);
        QVERIFY2(proposal->proof.error.isEmpty(), qPrintable(proposal->proof.error));
        QVERIFY(proposal->proof.used);
        QVERIFY(proposal->proof.indexName.contains(QLatin1String("events")));
        qInfo("hypopg: %s cost %.2f -> %.2f", qPrintable(proposal->proof.indexName), proposal->proof.costBefore,
              proposal->proof.costAfter);
        QVERIFY(proposal->proof.costAfter < proposal->proof.costBefore / 5);
        // Nothing was built and no hypothetical index is left behind.
        QCOMPARE(test::scalar(fx.primary, QStringLiteral("SELECT count(*) FROM pg_indexes WHERE tablename = 'events'")), before);
        QCOMPARE(test::cell(run(s, QStringLiteral("SELECT count(*) FROM hypopg_list_indexes"))), QStringLiteral("0"));
    }
};

QTEST_MAIN(TestExplainRunner)
#include "tst_explain_runner.moc"
