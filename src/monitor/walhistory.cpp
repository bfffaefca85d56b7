#include "walhistory.h"

#include <algorithm>

namespace pgdeck::monitor {

void WalHistory::record(qint64 tMs, double lsn)
{
    if (!m_points.empty() && lsn <= m_points.back().lsn) {
        if (lsn < m_points.back().lsn)
            m_points.clear(); // a new timeline or a restored server: start over
        else
            return;
    }
    m_points.push_back({tMs, lsn});
    while (int(m_points.size()) > m_capacity)
        m_points.pop_front();
}

double WalHistory::secondsBehind(double replayed, qint64 nowMs, bool *beforeHistory) const
{
    if (beforeHistory)
        *beforeHistory = false;
    const auto first = std::upper_bound(m_points.begin(), m_points.end(), replayed,
                                        [](double v, const Point &p) { return v < p.lsn; });
    if (first == m_points.end())
        return 0;
    if (beforeHistory && first == m_points.begin())
        *beforeHistory = true;
    return std::max<qint64>(0, nowMs - first->tMs) / 1000.0;
}

} // namespace pgdeck::monitor
