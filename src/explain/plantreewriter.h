#pragma once

#include "plan.h"

#include <QString>

namespace pgdeck::explain {

// The plan as an indented tree for a terminal (`pgdeck explain --format tree`): each
// node with its exclusive and inclusive time, share of the total, rows estimated and
// actual, loops, misestimate and filter figures, then the insights with their fixes.
class PlanTreeWriter
{
public:
    static QString write(const Plan &plan);
};

} // namespace pgdeck::explain
