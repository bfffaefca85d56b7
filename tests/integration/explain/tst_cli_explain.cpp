// `pgdeck explain` as a user runs it: a saved plan in, a tree or EXPLAIN JSON out;
// malformed input gives a clear error and a non-zero exit; against the fixture,
// ANALYZE of DML says it was rolled back.
#include "support/fixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdeck;

namespace {

using Run = test::CliRun;

Run runPgdeck(const QStringList &args, const QByteArray &stdinData = {})
{
    return test::runCli(QStringLiteral(PGDECK_BIN), QStringList{QStringLiteral("explain")} + args, stdinData);
}

const char *kPlan =
    "                                QUERY PLAN\n"
    "---------------------------------------------------------------------------\n"
    " Seq Scan on events  (cost=0.00..2334.00 rows=12 width=8) (actual time=0.020..30.100 rows=75 loops=1)\n"
    "   Filter: ((kind = 'refund'::text) AND (created_at > (now() - '01:00:00'::interval)))\n"
    "   Rows Removed by Filter: 99925\n"
    " Planning Time: 0.100 ms\n"
    " Execution Time: 30.200 ms\n"
    "(5 rows)\n";

} // namespace

class TestCliExplain : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void file_tree_showsTimesAndIndexProposal()
    {
        const QString path = m_dir.filePath(QStringLiteral("plan.txt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kPlan);
        f.close();
        const Run r = runPgdeck({QStringLiteral("--file"), path});
        QCOMPARE(r.code, 0);
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(QLatin1String("Seq Scan on events  excl 30.1 ms")), r.out.constData());
        QVERIFY(out.contains(QLatin1String("CREATE INDEX CONCURRENTLY ON events (kind, created_at);")));
    }

    void file_json_hasPostgresKeysAndSeparateMetrics()
    {
        const Run r = runPgdeck({QStringLiteral("--file"), QStringLiteral("-"), QStringLiteral("--format"), QStringLiteral("json")}, kPlan);
        QCOMPARE(r.code, 0);
        const QJsonDocument doc = QJsonDocument::fromJson(r.out);
        QVERIFY(doc.isArray());
        const QJsonObject plan = doc.array().at(0).toObject();
        const QJsonObject root = plan.value(QLatin1String("Plan")).toObject();
        QCOMPARE(root.value(QLatin1String("Node Type")).toString(), QStringLiteral("Seq Scan"));
        QCOMPARE(root.value(QLatin1String("Relation Name")).toString(), QStringLiteral("events"));
        QCOMPARE(root.value(QLatin1String("Rows Removed by Filter")).toInt(), 99925);
        QCOMPARE(plan.value(QLatin1String("Execution Time")).toDouble(), 30.2);
        const QJsonObject metrics = root.value(QLatin1String("pgdeck")).toObject();
        QCOMPARE(metrics.value(QLatin1String("Exclusive Time")).toDouble(), 30.1);
        QCOMPARE(plan.value(QLatin1String("pgdeck")).toObject().value(QLatin1String("Insights")).toArray().at(0).toObject()
                     .value(QLatin1String("kind")).toString(),
                 QStringLiteral("index-proposal"));
    }

    void malformed_clearErrorAndNonZeroExit()
    {
        const Run r = runPgdeck({QStringLiteral("--file"), QStringLiteral("-")},
                             "Seq Scan on t  (cost=0.00..1.00 rows=1 width=4)\n  ->  Hash  (cost=x..1 rows=1 width=4)\n");
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains("line 2"), r.err.constData());
        QVERIFY(r.out.isEmpty());
        const Run missing = runPgdeck({QStringLiteral("--file"), m_dir.filePath(QStringLiteral("nope.txt"))});
        QVERIFY(missing.code != 0);
        QVERIFY(missing.err.contains("cannot read"));
        const Run usage = runPgdeck({QStringLiteral("--format"), QStringLiteral("xml"), QStringLiteral("--file"), QStringLiteral("-")});
        QCOMPARE(usage.code, 64);
    }

    void server_analyzeOfDeleteIsRolledBack()
    {
        const test::Fixture fx = test::fixture();
        if (!fx.valid())
            QSKIP("no fixture: run through ctest");
        const QString before = test::scalar(fx.primary, QStringLiteral("SELECT count(*) FROM order_items"));
        const Run r = runPgdeck({fx.primary, QStringLiteral("DELETE FROM order_items WHERE order_id < 100"), QStringLiteral("--analyze"),
                              QStringLiteral("--buffers"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        const QJsonObject plan = QJsonDocument::fromJson(r.out).array().at(0).toObject();
        const QJsonObject info = plan.value(QLatin1String("pgdeck")).toObject();
        QCOMPARE(info.value(QLatin1String("Rolled Back")).toBool(), true);
        QCOMPARE(info.value(QLatin1String("Statement Kind")).toString(), QStringLiteral("dml"));
        QCOMPARE(plan.value(QLatin1String("Plan")).toObject().value(QLatin1String("Operation")).toString(), QStringLiteral("Delete"));
        QCOMPARE(test::scalar(fx.primary, QStringLiteral("SELECT count(*) FROM order_items")), before);

        const Run tree = runPgdeck({fx.primary, QStringLiteral("UPDATE customers SET name = name WHERE id < 10"), QStringLiteral("--analyze")});
        QCOMPARE(tree.code, 0);
        QVERIFY(tree.out.contains("UPDATE ran inside a transaction that was rolled back: nothing was changed."));
    }

    void server_errorsExitNonZero()
    {
        const test::Fixture fx = test::fixture();
        if (!fx.valid())
            QSKIP("no fixture: run through ctest");
        const Run r = runPgdeck({fx.primary, QStringLiteral("SELECT * FROM no_such_table")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("42P01"));
    }
};

QTEST_GUILESS_MAIN(TestCliExplain)
#include "tst_cli_explain.moc"
