#include "cli.h"

#include "monitor/bouncersampler.h"
#include "monitor/postgressampler.h"
#include "monitor/thresholds.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTimer>

#include <memory>

namespace pgdeck::app {

namespace {

// Prints the samples the dashboard charts, one JSON object per line (JSON Lines).
class HeadlessMonitor : public QObject
{
public:
    HeadlessMonitor(std::unique_ptr<monitor::Sampler> sampler, int samples, int intervalMs)
        : m_sampler(std::move(sampler)), m_samples(samples)
    {
        m_sampler->setIntervalMs(intervalMs);
        m_timer.setInterval(m_sampler->intervalMs());
        connect(&m_timer, &QTimer::timeout, m_sampler.get(), &monitor::Sampler::tick);
        connect(m_sampler.get(), &monitor::Sampler::sampled, this, [this](const monitor::Sample &s) {
            out(QString::fromUtf8(QJsonDocument(s.toJson()).toJson(QJsonDocument::Compact)));
            m_anyUp = m_anyUp || s.up;
            if (++m_printed >= m_samples) {
                m_timer.stop();
                QTimer::singleShot(0, qApp, [this]() { QCoreApplication::exit(m_anyUp ? ExitOk : ExitUnreachable); });
            }
        });
        // The first tick waits for the first connect attempt to end either way.
        connect(m_sampler.get(), &monitor::Sampler::stateChanged, this, [this](monitor::Sampler::State st) {
            if (st != monitor::Sampler::State::Connecting && !m_timer.isActive() && m_printed < m_samples) {
                m_sampler->tick();
                m_timer.start();
            }
        });
    }

    void start() { m_sampler->start(); }

private:
    std::unique_ptr<monitor::Sampler> m_sampler;
    QTimer m_timer;
    int m_samples;
    int m_printed = 0;
    bool m_anyUp = false;
};

} // namespace

int runMonitor(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Sample a server as the dashboard does and print each sample as one JSON object per line "
        "(JSON Lines). Rates appear from the second sample on."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("CONN"), QStringLiteral("keyword string, postgres:// URI, service=name or @profile; "
                                                                  "dbname=pgbouncer samples PgBouncer's admin console"));
    p.addOptions({
        {QStringLiteral("samples"), QStringLiteral("Samples to print (default 5)."), QStringLiteral("N"), QStringLiteral("5")},
        {QStringLiteral("interval"), QStringLiteral("Seconds between samples, 0.5 to 60 (default 1)."), QStringLiteral("S"),
         QStringLiteral("1")},
        {QStringLiteral("format"), QStringLiteral("Output format: json (default)."), QStringLiteral("FORMAT"), QStringLiteral("json")},
        {QStringLiteral("slow-ms"), QStringLiteral("A statement slower than this is a slow query (default 500)."),
         QStringLiteral("MS"), QStringLiteral("500")},
        {QStringLiteral("statements-every"), QStringLiteral("Read pg_stat_statements every N samples (default 5)."),
         QStringLiteral("N"), QStringLiteral("5")},
        {QStringLiteral("disk-every"), QStringLiteral("Read database and WAL sizes every N samples (default 60)."),
         QStringLiteral("N"), QStringLiteral("60")},
        {QStringLiteral("endpoint"), QStringLiteral("Scrape an application's Prometheus endpoint, URL=APPLICATION_NAME (repeatable)."),
         QStringLiteral("URL=APP")},
    });
    QStringList argv{QStringLiteral("pgdeck monitor")};
    argv += args;
    if (!p.parse(argv) || p.positionalArguments().size() != 1) {
        err(p.errorText().isEmpty() ? QStringLiteral("usage: pgdeck monitor CONN --samples N --interval S --format json")
                                    : p.errorText());
        return ExitUsage;
    }
    if (p.isSet(QStringLiteral("help"))) {
        out(p.helpText());
        return ExitOk;
    }
    if (p.value(QStringLiteral("format")) != QLatin1String("json")) {
        err(QStringLiteral("monitor: unknown format '%1' (json)").arg(p.value(QStringLiteral("format"))));
        return ExitUsage;
    }
    bool okSamples = false, okInterval = false;
    const int samples = p.value(QStringLiteral("samples")).toInt(&okSamples);
    const double interval = p.value(QStringLiteral("interval")).toDouble(&okInterval);
    if (!okSamples || samples < 1 || !okInterval || interval < 0.5 || interval > 60) {
        err(QStringLiteral("monitor: --samples must be >= 1 and --interval between 0.5 and 60 seconds"));
        return ExitUsage;
    }
    auto params = resolveConn(p.positionalArguments().first());
    if (!params.ok()) {
        err(QStringLiteral("monitor: ") + params.error().toString());
        return ExitUsage;
    }
    QList<monitor::Endpoint> endpoints;
    for (const QString &e : p.values(QStringLiteral("endpoint"))) {
        const qsizetype eq = e.lastIndexOf(QLatin1Char('='));
        if (eq <= 0) {
            err(QStringLiteral("monitor: --endpoint wants URL=APPLICATION_NAME, got '%1'").arg(e));
            return ExitUsage;
        }
        endpoints.append({QUrl(e.left(eq)), e.mid(eq + 1)});
    }

    const QString name = params->endpoint();
    const QString source = QStringLiteral("cli/") + name;
    std::unique_ptr<monitor::Sampler> sampler;
    if (monitor::BouncerSampler::isAdminConsole(*params)) {
        sampler = std::make_unique<monitor::BouncerSampler>(source, name, *params, nullptr);
    } else {
        auto pgs = std::make_unique<monitor::PostgresSampler>(source, name, *params, nullptr);
        pgs->setSlowThresholdMs(p.value(QStringLiteral("slow-ms")).toDouble());
        pgs->setStatementsEvery(p.value(QStringLiteral("statements-every")).toInt());
        pgs->setDiskEvery(p.value(QStringLiteral("disk-every")).toInt());
        sampler = std::move(pgs);
    }
    QNetworkAccessManager nam;
    sampler->setEndpoints(endpoints, &nam);
    HeadlessMonitor m(std::move(sampler), samples, int(interval * 1000));
    QTimer::singleShot(0, &m, [&m]() { m.start(); });
    return QCoreApplication::exec();
}

} // namespace pgdeck::app
