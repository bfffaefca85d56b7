#include "pg/connparams.h"

#include <QTest>

using namespace pgdeck;

class TestConnParams : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keywordString_parsesAsLibpqDoes()
    {
        auto p = pg::ConnParams::parse(QStringLiteral("host=db.example port=6543 dbname='my db' user=alice sslmode=verify-full"));
        QVERIFY(p.ok());
        QCOMPARE(p->value("host"), QStringLiteral("db.example"));
        QCOMPARE(p->value("port"), QStringLiteral("6543"));
        QCOMPARE(p->value("dbname"), QStringLiteral("my db"));
        QCOMPARE(p->value("sslmode"), QStringLiteral("verify-full"));
    }
    void uri_parsesUserPasswordAndQuery()
    {
        auto p = pg::ConnParams::parse(QStringLiteral("postgresql://alice:pw@db:5433/shop?application_name=api&connect_timeout=3"));
        QVERIFY(p.ok());
        QCOMPARE(p->value("user"), QStringLiteral("alice"));
        QCOMPARE(p->value("password"), QStringLiteral("pw"));
        QCOMPARE(p->value("dbname"), QStringLiteral("shop"));
        QCOMPARE(p->value("application_name"), QStringLiteral("api"));
        QVERIFY(!p->toDisplayString().contains(QLatin1String("pw")));
    }
    void multiHostUri_splitsIntoServers()
    {
        auto p = pg::ConnParams::parse(QStringLiteral("postgres://a:5432,b:5433/db?target_session_attrs=read-write"));
        QVERIFY(p.ok());
        const auto servers = p->splitHosts();
        QCOMPARE(servers.size(), 2);
        QCOMPARE(servers[0].value("host"), QStringLiteral("a"));
        QCOMPARE(servers[1].value("port"), QStringLiteral("5433"));
        QVERIFY(!servers[1].has("target_session_attrs"));
        QCOMPARE(servers[1].value("dbname"), QStringLiteral("db"));
    }
    void multiHostKeywords_shareOnePort()
    {
        auto p = pg::ConnParams::parse(QStringLiteral("host=a,b,c port=5432 dbname=x"));
        QVERIFY(p.ok());
        const auto servers = p->splitHosts();
        QCOMPARE(servers.size(), 3);
        QCOMPARE(servers[2].value("port"), QStringLiteral("5432"));
    }
    void garbage_isAClearError()
    {
        auto p = pg::ConnParams::parse(QStringLiteral("host=a nonsense_keyword=1"));
        QVERIFY(!p.ok());
        QVERIFY(p.error().message.contains(QLatin1String("nonsense_keyword")));
    }
    void conninfo_roundTripsQuotedValues()
    {
        auto p = pg::ConnParams::parse(QStringLiteral("host=h dbname='it\\'s here' options='-c search_path=a'"));
        QVERIFY(p.ok());
        auto again = pg::ConnParams::parse(p->toConninfo(true));
        QVERIFY(again.ok());
        QCOMPARE(again->value("dbname"), p->value("dbname"));
        QCOMPARE(again->value("options"), p->value("options"));
    }
    void serverOptions_append()
    {
        pg::ConnParams p = *pg::ConnParams::parse(QStringLiteral("host=h"));
        p.addServerOption(QStringLiteral("statement_timeout"), QStringLiteral("100"));
        p.addServerOption(QStringLiteral("default_transaction_read_only"), QStringLiteral("on"));
        QCOMPARE(p.value("options"), QStringLiteral("-c statement_timeout=100 -c default_transaction_read_only=on"));
    }
};

QTEST_GUILESS_MAIN(TestConnParams)
#include "tst_connparams.moc"
