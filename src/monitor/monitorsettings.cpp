#include "monitorsettings.h"

#include "core/paths.h"
#include "sampler.h"

#include <QSettings>
#include <QUrl>

#include <algorithm>

namespace pgdeck::monitor {

QString MonitorSettings::path()
{
    return core::Paths::configDir() + QStringLiteral("/monitor.ini");
}

std::unique_ptr<QSettings> MonitorSettings::open()
{
    return std::make_unique<QSettings>(path(), QSettings::IniFormat);
}

QString MonitorSettings::profileGroup(const QString &profile)
{
    return QStringLiteral("profile-") + QString::fromLatin1(QUrl::toPercentEncoding(profile.isEmpty() ? QStringLiteral("default") : profile));
}

int MonitorSettings::intervalMs()
{
    const int ms = open()->value(QStringLiteral("monitor/interval_ms"), Sampler::kDefaultIntervalMs).toInt();
    return std::clamp(ms, Sampler::kMinIntervalMs, Sampler::kMaxIntervalMs);
}

void MonitorSettings::setIntervalMs(int ms)
{
    open()->setValue(QStringLiteral("monitor/interval_ms"), ms);
}

QList<Endpoint> MonitorSettings::endpoints(const QString &profile, const QString &server)
{
    auto s = open();
    s->beginGroup(profileGroup(profile));
    const int n = s->beginReadArray(QStringLiteral("endpoints-") + QString::fromLatin1(QUrl::toPercentEncoding(server)));
    QList<Endpoint> out;
    for (int i = 0; i < n; ++i) {
        s->setArrayIndex(i);
        Endpoint e{QUrl(s->value(QStringLiteral("url")).toString()), s->value(QStringLiteral("application")).toString()};
        if (e.url.isValid())
            out.append(e);
    }
    s->endArray();
    s->endGroup();
    return out;
}

void MonitorSettings::setEndpoints(const QString &profile, const QString &server, const QList<Endpoint> &endpoints)
{
    auto s = open();
    s->beginGroup(profileGroup(profile));
    s->beginWriteArray(QStringLiteral("endpoints-") + QString::fromLatin1(QUrl::toPercentEncoding(server)), int(endpoints.size()));
    for (int i = 0; i < endpoints.size(); ++i) {
        s->setArrayIndex(i);
        s->setValue(QStringLiteral("url"), endpoints[i].url.toString());
        s->setValue(QStringLiteral("application"), endpoints[i].application);
    }
    s->endArray();
    s->endGroup();
}

} // namespace pgdeck::monitor
