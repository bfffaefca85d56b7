#pragma once

#include "statementinfo.h"

namespace pgdeck::sql {

// Classifies one statement with libpg_query (the server's own grammar), so that
// "WITH d AS (DELETE …) SELECT …" counts as DML and "SELECT … INTO t" as a write.
class Classifier
{
public:
    static StatementInfo classify(const QString &statement);
};

} // namespace pgdeck::sql
