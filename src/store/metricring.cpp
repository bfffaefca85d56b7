#include "metricring.h"

#include <cmath>
#include <limits>

namespace pgdeck::store {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

MetricRing::MetricRing(int capacity) : m_capacity(qMax(2, capacity)), m_times(size_t(m_capacity), 0) {}

void MetricRing::clear()
{
    m_head = 0;
    m_size = 0;
    m_columns.clear();
}

void MetricRing::append(qint64 tMs, const MetricValues &values)
{
    const int at = m_head;
    m_times[size_t(at)] = tMs;
    ++m_appends;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        auto col = m_columns.find(it.key());
        if (col == m_columns.end()) {
            col = m_columns.insert(it.key(), Column{});
            col->values.assign(size_t(m_capacity), kNaN);
        }
        col->values[size_t(at)] = it.value();
        col->lastSeen = m_appends;
    }
    // Columns not in this tick get NaN in this slot; those unseen for a whole cycle go.
    for (auto it = m_columns.begin(); it != m_columns.end();) {
        if (it->lastSeen != m_appends) {
            if (m_appends - it->lastSeen >= m_capacity) {
                it = m_columns.erase(it);
                continue;
            }
            it->values[size_t(at)] = kNaN;
        }
        ++it;
    }
    m_head = (m_head + 1) % m_capacity;
    m_size = qMin(m_size + 1, m_capacity);
}

qint64 MetricRing::firstTime() const
{
    return m_size ? m_times[size_t(slot(0))] : 0;
}

qint64 MetricRing::lastTime() const
{
    return m_size ? m_times[size_t(newestSlot())] : 0;
}

QStringList MetricRing::metrics() const
{
    QStringList out = m_columns.keys();
    out.sort();
    return out;
}

MetricSeries MetricRing::series(const QString &metric, qint64 sinceMs) const
{
    MetricSeries out;
    const auto col = m_columns.constFind(metric);
    if (col == m_columns.cend())
        return out;
    out.reserve(m_size);
    for (int i = 0; i < m_size; ++i) {
        const int s = slot(i);
        const qint64 t = m_times[size_t(s)];
        const double v = col->values[size_t(s)];
        if (t >= sinceMs && !std::isnan(v))
            out.append(QPointF(double(t), v));
    }
    return out;
}

double MetricRing::latest(const QString &metric) const
{
    const auto col = m_columns.constFind(metric);
    if (col == m_columns.cend() || !m_size)
        return kNaN;
    return col->values[size_t(newestSlot())];
}

MetricValues MetricRing::latestValues() const
{
    MetricValues out;
    if (!m_size)
        return out;
    const int s = newestSlot();
    for (auto it = m_columns.cbegin(); it != m_columns.cend(); ++it)
        if (!std::isnan(it->values[size_t(s)]))
            out.insert(it.key(), it->values[size_t(s)]);
    return out;
}

} // namespace pgdeck::store
