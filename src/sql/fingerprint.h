#pragma once

#include "core/result.h"

#include <QString>

namespace pgdeck::sql {

// libpg_query's query fingerprint: equal for statements that differ only in
// constants, whitespace or comments (the same idea as pg_stat_statements' queryid).
class Fingerprint
{
public:
    // 16 lower-case hex digits.
    static core::Result<QString> of(const QString &statement);
    // pg_query_normalize: constants replaced by $1, $2 …
    static core::Result<QString> normalize(const QString &statement);
};

} // namespace pgdeck::sql
