#pragma once

#include <QString>

namespace pgdeck::pg {
class ResultSet;
}

namespace pgdeck::monitor {

// What the monitor may read on one server, found once per connection. Decides which
// catalog SQL is sent (CatalogQueries) and which notes the dashboard shows.
struct Capabilities
{
    int serverVersion = 0;       // server_version_num, e.g. 150004
    bool inRecovery = false;
    bool superuser = false;
    bool monitorRole = false;    // pg_monitor (or superuser)
    bool readAllSettings = false;
    bool readAllStats = false;
    QString database;
    QString user;
    int port = 0;                // the server's own port (differs behind a pooler)

    // pg_stat_statements: the extension in this database and the library loaded.
    bool pgssInstalled = false;
    bool pgssLoaded = false;
    QString pgssSchema;          // already quoted as an identifier by the server
    int pgssVersion = 0;         // 1.10 -> 110

    bool canReadStatements() const { return pgssInstalled && pgssLoaded; }
    bool canReadWalDir() const { return superuser || monitorRole; }
    bool canReadDataDirectory() const { return superuser || readAllSettings || monitorRole; }
    bool seesAllSessions() const { return superuser || readAllStats || monitorRole; }

    static int parseExtensionVersion(const QString &v); // "1.10" -> 110
};

} // namespace pgdeck::monitor
