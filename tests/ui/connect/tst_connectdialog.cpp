#include "pg/servicefile.h"
#include "support/fixture.h"
#include "ui/connect/connectdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace pgdeck;

// The connection dialog as a user drives it: paste, read the fields, press
// Test, read the answer.
class TestConnectDialog : public QObject
{
    Q_OBJECT
    test::Fixture fx;

    template<typename T>
    static T *field(ui::ConnectDialog &d, const char *name)
    {
        T *w = d.findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qFatal("no widget %s", name);
        return w;
    }

    static bool runTest(ui::ConnectDialog &d)
    {
        bool finished = false;
        bool ok = false;
        auto c = QObject::connect(&d, &ui::ConnectDialog::testFinished, [&](bool result) {
            finished = true;
            ok = result;
        });
        QTest::mouseClick(field<QPushButton>(d, "testButton"), Qt::LeftButton);
        test::waitFor([&]() { return finished; }, 30000);
        QObject::disconnect(c);
        return finished && ok;
    }

private Q_SLOTS:
    void initTestCase()
    {
        fx = test::fixture();
        qputenv("PGPASSFILE", "/nonexistent/pgpass");
    }

    void pastedUri_fillsTheFields()
    {
        ui::ConnectDialog d;
        QVERIFY(d.applyConnString(QStringLiteral("postgresql://dba:s3cret@db1.example.com:6543/orders?sslmode=verify-full"
                                                 "&sslrootcert=/etc/root.crt&connect_timeout=7&keepalives_idle=30")));
        QCOMPARE(field<QLineEdit>(d, "host")->text(), QStringLiteral("db1.example.com"));
        QCOMPARE(field<QSpinBox>(d, "port")->value(), 6543);
        QCOMPARE(field<QLineEdit>(d, "database")->text(), QStringLiteral("orders"));
        QCOMPARE(field<QLineEdit>(d, "user")->text(), QStringLiteral("dba"));
        QCOMPARE(field<QLineEdit>(d, "password")->text(), QStringLiteral("s3cret"));
        QCOMPARE(field<QComboBox>(d, "sslMode")->currentText(), QStringLiteral("verify-full"));
        QCOMPARE(field<QLineEdit>(d, "rootCert")->text(), QStringLiteral("/etc/root.crt"));
        QCOMPARE(field<QSpinBox>(d, "connectTimeout")->value(), 7);
        QCOMPARE(field<QLineEdit>(d, "extraOptions")->text(), QStringLiteral("keepalives_idle=30"));
        QCOMPARE(field<QLineEdit>(d, "profileName")->text(), QStringLiteral("db1"));
        // What would be saved holds no password.
        const core::Profile p = d.profile();
        QVERIFY(!p.servers.first().conninfo.contains(QLatin1String("s3cret")));
        QCOMPARE(p.sslMode, QStringLiteral("verify-full"));
    }

    void multiHostKeywords_becomeClusterRows()
    {
        ui::ConnectDialog d;
        QVERIFY(d.applyConnString(QStringLiteral("host=a.example,b.example port=5432,5433 dbname=app user=u")));
        auto *table = field<QTableWidget>(d, "serversTable");
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(1, 1)->text(), QStringLiteral("b.example"));
        QCOMPARE(table->item(1, 2)->text(), QStringLiteral("5433"));
        QCOMPARE(d.profile().servers.size(), 2);
        QVERIFY(d.parseNoteText().contains(QLatin1String("cluster of 2 servers")));
    }

    void badString_showsLibpqsMessage()
    {
        ui::ConnectDialog d;
        QVERIFY(!d.applyConnString(QStringLiteral("host=a nonsense=1")));
        QVERIFY2(d.parseNoteText().contains(QLatin1String("invalid connection option")), qPrintable(d.parseNoteText()));
    }

    void serviceName_isReadFromTheServiceFile()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("svc.conf"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[reporting]\nhost=rep.example.com\nport=6000\ndbname=reports\nuser=reader\nsslmode=require\n");
        f.close();
        qputenv("PGSERVICEFILE", file.toUtf8());
        ui::ConnectDialog d;
        QVERIFY(d.applyConnString(QStringLiteral("service=reporting")));
        qunsetenv("PGSERVICEFILE");
        QCOMPARE(field<QLineEdit>(d, "host")->text(), QStringLiteral("rep.example.com"));
        QCOMPARE(field<QSpinBox>(d, "port")->value(), 6000);
        QCOMPARE(field<QComboBox>(d, "sslMode")->currentText(), QStringLiteral("require"));
        QVERIFY(d.parseNoteText().contains(QLatin1String("reporting")));
    }

    void poolHint_knownCoresLocally_formulaOtherwise()
    {
        ui::ConnectDialog d;
        d.applyConnString(QStringLiteral("host=127.0.0.1 port=5432"));
        auto *hint = field<QLabel>(d, "poolHint");
        QVERIFY2(hint->text().contains(QString::number(QThread::idealThreadCount()) + QStringLiteral(" cores")), qPrintable(hint->text()));
        QVERIFY(field<QPushButton>(d, "useHintButton")->isEnabled());
        QTest::mouseClick(field<QPushButton>(d, "useHintButton"), Qt::LeftButton);
        QCOMPARE(field<QSpinBox>(d, "poolMax")->value(), core::poolSizeHint(QThread::idealThreadCount()));
        QCOMPARE(d.profile().servers.first().pool.max, core::poolSizeHint(QThread::idealThreadCount()));
        d.applyConnString(QStringLiteral("host=db.example.com"));
        QVERIFY(hint->text().contains(QLatin1String("not known from here")));
        QVERIFY(hint->text().contains(core::poolSizeFormula()));
        QVERIFY(!field<QPushButton>(d, "useHintButton")->isEnabled());
    }

    void test_primary_showsVersionRoleLatencyTls()
    {
        if (!fx.valid())
            QSKIP("no fixture: run through ctest");
        ui::ConnectDialog d;
        d.applyConnString(fx.primary);
        QVERIFY2(runTest(d), qPrintable(d.testResultText()));
        const QString text = d.testResultText();
        QVERIFY2(text.contains(QLatin1String("PostgreSQL 15")) || text.contains(QLatin1String("PostgreSQL 1")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("primary")));
        QVERIFY(text.contains(QLatin1String("round trip")));
        QVERIFY(text.contains(QLatin1String("no TLS")));
    }

    void test_replica_saysReplica()
    {
        if (!fx.valid())
            QSKIP("no fixture: run through ctest");
        ui::ConnectDialog d;
        d.applyConnString(fx.replica);
        QVERIFY(runTest(d));
        QVERIFY2(d.testResultText().contains(QLatin1String("<b>replica</b>")), qPrintable(d.testResultText()));
    }

    void test_wrongPassword_saysSoInPlainWords()
    {
        if (!fx.valid())
            QSKIP("no fixture: run through ctest");
        ui::ConnectDialog d;
        d.applyConnString(QStringLiteral("host=127.0.0.1 port=%1 dbname=pgdeck_demo user=pgdeck_app").arg(fx.primaryPort));
        field<QLineEdit>(d, "password")->setText(QStringLiteral("wrong"));
        QVERIFY(!runTest(d));
        QVERIFY2(d.testResultText().contains(QLatin1String("Wrong password")), qPrintable(d.testResultText()));
        QVERIFY(d.testResultText().contains(QLatin1String("libpq:")));
        field<QLineEdit>(d, "password")->setText(QStringLiteral("pgdeck-demo-app"));
        QVERIFY2(runTest(d), qPrintable(d.testResultText()));
    }

    void discover_addsTheFixtureReplica()
    {
        if (!fx.valid())
            QSKIP("no fixture: run through ctest");
        ui::ConnectDialog d;
        d.applyConnString(fx.primary);
        int added = -1;
        connect(&d, &ui::ConnectDialog::discoveryFinished, this, [&](int n) { added = n; });
        QTest::mouseClick(field<QPushButton>(d, "discoverButton"), Qt::LeftButton);
        QVERIFY(test::waitFor([&]() { return added >= 0; }, 60000));
        QCOMPARE(added, 1);
        const core::Profile p = d.profile();
        QCOMPARE(p.servers.size(), 2);
        QCOMPARE(p.servers[1].declaredRole, core::ProfileServer::Role::Replica);
        QVERIFY(p.servers[1].conninfo.contains(QStringLiteral("port=%1").arg(fx.replicaPort)));
        QCOMPARE(p.servers[1].name, QStringLiteral("replica1"));
    }

    void accept_withoutName_staysOpen()
    {
        ui::ConnectDialog d;
        d.applyConnString(QStringLiteral("host=127.0.0.1"));
        field<QLineEdit>(d, "profileName")->setText(QStringLiteral("bad name"));
        d.open();
        d.accept();
        QVERIFY(d.isVisible());
        field<QLineEdit>(d, "profileName")->setText(QStringLiteral("good"));
        d.accept();
        QVERIFY(!d.isVisible());
        QCOMPARE(d.result(), int(QDialog::Accepted));
    }
};

QTEST_MAIN(TestConnectDialog)
#include "tst_connectdialog.moc"
