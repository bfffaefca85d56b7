#pragma once

#include "plannode.h"

#include <QStringView>

namespace pgdeck::explain {

// The name of a node as the TEXT format prints it ("Parallel Index Only Scan Backward
// using i on public.t x", "Hash Right Anti Join", "Finalize HashAggregate",
// "Custom Scan (ChunkAppend) on m", "Update on t") turned into the keys FORMAT JSON
// prints for it: Node Type, Strategy, Partial Mode, Operation, Custom Plan Provider,
// Parallel Aware, Async Capable, Scan Direction, Index Name, Relation Name / Function
// Name / CTE Name …, Schema, Alias, Join Type, Command.
class NodeLabel
{
public:
    // `recognized` is false when the name is not a node PostgreSQL knows (the keys
    // still hold the label as Node Type).
    static QList<Property> parse(QStringView label, bool *recognized = nullptr);
    // The same, appended to `out`.
    static void parse(QStringView label, QList<Property> &out, bool *recognized = nullptr);
    // True when `label` starts like a known node; used to find a plan's first line
    // when costs are off.
    static bool isKnown(QStringView label);
    // Splits "schema.name alias" honouring double quotes, and unquotes each part.
    static QStringList splitIdentifiers(QStringView text, QChar separator);
    static QString unquote(QStringView ident);
};

} // namespace pgdeck::explain
