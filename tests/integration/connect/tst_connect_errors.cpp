#include "pg/session.h"
#include "support/fixture.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QTcpServer>
#include <QTest>

using namespace pgdeck;

// The four ways a first connection usually fails each get their own plain
// sentence (with libpq's words kept as detail), and none waits beyond the
// connect timeout.
class TestConnectErrors : public QObject
{
    Q_OBJECT
    test::Fixture fx;
    static constexpr int kTimeoutMs = 8000;

    struct Outcome
    {
        bool failed = false;
        core::Error error;
        qint64 ms = 0;
    };

    Outcome connectTo(const QString &conninfo)
    {
        Outcome o;
        pg::Session s;
        bool done = false;
        connect(&s, &pg::Session::connected, this, [&]() { done = true; });
        connect(&s, &pg::Session::connectFailed, this, [&](const core::Error &e) {
            o.failed = true;
            o.error = e;
            done = true;
        });
        QElapsedTimer t;
        t.start();
        s.connectToServer(*pg::ConnParams::parse(conninfo), kTimeoutMs);
        // Generous: the Session's own deadline must end it first.
        test::waitFor([&]() { return done; }, kTimeoutMs + 20000);
        o.ms = t.elapsed();
        return o;
    }

    static int closedPort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        const int port = probe.serverPort();
        probe.close();
        return port;
    }

private Q_SLOTS:
    void initTestCase()
    {
        fx = test::fixture();
        if (!fx.valid())
            QSKIP("no fixture: run through ctest");
        qputenv("PGPASSFILE", "/nonexistent/pgdeck-test-pgpass");
    }

    void fourFailures_fourDistinctPlainMessages()
    {
        const QString app = QStringLiteral("dbname=pgdeck_demo user=pgdeck_app connect_timeout=5 ");
        const Outcome wrong = connectTo(app + QStringLiteral("host=127.0.0.1 port=%1 password=not-the-password").arg(fx.primaryPort));
        const Outcome unknown = connectTo(app + QStringLiteral("host=nosuchhost.invalid port=5432"));
        const Outcome refused = connectTo(app + QStringLiteral("host=127.0.0.1 port=%1").arg(closedPort()));
        const Outcome tls = connectTo(QStringLiteral("host=127.0.0.1 port=%1 dbname=pgdeck_demo user=postgres sslmode=require")
                                          .arg(fx.primaryPort));
        const QList<Outcome> all{wrong, unknown, refused, tls};
        for (const Outcome &o : all) {
            QVERIFY(o.failed);
            QVERIFY2(o.ms < kTimeoutMs + 3000, qPrintable(QStringLiteral("took %1 ms").arg(o.ms)));
            QVERIFY2(!o.error.detail.isEmpty(), qPrintable(o.error.message)); // libpq's own words are kept
        }
        QVERIFY2(wrong.error.message.startsWith(QLatin1String("Wrong password")), qPrintable(wrong.error.message));
        QVERIFY2(unknown.error.message.startsWith(QLatin1String("Unknown host")), qPrintable(unknown.error.message));
        QVERIFY(unknown.error.message.contains(QLatin1String("nosuchhost.invalid")));
        QVERIFY2(refused.error.message.startsWith(QLatin1String("Connection refused")), qPrintable(refused.error.message));
        QVERIFY2(tls.error.message.startsWith(QLatin1String("TLS is required")), qPrintable(tls.error.message));
        QSet<QString> distinct;
        for (const Outcome &o : all)
            distinct.insert(o.error.message.section(QLatin1Char(':'), 0, 0));
        QCOMPARE(distinct.size(), 4);
    }

    void silentServer_endsAtTheConnectTimeout()
    {
        // Accepts TCP, never answers: only the deadline can end this.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        pg::Session s;
        bool failed = false;
        core::Error error;
        connect(&s, &pg::Session::connectFailed, this, [&](const core::Error &e) {
            failed = true;
            error = e;
        });
        QElapsedTimer t;
        t.start();
        s.connectToServer(*pg::ConnParams::parse(QStringLiteral("host=127.0.0.1 port=%1 user=x").arg(silent.serverPort())), 1500);
        QVERIFY(test::waitFor([&]() { return failed; }, 30000));
        QVERIFY2(t.elapsed() < 1500 + 5000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(error.isTimeout() || error.message.contains(QLatin1String("time"), Qt::CaseInsensitive));
    }
};

QTEST_GUILESS_MAIN(TestConnectErrors)
#include "tst_connect_errors.moc"
