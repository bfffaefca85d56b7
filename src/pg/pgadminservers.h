#pragma once

#include "core/profile.h"
#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace pgdeck::pg {

struct PgAdminImport
{
    QList<core::Profile> profiles;
    QStringList notes; // what was mapped loosely or left out, one line each
};

// pgAdmin 4 servers.json (Tools › Import/Export Servers, `setup.py dump-servers`).
// Reads both the pgAdmin 7+ form (libpq keywords under "ConnectionParameters") and
// the older top-level SSLMode/SSLCert/…/PassFile/Timeout fields; "Group" becomes the
// profile's group, "BGColor" its colour, "Service" the libpq service keyword.
// Writes the pgAdmin 7+ form plus a "pgdeck" object per server that pgAdmin
// ignores and pgdeck reads back (profile, role, read-only, pool settings).
// Passwords are neither read nor written: pgAdmin does not export them either.
class PgAdminServers
{
public:
    static core::Result<PgAdminImport> parse(const QByteArray &json);
    static QByteArray write(const QList<core::Profile> &profiles);
    // True when the bytes look like a servers.json (a JSON object with "Servers").
    static bool looksLikePgAdmin(const QByteArray &bytes);
};

} // namespace pgdeck::pg
