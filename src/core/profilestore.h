#pragma once

#include "profile.h"
#include "result.h"

#include <QList>
#include <QString>

#include <optional>

namespace pgdeck::core {

// Profiles on disk: an INI file (QSettings) under Paths::configDir(), readable by
// humans and safe to back up because it never holds a secret. Every call reads or
// writes the file, so the GUI and headless commands see each other's changes.
class ProfileStore
{
public:
    explicit ProfileStore(QString fileName = defaultFileName());

    // $XDG_CONFIG_HOME/pgdeck/profiles.ini
    static QString defaultFileName();
    QString fileName() const { return m_file; }

    QList<Profile> load() const;
    std::optional<Profile> find(const QString &name) const;
    // Adds or replaces the profile of that name. Passwords in conninfo strings and
    // extra options are stripped before anything is written.
    Result<void> save(const Profile &profile);
    Result<void> remove(const QString &name);

private:
    QString m_file;
};

} // namespace pgdeck::core
