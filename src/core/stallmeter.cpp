#include "stallmeter.h"

#include <QTimer>

#include <algorithm>

namespace pgdeck::core {

StallMeter::StallMeter(int intervalMs, QObject *parent) : QObject(parent), m_timer(new QTimer(this)), m_intervalMs(intervalMs)
{
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &StallMeter::tick);
}

void StallMeter::start()
{
    m_stalls.clear();
    m_clock.start();
    m_lastNs = 0;
    m_timer->start();
}

void StallMeter::stop() { m_timer->stop(); }

void StallMeter::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 late = (now - m_lastNs) / 1000 - qint64(m_intervalMs) * 1000;
    m_stalls.push_back(std::max<qint64>(0, late));
    m_lastNs = now;
}

qint64 StallMeter::maxUs() const
{
    return m_stalls.empty() ? 0 : *std::max_element(m_stalls.begin(), m_stalls.end());
}

qint64 StallMeter::percentileUs(double p) const
{
    if (m_stalls.empty())
        return 0;
    std::vector<qint64> sorted = m_stalls;
    std::sort(sorted.begin(), sorted.end());
    const size_t idx = std::min(sorted.size() - 1, size_t(p / 100.0 * double(sorted.size() - 1) + 0.5));
    return sorted[idx];
}

} // namespace pgdeck::core
