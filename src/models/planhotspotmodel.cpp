#include "planhotspotmodel.h"

#include "explain/format.h"

#include <algorithm>
#include <numeric>

namespace pgdeck::models {

using explain::Format;
using Metric = explain::PlanLayout::Metric;

PlanHotspotModel::PlanHotspotModel(QObject *parent) : QAbstractTableModel(parent) {}

void PlanHotspotModel::setPlan(std::shared_ptr<const explain::Plan> plan, Metric metric, int topN)
{
    beginResetModel();
    m_plan = std::move(plan);
    m_metric = metric;
    m_rows.clear();
    m_values.clear();
    m_total = 0;
    if (m_plan) {
        const size_t n = m_plan->nodes.size();
        std::vector<double> values(n);
        for (size_t i = 0; i < n; ++i) {
            values[i] = explain::PlanLayout::metricValue(m_plan->nodes[i], metric, m_plan->totals.analyzed);
            m_total += values[i];
        }
        std::vector<int> order(n);
        std::iota(order.begin(), order.end(), 0);
        const size_t k = std::min(n, size_t(qMax(1, topN)));
        std::partial_sort(order.begin(), order.begin() + qsizetype(k), order.end(),
                          [&](int a, int b) { return values[size_t(a)] > values[size_t(b)]; });
        for (size_t i = 0; i < k; ++i) {
            if (values[size_t(order[i])] <= 0)
                break;
            m_rows.push_back(order[i]);
            m_values.push_back(values[size_t(order[i])]);
        }
        if (metric == Metric::Time && m_plan->totals.timed && explain::isSet(m_plan->totals.totalMs))
            m_total = m_plan->totals.totalMs;
    }
    endResetModel();
}

int PlanHotspotModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PlanHotspotModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlanHotspotModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RankColumn: return QStringLiteral("#");
    case NodeColumn: return tr("Node");
    case ValueColumn:
        switch (m_metric) {
        case Metric::Time: return tr("Exclusive time");
        case Metric::Cost: return tr("Exclusive cost");
        case Metric::Rows: return tr("Rows");
        case Metric::Buffers: return tr("Buffers");
        }
        return {};
    case ShareColumn: return tr("Share");
    }
    return {};
}

QVariant PlanHotspotModel::data(const QModelIndex &index, int role) const
{
    if (!m_plan || !index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const int node = m_rows[size_t(index.row())];
    const double v = m_values[size_t(index.row())];
    if (role == NodeIndexRole)
        return node;
    if (role == Qt::TextAlignmentRole)
        return index.column() == NodeColumn ? int(Qt::AlignLeft | Qt::AlignVCenter) : int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == NodeColumn)
        return m_plan->nodes[size_t(node)].label();
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case RankColumn: return index.row() + 1;
    case NodeColumn: return m_plan->nodes[size_t(node)].label();
    case ValueColumn:
        switch (m_metric) {
        case Metric::Time: return m_plan->totals.timed ? Format::ms(v) : Format::cost(v);
        case Metric::Cost: return Format::cost(v);
        case Metric::Rows: return Format::count(v);
        case Metric::Buffers: return Format::blocks(v);
        }
        return {};
    case ShareColumn: return m_total > 0 ? Format::percent(100.0 * v / m_total) : QString();
    }
    return {};
}

} // namespace pgdeck::models
