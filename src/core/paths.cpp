#include "paths.h"

#include <QDir>
#include <QStandardPaths>

namespace pgdeck::core {

namespace {
QString ensure(const QString &path)
{
    QDir().mkpath(path);
    return path;
}

QString xdg(const char *var, const QString &fallbackBelowHome)
{
    QString base = qEnvironmentVariable(var);
    if (base.isEmpty())
        base = QDir::homePath() + QLatin1Char('/') + fallbackBelowHome;
    return base + QStringLiteral("/pgdeck");
}
} // namespace

QString Paths::dataDir()
{
    if (QStandardPaths::isTestModeEnabled())
        return ensure(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/pgdeck"));
    return ensure(xdg("XDG_DATA_HOME", QStringLiteral(".local/share")));
}

QString Paths::stateDir()
{
    if (QStandardPaths::isTestModeEnabled())
        return ensure(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/pgdeck-state"));
    return ensure(xdg("XDG_STATE_HOME", QStringLiteral(".local/state")));
}

QString Paths::configDir()
{
    if (QStandardPaths::isTestModeEnabled())
        return ensure(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/pgdeck"));
    return ensure(xdg("XDG_CONFIG_HOME", QStringLiteral(".config")));
}

} // namespace pgdeck::core
