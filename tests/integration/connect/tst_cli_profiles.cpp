#include "support/fixture.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdeck;

// `pgdeck profiles …` and `@profile` wherever CONN is accepted.
class TestCliProfiles : public QObject
{
    Q_OBJECT
    test::Fixture fx;
    QTemporaryDir home;

    int run(const QStringList &args, QString *out = nullptr, QString *err = nullptr)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // no keychain here
        env.remove(QStringLiteral("DISPLAY"));
        const test::CliRun r = test::runCli(QStringLiteral(PGDECK_BIN), args, {}, env);
        if (out)
            *out = r.outText();
        if (err)
            *err = r.errText();
        return r.code;
    }

    QString write(const QString &name, const QByteArray &text)
    {
        const QString path = home.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(text);
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        fx = test::fixture();
        if (!fx.valid())
            QSKIP("no fixture: run through ctest");
        QVERIFY(home.isValid());
        for (const char *var : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"})
            qputenv(var, (home.path() + QLatin1Char('/') + QString::fromLatin1(var)).toUtf8());
        qputenv("PGPASSFILE", (home.path() + QStringLiteral("/no-pgpass")).toUtf8());
        qunsetenv("PGSERVICEFILE");
    }

    void addListPingRemove()
    {
        QString out, err;
        QCOMPARE(run({QStringLiteral("profiles"), QStringLiteral("list")}, &out), 0);
        QVERIFY(out.contains(QLatin1String("no profiles yet")));
        QCOMPARE(run({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("demo"), fx.primary, QStringLiteral("--read-only")},
                     &out, &err),
                 0);
        QCOMPARE(run({QStringLiteral("ping"), QStringLiteral("@demo")}, &out, &err), 0);
        QVERIFY2(out.contains(QLatin1String("role:     primary")), qPrintable(out + err));
        QCOMPARE(run({QStringLiteral("profiles"), QStringLiteral("list")}, &out), 0);
        QVERIFY2(out.contains(QLatin1String("demo")) && out.contains(QLatin1String("read-only")), qPrintable(out));
        QVERIFY(run({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("demo"), fx.primary}, &out, &err) != 0);
        QVERIFY(err.contains(QLatin1String("--force")));
        QCOMPARE(run({QStringLiteral("profiles"), QStringLiteral("remove"), QStringLiteral("demo")}, &out), 0);
        QCOMPARE(run({QStringLiteral("ping"), QStringLiteral("@demo")}, &out, &err), 64);
        QVERIFY2(err.contains(QLatin1String("unknown profile @demo")), qPrintable(err));
    }

    void multiHostProfile_resolvesToThePrimary_orANamedServer()
    {
        // The replica is listed first: libpq still lands on the primary.
        const QString conn = QStringLiteral("host=127.0.0.1,127.0.0.1 port=%1,%2 dbname=pgdeck_demo user=postgres")
                                 .arg(fx.replicaPort)
                                 .arg(fx.primaryPort);
        QString out, err;
        QCOMPARE(run({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("cluster"), conn}, &out, &err), 0);
        QVERIFY2(out.contains(QLatin1String("2 server")), qPrintable(out));
        QCOMPARE(run({QStringLiteral("ping"), QStringLiteral("@cluster")}, &out, &err), 0);
        QVERIFY2(out.contains(QLatin1String("role:     primary")), qPrintable(out + err));
        QCOMPARE(run({QStringLiteral("ping"), QStringLiteral("@cluster/127.0.0.1:%1").arg(fx.replicaPort)}, &out, &err), 0);
        QVERIFY2(out.contains(QLatin1String("role:     replica")), qPrintable(out + err));
        QVERIFY(run({QStringLiteral("ping"), QStringLiteral("@cluster/nope")}, &out, &err) != 0);
        QVERIFY(err.contains(QLatin1String("has no server 'nope'")));
    }

    void passwordWithoutKeychain_isNotSavedAnywhere()
    {
        QString out, err;
        QCOMPARE(run({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("app"),
                      QStringLiteral("postgres://pgdeck_app:pgdeck-demo-app@127.0.0.1:%1/pgdeck_demo").arg(fx.primaryPort)},
                     &out, &err),
                 0);
        QVERIFY2(err.contains(QLatin1String("NOT saved anywhere")), qPrintable(err));
        QDirIterator it(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains("pgdeck-demo-app"), qPrintable(f.fileName()));
        }
    }

    void importPgAdmin_thenExport_withoutSecrets()
    {
        const QString json = write(QStringLiteral("servers.json"), QStringLiteral(R"({"Servers": {
            "1": {"Name": "Fixture primary", "Group": "Sandbox", "Host": "127.0.0.1", "Port": %1, "MaintenanceDB": "pgdeck_demo",
                  "Username": "postgres", "BGColor": "#1565c0", "ConnectionParameters": {"sslmode": "disable", "connect_timeout": 5}},
            "2": {"Name": "Fixture replica", "Group": "Sandbox", "Host": "127.0.0.1", "Port": %2, "MaintenanceDB": "pgdeck_demo",
                  "Username": "postgres", "SSLMode": "prefer", "Timeout": 5}}})")
                                                                     .arg(fx.primaryPort)
                                                                     .arg(fx.replicaPort)
                                                                     .toUtf8());
        QString out, err;
        QCOMPARE(run({QStringLiteral("profiles"), QStringLiteral("import"), json}, &out, &err), 0);
        QVERIFY2(out.contains(QLatin1String("2 profile(s) imported")), qPrintable(out + err));
        QCOMPARE(run({QStringLiteral("ping"), QStringLiteral("@Fixture-replica")}, &out, &err), 0);
        QVERIFY2(out.contains(QLatin1String("role:     replica")), qPrintable(out + err));
        QCOMPARE(run({QStringLiteral("profiles"), QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")}, &out), 0);
        const QJsonArray list = QJsonDocument::fromJson(out.toUtf8()).array();
        const auto primary = std::find_if(list.begin(), list.end(), [](const QJsonValue &v) {
            return v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("Fixture-primary");
        });
        QVERIFY(primary != list.end());
        QCOMPARE(primary->toObject().value(QStringLiteral("group")).toString(), QStringLiteral("Sandbox"));
        const QString exported = home.filePath(QStringLiteral("export.json"));
        QCOMPARE(run({QStringLiteral("profiles"), QStringLiteral("export"), exported}, &out, &err), 0);
        QFile f(exported);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("\"Servers\""));
        QVERIFY(!text.contains("password"));
        QVERIFY(!text.contains("pgdeck-demo-app"));
    }

    void importServiceFile()
    {
        const QString file = write(QStringLiteral("pg_service.conf"),
                                   QStringLiteral("# services of the sandbox\n[sbx-primary]\nhost=127.0.0.1\nport=%1\ndbname=pgdeck_demo\n"
                                                  "user=pgdeck_app\npassword=pgdeck-demo-app\n\n[sbx-cluster]\nhost=127.0.0.1,127.0.0.1\n"
                                                  "port=%1,%2\ndbname=pgdeck_demo\nuser=postgres\n")
                                       .arg(fx.primaryPort)
                                       .arg(fx.replicaPort)
                                       .toUtf8());
        QString out, err;
        QCOMPARE(run({QStringLiteral("profiles"), QStringLiteral("import"), file}, &out, &err), 0);
        QVERIFY2(out.contains(QLatin1String("imported sbx-cluster (2 server(s))")), qPrintable(out + err));
        QVERIFY2(out.contains(QLatin1String("password was not imported")), qPrintable(out));
        QCOMPARE(run({QStringLiteral("ping"), QStringLiteral("@sbx-cluster")}, &out, &err), 0);
        QVERIFY(out.contains(QLatin1String("role:     primary")));
        QDirIterator it(home.filePath(QStringLiteral("XDG_CONFIG_HOME")), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains("pgdeck-demo-app"), qPrintable(f.fileName()));
        }
        // service=name as CONN is libpq's own business.
        qputenv("PGSERVICEFILE", file.toUtf8());
        QCOMPARE(run({QStringLiteral("ping"), QStringLiteral("service=sbx-primary")}, &out, &err), 0);
        qunsetenv("PGSERVICEFILE");
    }
};

QTEST_GUILESS_MAIN(TestCliProfiles)
#include "tst_cli_profiles.moc"
