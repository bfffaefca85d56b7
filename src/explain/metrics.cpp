#include "metrics.h"

#include "keys.h"
#include "nodelabel.h"

#include <QJsonArray>
#include <QJsonObject>

#include <QHash>

namespace pgdeck::explain {

namespace {

double jitTotal(const Plan &plan)
{
    const PlanValue *jit = plan.findTop(keys::Jit);
    if (!jit || !jit->jsonPtr() || !jit->jsonPtr()->isObject())
        return kNaN;
    const QJsonValue timing = jit->jsonPtr()->toObject().value(QLatin1String("Timing"));
    const QJsonValue total = timing.toObject().value(QLatin1String("Total"));
    return total.isDouble() ? total.toDouble() : kNaN;
}

double triggerTotal(const Plan &plan)
{
    const PlanValue *t = plan.findTop(keys::Triggers);
    if (!t || !t->jsonPtr() || !t->jsonPtr()->isArray())
        return 0;
    double sum = 0;
    for (const QJsonValue &v : t->jsonPtr()->toArray())
        sum += v.toObject().value(QLatin1String("Time")).toDouble();
    return sum;
}

bool isGather(const NodeFacts &f)
{
    return f.nodeType == QLatin1String("Gather") || f.nodeType == QLatin1String("Gather Merge");
}

} // namespace

void Metrics::compute(Plan &plan)
{
    PlanTotals &t = plan.totals;
    t = PlanTotals{};
    if (plan.nodes.empty())
        return;
    auto &nodes = plan.nodes;
    const size_t n = nodes.size();

    t.executionMs = plan.topNumber(keys::ExecutionTime);
    if (!isSet(t.executionMs))
        t.executionMs = plan.topNumber(keys::TotalRuntime);
    t.planningMs = plan.topNumber(keys::PlanningTime);
    t.jitMs = jitTotal(plan);
    t.triggerMs = triggerTotal(plan);

    // Concurrency: the divisor a node's summed time is shared by.
    for (size_t i = 0; i < n; ++i) {
        PlanNode &node = nodes[i];
        NodeMetrics &m = node.metrics;
        m = NodeMetrics{};
        const NodeFacts &f = node.facts;
        t.analyzed = t.analyzed || f.hasActuals();
        t.timed = t.timed || isSet(f.actualTotal);
        t.buffers = t.buffers || f.buffers.present;
        t.costs = t.costs || isSet(f.totalCost);
        t.verbose = t.verbose || f.hasOutput;
        if (node.parent < 0)
            continue;
        const PlanNode &parent = nodes[size_t(node.parent)];
        m.parallelDivisor = parent.metrics.parallelDivisor;
        if (isGather(parent.facts)) {
            double workers = parent.facts.workersLaunched;
            if (!isSet(workers))
                workers = parent.facts.workersPlanned;
            double d = isSet(workers) ? workers + 1 : 1;
            // Without leader participation only the workers run the child.
            if (isSet(f.actualLoops) && f.actualLoops >= 1 && f.actualLoops < d)
                d = f.actualLoops;
            m.parallelDivisor = qMax(1.0, d);
        }
    }

    // Inclusive figures.
    for (size_t i = 0; i < n; ++i) {
        PlanNode &node = nodes[i];
        NodeMetrics &m = node.metrics;
        const NodeFacts &f = node.facts;
        const double loops = isSet(f.actualLoops) ? qMax(0.0, f.actualLoops) : kNaN;
        if (isSet(f.actualTotal) && isSet(loops))
            m.inclusiveMs = qMax(0.0, f.actualTotal) * loops / m.parallelDivisor;
        else if (f.neverExecuted() && t.timed)
            m.inclusiveMs = 0;
        if (isSet(f.actualRows) && isSet(loops))
            m.rowsTotal = qMax(0.0, f.actualRows) * loops;
        if (isSet(f.planRows))
            m.planRowsTotal = qMax(0.0, f.planRows) * (isSet(loops) && loops > 0 ? loops : 1);
        if (isSet(f.actualRows) && isSet(f.planRows) && !f.neverExecuted()) {
            const double a = qMax(1.0, f.actualRows);
            const double p = qMax(1.0, f.planRows);
            m.estimateFactor = a > p ? a / p : p / a;
            m.estimate = a > p ? NodeMetrics::Estimate::Under : a < p ? NodeMetrics::Estimate::Over : NodeMetrics::Estimate::Exact;
        }
        double removed = 0;
        bool hasRemoved = false;
        for (double r : {f.rowsRemovedByFilter, f.rowsRemovedByJoinFilter}) {
            if (isSet(r)) {
                removed += qMax(0.0, r);
                hasRemoved = true;
            }
        }
        if (hasRemoved && isSet(f.actualRows) && removed + f.actualRows > 0)
            m.filterRemovedRatio = removed / (removed + qMax(0.0, f.actualRows));
        m.exclusiveBuffers = f.buffers;
        m.exclusiveMs = m.inclusiveMs;
        if (isSet(f.totalCost))
            m.exclusiveCost = f.totalCost;
    }

    // Where each node's time is contained: its parent, or for a CTE the scans reading it.
    QHash<QString, std::vector<int>> cteScans;
    for (size_t i = 0; i < n; ++i) {
        const NodeFacts &f = nodes[i].facts;
        if (f.nodeType == QLatin1String("CTE Scan") && !f.cteName.isEmpty())
            cteScans[f.cteName].push_back(int(i));
    }
    for (size_t i = 1; i < n; ++i) {
        PlanNode &child = nodes[i];
        const NodeFacts &cf = child.facts;
        const NodeMetrics &cm = child.metrics;
        if (child.parent < 0)
            continue;
        PlanNode &parent = nodes[size_t(child.parent)];
        if (isSet(cf.totalCost) && isSet(parent.metrics.exclusiveCost))
            parent.metrics.exclusiveCost -= cf.totalCost;

        // A CTE's time is shared by the scans reading it; anything else is its parent's.
        const std::vector<int> *scans = nullptr;
        if (cf.isCte()) {
            const QString name = cf.subplanName.mid(4).trimmed();
            auto it = cteScans.constFind(name);
            if (it == cteScans.cend())
                it = cteScans.constFind(NodeLabel::unquote(name));
            if (it != cteScans.cend())
                scans = &it.value();
        }
        auto subtract = [&](int h, double share) {
            NodeMetrics &hm = nodes[size_t(h)].metrics;
            if (isSet(cm.inclusiveMs) && isSet(hm.exclusiveMs))
                hm.exclusiveMs -= cm.inclusiveMs * share;
            if (cf.buffers.present) {
                Buffers part = cf.buffers;
                if (share != 1.0) {
                    for (double *v : {&part.sharedHit, &part.sharedRead, &part.sharedDirtied, &part.sharedWritten,
                                      &part.localHit, &part.localRead, &part.localDirtied, &part.localWritten,
                                      &part.tempRead, &part.tempWritten, &part.ioReadMs, &part.ioWriteMs})
                        *v *= share;
                }
                hm.exclusiveBuffers = hm.exclusiveBuffers.minus(part);
            }
        };
        if (scans) {
            double sum = 0;
            for (int s : *scans)
                if (isSet(nodes[size_t(s)].metrics.inclusiveMs))
                    sum += nodes[size_t(s)].metrics.inclusiveMs;
            for (int s : *scans) {
                const double w = sum > 0 ? nodes[size_t(s)].metrics.inclusiveMs / sum : 1.0 / double(scans->size());
                subtract(s, isSet(w) ? w : 0);
            }
        } else {
            subtract(child.parent, 1.0);
        }
    }

    t.rootInclusiveMs = nodes.front().metrics.inclusiveMs;
    t.totalMs = isSet(t.executionMs) && t.executionMs > 0 ? t.executionMs : t.rootInclusiveMs;
    t.totalCost = nodes.front().facts.totalCost;
    for (PlanNode &node : nodes) {
        NodeMetrics &m = node.metrics;
        if (isSet(m.exclusiveMs))
            m.exclusiveMs = qMax(0.0, m.exclusiveMs);
        if (isSet(m.exclusiveCost))
            m.exclusiveCost = qMax(0.0, m.exclusiveCost);
        m.exclusiveBuffers = m.exclusiveBuffers.clampedAtZero();
        if (isSet(m.exclusiveMs) && isSet(t.totalMs) && t.totalMs > 0)
            m.percentOfTotal = 100.0 * m.exclusiveMs / t.totalMs;
        if (isSet(m.exclusiveMs))
            t.maxExclusiveMs = qMax(t.maxExclusiveMs, m.exclusiveMs);
        if (isSet(m.rowsTotal))
            t.maxRowsTotal = qMax(t.maxRowsTotal, m.rowsTotal);
        if (isSet(m.exclusiveCost))
            t.maxExclusiveCost = qMax(t.maxExclusiveCost, m.exclusiveCost);
        t.maxExclusiveBuffers = qMax(t.maxExclusiveBuffers, m.exclusiveBuffers.total());
    }
}

} // namespace pgdeck::explain
