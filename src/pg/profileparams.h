#pragma once

#include "connparams.h"
#include "core/actionguard.h"
#include "core/profile.h"
#include "core/result.h"
#include "pool.h"

class QObject;

namespace pgdeck::pg {

class ServerConnection;

// libpq parameters of one server of a profile: the server's conninfo, then the
// profile's shared settings (TLS files, connect timeout, application name, extra
// keywords) where the server's own string leaves them unset. Never a password.
core::Result<ConnParams> paramsFor(const core::Profile &profile, const core::ProfileServer &server);
// Pool options for that server: its pool settings plus the profile's connect
// timeout, application name and read-only flag.
PoolOptions poolOptionsFor(const core::Profile &profile, const core::ProfileServer &server);

// A profile from what a user typed: keyword string, URI, or service=name. A
// multi-host string becomes one server per host (roles detected on connect). The
// password, if the string held one, is handed back through `password` and left
// out of the profile.
core::Result<core::Profile> profileFromConn(const QString &name, const QString &conn, QString *password = nullptr);
// Splits params into the per-server part (host, hostaddr, port, dbname, user,
// service) and the profile-wide part (everything else); used by the dialog and
// importers so a profile reads the same whichever way it was made.
void splitIntoProfile(const ConnParams &params, core::Profile &profile, core::ProfileServer &server);

// "host:port" or the socket directory, for naming servers.
QString serverLabel(const ConnParams &params);
// Host names that mean this machine (loopback, a Unix socket directory, empty).
bool isLocalHost(const QString &host);
bool isLoopbackAddress(const QString &address);
// CPU cores of the server when pgdeck can know them (this machine), else 0.
int knownCoreCount(const ConnParams &params);

// Connect failures that a password would fix.
bool isPasswordMissing(const core::Error &error);  // "no password supplied"
bool isPasswordRejected(const core::Error &error); // "password authentication failed"

// The protection of a server's profile, carried on the ServerConnection so later
// capabilities (cancel/terminate, migrations, restores) find it with the server.
void setProtection(QObject *server, const core::Protection &protection);
core::Protection protectionOf(const QObject *server);
// Keychain key of a profile's password for `user`.
QString keychainKey(const QString &profile, const QString &user);
// Every keychain key a profile's servers may have a password under (one per user).
QStringList keychainKeys(const core::Profile &profile);

} // namespace pgdeck::pg
