#include "pg/servicefile.h"

#include <libpq-fe.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdeck;

// Every case is checked against libpq itself: PQconnectStartParams reads the
// service file exactly as psql would, and PQconninfo() tells what it made of it.
// Hosts point at a closed loopback port; nothing is ever polled.
class TestServiceFile : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;
    QString userFile() const { return dir.filePath(QStringLiteral("user_service.conf")); }
    QString sysDir() const { return dir.filePath(QStringLiteral("sys")); }
    QString sysFile() const { return sysDir() + QStringLiteral("/pg_service.conf"); }

    static void write(const QString &file, const QByteArray &text)
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
    }

    struct Libpq
    {
        bool ok = false;
        QString error;
        QHash<QByteArray, QString> values;
    };

    static Libpq libpq(const pg::ConnParams &params)
    {
        Libpq out;
        pg::ConnParamArrays arrays(params);
        PGconn *c = PQconnectStartParams(arrays.keywords(), arrays.values(), 0);
        const QString err = QString::fromUtf8(PQerrorMessage(c)).trimmed();
        // A bad service file fails before any socket exists.
        out.ok = !(PQstatus(c) == CONNECTION_BAD && err.contains(QLatin1String("service")));
        out.error = err;
        if (out.ok) {
            PQconninfoOption *opts = PQconninfo(c);
            for (PQconninfoOption *o = opts; o && o->keyword; ++o)
                if (o->val)
                    out.values.insert(QByteArray(o->keyword), QString::fromUtf8(o->val));
            PQconninfoFree(opts);
        }
        PQfinish(c);
        return out;
    }

    // pgdeck's reading and libpq's agree: both fail, or every keyword pgdeck
    // filled in has the value libpq uses.
    void agree(const QString &conninfo)
    {
        const pg::ConnParams params = *pg::ConnParams::parse(conninfo);
        const auto ours = pg::ServiceFile::expand(params);
        const Libpq theirs = libpq(params);
        QVERIFY2(ours.ok() == theirs.ok, qPrintable(QStringLiteral("pgdeck: %1 / libpq: %2")
                                                         .arg(ours.ok() ? QStringLiteral("ok") : ours.error().message,
                                                              theirs.ok ? QStringLiteral("ok") : theirs.error)));
        if (!ours.ok())
            return;
        QVERIFY(!ours->has("service"));
        for (const auto &kv : ours->pairs())
            QVERIFY2(theirs.values.value(kv.first) == kv.second,
                     qPrintable(QStringLiteral("%1: pgdeck %2, libpq %3")
                                    .arg(QString::fromLatin1(kv.first), kv.second, theirs.values.value(kv.first))));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        QDir().mkpath(sysDir());
        qputenv("PGSERVICEFILE", userFile().toUtf8());
        qputenv("PGSYSCONFDIR", sysDir().toUtf8());
        qunsetenv("PGSERVICE");
        qunsetenv("PGHOST");
        qunsetenv("PGPORT");
    }
    void init()
    {
        QFile::remove(userFile());
        QFile::remove(sysFile());
    }

    void basic_sectionIsRead()
    {
        write(userFile(), "# comment\n\n[other]\nhost=10.0.0.1\n[main]\nhost=127.0.0.1\nport=1\ndbname=app\nuser=dba\n"
                          "sslmode=disable\napplication_name=svc app\n");
        agree(QStringLiteral("service=main"));
        const auto e = pg::ServiceFile::lookup(QStringLiteral("main"));
        QVERIFY(e.ok());
        QCOMPARE(e->params.size(), 6);
        QCOMPARE(e->params.value(5).second, QStringLiteral("svc app"));
    }

    void explicitKeywords_winOverService() { write(userFile(), "[s]\nhost=127.0.0.1\nport=1\n"); agree(QStringLiteral("service=s port=2")); }
    void duplicateKey_firstWins() { write(userFile(), "[s]\nport=1\nport=2\nhost=127.0.0.1\n"); agree(QStringLiteral("service=s")); }
    void whitespaceAroundLines_isTrimmed() { write(userFile(), "   [s]  \n\t host=127.0.0.1 \t\n  port=3\n"); agree(QStringLiteral("service=s")); }
    void spacesAroundEquals_areASyntaxError() { write(userFile(), "[s]\nhost = 127.0.0.1\n"); agree(QStringLiteral("service=s")); }
    void unknownKeyword_inWantedSection_isAnError() { write(userFile(), "[s]\nhost=127.0.0.1\nnonsense=1\n"); agree(QStringLiteral("service=s")); }
    void unknownKeyword_elsewhere_isIgnored() { write(userFile(), "[x]\nnonsense=1\n[s]\nhost=127.0.0.1\nport=4\n[y]\nbad line\n"); agree(QStringLiteral("service=s")); }
    void nestedService_isAnError() { write(userFile(), "[s]\nservice=t\n[t]\nhost=127.0.0.1\n"); agree(QStringLiteral("service=s")); }
    void lineWithoutEquals_isAnError() { write(userFile(), "[s]\nhost127.0.0.1\n"); agree(QStringLiteral("service=s")); }
    void headerWithTrailingText_stillMatches() { write(userFile(), "[s] trailing\nhost=127.0.0.1\nport=5\n"); agree(QStringLiteral("service=s")); }

    void notInUserFile_isFoundInSysconfdir()
    {
        write(userFile(), "[other]\nhost=127.0.0.2\n");
        write(sysFile(), "[s]\nhost=127.0.0.1\nport=6\n");
        agree(QStringLiteral("service=s"));
        QCOMPARE(pg::ServiceFile::lookup(QStringLiteral("s"))->file, sysFile());
    }

    void inBothFiles_userFileWins()
    {
        write(userFile(), "[s]\nhost=127.0.0.1\nport=7\n");
        write(sysFile(), "[s]\nhost=127.0.0.9\nport=8\n");
        agree(QStringLiteral("service=s"));
        QCOMPARE(pg::ServiceFile::lookup(QStringLiteral("s"))->file, userFile());
    }

    void missingService_isAnError()
    {
        write(userFile(), "[other]\nhost=127.0.0.1\n");
        agree(QStringLiteral("service=nope"));
        const auto e = pg::ServiceFile::lookup(QStringLiteral("nope"));
        QVERIFY(!e.ok());
        QVERIFY(e.error().message.contains(QLatin1String("definition of service \"nope\" not found")));
    }

    void noPgServiceFile_readsHomeDotFile()
    {
        QTemporaryDir home;
        const QByteArray oldHome = qgetenv("HOME");
        qunsetenv("PGSERVICEFILE");
        qputenv("HOME", home.path().toUtf8());
        write(home.filePath(QStringLiteral(".pg_service.conf")), "[h]\nhost=127.0.0.1\nport=9\n");
        QCOMPARE(pg::ServiceFile::searchPath().first(), home.filePath(QStringLiteral(".pg_service.conf")));
        agree(QStringLiteral("service=h"));
        qputenv("HOME", oldHome);
        qputenv("PGSERVICEFILE", userFile().toUtf8());
    }

    void parse_allSectionsForImport()
    {
        const auto all = pg::ServiceFile::parse("[a]\nhost=x\n[b]\nhost=y\nport=5433\n", QStringLiteral("f"));
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(1).name, QStringLiteral("b"));
        QCOMPARE(all->at(1).line, 3);
        const auto bad = pg::ServiceFile::parse("[a]\nhost=x\nwhat\n", QStringLiteral("f"));
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.contains(QLatin1String("line 3")));
    }

    void noService_returnsParamsUnchanged()
    {
        const pg::ConnParams p = *pg::ConnParams::parse(QStringLiteral("host=a port=1"));
        QCOMPARE(*pg::ServiceFile::expand(p), p);
    }
};

QTEST_GUILESS_MAIN(TestServiceFile)
#include "tst_servicefile.moc"
