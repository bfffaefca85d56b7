#include "pg/errors.h"
#include "pg/profileparams.h"

#include <QFile>
#include <QObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace pgdeck;

class TestProfileParams : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void multiHostKeywordString_becomesOneServerPerHost()
    {
        QString pw;
        const auto p = pg::profileFromConn(QStringLiteral("c"),
                                           QStringLiteral("host=a,b port=5432,5433 dbname=app user=dba password=s3 "
                                                          "sslmode=require target_session_attrs=read-write"),
                                           &pw);
        QVERIFY(p.ok());
        QCOMPARE(pw, QStringLiteral("s3"));
        QCOMPARE(p->servers.size(), 2);
        QCOMPARE(p->servers[0].name, QStringLiteral("a:5432"));
        QCOMPARE(p->servers[1].name, QStringLiteral("b:5433"));
        QCOMPARE(p->sslMode, QStringLiteral("require"));
        for (const auto &s : p->servers) {
            QVERIFY(!s.conninfo.contains(QLatin1String("s3")));
            QVERIFY(!s.conninfo.contains(QLatin1String("target_session_attrs")));
        }
        const auto params = pg::paramsFor(*p, p->servers[1]);
        QCOMPARE(params->value("host"), QStringLiteral("b"));
        QCOMPARE(params->value("port"), QStringLiteral("5433"));
        QCOMPARE(params->value("dbname"), QStringLiteral("app"));
        QCOMPARE(params->value("sslmode"), QStringLiteral("require"));
        QVERIFY(!params->has("password"));
    }

    void multiHostUri_becomesOneServerPerHost()
    {
        const auto p = pg::profileFromConn(QStringLiteral("u"), QStringLiteral("postgres://dba@a:5432,b:5433/app?connect_timeout=4"));
        QVERIFY(p.ok());
        QCOMPARE(p->servers.size(), 2);
        QCOMPARE(p->connectTimeoutSec, 4);
        QCOMPARE(pg::paramsFor(*p, p->servers[1])->value("port"), QStringLiteral("5433"));
        QCOMPARE(pg::paramsFor(*p, p->servers[1])->value("user"), QStringLiteral("dba"));
    }

    void paramsFor_serverStringWinsOverProfileDefaults()
    {
        core::Profile p;
        p.name = QStringLiteral("p");
        p.sslMode = QStringLiteral("verify-full");
        p.extraOptions = QStringLiteral("keepalives_idle=30 sslmode=disable password=nope");
        p.applicationName = QStringLiteral("tool");
        p.connectTimeoutSec = 3;
        core::ProfileServer s;
        s.conninfo = QStringLiteral("host=h sslmode=require password=alsonope");
        const auto params = pg::paramsFor(p, s);
        QVERIFY(params.ok());
        QCOMPARE(params->value("sslmode"), QStringLiteral("require")); // the server's own string
        QCOMPARE(params->value("keepalives_idle"), QStringLiteral("30"));
        QCOMPARE(params->value("application_name"), QStringLiteral("tool"));
        QCOMPARE(params->value("connect_timeout"), QStringLiteral("3"));
        QVERIFY(!params->has("password"));
        p.extraOptions = QStringLiteral("nonsense=1");
        QVERIFY(!pg::paramsFor(p, s).ok());
    }

    void poolOptions_carryReadOnlyAndTimeouts()
    {
        core::Profile p;
        p.readOnly = true;
        p.connectTimeoutSec = 4;
        core::ProfileServer s;
        s.pool.max = 3;
        s.pool.min = 9; // clamped to max
        const pg::PoolOptions o = pg::poolOptionsFor(p, s);
        QVERIFY(o.readOnly);
        QCOMPARE(o.connectTimeoutMs, 4000);
        QCOMPARE(o.max, 3);
        QCOMPARE(o.min, 3);
    }

    void serviceName_isExpandedIntoServers()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("svc.conf"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[cluster]\nhost=h1,h2\nport=5432,5433\ndbname=app\nuser=dba\npassword=fromfile\n");
        f.close();
        qputenv("PGSERVICEFILE", file.toUtf8());
        QString pw;
        const auto p = pg::profileFromConn(QStringLiteral("s"), QStringLiteral("service=cluster"), &pw);
        qunsetenv("PGSERVICEFILE");
        QVERIFY(p.ok());
        QCOMPARE(p->servers.size(), 2);
        QCOMPARE(pw, QStringLiteral("fromfile"));
        QVERIFY(!p->servers[0].conninfo.contains(QLatin1String("fromfile")));
        QCOMPARE(pg::paramsFor(*p, p->servers[1])->value("host"), QStringLiteral("h2"));
    }

    void coreCount_knownOnlyForThisMachine()
    {
        QCOMPARE(pg::knownCoreCount(*pg::ConnParams::parse(QStringLiteral("host=127.0.0.1"))), QThread::idealThreadCount());
        QCOMPARE(pg::knownCoreCount(*pg::ConnParams::parse(QStringLiteral("host=/var/run/postgresql"))), QThread::idealThreadCount());
        QCOMPARE(pg::knownCoreCount(*pg::ConnParams::parse(QStringLiteral("host=db.example.com"))), 0);
        QCOMPARE(pg::knownCoreCount(*pg::ConnParams::parse(QStringLiteral("host=localhost hostaddr=10.0.0.1"))), 0);
    }

    void passwordErrors_areRecognised()
    {
        const core::Error missing = pg::explainConnectFailure(
            QStringLiteral("connection to server at \"127.0.0.1\", port 5 failed: fe_sendauth: no password supplied"), QStringLiteral("x:5"));
        const core::Error wrong = pg::explainConnectFailure(
            QStringLiteral("FATAL:  password authentication failed for user \"a\""), QStringLiteral("x:5"));
        QVERIFY(pg::isPasswordMissing(missing) && !pg::isPasswordRejected(missing));
        QVERIFY(pg::isPasswordRejected(wrong) && !pg::isPasswordMissing(wrong));
    }

    void protection_travelsWithTheServerObject()
    {
        QObject o;
        QVERIFY(!pg::protectionOf(&o).isProtected());
        core::Protection p;
        p.profile = QStringLiteral("prod");
        p.production = true;
        pg::setProtection(&o, p);
        QVERIFY(pg::protectionOf(&o).isProtected());
        QCOMPARE(pg::protectionOf(&o).profile, QStringLiteral("prod"));
    }
};

QTEST_GUILESS_MAIN(TestProfileParams)
#include "tst_profileparams.moc"
