#pragma once

#include "plan.h"

#include <QByteArray>
#include <QJsonObject>

#include <vector>

namespace pgdeck::explain {

// Writes plans as EXPLAIN (FORMAT JSON) does — an array with one object per plan,
// PostgreSQL's own key names and order, "Plans" last in each node — so any tool that
// reads EXPLAIN JSON reads it. pgdeck's derived figures go under a separate "pgdeck"
// key (per node and per plan) that PostgreSQL never uses.
class PlanJsonWriter
{
public:
    struct Options
    {
        bool metrics = true; // include the "pgdeck" keys
        bool pretty = true;  // two-space indentation like PostgreSQL
        QJsonObject extra;   // more keys for the plan-level "pgdeck" object (how the plan was run)
    };
    static QByteArray write(const std::vector<Plan> &plans, const Options &options);
    static QByteArray write(const Plan &plan, const Options &options);
};

} // namespace pgdeck::explain
