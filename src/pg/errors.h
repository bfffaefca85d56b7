#pragma once

#include "core/error.h"

struct pg_conn;
struct pg_result;

namespace pgdeck::pg {

// Builds an Error from a failed PGresult: every field libpq exposes.
core::Error errorFromResult(const pg_result *res);
// Builds an Error from the connection's last message (connect failures, lost connections).
core::Error errorFromConnection(const pg_conn *conn, core::Error::Kind kind = core::Error::Kind::Connection);

// Turns libpq's connect-failure text into one plain sentence a DBA can act on,
// keeping libpq's own words in `detail`.
core::Error explainConnectFailure(const QString &libpqMessage, const QString &endpoint);

} // namespace pgdeck::pg
