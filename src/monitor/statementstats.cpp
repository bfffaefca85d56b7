#include "statementstats.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace pgdeck::monitor {

namespace {
double normalTail(double x, double mean, double sd) // P(X > x)
{
    if (sd <= 0)
        return mean > x ? 1.0 : 0.0;
    return 0.5 * std::erfc((x - mean) / (sd * std::sqrt(2.0)));
}
} // namespace

void StatementStats::reset()
{
    m_prev.clear();
    m_intervals.clear();
    m_primed = false;
    m_prevMs = 0;
}

void StatementStats::update(const QList<Row> &rows, qint64 nowMs)
{
    QHash<QString, Prev> next;
    next.reserve(rows.size());
    Interval iv;
    iv.endMs = nowMs;
    iv.lengthMs = nowMs - m_prevMs;
    bool reset = false;
    for (const Row &r : rows) {
        Prev &p = next[r.key];
        // Duplicate keys (statements of other users without pg_read_all_stats) add up.
        p.calls += r.calls;
        p.totalMs += r.totalMs;
        p.maxMs = std::max(p.maxMs, r.maxMs);
        p.stddevMs = std::max(p.stddevMs, r.stddevMs);
    }
    if (m_primed) {
        for (auto it = next.cbegin(); it != next.cend(); ++it) {
            const Prev &now = *it;
            const auto was = m_prev.constFind(it.key());
            const bool known = was != m_prev.cend();
            const double dCalls = now.calls - (known ? was->calls : 0);
            const double dTotal = now.totalMs - (known ? was->totalMs : 0);
            if (dCalls < 0) {
                reset = true; // pg_stat_statements_reset(), or an entry evicted and back
                continue;
            }
            if (dCalls == 0 || iv.components.size() > 20000)
                continue;
            const double mean = std::max(0.0, dTotal / dCalls);
            const double sd = dCalls == 1 ? 0.0 : now.stddevMs;
            double slow = 0;
            if (now.maxMs > m_thresholdMs) {
                slow = dCalls * normalTail(m_thresholdMs, mean, sd);
                // A max that rose past the threshold was set by a call in this interval.
                if (!known || now.maxMs > was->maxMs)
                    slow = std::max(slow, 1.0);
                slow = std::min(slow, dCalls);
            }
            iv.calls += dCalls;
            iv.slowCalls += slow;
            iv.components.append({dCalls, mean, sd});
        }
    }
    m_prev = std::move(next);
    const bool wasPrimed = m_primed;
    m_primed = true;
    m_prevMs = nowMs;
    if (!wasPrimed || reset || iv.lengthMs <= 0)
        return;
    m_intervals.push_back(std::move(iv));
    while (!m_intervals.empty() && m_intervals.front().endMs <= nowMs - m_windowMs)
        m_intervals.pop_front();
}

std::optional<StatementStats::Estimate> StatementStats::estimate(qint64 nowMs) const
{
    if (!m_primed || m_intervals.empty())
        return std::nullopt;
    Estimate e;
    QList<Component> all;
    double calls = 0;
    qint64 covered = 0;
    for (const Interval &iv : m_intervals) {
        if (iv.endMs <= nowMs - m_windowMs)
            continue;
        e.slowPerMin += iv.slowCalls;
        calls += iv.calls;
        covered += iv.lengthMs;
        all += iv.components;
    }
    e.callsPerS = covered > 0 ? calls / (double(covered) / 1000.0) : 0;
    e.p95Ms = calls > 0 ? mixtureQuantile(all, 0.95) : std::numeric_limits<double>::quiet_NaN();
    return e;
}

double StatementStats::mixtureQuantile(const QList<Component> &components, double q)
{
    double weight = 0, hi = 0;
    for (const Component &c : components) {
        weight += c.calls;
        hi = std::max(hi, c.meanMs + 6 * c.stddevMs);
    }
    if (weight <= 0)
        return std::numeric_limits<double>::quiet_NaN();
    // Bisection on the mixture's CDF; times are not negative.
    auto cdf = [&](double x) {
        double f = 0;
        for (const Component &c : components)
            f += c.calls * (1.0 - normalTail(x, c.meanMs, c.stddevMs));
        return f / weight;
    };
    double lo = 0;
    hi = std::max(hi, 1e-6);
    for (int i = 0; i < 60 && hi - lo > 1e-6 * std::max(1.0, hi); ++i) {
        const double mid = (lo + hi) / 2;
        if (cdf(mid) < q)
            lo = mid;
        else
            hi = mid;
    }
    return hi;
}

} // namespace pgdeck::monitor
