#pragma once

#include <QString>

namespace pgdeck::core {

// Removes secrets from text bound for logs or the screen: `password=…` in libpq
// keyword strings (quoted or not), the password part of postgres:// URIs, and
// PGPASSWORD=… assignments. The rest of the text is kept as it was.
QString redactSecrets(const QString &text);

} // namespace pgdeck::core
