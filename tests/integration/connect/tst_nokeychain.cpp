#include "core/logging.h"
#include "core/profilestore.h"
#include "pg/profileparams.h"
#include "pg/serverconnection.h"
#include "secrets/keychain.h"
#include "secrets/passwordbroker.h"
#include "secrets/profileconnector.h"
#include "support/fixture.h"


#include <spdlog/spdlog.h>
#include <QProcess>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdeck;

namespace {
const char *kPassword = "pgdeck-demo-app";
} // namespace

// No keychain backend (no D-Bus session): pgdeck says so once, asks for the
// password, connects, and writes nothing secret anywhere.
class TestNoKeychain : public QObject
{
    Q_OBJECT
    test::Fixture fx;
    QTemporaryDir home;

    core::Profile appProfile(const QString &name) const
    {
        core::Profile p;
        p.name = name;
        p.savePassword = true; // it believes the keychain has it
        core::ProfileServer s;
        s.conninfo = QStringLiteral("host=127.0.0.1 port=%1 dbname=pgdeck_demo user=pgdeck_app").arg(fx.primaryPort);
        p.servers = {s};
        return p;
    }

    QProcess *pgdeck(const QStringList &args)
    {
        auto *p = new QProcess(this);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        env.remove(QStringLiteral("DISPLAY"));
        p->setProcessEnvironment(env);
        p->start(QStringLiteral(PGDECK_BIN), args);
        p->waitForFinished(60000);
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        fx = test::fixture();
        if (!fx.valid())
            QSKIP("no fixture: run through ctest");
        QVERIFY(home.isValid());
        // Everything pgdeck writes goes below `home`; nothing may reach a keychain.
        for (const char *var : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"})
            qputenv(var, (home.path() + QLatin1Char('/') + QString::fromLatin1(var)).toUtf8());
        qputenv("HOME", home.path().toUtf8());
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv("DISPLAY");
        qunsetenv("PGPASSWORD");
        qputenv("PGPASSFILE", (home.path() + QStringLiteral("/no-pgpass")).toUtf8());
        core::setupLogging(false, "debug");
    }

    void noBackend_saysSoOnce_asks_connects_writesNothingSecret()
    {
        secrets::Keychain keychain(QStringLiteral("pgdeck-test"));
        keychain.setTimeoutMs(5000);
        secrets::PasswordBroker broker(&keychain);
        QStringList said;
        connect(&broker, &secrets::PasswordBroker::keychainUnavailable, this, [&](const QString &reason) { said << reason; });
        QList<secrets::PasswordRequest> asked;
        broker.setPrompt([&](const secrets::PasswordRequest &req, secrets::PasswordBroker::Answer answer) {
            asked << req;
            // The user types it; they would like it saved, but there is no keychain.
            answer(secrets::PasswordAnswer{QString::fromLatin1(kPassword), true});
        });
        secrets::ProfileConnector connector(&broker);
        QVERIFY(core::ProfileStore().save(appProfile(QStringLiteral("nokc"))).ok());

        QObject owner;
        QList<pg::ServerConnection *> servers;
        connector.build(*core::ProfileStore().find(QStringLiteral("nokc")), &owner,
                        [&](core::Result<QList<pg::ServerConnection *>> r) {
                            QVERIFY(r.ok());
                            servers = *r;
                        });
        QVERIFY(test::waitFor([&]() { return !servers.isEmpty(); }, 15000));
        QCOMPARE(said.size(), 1);
        QCOMPARE(keychain.availability(), secrets::Keychain::Availability::Unavailable);
        pg::ServerConnection *server = servers.first();
        QVERIFY(!server->params().has("password")); // libpq's own rules first
        server->open();
        QVERIFY2(test::waitFor([&]() { return server->state() == pg::ServerConnection::State::Up; }, 30000),
                 qPrintable(server->lastError().toString()));
        QCOMPARE(asked.size(), 1);
        QVERIFY(!asked.first().keychainAvailable);
        QVERIFY(!asked.first().rejected);
        QCOMPARE(asked.first().user, QStringLiteral("pgdeck_app"));

        // A second profile in the same session: the answer is remembered in memory,
        // and the missing keychain is not announced again.
        core::Profile second = appProfile(QStringLiteral("nokc2"));
        second.name = QStringLiteral("nokc");
        QList<pg::ServerConnection *> again;
        connector.build(second, &owner, [&](core::Result<QList<pg::ServerConnection *>> r) { again = *r; });
        QVERIFY(test::waitFor([&]() { return !again.isEmpty(); }, 15000));
        QVERIFY(again.first()->params().has("password"));
        QCOMPARE(said.size(), 1);
        QCOMPARE(asked.size(), 1);

        spdlog::apply_all([](const std::shared_ptr<spdlog::logger> &l) { l->flush(); });
        const QStringList leaks = test::filesContaining(home.path(), kPassword);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char(' '))));
        QVERIFY(QFile::exists(home.path() + QStringLiteral("/XDG_CONFIG_HOME/pgdeck/profiles.ini")));
    }

    void wrongAnswer_isAskedAgainAsRejected()
    {
        secrets::Keychain keychain(QStringLiteral("pgdeck-test"));
        secrets::PasswordBroker broker(&keychain);
        QList<secrets::PasswordRequest> asked;
        broker.setPrompt([&](const secrets::PasswordRequest &req, secrets::PasswordBroker::Answer answer) {
            asked << req;
            answer(secrets::PasswordAnswer{asked.size() == 1 ? QStringLiteral("wrong") : QString::fromLatin1(kPassword), false});
        });
        pg::ServerConnection server(QStringLiteral("s"),
                                    *pg::ConnParams::parse(QStringLiteral("host=127.0.0.1 port=%1 dbname=pgdeck_demo user=pgdeck_app")
                                                               .arg(fx.primaryPort)),
                                    pg::PoolOptions{});
        broker.attach(&server, QStringLiteral("profile/x/pgdeck_app"), QStringLiteral("x"), QStringLiteral("pgdeck_app"));
        server.open();
        QVERIFY(test::waitFor([&]() { return server.state() == pg::ServerConnection::State::Up; }, 30000));
        QCOMPARE(asked.size(), 2);
        QVERIFY(!asked[0].rejected);
        QVERIFY(asked[1].rejected);
    }

    void cancelledPrompt_isNotRepeated()
    {
        secrets::Keychain keychain(QStringLiteral("pgdeck-test"));
        secrets::PasswordBroker broker(&keychain);
        int asked = 0;
        broker.setPrompt([&](const secrets::PasswordRequest &, secrets::PasswordBroker::Answer answer) {
            ++asked;
            answer(std::nullopt);
        });
        pg::ServerConnection server(QStringLiteral("s"),
                                    *pg::ConnParams::parse(QStringLiteral("host=127.0.0.1 port=%1 dbname=pgdeck_demo user=pgdeck_app")
                                                               .arg(fx.primaryPort)),
                                    pg::PoolOptions{});
        broker.attach(&server, QStringLiteral("profile/y/pgdeck_app"), QStringLiteral("y"), QStringLiteral("pgdeck_app"));
        server.open();
        QVERIFY(test::waitFor([&]() { return server.state() == pg::ServerConnection::State::Down; }, 30000));
        QTest::qWait(3000); // the server keeps retrying in the background
        QCOMPARE(asked, 1);
        QVERIFY(server.lastError().message.contains(QLatin1String("wants a password")));
    }

    void headless_withoutKeychain_saysSo_andLibpqPgpassStillWorks()
    {
        QVERIFY(core::ProfileStore().save(appProfile(QStringLiteral("nokc-cli"))).ok());
        QScopedPointer<QProcess> p(pgdeck({QStringLiteral("ping"), QStringLiteral("@nokc-cli"), QStringLiteral("--timeout"), QStringLiteral("5")}));
        const QString err = QString::fromUtf8(p->readAllStandardError());
        QCOMPARE(p->exitCode(), 2);
        QVERIFY2(err.contains(QLatin1String("no keychain backend answered")), qPrintable(err));
        QVERIFY2(err.contains(QLatin1String("wants a password")), qPrintable(err));

        // ~/.pgpass rules, as libpq applies them: PGPASSFILE with a matching line.
        const QString pgpass = home.path() + QStringLiteral("/pgpass");
        QFile f(pgpass);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("127.0.0.1:%1:pgdeck_demo:pgdeck_app:%2\n").arg(fx.primaryPort).arg(QString::fromLatin1(kPassword)).toUtf8());
        f.close();
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        qputenv("PGPASSFILE", pgpass.toUtf8());
        QScopedPointer<QProcess> ok(pgdeck({QStringLiteral("ping"), QStringLiteral("@nokc-cli")}));
        qputenv("PGPASSFILE", (home.path() + QStringLiteral("/no-pgpass")).toUtf8());
        QVERIFY2(ok->exitCode() == 0, ok->readAllStandardError().constData());
        QVERIFY(ok->readAllStandardOutput().contains("role:     primary"));
        f.remove();
        const QStringList leaks = test::filesContaining(home.path(), kPassword);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(TestNoKeychain)
#include "tst_nokeychain.moc"
