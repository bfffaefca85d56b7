#include "planlayout.h"

#include <algorithm>
#include <cmath>

namespace pgdeck::explain {

double PlanLayout::metricValue(const PlanNode &n, Metric metric, bool analyzed)
{
    const NodeMetrics &m = n.metrics;
    switch (metric) {
    case Metric::Time:
        if (isSet(m.exclusiveMs))
            return m.exclusiveMs;
        return isSet(m.exclusiveCost) ? m.exclusiveCost : 0;
    case Metric::Cost:
        return isSet(m.exclusiveCost) ? m.exclusiveCost : 0;
    case Metric::Rows:
        if (analyzed && isSet(m.rowsTotal))
            return m.rowsTotal;
        return isSet(m.planRowsTotal) ? m.planRowsTotal : 0;
    case Metric::Buffers:
        return n.facts.buffers.present ? m.exclusiveBuffers.total() : 0;
    }
    return 0;
}

QString PlanLayout::metricName(Metric m)
{
    switch (m) {
    case Metric::Time: return QStringLiteral("time");
    case Metric::Cost: return QStringLiteral("cost");
    case Metric::Rows: return QStringLiteral("rows");
    case Metric::Buffers: return QStringLiteral("buffers");
    }
    return {};
}

double PlanLayout::share(int node) const
{
    if (m_max <= 0)
        return 0;
    return qBound(0.0, m_values[size_t(node)] / m_max, 1.0);
}

void PlanLayout::compute(const Plan &plan, const Options &o)
{
    const size_t n = plan.nodes.size();
    m_metric = o.metric;
    m_boxes.assign(n, QRectF());
    m_values.assign(n, 0);
    m_flow.assign(n, 0);
    m_levels.clear();
    m_max = 0;
    m_maxFlow = 0;
    m_height = o.height;
    m_levelHeight = o.height + o.vGap;
    m_bounds = QRectF();
    if (n == 0)
        return;
    const bool analyzed = plan.totals.analyzed;
    for (size_t i = 0; i < n; ++i) {
        const PlanNode &node = plan.nodes[i];
        m_values[i] = qMax(0.0, metricValue(node, o.metric, analyzed));
        m_max = qMax(m_max, m_values[i]);
        const double rows = analyzed && isSet(node.metrics.rowsTotal) ? node.metrics.rowsTotal
            : isSet(node.metrics.planRowsTotal)                       ? node.metrics.planRowsTotal
                                                                      : 0;
        m_flow[i] = qMax(0.0, rows);
        m_maxFlow = qMax(m_maxFlow, m_flow[i]);
    }
    // Widths: the square root keeps a 1% node readable next to a 90% one.
    std::vector<double> width(n), subtree(n);
    for (size_t i = 0; i < n; ++i) {
        const double s = m_max > 0 ? std::sqrt(m_values[i] / m_max) : 0;
        width[i] = o.minWidth + (o.maxWidth - o.minWidth) * s;
    }
    // Subtree widths bottom-up (nodes are in pre-order: children after parents).
    for (size_t k = n; k-- > 0;) {
        const PlanNode &node = plan.nodes[k];
        double sum = 0;
        for (int c : node.children)
            sum += subtree[size_t(c)];
        if (!node.children.empty())
            sum += o.hGap * double(node.children.size() - 1);
        subtree[k] = qMax(width[k], sum);
    }
    // Place top-down: each subtree gets [left, left + subtree width).
    std::vector<double> left(n, 0);
    int maxDepth = 0;
    for (size_t k = 0; k < n; ++k) {
        const PlanNode &node = plan.nodes[k];
        maxDepth = qMax(maxDepth, node.depth);
        double childrenWidth = 0;
        for (int c : node.children)
            childrenWidth += subtree[size_t(c)];
        if (!node.children.empty())
            childrenWidth += o.hGap * double(node.children.size() - 1);
        double x = left[k] + (subtree[k] - childrenWidth) / 2;
        for (int c : node.children) {
            left[size_t(c)] = x;
            x += subtree[size_t(c)] + o.hGap;
        }
        const double cx = left[k] + subtree[k] / 2;
        m_boxes[k] = QRectF(cx - width[k] / 2, node.depth * m_levelHeight, width[k], o.height);
    }
    m_levels.assign(size_t(maxDepth) + 1, {});
    {
        std::vector<size_t> perLevel(size_t(maxDepth) + 1, 0);
        for (size_t k = 0; k < n; ++k)
            ++perLevel[size_t(plan.nodes[k].depth)];
        for (size_t d = 0; d < perLevel.size(); ++d)
            m_levels[d].reserve(perLevel[d]);
    }
    for (size_t k = 0; k < n; ++k)
        m_levels[size_t(plan.nodes[k].depth)].push_back(int(k));
    for (auto &level : m_levels)
        std::sort(level.begin(), level.end(), [this](int a, int b) { return m_boxes[size_t(a)].left() < m_boxes[size_t(b)].left(); });
    m_bounds = QRectF(0, 0, subtree[0], (maxDepth + 1) * m_levelHeight - o.vGap);
}

std::vector<int> PlanLayout::nodesIn(const QRectF &r) const
{
    std::vector<int> out;
    if (m_levels.empty() || m_levelHeight <= 0)
        return out;
    const int first = qMax(0, int(std::floor(r.top() / m_levelHeight)));
    const int last = qMin(int(m_levels.size()) - 1, int(std::floor(r.bottom() / m_levelHeight)));
    for (int d = first; d <= last; ++d) {
        const auto &level = m_levels[size_t(d)];
        // Boxes in a level do not overlap and are sorted by left edge.
        auto it = std::lower_bound(level.begin(), level.end(), r.left() - 400.0,
                                   [this](int node, double x) { return m_boxes[size_t(node)].left() < x; });
        for (; it != level.end(); ++it) {
            const QRectF &b = m_boxes[size_t(*it)];
            if (b.left() > r.right())
                break;
            if (b.intersects(r))
                out.push_back(*it);
        }
    }
    return out;
}

int PlanLayout::nodeAt(const QPointF &p) const
{
    for (int node : nodesIn(QRectF(p.x() - 1, p.y() - 1, 2, 2)))
        if (m_boxes[size_t(node)].contains(p))
            return node;
    return -1;
}

} // namespace pgdeck::explain
