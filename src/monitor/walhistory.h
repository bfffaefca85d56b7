#pragma once

#include <QtGlobal>

#include <deque>

namespace pgdeck::monitor {

// When did each WAL position first appear? The monitor records the server's WAL
// position (the primary's insert position, or the replica's received position) on
// every tick it changes. A standby's replay lag in seconds is then "how long ago was
// the first WAL it has not replayed written": the time of the first recorded
// position past its replay position. An idle cluster writes nothing, so nothing is
// unreplayed and the lag is 0, not a number that grows with the idle time.
class WalHistory
{
public:
    explicit WalHistory(int capacity = 7200) : m_capacity(capacity) {}

    void record(qint64 tMs, double lsn);
    void clear() { m_points.clear(); }
    bool isEmpty() const { return m_points.empty(); }

    // Seconds since the first WAL past `replayed` appeared, as a lower bound at
    // tick granularity (0 when it appeared this tick or nothing is past it).
    // *beforeHistory is set when `replayed` predates what was recorded.
    double secondsBehind(double replayed, qint64 nowMs, bool *beforeHistory = nullptr) const;

private:
    struct Point
    {
        qint64 tMs;
        double lsn;
    };
    int m_capacity;
    std::deque<Point> m_points;
};

} // namespace pgdeck::monitor
