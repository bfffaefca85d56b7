#pragma once

#include "plan.h"

#include <QString>

#include <vector>

namespace pgdeck::explain {

// Two plans of the same query side by side (before / after an index, a setting, a
// rewrite): which node became which, and what changed.
struct NodeMatch
{
    enum class How { Path, TypeAndTarget, Target, TypeAndDepth, OnlyBefore, OnlyAfter };
    int before = -1;
    int after = -1;
    How how = How::Path;

    static QString howName(How h);
};

struct PlanComparison
{
    std::vector<NodeMatch> matches;    // matched pairs first (in the "after" plan's order), then unmatched
    std::vector<int> afterOfBefore;    // per node of "before": its match in "after", -1 if none
    std::vector<int> beforeOfAfter;
    double totalBefore = kNaN;         // execution time (ms) when both plans were analyzed, else root cost
    double totalAfter = kNaN;
    bool byTime = false;
    double speedup = kNaN;             // before / after: 27 means 27x faster

    // Per matched pair: after - before.
    static double timeDelta(const Plan &a, const Plan &b, const NodeMatch &m);
    static double rowsDelta(const Plan &a, const Plan &b, const NodeMatch &m);
    static double buffersDelta(const Plan &a, const Plan &b, const NodeMatch &m);
    static double costDelta(const Plan &a, const Plan &b, const NodeMatch &m);
};

// Matches nodes in passes from strict to loose: the same path from the root (node
// types and targets); then the same node type on the same relation / CTE / function;
// then the same relation whatever the node type (a Seq Scan that became an Index Scan);
// then the same node type at the same depth. Each node is matched at most once.
class PlanComparer
{
public:
    static PlanComparison compare(const Plan &before, const Plan &after);
};

} // namespace pgdeck::explain
