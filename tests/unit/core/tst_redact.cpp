#include "core/logging.h"
#include "core/redact.h"

#include <QFile>
#include <QStandardPaths>
#include <QTest>

using namespace pgdeck;

class TestRedact : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void keywordPassword_isMasked()
    {
        const QString s = core::redactSecrets(QStringLiteral("host=db port=5432 password=s3cret user=bob"));
        QVERIFY(!s.contains(QLatin1String("s3cret")));
        QVERIFY(s.contains(QLatin1String("host=db port=5432")));
        QVERIFY(s.contains(QLatin1String("user=bob")));
    }
    void quotedPasswordWithSpaces_isMasked()
    {
        const QString s = core::redactSecrets(QStringLiteral("password='a b\\' c' dbname=x"));
        QVERIFY2(!s.contains(QLatin1String("a b")), qPrintable(s));
        QVERIFY(s.contains(QLatin1String("dbname=x")));
    }
    void uriPassword_isMasked()
    {
        const QString s = core::redactSecrets(QStringLiteral("postgres://alice:hunter2@db:5432/app?password=also"));
        QVERIFY(!s.contains(QLatin1String("hunter2")));
        QVERIFY(!s.contains(QLatin1String("also")));
        QVERIFY(s.contains(QLatin1String("alice")));
    }
    void environmentPassword_isMasked()
    {
        QVERIFY(!core::redactSecrets(QStringLiteral("PGPASSWORD=topsecret pg_dump")).contains(QLatin1String("topsecret")));
    }
    void logFile_neverHoldsPassword()
    {
        const std::string file = core::setupLogging(false, "debug");
        core::logger("test")->info("connecting with host=x password=LeakMe123 user=y");
        core::logger("test")->flush();
        QFile f(QString::fromStdString(file));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("connecting with host=x"));
        QVERIFY(!text.contains("LeakMe123"));
    }
};

QTEST_GUILESS_MAIN(TestRedact)
#include "tst_redact.moc"
