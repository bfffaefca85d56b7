#include "pg/profileparams.h"
#include "pg/serverconnection.h"
#include "pg/session.h"
#include "secrets/keychain.h"
#include "secrets/passwordbroker.h"
#include "secrets/profileconnector.h"
#include "support/fixture.h"

#include <QTest>

using namespace pgdeck;

// A read-only profile: the server itself refuses writes through every session
// the profile opens, and pgdeck reports it as a read-only refusal.
class TestReadOnly : public QObject
{
    Q_OBJECT
    test::Fixture fx;

    core::Profile readOnlyProfile() const
    {
        core::Profile p;
        p.name = QStringLiteral("ro-test");
        p.readOnly = true;
        core::ProfileServer s;
        s.name = QStringLiteral("primary");
        s.conninfo = QStringLiteral("host=127.0.0.1 port=%1 dbname=pgdeck_demo user=postgres").arg(fx.primaryPort);
        p.servers = {s};
        return p;
    }

    core::Result<pg::QueryResult> runOnLease(pg::Pool *pool, const QString &sql)
    {
        std::optional<core::Result<pg::QueryResult>> out;
        pool->acquire([&](core::Result<pg::Lease> lease) {
            if (!lease.ok()) {
                out = lease.error();
                return;
            }
            auto held = std::make_shared<pg::Lease>(std::move(lease.value()));
            (*held)->exec(sql, [&, held](core::Result<pg::QueryResult> r) {
                held->release();
                out = std::move(r);
            });
        });
        test::waitFor([&]() { return out.has_value(); }, 20000);
        if (!out)
            return core::Error::make(core::Error::Kind::Timeout, QStringLiteral("no answer"));
        return *out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        fx = test::fixture();
        if (!fx.valid())
            QSKIP("no fixture: run through ctest");
        test::scalar(fx.primary, QStringLiteral("DROP TABLE IF EXISTS pgdeck_ro_probe"));
    }

    void createTable_throughProfileSessions_isRefusedByTheServer()
    {
        secrets::Keychain keychain(QStringLiteral("pgdeck-test-unused"));
        secrets::PasswordBroker broker(&keychain);
        secrets::ProfileConnector connector(&broker);
        QObject owner;
        QList<pg::ServerConnection *> servers;
        connector.build(readOnlyProfile(), &owner, [&](core::Result<QList<pg::ServerConnection *>> r) {
            QVERIFY(r.ok());
            servers = *r;
        });
        QVERIFY(test::waitFor([&]() { return !servers.isEmpty(); }, 5000));
        pg::ServerConnection *server = servers.first();
        QVERIFY(pg::protectionOf(server).readOnly);
        server->open();
        QVERIFY(test::waitFor([&]() { return server->state() == pg::ServerConnection::State::Up; }, 20000));

        const auto r = runOnLease(server->pool(), QStringLiteral("CREATE TABLE pgdeck_ro_probe (id int)"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().sqlstate, QStringLiteral("25006"));
        QVERIFY2(r.error().message.contains(QLatin1String("read-only transaction")), qPrintable(r.error().message));
        QVERIFY2(r.error().toString().contains(QLatin1String("profile is read-only")), qPrintable(r.error().toString()));
        // The server holds no such table.
        QCOMPARE(test::scalar(fx.primary, QStringLiteral("SELECT to_regclass('pgdeck_ro_probe') IS NULL")), QStringLiteral("t"));

        // Every session of the pool starts read-only.
        const auto show = runOnLease(server->pool(), QStringLiteral("SHOW default_transaction_read_only"));
        QVERIFY(show.ok());
        QCOMPARE(show->last().text(0, 0), QStringLiteral("on"));
        // Reads work.
        QVERIFY(runOnLease(server->pool(), QStringLiteral("SELECT count(*) FROM customers")).ok());

        // A capability that opens its own session from the server's parameters
        // (the monitor, an editor tab, a restore) inherits it too.
        pg::Session own;
        bool up = false;
        connect(&own, &pg::Session::connected, this, [&]() { up = true; });
        own.connectToServer(server->params(), 10000);
        QVERIFY(test::waitFor([&]() { return up; }, 15000));
        std::optional<core::Result<pg::QueryResult>> out;
        own.exec(QStringLiteral("CREATE TABLE pgdeck_ro_probe (id int)"), [&](core::Result<pg::QueryResult> res) { out = std::move(res); });
        QVERIFY(test::waitFor([&]() { return out.has_value(); }, 15000));
        QVERIFY(!out->ok());
        QCOMPARE(out->error().sqlstate, QStringLiteral("25006"));
    }

    void plainSessionWithProfileParams_isReadOnlyToo()
    {
        // Headless commands connect with the profile's parameters and options.
        core::Profile p = readOnlyProfile();
        pg::ConnParams params = *pg::paramsFor(p, p.servers.first());
        params.addServerOption(QStringLiteral("default_transaction_read_only"), QStringLiteral("on"));
        pg::Session s;
        bool up = false;
        connect(&s, &pg::Session::connected, this, [&]() { up = true; });
        s.connectToServer(params, 10000);
        QVERIFY(test::waitFor([&]() { return up; }, 15000));
        std::optional<core::Result<pg::QueryResult>> out;
        s.exec(QStringLiteral("INSERT INTO customers (name, email) VALUES ('x', 'x@example.com')"),
               [&](core::Result<pg::QueryResult> r) { out = std::move(r); });
        QVERIFY(test::waitFor([&]() { return out.has_value(); }, 15000));
        QVERIFY(!out->ok());
        QCOMPARE(out->error().sqlstate, QStringLiteral("25006"));
    }
};

QTEST_GUILESS_MAIN(TestReadOnly)
#include "tst_readonly.moc"
