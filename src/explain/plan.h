#pragma once

#include "insight.h"
#include "plannode.h"

#include <QStringList>

#include <vector>

namespace pgdeck::explain {

// Plan-wide figures derived after parsing.
struct PlanTotals
{
    double executionMs = kNaN;  // "Execution Time" (or "Total Runtime" before 9.4)
    double planningMs = kNaN;
    double rootInclusiveMs = kNaN;
    double totalMs = kNaN;      // what percentages refer to: execution time, else the root's time
    double totalCost = kNaN;
    double jitMs = kNaN;
    double triggerMs = 0;
    bool analyzed = false;      // actual numbers present
    bool timed = false;         // actual times present (ANALYZE without TIMING OFF)
    bool buffers = false;
    bool costs = false;
    bool verbose = false;
    double maxExclusiveMs = 0, maxRowsTotal = 0, maxExclusiveCost = 0, maxExclusiveBuffers = 0;
};

// One EXPLAIN result: a tree of nodes (pre-order, nodes[0] is the root) and the
// top-level keys (Planning Time, Triggers, JIT, Settings …) in PostgreSQL's order.
class Plan
{
public:
    enum class Source { Json, Text };

    std::vector<PlanNode> nodes;
    QList<Property> top;      // every top-level key except "Plan"
    Source source = Source::Json;
    QString sourceText;       // what was parsed, for the raw tab
    QStringList warnings;     // lines the text parser kept going past ("line 12: …")
    double logDurationMs = kNaN; // auto_explain's "duration: … ms  plan:"
    PlanTotals totals;
    std::vector<Insight> insights;

    bool isEmpty() const { return nodes.empty(); }
    const PlanNode &root() const { return nodes.front(); }
    int size() const { return int(nodes.size()); }

    const PlanValue *findTop(QStringView key) const;
    double topNumber(QStringView key) const;
    void setTop(const QString &key, PlanValue value);

    // Appends a node under `parent` (-1 for the root); returns its index.
    int addNode(int parent);
    // Recomputes indexes, parents, depths and facts after building or editing the tree,
    // keeping the nodes in pre-order. A builder that refreshed each node's facts while
    // the node was still in cache passes Facts::Ready.
    enum class Facts { Refresh, Ready };
    void finalize(Facts facts = Facts::Refresh);
};

} // namespace pgdeck::explain
