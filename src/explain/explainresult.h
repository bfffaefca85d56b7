#pragma once

#include "plan.h"
#include "sql/statementinfo.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace pgdeck::explain {

// What one EXPLAIN run produced.
struct ExplainResult
{
    Plan plan;                 // parsed, with metrics and insights (hypopg proofs filled in)
    QByteArray raw;            // what the server returned (JSON or TEXT)
    QString statement;         // the statement as explained
    QString explainSql;        // the EXPLAIN … that ran
    sql::StatementInfo info;   // what the statement is
    bool analyzed = false;
    // ANALYZE ran inside BEGIN … ROLLBACK (or a savepoint): whatever the statement
    // changed was undone. True for every ANALYZE run; `info.readOnly` says whether
    // the statement would have written.
    bool rolledBack = false;
    int serverVersion = 0;
    qint64 elapsedUs = 0;
    QString server;            // host:port the plan came from
};

} // namespace pgdeck::explain

Q_DECLARE_METATYPE(pgdeck::explain::ExplainResult)
