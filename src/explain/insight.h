#pragma once

#include "planvalue.h"

#include <QString>
#include <QStringList>

namespace pgdeck::explain {

// A finding about a plan: what is wrong, the numbers that show it, and the fix.
struct Insight
{
    enum class Kind {
        IndexProposal,        // seq scan throwing most rows away on a big table
        Misestimate,          // planner rows off by >= 10x
        SortSpill,            // sort went to disk
        HashSpill,            // hash join / hash aggregate used batches on disk
        LossyBitmap,          // bitmap heap scan degraded to lossy pages
        NestedLoopIterations, // inner side of a nested loop ran very often
        WorkersShort,         // fewer parallel workers launched than planned
        HeapFetches,          // index-only scan visiting the heap
        JitDominates,         // JIT compilation took a large share of the time
    };
    enum class Severity { Info, Warning, Critical };

    // hypopg's answer for an index proposal: would the planner use it, at what cost?
    struct Proof
    {
        bool tried = false;
        bool used = false;        // the hypothetical index appears in the new plan
        double costBefore = kNaN; // root total cost without / with the index
        double costAfter = kNaN;
        QString indexName;        // hypopg's name, e.g. "<13542>btree_events_kind"
        QString error;            // why it could not be tried (no hypopg, server error …)
    };

    Kind kind = Kind::Misestimate;
    Severity severity = Severity::Info;
    int node = -1;      // node index, -1 for the whole plan
    QString title;      // one line
    QString evidence;   // the numbers from the plan
    QString fix;        // what to do, in words
    QString fixSql;     // what to run, when there is one
    // IndexProposal: the table (schema-qualified when the plan knows the schema) and columns.
    QString table;
    QStringList columns;
    Proof proof;

    static QString kindId(Kind kind);       // stable id: "index-proposal", "misestimate" …
    static QString severityName(Severity s); // "info", "warning", "critical"
};

} // namespace pgdeck::explain
