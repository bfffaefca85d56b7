#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace pgdeck::core {

// Pool settings of one server, as stored in a profile. Mirrors pg::PoolOptions
// (core cannot see src/pg); pg::poolOptionsFor() turns it into the real thing.
struct PoolSettings
{
    int max = 10;
    int min = 0;
    int idleTimeoutMs = 30000;
    int connectionTimeoutMs = 30000;
    int statementTimeoutMs = 0;
    int validateAfterIdleMs = 5000;

    bool operator==(const PoolSettings &) const = default;
};

// One server of a profile. `conninfo` is a libpq keyword string that never holds a
// password (ProfileStore strips one if it slips in); the password lives in the
// keychain, ~/.pgpass, or the memory of the running session.
struct ProfileServer
{
    enum class Role { Auto, Primary, Replica };

    QString name;
    QString conninfo;
    Role declaredRole = Role::Auto; // what the user said; the server's answer wins
    PoolSettings pool;
    QString note;                   // e.g. how a discovered replica was found

    static QString roleName(Role role);
    static Role roleFromName(const QString &name);
    bool operator==(const ProfileServer &) const = default;
};

// A named cluster: a primary plus its replicas, with what applies to all of them.
struct Profile
{
    QString name;
    QString group;                 // folder in the server tree (pgAdmin's server group)
    QList<ProfileServer> servers;  // the primary first when known

    bool readOnly = false;         // sessions open with default_transaction_read_only=on
    bool production = false;       // risky actions ask for an explicit unlock
    QString colour;                // "#rrggbb" band colour; empty = by flags

    // libpq settings every server of the profile shares (empty = libpq's default).
    int connectTimeoutSec = 10;
    QString sslMode;
    QString sslRootCert;
    QString sslCert;
    QString sslKey;
    QString sslCrl;
    QString passfile;
    QString applicationName;
    QString extraOptions;          // more libpq keywords, "keepalives_idle=30 …"
    bool savePassword = false;     // the password of `user` is kept in the keychain

    QString comment;

    bool isProtected() const { return readOnly || production; }
    // The colour to paint the band in: the chosen one, else red for production,
    // amber for read-only, none otherwise.
    QString bandColour() const;
    // "READ-ONLY", "PRODUCTION", "PRODUCTION · READ-ONLY" or empty.
    QString mark() const;
    // Index of the server declared primary, else 0; -1 when there are none.
    int primaryIndex() const;

    bool operator==(const Profile &) const = default;
};

// Profile names become keychain keys, INI groups and `@name` arguments.
bool isValidProfileName(const QString &name);

// Removes `password=…` and `sslpassword=…` from a keyword string and the password part of a
// postgres:// URI (userinfo and ?password=). Keeps everything else as written.
QString stripPasswords(const QString &conninfo);

// Pool size hint from the seed formula: (cores × 2 + spindles) × 1.5, rounded.
// Returns 0 when the core count is unknown (cores <= 0).
int poolSizeHint(int cores, int spindles = 1);
QString poolSizeFormula();

} // namespace pgdeck::core
