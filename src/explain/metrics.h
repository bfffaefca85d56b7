#pragma once

#include "plan.h"

namespace pgdeck::explain {

// Derives per-node figures PostgreSQL does not print:
// - inclusive time = Actual Total Time x loops, divided by (launched workers + 1) under
//   Gather / Gather Merge, where loops count processes running concurrently;
// - exclusive time = inclusive minus the children whose time it contains, clamped at 0.
//   A CTE's time is not inside the node it hangs under but inside the CTE Scans that
//   read it, so it is taken off those (shared in proportion to their time); other
//   InitPlans and SubPlans run inside their parent and are taken off it;
// - exclusive cost, rows x loops, misestimate factor (>= 1) and direction, share of
//   rows removed by filters, exclusive buffers and I/O time, percent of the total.
// With these rules the exclusive times add up to the root's time.
class Metrics
{
public:
    static void compute(Plan &plan);
};

} // namespace pgdeck::explain
