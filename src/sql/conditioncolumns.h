#pragma once

#include "core/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace pgdeck::sql {

// A column a boolean condition tests, and how.
struct ColumnUse
{
    enum class Test {
        Equality,   // col = const, col IN (…), col = ANY (…)
        Range,      // <, <=, >, >=, BETWEEN
        Pattern,    // LIKE / ILIKE / ~~
        Null,       // IS [NOT] NULL
        Other,      // the column appears in an expression (function, arithmetic, OR branch …)
    };

    QString qualifier; // table alias or name when the condition qualifies the column ("e" in e.kind)
    QString column;
    Test test = Test::Other;
    bool indexable = false; // a plain column compared with something that does not depend on the row
    bool underOr = false;   // inside an OR: one b-tree cannot serve it alone
};

// Reads the columns of a condition as EXPLAIN prints it, e.g.
// "((kind = 'purchase'::text) AND (created_at > (now() - '01:00:00'::interval)))",
// by parsing "SELECT 1 WHERE <condition>" with libpg_query. Plan-only references
// ("(SubPlan 1)", "(hashed SubPlan 2)", "(InitPlan 1).col1") are neutralised first.
class ConditionColumns
{
public:
    static core::Result<QList<ColumnUse>> extract(const QString &condition);
    // Columns worth a b-tree, equality tests first then at most one range column
    // (the usual rule for multi-column index order); duplicates removed.
    static QStringList indexColumns(const QList<ColumnUse> &uses);
};

} // namespace pgdeck::sql
