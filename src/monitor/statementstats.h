#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <deque>
#include <optional>

namespace pgdeck::monitor {

// Slow queries per minute and a query-time p95 from successive pg_stat_statements
// snapshots (which hold only cumulative calls, total, stddev and max per statement).
//
// Estimation, per statement with new calls since the previous snapshot:
//  - the interval's calls are modelled as a normal distribution with the interval's
//    own mean (delta total / delta calls) and the statement's overall stddev (a
//    single new call is exact: its time is the delta total);
//  - slow calls = calls x P(time > threshold); none when the statement's all-time
//    max is below the threshold; at least one when the max rose past it;
//  - p95 = the 95th percentile of the call-weighted mixture of those distributions.
// Both are reported over the trailing minute, so "per minute" means the last 60 s.
class StatementStats
{
public:
    struct Row
    {
        QString key;         // userid/dbid/queryid (toplevel only where known)
        double calls = 0;
        double totalMs = 0;
        double stddevMs = 0;
        double maxMs = 0;
    };
    struct Estimate
    {
        double slowPerMin = 0;    // slow calls in the trailing minute
        double p95Ms = 0;         // NaN when no calls in the trailing minute
        double callsPerS = 0;     // over the trailing minute
    };

    void setSlowThresholdMs(double ms) { m_thresholdMs = ms; }
    double slowThresholdMs() const { return m_thresholdMs; }
    void setWindowMs(qint64 ms) { m_windowMs = ms; }

    // Feeds a snapshot taken at `nowMs`. The first snapshot (and one after a stats
    // reset) only sets the baseline: nothing is known about the interval before it.
    void update(const QList<Row> &rows, qint64 nowMs);
    // The estimate over the trailing window as of `nowMs`; nullopt before two snapshots.
    std::optional<Estimate> estimate(qint64 nowMs) const;
    void reset();

    // The percentile `q` (0..1) of a call-weighted mixture of normals (exposed for tests).
    struct Component
    {
        double calls = 0, meanMs = 0, stddevMs = 0;
    };
    static double mixtureQuantile(const QList<Component> &components, double q);

private:
    struct Prev
    {
        double calls = 0, totalMs = 0, maxMs = 0, stddevMs = 0;
    };
    struct Interval
    {
        qint64 endMs = 0;
        qint64 lengthMs = 0;
        double calls = 0;
        double slowCalls = 0;
        QList<Component> components;
    };

    double m_thresholdMs = 500;
    qint64 m_windowMs = 60000;
    QHash<QString, Prev> m_prev;
    qint64 m_prevMs = 0;
    bool m_primed = false;
    std::deque<Interval> m_intervals;
};

} // namespace pgdeck::monitor
