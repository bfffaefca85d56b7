#include "sql/classifier.h"
#include "sql/conditioncolumns.h"
#include "sql/fingerprint.h"
#include "sql/splitter.h"

#include <QTest>

using namespace pgdeck::sql;
using Kind = StatementInfo::Kind;

class TestSql : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void split_respectsStringsCommentsAndDollarQuotes()
    {
        const QString script = QStringLiteral(
            "SELECT 'a;b';  -- one; still a comment\n"
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;\n"
            "/* é; */ UPDATE t SET x = 1");
        const auto stmts = Splitter::split(script);
        QCOMPARE(stmts.size(), 3);
        QCOMPARE(stmts.at(0).text, QStringLiteral("SELECT 'a;b'"));
        QVERIFY(stmts.at(1).text.startsWith(QLatin1String("CREATE FUNCTION")));
        QVERIFY(stmts.at(1).text.endsWith(QLatin1String("$$")));
        QVERIFY(stmts.at(2).text.endsWith(QLatin1String("UPDATE t SET x = 1")));
        // Offsets index the QString even after a non-ASCII character.
        QCOMPARE(script.mid(stmts.at(2).offset, stmts.at(2).length), stmts.at(2).text);
    }

    void split_brokenStatementStillComesOutAlone()
    {
        const auto stmts = Splitter::split(QStringLiteral("SELECT 1; SELEC broken; SELECT 3;"));
        QCOMPARE(stmts.size(), 3);
        QCOMPARE(stmts.at(1).text, QStringLiteral("SELEC broken"));
    }

    void classify_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("readOnly");
        QTest::addColumn<QString>("command");
        QTest::newRow("select") << "SELECT * FROM t WHERE a = 1" << int(Kind::Select) << true << "SELECT";
        QTest::newRow("values") << "VALUES (1), (2)" << int(Kind::Select) << true << "VALUES";
        QTest::newRow("insert") << "INSERT INTO t VALUES (1)" << int(Kind::Dml) << false << "INSERT";
        QTest::newRow("update") << "UPDATE t SET a = 2" << int(Kind::Dml) << false << "UPDATE";
        QTest::newRow("delete") << "DELETE FROM t" << int(Kind::Dml) << false << "DELETE";
        QTest::newRow("merge") << "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE" << int(Kind::Dml) << false << "MERGE";
        QTest::newRow("cte-dml") << "WITH d AS (DELETE FROM t RETURNING *) SELECT count(*) FROM d" << int(Kind::Dml) << false << "SELECT";
        QTest::newRow("select-into") << "SELECT * INTO t2 FROM t" << int(Kind::Dml) << false << "SELECT INTO";
        QTest::newRow("ddl") << "CREATE INDEX ON t (a)" << int(Kind::Ddl) << false << "CREATE INDEX";
        QTest::newRow("ddl-generic") << "CREATE EXTENSION hypopg" << int(Kind::Ddl) << false << "CREATE EXTENSION";
        QTest::newRow("alter") << "ALTER TABLE t ADD COLUMN b int" << int(Kind::Ddl) << false << "ALTER TABLE";
        QTest::newRow("set") << "SET work_mem = '64MB'" << int(Kind::Utility) << true << "SET";
        QTest::newRow("vacuum") << "VACUUM t" << int(Kind::Utility) << false << "VACUUM";
        QTest::newRow("begin") << "BEGIN" << int(Kind::TransactionControl) << true << "BEGIN";
        QTest::newRow("rollback") << "ROLLBACK" << int(Kind::TransactionControl) << true << "ROLLBACK";
        QTest::newRow("explain") << "EXPLAIN SELECT 1" << int(Kind::Explain) << true << "EXPLAIN";
        QTest::newRow("explain-analyze-dml") << "EXPLAIN ANALYZE DELETE FROM t" << int(Kind::Explain) << false << "EXPLAIN";
        QTest::newRow("empty") << "  -- nothing\n" << int(Kind::Empty) << true << "";
        QTest::newRow("two-statements-worst-wins") << "SELECT 1; DELETE FROM t" << int(Kind::Dml) << false << "DELETE";
    }

    void classify()
    {
        QFETCH(QString, sql);
        QFETCH(int, kind);
        QFETCH(bool, readOnly);
        QFETCH(QString, command);
        const StatementInfo info = Classifier::classify(sql);
        QCOMPARE(StatementInfo::kindName(info.kind), StatementInfo::kindName(Kind(kind)));
        QCOMPARE(info.readOnly, readOnly);
        QCOMPARE(info.command, command);
    }

    void classify_syntaxError_isInvalidWithPosition()
    {
        const StatementInfo info = Classifier::classify(QStringLiteral("SELECT FROM WHERE"));
        QCOMPARE(int(info.kind), int(Kind::Invalid));
        QVERIFY(info.error.contains(QLatin1String("syntax error")));
        QVERIFY(info.errorPosition > 0);
        QVERIFY(!info.readOnly);
    }

    void fingerprint_ignoresConstantsAndWhitespace()
    {
        auto a = Fingerprint::of(QStringLiteral("SELECT * FROM t WHERE a = 1"));
        auto b = Fingerprint::of(QStringLiteral("select *\n  from t where a = 42 -- x"));
        auto c = Fingerprint::of(QStringLiteral("SELECT * FROM t WHERE b = 1"));
        QVERIFY(a.ok() && b.ok() && c.ok());
        QCOMPARE(*a, *b);
        QVERIFY(*a != *c);
        QCOMPARE(a->size(), 16);
        QVERIFY(!Fingerprint::of(QStringLiteral("SELEC 1")).ok());
        auto n = Fingerprint::normalize(QStringLiteral("SELECT * FROM t WHERE a = 1 AND b = 'x'"));
        QVERIFY(n.ok());
        QCOMPARE(*n, QStringLiteral("SELECT * FROM t WHERE a = $1 AND b = $2"));
    }

    void conditionColumns_equalityThenRange()
    {
        auto uses = ConditionColumns::extract(
            QStringLiteral("((created_at > (now() - '01:00:00'::interval)) AND (kind = 'refund'::text))"));
        QVERIFY2(uses.ok(), qPrintable(uses.ok() ? QString() : uses.error().message));
        QCOMPARE(uses->size(), 2);
        QCOMPARE(ConditionColumns::indexColumns(*uses), (QStringList{QStringLiteral("kind"), QStringLiteral("created_at")}));
    }

    void conditionColumns_qualifiedCastsInAnyAndNull()
    {
        auto uses = ConditionColumns::extract(
            QStringLiteral("(((e.kind)::text = ANY ('{a,b}'::text[])) AND (e.customer_id IS NULL))"));
        QVERIFY(uses.ok());
        QCOMPARE(uses->size(), 2);
        QCOMPARE(uses->at(0).qualifier, QStringLiteral("e"));
        QCOMPARE(uses->at(0).column, QStringLiteral("kind"));
        QCOMPARE(int(uses->at(0).test), int(ColumnUse::Test::Equality));
        QCOMPARE(int(uses->at(1).test), int(ColumnUse::Test::Null));
    }

    void conditionColumns_orAndFunctionsAreNotIndexable()
    {
        auto uses = ConditionColumns::extract(QStringLiteral("((a = 1) OR (lower(b) = 'x'::text))"));
        QVERIFY(uses.ok());
        QCOMPARE(uses->size(), 2);
        for (const auto &u : *uses)
            QVERIFY(!u.indexable);
        QVERIFY(ConditionColumns::indexColumns(*uses).isEmpty());
    }

    void conditionColumns_planNotationIsNeutralised()
    {
        auto uses = ConditionColumns::extract(QStringLiteral("((SubPlan 1) = $5) AND (status = 'paid'::text) AND (NOT (hashed SubPlan 2))"));
        QVERIFY2(uses.ok(), qPrintable(uses.ok() ? QString() : uses.error().message));
        QCOMPARE(ConditionColumns::indexColumns(*uses), QStringList{QStringLiteral("status")});
    }

    void conditionColumns_garbageIsAnError()
    {
        QVERIFY(!ConditionColumns::extract(QStringLiteral("((a = ")).ok());
        QVERIFY(!ConditionColumns::extract(QStringLiteral("1; DROP TABLE t")).ok());
    }
};

QTEST_GUILESS_MAIN(TestSql)
#include "tst_sql.moc"
