#include "thresholds.h"

#include "metricnames.h"
#include "monitorsettings.h"
#include "sample.h"

#include <QCoreApplication>
#include <QSettings>

#include <cmath>
#include <limits>

namespace pgdeck::monitor {

Level Thresholds::level(KeyMetric m, double value) const
{
    if (!std::isfinite(value))
        return Level::Unknown;
    const Band b = band(m);
    if (value < b.warning)
        return Level::Ok;
    return value <= b.critical ? Level::Warning : Level::Critical;
}

bool Thresholds::operator==(const Thresholds &o) const
{
    for (int i = 0; i < kKeyMetricCount; ++i)
        if (bands[size_t(i)].warning != o.bands[size_t(i)].warning || bands[size_t(i)].critical != o.bands[size_t(i)].critical)
            return false;
    return slowQueryMs == o.slowQueryMs;
}

QString Thresholds::key(KeyMetric m)
{
    switch (m) {
    case KeyMetric::PoolUsage: return QStringLiteral("pool_usage");
    case KeyMetric::QueryP95: return QStringLiteral("query_p95");
    case KeyMetric::SlowQueries: return QStringLiteral("slow_queries");
    case KeyMetric::ActiveConnections: return QStringLiteral("active_connections");
    case KeyMetric::ReplicationLag: return QStringLiteral("replication_lag");
    case KeyMetric::DiskUsage: return QStringLiteral("disk_usage");
    }
    return {};
}

QString Thresholds::name(KeyMetric m)
{
    switch (m) {
    case KeyMetric::PoolUsage: return QCoreApplication::translate("pgdeck::monitor", "Pool usage");
    case KeyMetric::QueryP95: return QCoreApplication::translate("pgdeck::monitor", "Query p95");
    case KeyMetric::SlowQueries: return QCoreApplication::translate("pgdeck::monitor", "Slow queries");
    case KeyMetric::ActiveConnections: return QCoreApplication::translate("pgdeck::monitor", "Active connections");
    case KeyMetric::ReplicationLag: return QCoreApplication::translate("pgdeck::monitor", "Replication lag");
    case KeyMetric::DiskUsage: return QCoreApplication::translate("pgdeck::monitor", "Disk usage");
    }
    return {};
}

QString Thresholds::unit(KeyMetric m)
{
    switch (m) {
    case KeyMetric::PoolUsage:
    case KeyMetric::DiskUsage: return QStringLiteral("%");
    case KeyMetric::QueryP95: return QStringLiteral("ms");
    case KeyMetric::SlowQueries: return QStringLiteral("/min");
    case KeyMetric::ActiveConnections: return {};
    case KeyMetric::ReplicationLag: return QStringLiteral("s");
    }
    return {};
}

QString Thresholds::levelName(Level l)
{
    switch (l) {
    case Level::Ok: return QStringLiteral("ok");
    case Level::Warning: return QStringLiteral("warning");
    case Level::Critical: return QStringLiteral("critical");
    case Level::Unknown: break;
    }
    return QStringLiteral("unknown");
}

Thresholds Thresholds::load(const QString &profile)
{
    Thresholds t;
    auto s = MonitorSettings::open();
    s->beginGroup(MonitorSettings::profileGroup(profile));
    for (int i = 0; i < kKeyMetricCount; ++i) {
        const auto m = KeyMetric(i);
        Band b = t.band(m);
        b.warning = s->value(key(m) + QStringLiteral("/warning"), b.warning).toDouble();
        b.critical = s->value(key(m) + QStringLiteral("/critical"), b.critical).toDouble();
        t.setBand(m, b);
    }
    t.slowQueryMs = s->value(QStringLiteral("slow_query_ms"), t.slowQueryMs).toDouble();
    s->endGroup();
    return t;
}

void Thresholds::save(const QString &profile) const
{
    auto s = MonitorSettings::open();
    s->beginGroup(MonitorSettings::profileGroup(profile));
    for (int i = 0; i < kKeyMetricCount; ++i) {
        const auto m = KeyMetric(i);
        s->setValue(key(m) + QStringLiteral("/warning"), band(m).warning);
        s->setValue(key(m) + QStringLiteral("/critical"), band(m).critical);
    }
    s->setValue(QStringLiteral("slow_query_ms"), slowQueryMs);
    s->endGroup();
}

double Thresholds::valueOf(KeyMetric m, const Sample &s, QString *source)
{
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    if (!s.up)
        return nan;
    auto pick = [&](const QString &name) { return s.values.value(name, nan); };
    switch (m) {
    case KeyMetric::PoolUsage: {
        // The application's own pool when its endpoint is scraped, else the server's
        // connection slots.
        double worst = nan;
        for (auto it = s.values.cbegin(); it != s.values.cend(); ++it) {
            QString group, name, field;
            if (!metric::splitKeyed(it.key(), &group, &name, &field) || group != QLatin1String("scrape") || field != QLatin1String("pool_size"))
                continue;
            const double size = it.value();
            const double avail = s.values.value(metric::keyed(group, name, QStringLiteral("pool_available")), nan);
            if (size > 0 && std::isfinite(avail)) {
                const double pct = 100.0 * (size - avail) / size;
                if (!std::isfinite(worst) || pct > worst) {
                    worst = pct;
                    if (source)
                        *source = QCoreApplication::translate("pgdeck::monitor", "%1's pool (its endpoint)").arg(name);
                }
            }
        }
        if (std::isfinite(worst))
            return worst;
        if (source)
            *source = QCoreApplication::translate("pgdeck::monitor", "connections / max_connections");
        return pick(metric::connUsagePct);
    }
    case KeyMetric::QueryP95: return pick(metric::p95Ms);
    case KeyMetric::SlowQueries: return pick(metric::slowPerMin);
    case KeyMetric::ActiveConnections: {
        const double a = pick(metric::connActive);
        return std::isfinite(a) ? a + s.values.value(metric::connWaitingLock, 0) : nan;
    }
    case KeyMetric::ReplicationLag: {
        double worst = pick(metric::standbyLagS);
        for (auto it = s.values.cbegin(); it != s.values.cend(); ++it) {
            QString group, field;
            if (metric::splitKeyed(it.key(), &group, nullptr, &field) && group == QLatin1String("repl") && field == QLatin1String("lag_s"))
                worst = std::isfinite(worst) ? std::max(worst, it.value()) : it.value();
        }
        return worst;
    }
    case KeyMetric::DiskUsage: return pick(metric::fsUsedPct);
    }
    return nan;
}

} // namespace pgdeck::monitor
