#include "store/workspace.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdeck;

class TestWorkspace : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;

    QString path(const char *name) const { return dir.filePath(QString::fromLatin1(name)); }

private Q_SLOTS:
    void migrate_freshFile_appliesEveryStepOnce()
    {
        auto db = store::Workspace::open(path("a.sqlite"), QStringLiteral("a"));
        QVERIFY(db.ok());
        const store::MigrationList steps{
            {1, QStringLiteral("t"), {QStringLiteral("CREATE TABLE t (x INTEGER)")}},
            {2, QStringLiteral("t.y"), {QStringLiteral("ALTER TABLE t ADD COLUMN y TEXT")}},
        };
        auto v = store::Workspace::migrate(*db, QStringLiteral("demo"), steps);
        QVERIFY(v.ok());
        QCOMPARE(*v, 2);
        // Running again applies nothing and keeps the version.
        v = store::Workspace::migrate(*db, QStringLiteral("demo"), steps);
        QVERIFY(v.ok());
        QCOMPARE(*v, 2);
        QSqlQuery q(*db);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO t (x, y) VALUES (1, 'a')")));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM schema_migrations WHERE area = 'demo'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2);
        store::Workspace::close(QStringLiteral("a"));
    }

    void migrate_failingStep_rollsBackThatStepOnly()
    {
        auto db = store::Workspace::open(path("b.sqlite"), QStringLiteral("b"));
        QVERIFY(db.ok());
        const store::MigrationList steps{
            {1, QStringLiteral("ok"), {QStringLiteral("CREATE TABLE ok1 (x INTEGER)")}},
            {2, QStringLiteral("broken"), {QStringLiteral("CREATE TABLE half (x INTEGER)"), QStringLiteral("THIS IS NOT SQL")}},
        };
        auto v = store::Workspace::migrate(*db, QStringLiteral("demo"), steps);
        QVERIFY(!v.ok());
        QVERIFY(v.error().message.contains(QLatin1String("migration 2")));
        QCOMPARE(store::Workspace::version(*db, QStringLiteral("demo")), 1);
        QSqlQuery q(*db);
        QVERIFY(!q.exec(QStringLiteral("SELECT * FROM half")));
        QVERIFY(q.exec(QStringLiteral("SELECT * FROM ok1")));
        store::Workspace::close(QStringLiteral("b"));
    }

    void migrate_areasAreIndependent()
    {
        auto db = store::Workspace::open(path("c.sqlite"), QStringLiteral("c"));
        QVERIFY(db.ok());
        QVERIFY(store::Workspace::migrate(*db, QStringLiteral("one"), {{1, QStringLiteral("x"), {QStringLiteral("CREATE TABLE one_t (x)")}}}).ok());
        QCOMPARE(store::Workspace::version(*db, QStringLiteral("two")), 0);
        QVERIFY(store::Workspace::migrate(*db, QStringLiteral("two"), {{1, QStringLiteral("x"), {QStringLiteral("CREATE TABLE two_t (x)")}}}).ok());
        QCOMPARE(store::Workspace::version(*db, QStringLiteral("one")), 1);
        QCOMPARE(store::Workspace::version(*db, QStringLiteral("two")), 1);
        store::Workspace::close(QStringLiteral("c"));
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
