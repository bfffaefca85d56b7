#include "core/logging.h"
#include "core/profilestore.h"
#include "pg/profileparams.h"
#include "pg/serverconnection.h"
#include "secrets/keychain.h"
#include "secrets/passwordbroker.h"
#include "secrets/profileconnector.h"
#include "support/fixture.h"


#include <spdlog/spdlog.h>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdeck;

namespace {
const char *kPassword = "pgdeck-demo-app";
} // namespace

// A profile saved with a password: the password is in the keychain (a real
// Secret Service: gnome-keyring under a private D-Bus session, started by
// with-keyring.sh) and in no file pgdeck wrote — settings, store, logs.
class TestKeyring : public QObject
{
    Q_OBJECT
    test::Fixture fx;
    QTemporaryDir home;

    int pgdeck(const QStringList &args, QString *out = nullptr, QString *err = nullptr, const QByteArray &stdinData = {})
    {
        const test::CliRun r = test::runCli(QStringLiteral(PGDECK_BIN), args, stdinData);
        if (out)
            *out = r.outText();
        if (err)
            *err = r.errText();
        return r.code;
    }

    std::optional<QString> keychainRead(const QString &key)
    {
        secrets::Keychain keychain;
        std::optional<core::Result<std::optional<QString>>> out;
        keychain.read(key, [&](core::Result<std::optional<QString>> r) { out = std::move(r); });
        test::waitFor([&]() { return out.has_value(); }, 20000);
        if (!out || !out->ok())
            return std::nullopt;
        return out->value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        fx = test::fixture();
        if (!fx.valid())
            QSKIP("no fixture: run through ctest");
        if (!qEnvironmentVariableIsEmpty("PGDECK_KEYRING_SKIP"))
            QSKIP(qPrintable(QStringLiteral("no Secret Service for this test: %1").arg(qEnvironmentVariable("PGDECK_KEYRING_SKIP"))));
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("not run through with-keyring.sh (no private D-Bus session)");
        QVERIFY(home.isValid());
        for (const char *var : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"})
            qputenv(var, (home.path() + QLatin1Char('/') + QString::fromLatin1(var)).toUtf8());
        qunsetenv("PGPASSWORD");
        qputenv("PGPASSFILE", (home.path() + QStringLiteral("/no-pgpass")).toUtf8());
        core::setupLogging(false, "debug");
    }

    void headless_addWithPassword_storesItInTheKeychainOnly()
    {
        const QString conn = QStringLiteral("host=127.0.0.1 port=%1 dbname=pgdeck_demo user=pgdeck_app password=%2")
                                 .arg(fx.primaryPort)
                                 .arg(QString::fromLatin1(kPassword));
        QString out, err;
        QCOMPARE(pgdeck({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("kc"), conn}, &out, &err), 0);
        QVERIFY2(out.contains(QLatin1String("password stored in the keychain")), qPrintable(out + err));
        QCOMPARE(keychainRead(pg::keychainKey(QStringLiteral("kc"), QStringLiteral("pgdeck_app"))), QString::fromLatin1(kPassword));
        QVERIFY(core::ProfileStore().find(QStringLiteral("kc"))->savePassword);

        // The password comes back from the keychain (no ~/.pgpass, no PGPASSWORD).
        QCOMPARE(pgdeck({QStringLiteral("ping"), QStringLiteral("@kc")}, &out, &err), 0);
        QVERIFY2(out.contains(QLatin1String("pgdeck_app@pgdeck_demo")), qPrintable(out + err));

        const QStringList leaks = test::filesContaining(home.path(), kPassword);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char(' '))));
        QVERIFY(QFile::exists(home.path() + QStringLiteral("/XDG_STATE_HOME/pgdeck/pgdeck.log")));

        // Removing the profile removes its keychain entry.
        QCOMPARE(pgdeck({QStringLiteral("profiles"), QStringLiteral("remove"), QStringLiteral("kc")}, &out, &err), 0);
        QVERIFY(!keychainRead(pg::keychainKey(QStringLiteral("kc"), QStringLiteral("pgdeck_app"))).has_value());
    }

    void passwordStdin_isStoredToo()
    {
        QString out, err;
        QCOMPARE(pgdeck({QStringLiteral("profiles"), QStringLiteral("add"), QStringLiteral("kc-stdin"),
                         QStringLiteral("postgres://pgdeck_app@127.0.0.1:%1/pgdeck_demo").arg(fx.primaryPort),
                         QStringLiteral("--password-stdin")},
                        &out, &err, QByteArray(kPassword) + '\n'),
                 0);
        QCOMPARE(pgdeck({QStringLiteral("ping"), QStringLiteral("@kc-stdin")}, &out, &err), 0);
        QVERIFY(test::filesContaining(home.path(), kPassword).isEmpty());
    }

    void gui_savedPasswordConnects_andStaysOutOfFiles()
    {
        // The path File › Connect… takes: remember in the keychain, save the
        // profile, build its servers.
        secrets::Keychain keychain;
        secrets::PasswordBroker broker(&keychain);
        int prompts = 0;
        broker.setPrompt([&](const secrets::PasswordRequest &, secrets::PasswordBroker::Answer a) {
            ++prompts;
            a(std::nullopt);
        });
        core::Profile p;
        p.name = QStringLiteral("kc-gui");
        p.savePassword = true;
        core::ProfileServer s;
        s.conninfo = QStringLiteral("host=127.0.0.1 port=%1 dbname=pgdeck_demo user=pgdeck_app").arg(fx.primaryPort);
        p.servers = {s};
        const QString key = pg::keychainKey(p.name, QStringLiteral("pgdeck_app"));
        bool stored = false;
        broker.remember(key, QString::fromLatin1(kPassword), true, [&](core::Result<void> r) {
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
            stored = true;
        });
        QVERIFY(test::waitFor([&]() { return stored; }, 20000));
        QVERIFY(core::ProfileStore().save(p).ok());

        // A fresh broker (a new session) finds it in the keychain.
        secrets::PasswordBroker fresh(&keychain);
        fresh.setPrompt([&](const secrets::PasswordRequest &, secrets::PasswordBroker::Answer a) {
            ++prompts;
            a(std::nullopt);
        });
        secrets::ProfileConnector connector(&fresh);
        QObject owner;
        QList<pg::ServerConnection *> servers;
        connector.build(*core::ProfileStore().find(p.name), &owner, [&](core::Result<QList<pg::ServerConnection *>> r) { servers = *r; });
        QVERIFY(test::waitFor([&]() { return !servers.isEmpty(); }, 20000));
        servers.first()->open();
        QVERIFY2(test::waitFor([&]() { return servers.first()->state() == pg::ServerConnection::State::Up; }, 30000),
                 qPrintable(servers.first()->lastError().toString()));
        QCOMPARE(prompts, 0);
        spdlog::apply_all([](const std::shared_ptr<spdlog::logger> &l) { l->flush(); });
        const QStringList leaks = test::filesContaining(home.path(), kPassword);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(TestKeyring)
#include "tst_keyring.moc"
