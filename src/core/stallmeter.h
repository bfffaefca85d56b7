#pragma once

#include <QElapsedTimer>
#include <QObject>

#include <vector>

class QTimer;

namespace pgdeck::core {

// Measures how long the event loop of the current thread goes without turning: a
// short timer fires repeatedly and each late arrival is a stall. Used by UI tests
// (with a generous bound) and by bench/ (which reports the p99).
class StallMeter : public QObject
{
    Q_OBJECT
public:
    explicit StallMeter(int intervalMs = 2, QObject *parent = nullptr);

    void start();
    void stop();

    // Lateness of each tick beyond the interval, in microseconds.
    const std::vector<qint64> &stallsUs() const { return m_stalls; }
    qint64 maxUs() const;
    qint64 percentileUs(double p) const; // p in [0, 100]
    int ticks() const { return int(m_stalls.size()); }

private:
    void tick();

    QTimer *m_timer = nullptr;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    int m_intervalMs;
    std::vector<qint64> m_stalls;
};

} // namespace pgdeck::core
