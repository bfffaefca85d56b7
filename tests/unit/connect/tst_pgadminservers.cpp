#include "pg/pgadminservers.h"
#include "pg/profileparams.h"

#include <QTest>

using namespace pgdeck;

namespace {
// What a DBA's pgAdmin export looks like: two groups, pgAdmin 7+ and older fields,
// TLS files, a service, a passfile, a colour, a tunnel.
const char *kServersJson = R"json({
    "Servers": {
        "1": {
            "Name": "Orders primary",
            "Group": "Production",
            "Host": "db1.prod.example.com",
            "Port": 5432,
            "MaintenanceDB": "orders",
            "Username": "dba",
            "Comment": "EU cluster",
            "BGColor": "#C62828",
            "FGColor": "#ffffff",
            "ConnectionParameters": {
                "sslmode": "verify-full",
                "connect_timeout": 10,
                "sslrootcert": "/home/dba/.postgresql/root.crt",
                "sslcert": "/home/dba/.postgresql/postgresql.crt",
                "sslkey": "/home/dba/.postgresql/postgresql.key",
                "passfile": "/home/dba/.pgpass",
                "application_name": "pgadmin-import",
                "keepalives_idle": 30
            }
        },
        "2": {
            "Name": "Reporting (legacy export)",
            "Group": "Production",
            "Host": "10.1.2.3",
            "HostAddr": "10.1.2.3",
            "Port": 6432,
            "MaintenanceDB": "reports",
            "Username": "report",
            "SSLMode": "require",
            "SSLCert": "<STORAGE_DIR>/.postgresql/postgresql.crt",
            "SSLKey": "<STORAGE_DIR>/.postgresql/postgresql.key",
            "SSLRootCert": "/etc/ssl/certs/pg-root.crt",
            "SSLCrl": "",
            "SSLCompression": 0,
            "Timeout": 5,
            "PassFile": "/home/dba/.pgpass",
            "Role": "reporting_owner"
        },
        "3": {
            "Name": "Staging via service",
            "Group": "Staging",
            "Port": 5432,
            "Username": "postgres",
            "MaintenanceDB": "postgres",
            "Service": "staging",
            "UseSSHTunnel": 1,
            "TunnelHost": "bastion.example.com",
            "TunnelPort": 22,
            "ConnectionParameters": { "sslmode": "prefer", "password": "should-never-be-read" }
        }
    }
})json";

QHash<QByteArray, QString> asHash(const pg::ConnParams &p)
{
    QHash<QByteArray, QString> h;
    for (const auto &kv : p.pairs())
        h.insert(kv.first, kv.second);
    return h;
}
} // namespace

class TestPgAdminServers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void import_mapsGroupsTlsServiceAndColour()
    {
        const auto imported = pg::PgAdminServers::parse(kServersJson);
        QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().message));
        QCOMPARE(imported->profiles.size(), 3);
        const core::Profile &orders = imported->profiles[0];
        QCOMPARE(orders.name, QStringLiteral("Orders-primary"));
        QCOMPARE(orders.group, QStringLiteral("Production"));
        QCOMPARE(orders.colour, QStringLiteral("#c62828"));
        QCOMPARE(orders.comment, QStringLiteral("EU cluster"));
        QCOMPARE(orders.sslMode, QStringLiteral("verify-full"));
        QCOMPARE(orders.connectTimeoutSec, 10);
        QCOMPARE(imported->profiles[2].group, QStringLiteral("Staging"));

        // The libpq parameters are the ones pgAdmin would have connected with.
        const QHash<QByteArray, QString> want1{
            {"host", QStringLiteral("db1.prod.example.com")}, {"port", QStringLiteral("5432")},
            {"dbname", QStringLiteral("orders")}, {"user", QStringLiteral("dba")},
            {"sslmode", QStringLiteral("verify-full")}, {"connect_timeout", QStringLiteral("10")},
            {"sslrootcert", QStringLiteral("/home/dba/.postgresql/root.crt")},
            {"sslcert", QStringLiteral("/home/dba/.postgresql/postgresql.crt")},
            {"sslkey", QStringLiteral("/home/dba/.postgresql/postgresql.key")},
            {"passfile", QStringLiteral("/home/dba/.pgpass")}, {"application_name", QStringLiteral("pgadmin-import")},
            {"keepalives_idle", QStringLiteral("30")}};
        QCOMPARE(asHash(*pg::paramsFor(orders, orders.servers[0])), want1);

        const core::Profile &rep = imported->profiles[1];
        const QString home = QDir::homePath();
        const QHash<QByteArray, QString> want2{
            {"host", QStringLiteral("10.1.2.3")}, {"hostaddr", QStringLiteral("10.1.2.3")}, {"port", QStringLiteral("6432")},
            {"dbname", QStringLiteral("reports")}, {"user", QStringLiteral("report")}, {"sslmode", QStringLiteral("require")},
            {"sslcert", home + QStringLiteral("/.postgresql/postgresql.crt")},
            {"sslkey", home + QStringLiteral("/.postgresql/postgresql.key")},
            {"sslrootcert", QStringLiteral("/etc/ssl/certs/pg-root.crt")}, {"connect_timeout", QStringLiteral("5")},
            {"passfile", QStringLiteral("/home/dba/.pgpass")}, {"options", QStringLiteral("-c role=reporting_owner")}};
        QCOMPARE(asHash(*pg::paramsFor(rep, rep.servers[0])), want2);

        const core::Profile &stg = imported->profiles[2];
        const auto p3 = asHash(*pg::paramsFor(stg, stg.servers[0]));
        QCOMPARE(p3.value("service"), QStringLiteral("staging"));
        QVERIFY(!p3.contains("password"));
        QVERIFY(!p3.contains("connect_timeout")); // libpq's default stays libpq's default

        const QString notes = imported->notes.join(QLatin1Char('\n'));
        QVERIFY2(notes.contains(QLatin1String("SSH tunnel")), qPrintable(notes));
        QVERIFY(notes.contains(QLatin1String("password")));
        QVERIFY(notes.contains(QLatin1String("<STORAGE_DIR>")));
        QVERIFY(notes.contains(QLatin1String("reporting_owner")));
        QVERIFY(!notes.contains(QLatin1String("should-never-be-read")));
    }

    void exportThenImport_givesTheSameLibpqParameters()
    {
        auto first = pg::PgAdminServers::parse(kServersJson);
        QVERIFY(first.ok());
        QList<core::Profile> profiles = first->profiles;
        // A pgdeck cluster profile with a read-only flag and pool settings.
        core::Profile cluster;
        cluster.name = QStringLiteral("cluster");
        cluster.readOnly = true;
        cluster.savePassword = true;
        cluster.sslMode = QStringLiteral("disable");
        core::ProfileServer a{QStringLiteral("a"), QStringLiteral("host=127.0.0.1 port=5432 dbname=app user=u"),
                              core::ProfileServer::Role::Primary, {}, {}};
        a.pool.max = 23;
        core::ProfileServer b{QStringLiteral("b"), QStringLiteral("host=127.0.0.1 port=5433 dbname=app user=u"),
                              core::ProfileServer::Role::Replica, {}, QStringLiteral("replica")};
        cluster.servers = {a, b};
        profiles << cluster;

        const QByteArray json = pg::PgAdminServers::write(profiles);
        QVERIFY(!json.contains("password"));
        QVERIFY(pg::PgAdminServers::looksLikePgAdmin(json));
        const auto again = pg::PgAdminServers::parse(json);
        QVERIFY(again.ok());
        QCOMPARE(again->profiles.size(), profiles.size());
        for (int i = 0; i < profiles.size(); ++i) {
            const core::Profile &x = profiles[i];
            const core::Profile &y = again->profiles[i];
            QCOMPARE(y.name, x.name);
            QCOMPARE(y.group.isEmpty() ? QStringLiteral("pgdeck") : y.group, x.group.isEmpty() ? QStringLiteral("pgdeck") : x.group);
            QCOMPARE(y.readOnly, x.readOnly);
            QCOMPARE(y.servers.size(), x.servers.size());
            for (int s = 0; s < x.servers.size(); ++s) {
                QCOMPARE(asHash(*pg::paramsFor(y, y.servers[s])), asHash(*pg::paramsFor(x, x.servers[s])));
                QCOMPARE(y.servers[s].declaredRole, x.servers[s].declaredRole);
                QCOMPARE(y.servers[s].pool, x.servers[s].pool);
            }
        }
    }

    void import_rejectsOtherJson()
    {
        QVERIFY(!pg::PgAdminServers::parse("{\"foo\": 1}").ok());
        QVERIFY(!pg::PgAdminServers::parse("not json").ok());
        // What pgdeck writes for no servers reads back as an empty file, not an error.
        const auto empty = pg::PgAdminServers::parse("{\"Servers\": {}}");
        QVERIFY(empty.ok());
        QVERIFY(empty->profiles.isEmpty());
        QVERIFY(!pg::PgAdminServers::looksLikePgAdmin("[service]\nhost=x\n"));
    }

    void import_unknownConnectionParameter_isLeftOutWithANote()
    {
        const auto r = pg::PgAdminServers::parse(
            R"({"Servers":{"1":{"Name":"x","Group":"g","Host":"h","Port":5432,"Username":"u","MaintenanceDB":"d",)"
            R"("ConnectionParameters":{"sslmode":"prefer","frobnicate":"1"}}}})");
        QVERIFY(r.ok());
        QVERIFY(r->notes.join(QLatin1Char(' ')).contains(QLatin1String("frobnicate")));
        QVERIFY(!pg::paramsFor(r->profiles[0], r->profiles[0].servers[0])->has("frobnicate"));
    }
};

QTEST_GUILESS_MAIN(TestPgAdminServers)
#include "tst_pgadminservers.moc"
