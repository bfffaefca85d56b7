#pragma once

#include "plan.h"

#include <QCoreApplication>

namespace pgdeck::explain {

// Finds what a DBA would fix in a plan (after Metrics::compute), each finding with the
// numbers that show it and, where there is one, the fix:
// - seq scan removing most rows of a big table -> CREATE INDEX on the filter's columns,
//   read from the condition with libpg_query (proven later with hypopg by IndexProver);
// - row misestimate >= 10x / 100x / 1000x at its origin -> ANALYZE, extended statistics;
// - sort or hash spilling to disk -> the work_mem that would keep it in memory;
// - lossy bitmap heap blocks; a nested loop whose inner side runs very often;
// - fewer workers launched than planned; heap fetches on index-only scans;
// - JIT compilation taking a large share of the execution.
class InsightAnalyzer
{
    Q_DECLARE_TR_FUNCTIONS(InsightAnalyzer)
public:
    static void analyze(Plan &plan);

    // Thresholds, public so tests and docs can name them.
    static constexpr double kIndexMinRowsRead = 10000;
    static constexpr double kIndexMinRemovedRatio = 0.9;
    static constexpr double kMisestimateMinRows = 100;
    static constexpr double kNestedLoopMinLoops = 1000;
    static constexpr double kNestedLoopMinShare = 10; // percent of the total time
    static constexpr double kHeapFetchMinRatio = 0.1;
    static constexpr double kHeapFetchMin = 1000;
    static constexpr double kJitMinShare = 20;        // percent of the execution time
};

} // namespace pgdeck::explain
