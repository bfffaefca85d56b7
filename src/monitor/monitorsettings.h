#pragma once

#include "endpoint.h"

#include <QList>
#include <QString>

#include <memory>

class QSettings;

namespace pgdeck::monitor {

// The monitor's own settings file, <configDir>/monitor.ini: the refresh interval,
// and per profile its thresholds and the application endpoints of each server.
// Self-contained on purpose: profiles are stored elsewhere; this only needs names.
class MonitorSettings
{
public:
    static QString path();
    static std::unique_ptr<QSettings> open();
    // QSettings treats '/' as a group separator: profile and server names are encoded.
    static QString profileGroup(const QString &profile);

    static int intervalMs();
    static void setIntervalMs(int ms);

    static QList<Endpoint> endpoints(const QString &profile, const QString &server);
    static void setEndpoints(const QString &profile, const QString &server, const QList<Endpoint> &endpoints);
};

} // namespace pgdeck::monitor
