#pragma once

#include "plan.h"

#include <QRectF>

#include <vector>

namespace pgdeck::explain {

// Geometry of the plan graph: one box per node, root at the top, children below,
// each parent centred over its children. Boxes are sized by the chosen metric's share
// of the largest value, so the costly nodes stand out. O(n) and allocation-light so a
// 10,000-node plan lays out in a few milliseconds; answers "which nodes are in this
// rectangle" and "which node is at this point" in O(log n) per level.
class PlanLayout
{
public:
    enum class Metric { Time, Cost, Rows, Buffers };

    struct Options
    {
        Metric metric = Metric::Time;
        double minWidth = 150;
        double maxWidth = 250;
        double height = 64;
        double hGap = 22;
        double vGap = 54;
    };

    void compute(const Plan &plan, const Options &options);

    int size() const { return int(m_boxes.size()); }
    const QRectF &box(int node) const { return m_boxes[size_t(node)]; }
    QRectF bounds() const { return m_bounds; }
    Metric metric() const { return m_metric; }
    // The metric's value for a node (exclusive time / exclusive cost / rows x loops /
    // exclusive buffers), falling back to estimates when the plan has no actuals.
    double value(int node) const { return m_values[size_t(node)]; }
    double share(int node) const; // 0..1 of the largest value
    double maxValue() const { return m_max; }
    // Rows flowing from a node to its parent (actual rows x loops, else estimated).
    double flowRows(int node) const { return m_flow[size_t(node)]; }
    double maxFlowRows() const { return m_maxFlow; }

    int nodeAt(const QPointF &p) const; // -1 when none
    std::vector<int> nodesIn(const QRectF &r) const;

    static double metricValue(const PlanNode &n, Metric metric, bool analyzed);
    static QString metricName(Metric m);

private:
    std::vector<QRectF> m_boxes;
    std::vector<double> m_values;
    std::vector<double> m_flow;
    std::vector<std::vector<int>> m_levels; // node indexes per depth, sorted by x
    QRectF m_bounds;
    double m_max = 0;
    double m_maxFlow = 0;
    double m_levelHeight = 0;
    double m_height = 0;
    Metric m_metric = Metric::Time;
};

} // namespace pgdeck::explain
