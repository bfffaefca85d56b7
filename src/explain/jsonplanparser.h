#pragma once

#include "core/result.h"
#include "plan.h"

#include <QByteArray>

#include <vector>

namespace pgdeck::explain {

// Reads EXPLAIN (FORMAT JSON): an array of plans ("[{"Plan": …}, …]", one per
// statement) or a single plan object. Hand-written rather than QJsonDocument so it
// keeps PostgreSQL's key order, merges the duplicate "Workers" keys old servers
// print, builds nodes without an intermediate document, and names the line and
// column of a syntax error.
class JsonPlanParser
{
public:
    // `lineNumbers`, when given, maps the n-th line of `utf8` to the line of the
    // user's input it came from (after psql frames were removed).
    static core::Result<std::vector<Plan>> parse(const char *data, qsizetype size,
                                                 const std::vector<int> *lineNumbers = nullptr);
    static core::Result<std::vector<Plan>> parse(const QByteArray &utf8) { return parse(utf8.constData(), utf8.size()); }
};

} // namespace pgdeck::explain
