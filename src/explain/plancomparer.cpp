#include "plancomparer.h"

#include <QHash>

#include <algorithm>

namespace pgdeck::explain {

namespace {

QString target(const NodeFacts &f)
{
    if (!f.relation.isEmpty())
        return f.relation + QLatin1Char(' ') + f.alias;
    if (!f.cteName.isEmpty())
        return QStringLiteral("cte:") + f.cteName + QLatin1Char(' ') + f.alias;
    if (!f.function.isEmpty())
        return QStringLiteral("fn:") + f.function + QLatin1Char(' ') + f.alias;
    if (!f.alias.isEmpty())
        return QStringLiteral("alias:") + f.alias;
    return {};
}

QString step(const PlanNode &n)
{
    return n.facts.nodeType + QLatin1Char('|') + target(n.facts) + QLatin1Char('|') + n.facts.subplanName + QLatin1Char('|')
        + n.facts.index;
}

std::vector<QString> paths(const Plan &p)
{
    std::vector<QString> out(p.nodes.size());
    for (size_t i = 0; i < p.nodes.size(); ++i) {
        const PlanNode &n = p.nodes[i];
        out[i] = (n.parent >= 0 ? out[size_t(n.parent)] + QLatin1Char('/') : QString()) + step(n);
    }
    return out;
}

double timeOf(const PlanNode &n)
{
    return n.metrics.exclusiveMs;
}

} // namespace

QString NodeMatch::howName(How h)
{
    switch (h) {
    case How::Path: return QStringLiteral("same place");
    case How::TypeAndTarget: return QStringLiteral("same node");
    case How::Target: return QStringLiteral("same table");
    case How::TypeAndDepth: return QStringLiteral("same type");
    case How::OnlyBefore: return QStringLiteral("gone");
    case How::OnlyAfter: return QStringLiteral("new");
    }
    return {};
}

double PlanComparison::timeDelta(const Plan &a, const Plan &b, const NodeMatch &m)
{
    const double x = m.before >= 0 ? timeOf(a.nodes[size_t(m.before)]) : 0;
    const double y = m.after >= 0 ? timeOf(b.nodes[size_t(m.after)]) : 0;
    return y - x;
}

double PlanComparison::rowsDelta(const Plan &a, const Plan &b, const NodeMatch &m)
{
    auto rows = [](const PlanNode &n) { return isSet(n.metrics.rowsTotal) ? n.metrics.rowsTotal : n.metrics.planRowsTotal; };
    const double x = m.before >= 0 ? rows(a.nodes[size_t(m.before)]) : 0;
    const double y = m.after >= 0 ? rows(b.nodes[size_t(m.after)]) : 0;
    return y - x;
}

double PlanComparison::buffersDelta(const Plan &a, const Plan &b, const NodeMatch &m)
{
    const double x = m.before >= 0 ? a.nodes[size_t(m.before)].metrics.exclusiveBuffers.total() : 0;
    const double y = m.after >= 0 ? b.nodes[size_t(m.after)].metrics.exclusiveBuffers.total() : 0;
    return y - x;
}

double PlanComparison::costDelta(const Plan &a, const Plan &b, const NodeMatch &m)
{
    const double x = m.before >= 0 ? a.nodes[size_t(m.before)].metrics.exclusiveCost : 0;
    const double y = m.after >= 0 ? b.nodes[size_t(m.after)].metrics.exclusiveCost : 0;
    return y - x;
}

PlanComparison PlanComparer::compare(const Plan &a, const Plan &b)
{
    PlanComparison c;
    c.afterOfBefore.assign(a.nodes.size(), -1);
    c.beforeOfAfter.assign(b.nodes.size(), -1);

    auto pass = [&](NodeMatch::How how, auto keyOf) {
        QHash<QString, std::vector<int>> free;
        for (size_t i = 0; i < a.nodes.size(); ++i)
            if (c.afterOfBefore[i] < 0) {
                const QString k = keyOf(a, int(i));
                if (!k.isEmpty())
                    free[k].push_back(int(i));
            }
        QHash<QString, size_t> used;
        for (size_t j = 0; j < b.nodes.size(); ++j) {
            if (c.beforeOfAfter[j] >= 0)
                continue;
            const QString k = keyOf(b, int(j));
            if (k.isEmpty())
                continue;
            auto it = free.find(k);
            if (it == free.end())
                continue;
            size_t &next = used[k];
            if (next >= it.value().size())
                continue;
            const int i = it.value()[next++];
            c.afterOfBefore[size_t(i)] = int(j);
            c.beforeOfAfter[j] = i;
            c.matches.push_back(NodeMatch{i, int(j), how});
        }
    };

    const std::vector<QString> pa = paths(a), pb = paths(b);
    pass(NodeMatch::How::Path, [&](const Plan &p, int i) { return &p == &a ? pa[size_t(i)] : pb[size_t(i)]; });
    pass(NodeMatch::How::TypeAndTarget, [](const Plan &p, int i) {
        const NodeFacts &f = p.nodes[size_t(i)].facts;
        const QString t = target(f);
        return t.isEmpty() ? QString() : f.nodeType + QLatin1Char('|') + t;
    });
    pass(NodeMatch::How::Target, [](const Plan &p, int i) {
        const NodeFacts &f = p.nodes[size_t(i)].facts;
        return f.relation.isEmpty() ? QString() : f.relation + QLatin1Char(' ') + f.alias;
    });
    pass(NodeMatch::How::TypeAndDepth, [](const Plan &p, int i) {
        const PlanNode &n = p.nodes[size_t(i)];
        return n.facts.nodeType + QLatin1Char('|') + QString::number(n.depth);
    });
    // Matched pairs in the "after" plan's order, then what is gone, then what is new.
    std::sort(c.matches.begin(), c.matches.end(), [](const NodeMatch &x, const NodeMatch &y) { return x.after < y.after; });
    for (size_t i = 0; i < a.nodes.size(); ++i)
        if (c.afterOfBefore[i] < 0)
            c.matches.push_back(NodeMatch{int(i), -1, NodeMatch::How::OnlyBefore});
    for (size_t j = 0; j < b.nodes.size(); ++j)
        if (c.beforeOfAfter[j] < 0)
            c.matches.push_back(NodeMatch{-1, int(j), NodeMatch::How::OnlyAfter});

    const bool timed = a.totals.timed && b.totals.timed && isSet(a.totals.totalMs) && isSet(b.totals.totalMs);
    c.byTime = timed;
    if (timed) {
        c.totalBefore = a.totals.totalMs;
        c.totalAfter = b.totals.totalMs;
    } else if (!a.nodes.empty() && !b.nodes.empty()) {
        c.totalBefore = a.root().facts.totalCost;
        c.totalAfter = b.root().facts.totalCost;
    }
    if (isSet(c.totalBefore) && isSet(c.totalAfter) && c.totalAfter > 0)
        c.speedup = c.totalBefore / c.totalAfter;
    return c;
}

} // namespace pgdeck::explain
