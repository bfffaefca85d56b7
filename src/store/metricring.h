#pragma once

#include "metricpoint.h"

#include <QStringList>

#include <vector>

namespace pgdeck::store {

// The last `capacity` ticks of one source, column by column: one ring of times and
// one ring of values per metric, aligned. A metric absent from a tick holds NaN
// there; a metric absent for a whole cycle is dropped. The live view reads from here.
class MetricRing
{
public:
    explicit MetricRing(int capacity = 900);

    void append(qint64 tMs, const MetricValues &values);
    void clear();

    int capacity() const { return m_capacity; }
    int size() const { return m_size; }
    qint64 firstTime() const;
    qint64 lastTime() const; // 0 when empty
    QStringList metrics() const;
    bool has(const QString &metric) const { return m_columns.contains(metric); }

    // Points at or after `sinceMs`, oldest first, NaN slots left out.
    MetricSeries series(const QString &metric, qint64 sinceMs = 0) const;
    // The value in the newest tick; NaN when the metric was absent from it.
    double latest(const QString &metric) const;
    // The newest tick's values.
    MetricValues latestValues() const;

private:
    struct Column
    {
        std::vector<double> values;
        qint64 lastSeen = 0; // append counter when last present
    };
    int slot(int i) const { return (m_head - m_size + i + m_capacity) % m_capacity; } // i-th oldest
    int newestSlot() const { return (m_head - 1 + m_capacity) % m_capacity; }

    int m_capacity;
    int m_head = 0; // next slot to write
    int m_size = 0;
    qint64 m_appends = 0;
    std::vector<qint64> m_times;
    QHash<QString, Column> m_columns;
};

} // namespace pgdeck::store
