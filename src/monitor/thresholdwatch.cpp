#include "thresholdwatch.h"

#include "core/logging.h"
#include "sample.h"

#include <cmath>

namespace pgdeck::monitor {

void ThresholdWatch::evaluate(const QString &profile, const Sample &sample)
{
    const Thresholds t = m_thresholds.value(profile);
    auto &entries = m_state[sample.source];
    for (int i = 0; i < kKeyMetricCount; ++i) {
        const auto m = KeyMetric(i);
        Entry &e = entries[size_t(i)];
        QString from;
        const double v = Thresholds::valueOf(m, sample, &from);
        const Level next = t.level(m, v);
        e.value = v;
        e.from = from;
        if (next == e.level)
            continue;
        const Level before = e.level;
        e.level = next;
        auto log = core::logger("monitor");
        if (next == Level::Critical) {
            log->error("{} ({}): {} is critical: {:.1f}{} (critical above {}{})", sample.server.toStdString(),
                       sample.source.toStdString(), Thresholds::name(m).toStdString(), v, Thresholds::unit(m).toStdString(),
                       t.band(m).critical, Thresholds::unit(m).toStdString());
        } else if (before == Level::Critical) {
            log->warn("{} ({}): {} is no longer critical: {}", sample.server.toStdString(), sample.source.toStdString(),
                      Thresholds::name(m).toStdString(), Thresholds::levelName(next).toStdString());
        }
        Q_EMIT levelChanged(sample.source, m, before, next);
    }
}

Level ThresholdWatch::level(const QString &source, KeyMetric m) const
{
    const auto it = m_state.constFind(source);
    return it == m_state.cend() ? Level::Unknown : (*it)[size_t(m)].level;
}

double ThresholdWatch::value(const QString &source, KeyMetric m) const
{
    const auto it = m_state.constFind(source);
    return it == m_state.cend() ? std::nan("") : (*it)[size_t(m)].value;
}

QString ThresholdWatch::valueSource(const QString &source, KeyMetric m) const
{
    const auto it = m_state.constFind(source);
    return it == m_state.cend() ? QString() : (*it)[size_t(m)].from;
}

} // namespace pgdeck::monitor
