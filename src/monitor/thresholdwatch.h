#pragma once

#include "thresholds.h"

#include <QHash>
#include <QObject>

namespace pgdeck::monitor {

struct Sample;

// Keeps each server's key metrics against its profile's thresholds. A change of
// level is signalled (the chips follow it); entering or leaving the critical state
// is written to the log once per transition, not once per tick.
class ThresholdWatch : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    void setThresholds(const QString &profile, const Thresholds &t) { m_thresholds.insert(profile, t); }
    Thresholds thresholds(const QString &profile) const { return m_thresholds.value(profile); }

    void evaluate(const QString &profile, const Sample &sample);
    Level level(const QString &source, KeyMetric m) const;
    double value(const QString &source, KeyMetric m) const;
    QString valueSource(const QString &source, KeyMetric m) const;
    void forget(const QString &source) { m_state.remove(source); }

Q_SIGNALS:
    void levelChanged(const QString &source, pgdeck::monitor::KeyMetric metric, pgdeck::monitor::Level from,
                      pgdeck::monitor::Level to);

private:
    struct Entry
    {
        Level level = Level::Unknown;
        double value = 0;
        QString from;
    };
    QHash<QString, Thresholds> m_thresholds;
    QHash<QString, std::array<Entry, kKeyMetricCount>> m_state;
};

} // namespace pgdeck::monitor
