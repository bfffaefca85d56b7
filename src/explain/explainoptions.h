#pragma once

#include "core/result.h"

#include <QList>
#include <QString>

namespace pgdeck::explain {

// EXPLAIN's options and the server versions that accept them.
struct ExplainOptions
{
    enum class Option { Analyze, Buffers, Verbose, Settings, Wal, Timing, Costs, Summary, GenericPlan, Memory, Serialize };
    enum class Output { Json, Text };

    bool analyze = false;
    bool buffers = false;
    bool verbose = false;
    bool settings = false;
    bool wal = false;
    bool timing = true;      // only sent with ANALYZE
    bool costs = true;
    bool summary = false;    // planning time without ANALYZE
    bool genericPlan = false; // 16+: plan a statement with $1 parameters
    bool memory = false;     // 17+
    bool serialize = false;  // 17+, with ANALYZE
    Output output = Output::Json;
    int timeoutMs = 0;       // client-side deadline for the EXPLAIN itself, 0 = none
    bool proveIndexes = true; // try index proposals with hypopg when the database has it

    // Options this server offers (PostgreSQL version number, e.g. 150004).
    static QList<Option> supported(int serverVersionNum);
    static QString optionName(Option o);          // "ANALYZE", "GENERIC_PLAN" …
    static int minimumVersion(Option o);          // 0 when every supported server has it
    bool isSet(Option o) const;
    void set(Option o, bool on);

    // "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) <statement>", or a clear error when the
    // combination or the server version does not allow it.
    core::Result<QString> statementFor(const QString &statement, int serverVersionNum) const;
};

} // namespace pgdeck::explain
