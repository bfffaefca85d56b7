#include "fingerprint.h"

#include <pg_query.h>

namespace pgdeck::sql {

core::Result<QString> Fingerprint::of(const QString &statement)
{
    const QByteArray utf8 = statement.toUtf8();
    PgQueryFingerprintResult r = pg_query_fingerprint(utf8.constData());
    if (r.error) {
        core::Error e = core::Error::make(core::Error::Kind::Input, QString::fromUtf8(r.error->message));
        e.position = r.error->cursorpos;
        pg_query_free_fingerprint_result(r);
        return e;
    }
    const QString out = QString::fromLatin1(r.fingerprint_str);
    pg_query_free_fingerprint_result(r);
    return out;
}

core::Result<QString> Fingerprint::normalize(const QString &statement)
{
    const QByteArray utf8 = statement.toUtf8();
    PgQueryNormalizeResult r = pg_query_normalize(utf8.constData());
    if (r.error) {
        core::Error e = core::Error::make(core::Error::Kind::Input, QString::fromUtf8(r.error->message));
        e.position = r.error->cursorpos;
        pg_query_free_normalize_result(r);
        return e;
    }
    const QString out = QString::fromUtf8(r.normalized_query);
    pg_query_free_normalize_result(r);
    return out;
}

} // namespace pgdeck::sql
