#include "core/profilestore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdeck;

class TestProfileStore : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;
    QString file() const { return dir.filePath(QStringLiteral("profiles.ini")); }

    static core::Profile sample()
    {
        core::Profile p;
        p.name = QStringLiteral("prod-eu");
        p.group = QStringLiteral("Production");
        p.readOnly = true;
        p.production = true;
        p.colour = QStringLiteral("#aa3300");
        p.connectTimeoutSec = 7;
        p.sslMode = QStringLiteral("verify-full");
        p.sslRootCert = QStringLiteral("/etc/ssl/pg/root.crt");
        p.sslCert = QStringLiteral("/home/dba/.postgresql/postgresql.crt");
        p.sslKey = QStringLiteral("/home/dba/.postgresql/postgresql.key");
        p.applicationName = QStringLiteral("pgdeck-dba");
        p.extraOptions = QStringLiteral("keepalives_idle=30");
        p.savePassword = true;
        core::ProfileServer a;
        a.name = QStringLiteral("db1");
        a.conninfo = QStringLiteral("host=db1.example.com port=5432 dbname=app user=dba");
        a.declaredRole = core::ProfileServer::Role::Primary;
        a.pool.max = 17;
        a.pool.min = 2;
        a.pool.statementTimeoutMs = 60000;
        core::ProfileServer b;
        b.name = QStringLiteral("db2");
        b.conninfo = QStringLiteral("host=db2.example.com port=5433 dbname=app user=dba");
        b.declaredRole = core::ProfileServer::Role::Replica;
        b.note = QStringLiteral("discovered from db1");
        p.servers = {a, b};
        return p;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir.isValid()); }
    void init() { QFile::remove(file()); }

    void saveLoad_roundTripsEveryField()
    {
        core::ProfileStore store(file());
        QVERIFY(store.save(sample()).ok());
        const auto loaded = core::ProfileStore(file()).find(QStringLiteral("prod-eu"));
        QVERIFY(loaded.has_value());
        QCOMPARE(*loaded, sample());
        QCOMPARE(store.load().size(), 1);
    }

    void save_withPasswordInConninfo_writesNoPassword()
    {
        core::Profile p = sample();
        p.servers[0].conninfo = QStringLiteral("host=db1 password='top secret' user=dba");
        p.servers[1].conninfo = QStringLiteral("postgresql://dba:hunter2@db2:5433/app?sslmode=require&password=hunter3");
        p.extraOptions = QStringLiteral("password=hunter4 keepalives=1");
        QVERIFY(core::ProfileStore(file()).save(p).ok());
        QFile f(file());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY2(!text.contains("top secret") && !text.contains("hunter"), text.constData());
        const auto back = core::ProfileStore(file()).find(p.name);
        QCOMPARE(back->servers[0].conninfo, QStringLiteral("host=db1 user=dba"));
        QCOMPARE(back->servers[1].conninfo, QStringLiteral("postgresql://dba@db2:5433/app?sslmode=require"));
        QCOMPARE(back->extraOptions, QStringLiteral("keepalives=1"));
    }

    void save_replacesByName_removeDeletes()
    {
        core::ProfileStore store(file());
        core::Profile p = sample();
        QVERIFY(store.save(p).ok());
        p.servers.removeLast();
        p.readOnly = false;
        QVERIFY(store.save(p).ok());
        QCOMPARE(store.find(p.name)->servers.size(), 1);
        QCOMPARE(store.find(p.name)->readOnly, false);
        QVERIFY(store.remove(p.name).ok());
        QVERIFY(!store.find(p.name).has_value());
        QVERIFY(!store.remove(p.name).ok());
    }

    void save_badName_isRefused()
    {
        core::Profile p = sample();
        for (const QString &bad : {QString(), QStringLiteral("a b"), QStringLiteral("x/y"), QStringLiteral("-lead"),
                                   QStringLiteral("pgdeck")}) {
            p.name = bad;
            QVERIFY2(!core::ProfileStore(file()).save(p).ok(), qPrintable(bad));
        }
    }

    void file_isPrivateToTheUser()
    {
        QVERIFY(core::ProfileStore(file()).save(sample()).ok());
        const auto perms = QFile::permissions(file());
        QVERIFY(!(perms & QFileDevice::ReadOther));
        QVERIFY(!(perms & QFileDevice::ReadGroup));
    }

    void bandAndMark_followFlags()
    {
        core::Profile p;
        QVERIFY(p.bandColour().isEmpty());
        QVERIFY(p.mark().isEmpty());
        p.readOnly = true;
        QCOMPARE(p.mark(), QStringLiteral("READ-ONLY"));
        QVERIFY(!p.bandColour().isEmpty());
        p.production = true;
        QCOMPARE(p.mark(), QStringLiteral("PRODUCTION · READ-ONLY"));
        p.colour = QStringLiteral("#123456");
        QCOMPARE(p.bandColour(), QStringLiteral("#123456"));
    }

    void stripPasswords_keepsTheRest()
    {
        QCOMPARE(core::stripPasswords(QStringLiteral("host=a password=x port=1")), QStringLiteral("host=a port=1"));
        QCOMPARE(core::stripPasswords(QStringLiteral("password='a b\\' c' host=a")), QStringLiteral("host=a"));
        QCOMPARE(core::stripPasswords(QStringLiteral("postgres://u:p%40ss@h/db")), QStringLiteral("postgres://u@h/db"));
        QCOMPARE(core::stripPasswords(QStringLiteral("postgres://h/db?password=x&port=5")), QStringLiteral("postgres://h/db?port=5"));
        QCOMPARE(core::stripPasswords(QStringLiteral("sslpassword=k host=a")), QStringLiteral("host=a"));
    }

    void poolHint_followsSeedFormula()
    {
        QCOMPARE(core::poolSizeHint(2, 1), 8);   // (2*2+1)*1.5 = 7.5
        QCOMPARE(core::poolSizeHint(4, 1), 14);  // (8+1)*1.5 = 13.5
        QCOMPARE(core::poolSizeHint(16, 0), 48);
        QCOMPARE(core::poolSizeHint(0, 1), 0);
        QVERIFY(core::poolSizeFormula().contains(QStringLiteral("1.5")));
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
