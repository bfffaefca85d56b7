#pragma once

#include <QString>

#include <array>

namespace pgdeck::monitor {

struct Sample;

// The key metrics a DBA watches, each with a warning and a critical bound:
//   value < warning -> ok;  warning <= value <= critical -> warning;  > critical -> critical.
// Defaults are the seed's table: pool usage <70/70-85/>85 %, query p95
// <100/100-500/>500 ms, slow queries 0/1-10/>10 per minute, active connections
// <80/80-100/>100, replication lag <1/1-10/>10 s, disk usage <70/70-85/>85 %.
enum class KeyMetric { PoolUsage, QueryP95, SlowQueries, ActiveConnections, ReplicationLag, DiskUsage };
inline constexpr int kKeyMetricCount = 6;
enum class Level { Unknown, Ok, Warning, Critical };

struct Band
{
    double warning = 0;
    double critical = 0;
};

struct Thresholds
{
    std::array<Band, kKeyMetricCount> bands{{{70, 85}, {100, 500}, {1, 10}, {80, 100}, {1, 10}, {70, 85}}};
    double slowQueryMs = 500; // a statement slower than this counts as a slow query

    Band band(KeyMetric m) const { return bands[size_t(m)]; }
    void setBand(KeyMetric m, Band b) { bands[size_t(m)] = b; }
    Level level(KeyMetric m, double value) const;
    bool operator==(const Thresholds &o) const;

    // Per profile, in <configDir>/monitor.ini (QSettings), keyed by the profile's name.
    static Thresholds load(const QString &profile);
    void save(const QString &profile) const;

    static QString name(KeyMetric m);  // "Pool usage"
    static QString unit(KeyMetric m);  // "%", "ms", "/min", "", "s"
    static QString key(KeyMetric m);   // settings key: "pool_usage"
    static QString levelName(Level l); // ok, warning, critical, unknown
    // The metric's value in a sample (NaN when the sample cannot tell), and where it came from.
    static double valueOf(KeyMetric m, const Sample &s, QString *source = nullptr);
};

} // namespace pgdeck::monitor
