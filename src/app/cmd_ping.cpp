#include "cli.h"

#include "pg/session.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace pgdeck::app {

namespace {

// Connects, asks who the server is, then times a few round trips.
class Pinger : public QObject
{
public:
    Pinger(pg::ConnParams params, int rounds, int timeoutMs) : m_params(std::move(params)), m_rounds(rounds), m_timeoutMs(timeoutMs) {}

    int exitCode = ExitOk;

    void start()
    {
        connect(&m_session, &pg::Session::connected, this, &Pinger::identify);
        connect(&m_session, &pg::Session::connectFailed, this, [this](const core::Error &e) {
            err(QStringLiteral("ping: %1").arg(e.message));
            if (!e.detail.isEmpty())
                err(QStringLiteral("libpq: %1").arg(e.detail));
            if (!e.hint.isEmpty())
                err(QStringLiteral("hint: %1").arg(e.hint));
            finish(ExitUnreachable);
        });
        m_session.connectToServer(m_params, m_timeoutMs);
    }

private:
    void identify()
    {
        m_session.exec(QStringLiteral("SELECT version(), pg_is_in_recovery(), current_setting('server_version'), "
                                      "current_database(), current_user, inet_server_addr()::text"),
                       [this](core::Result<pg::QueryResult> r) {
                           if (!r.ok()) {
                               err(QStringLiteral("ping: %1").arg(r.error().toString()));
                               finish(ExitFailure);
                               return;
                           }
                           const pg::ResultSet &s = r->last();
                           m_version = s.text(0, 2);
                           m_versionLine = s.text(0, 0);
                           m_role = s.toBool(0, 1) ? QStringLiteral("replica") : QStringLiteral("primary");
                           m_who = QStringLiteral("%1@%2").arg(s.text(0, 4), s.text(0, 3));
                           round();
                       });
    }

    void round()
    {
        m_session.exec(QStringLiteral("SELECT 1"), [this](core::Result<pg::QueryResult> r) {
            if (!r.ok()) {
                err(QStringLiteral("ping: %1").arg(r.error().toString()));
                finish(ExitUnreachable);
                return;
            }
            m_samples.push_back(r->elapsedUs);
            if (int(m_samples.size()) < m_rounds)
                round();
            else
                report();
        });
    }

    void report()
    {
        std::sort(m_samples.begin(), m_samples.end());
        const double median = m_samples[m_samples.size() / 2] / 1000.0;
        out(QStringLiteral("server:   %1 (%2)").arg(m_params.endpoint(), m_version));
        out(QStringLiteral("role:     %1").arg(m_role));
        out(QStringLiteral("session:  %1, backend pid %2%3")
                .arg(m_who)
                .arg(m_session.backendPid())
                .arg(m_session.usesTls() ? QStringLiteral(", TLS") : QStringLiteral(", no TLS")));
        out(QStringLiteral("connect:  %1 ms").arg(m_session.connectElapsedUs() / 1000.0, 0, 'f', 2));
        out(QStringLiteral("latency:  %1 ms (median of %2 round trips)").arg(median, 0, 'f', 3).arg(m_samples.size()));
        finish(ExitOk);
    }

    void finish(int code)
    {
        exitCode = code;
        QTimer::singleShot(0, qApp, [code]() { QCoreApplication::exit(code); });
    }

    pg::Session m_session;
    pg::ConnParams m_params;
    int m_rounds;
    int m_timeoutMs;
    std::vector<qint64> m_samples;
    QString m_version, m_versionLine, m_role, m_who;
};

} // namespace

int runPing(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Print the server's version, role (primary/replica) and round-trip latency."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("CONN"), QStringLiteral("keyword string, postgres:// URI, service=name or @profile"));
    p.addOptions({
        {QStringLiteral("count"), QStringLiteral("Round trips to time (default 5)."), QStringLiteral("N"), QStringLiteral("5")},
        {QStringLiteral("timeout"), QStringLiteral("Connect timeout in seconds (default 10)."), QStringLiteral("S"),
         QStringLiteral("10")},
    });
    QStringList argv{QStringLiteral("pgdeck ping")};
    argv += args;
    if (!p.parse(argv) || p.positionalArguments().size() != 1) {
        err(p.errorText().isEmpty() ? QStringLiteral("usage: pgdeck ping CONN") : p.errorText());
        return ExitUsage;
    }
    if (p.isSet(QStringLiteral("help"))) {
        out(p.helpText());
        return ExitOk;
    }
    auto params = resolveConn(p.positionalArguments().first());
    if (!params.ok()) {
        err(QStringLiteral("ping: ") + params.error().toString());
        return ExitUsage;
    }
    const int timeoutMs = qMax(1, p.value(QStringLiteral("timeout")).toInt()) * 1000;
    Pinger pinger(*params, qMax(1, p.value(QStringLiteral("count")).toInt()), timeoutMs);
    QTimer::singleShot(0, &pinger, [&pinger]() { pinger.start(); });
    QCoreApplication::exec();
    return pinger.exitCode;
}

} // namespace pgdeck::app
