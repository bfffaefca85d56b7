#include "plantreemodel.h"

#include "explain/format.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace pgdeck::models {

using explain::Format;
using explain::isSet;

PlanTreeModel::PlanTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

void PlanTreeModel::setPlan(std::shared_ptr<const explain::Plan> plan)
{
    beginResetModel();
    m_plan = std::move(plan);
    m_rowInParent.clear();
    m_severity.clear();
    if (m_plan) {
        m_rowInParent.assign(m_plan->nodes.size(), 0);
        m_severity.assign(m_plan->nodes.size(), -1);
        for (const explain::PlanNode &n : m_plan->nodes)
            for (size_t r = 0; r < n.children.size(); ++r)
                m_rowInParent[size_t(n.children[r])] = int(r);
        for (const explain::Insight &i : m_plan->insights)
            if (i.node >= 0 && i.node < int(m_severity.size()))
                m_severity[size_t(i.node)] = qMax(m_severity[size_t(i.node)], int(i.severity));
    }
    endResetModel();
}

QModelIndex PlanTreeModel::indexOfNode(int node, int column) const
{
    if (!m_plan || node < 0 || node >= int(m_plan->nodes.size()))
        return {};
    return createIndex(m_rowInParent[size_t(node)], column, quintptr(node));
}

int PlanTreeModel::nodeAt(const QModelIndex &index) const
{
    return index.isValid() ? int(index.internalId()) : -1;
}

QModelIndex PlanTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!m_plan || m_plan->nodes.empty() || row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row == 0 ? createIndex(0, column, quintptr(0)) : QModelIndex();
    const explain::PlanNode &p = m_plan->nodes[size_t(parent.internalId())];
    if (row >= int(p.children.size()))
        return {};
    return createIndex(row, column, quintptr(p.children[size_t(row)]));
}

QModelIndex PlanTreeModel::parent(const QModelIndex &child) const
{
    if (!m_plan || !child.isValid())
        return {};
    const int parent = m_plan->nodes[size_t(child.internalId())].parent;
    return parent < 0 ? QModelIndex() : indexOfNode(parent);
}

int PlanTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!m_plan || m_plan->nodes.empty())
        return 0;
    if (!parent.isValid())
        return 1;
    if (parent.column() != 0)
        return 0;
    return int(m_plan->nodes[size_t(parent.internalId())].children.size());
}

int PlanTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant PlanTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NodeColumn: return tr("Node");
        case ExclusiveColumn: return tr("Exclusive");
        case InclusiveColumn: return tr("Inclusive");
        case RowsColumn: return tr("Rows");
        case EstimateColumn: return tr("Estimate");
        case LoopsColumn: return tr("Loops");
        case BuffersColumn: return tr("Buffers");
        case CostColumn: return tr("Cost");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case ExclusiveColumn: return tr("Time spent in this node alone (all loops, corrected for parallel workers), and its share of the execution");
        case InclusiveColumn: return tr("Time of this node with everything below it");
        case RowsColumn: return tr("Rows produced, all loops (estimated rows in parentheses)");
        case EstimateColumn: return tr("How far the planner's row estimate was off");
        case BuffersColumn: return tr("Shared buffers hit + read by this node alone");
        case CostColumn: return tr("Planner cost of this node alone");
        }
    }
    if (role == Qt::TextAlignmentRole && section != NodeColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant PlanTreeModel::data(const QModelIndex &index, int role) const
{
    if (!m_plan || !index.isValid())
        return {};
    const int id = int(index.internalId());
    const explain::PlanNode &n = m_plan->nodes[size_t(id)];
    const explain::NodeFacts &f = n.facts;
    const explain::NodeMetrics &m = n.metrics;
    const explain::PlanTotals &t = m_plan->totals;
    switch (role) {
    case NodeIndexRole: return id;
    case NeverExecutedRole: return f.neverExecuted();
    case SeverityRole: return m_severity[size_t(id)];
    case ShareRole:
        if (t.timed && isSet(m.percentOfTotal))
            return qBound(0.0, m.percentOfTotal / 100.0, 1.0);
        if (isSet(m.exclusiveCost) && isSet(t.totalCost) && t.totalCost > 0)
            return qBound(0.0, m.exclusiveCost / t.totalCost, 1.0);
        return 0.0;
    case Qt::TextAlignmentRole:
        return index.column() == NodeColumn ? int(Qt::AlignLeft | Qt::AlignVCenter) : int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (f.neverExecuted())
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        if (index.column() == EstimateColumn && isSet(m.estimateFactor) && m.estimateFactor >= 10)
            return QBrush(m.estimateFactor >= 1000 ? QColor(0xc6, 0x28, 0x28) : m.estimateFactor >= 100 ? QColor(0xe6, 0x51, 0x00) : QColor(0xb2, 0x8a, 0x00));
        return {};
    case Qt::FontRole:
        if (index.column() == NodeColumn && m_severity[size_t(id)] >= 1) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == NodeColumn) {
            QString tip = n.label();
            if (!f.subplanName.isEmpty())
                tip = f.subplanName + QLatin1Char('\n') + tip;
            for (const explain::Insight &i : m_plan->insights)
                if (i.node == id)
                    tip += QStringLiteral("\n• ") + i.title;
            return tip;
        }
        if (index.column() == EstimateColumn && isSet(m.estimateFactor))
            return tr("planned %1 rows per loop, got %2").arg(Format::count(f.planRows), Format::count(f.actualRows));
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case NodeColumn: {
        QString s = n.label();
        if (!f.subplanName.isEmpty())
            s = QStringLiteral("[%1] ").arg(f.subplanName) + s;
        return s;
    }
    case ExclusiveColumn:
        if (f.neverExecuted())
            return tr("never executed");
        if (isSet(m.exclusiveMs))
            return QStringLiteral("%1  %2").arg(Format::ms(m.exclusiveMs), Format::percent(m.percentOfTotal));
        return {};
    case InclusiveColumn:
        return isSet(m.inclusiveMs) ? Format::ms(m.inclusiveMs) : QVariant();
    case RowsColumn:
        if (isSet(m.rowsTotal))
            return QStringLiteral("%1 (%2)").arg(Format::count(m.rowsTotal), Format::count(m.planRowsTotal));
        return isSet(f.planRows) ? QStringLiteral("(%1)").arg(Format::count(f.planRows)) : QVariant();
    case EstimateColumn:
        if (!isSet(m.estimateFactor) || m.estimateFactor < 1.5)
            return {};
        return QStringLiteral("%1 %2").arg(m.estimate == explain::NodeMetrics::Estimate::Under ? QStringLiteral("↓") : QStringLiteral("↑"),
                                           Format::factor(m.estimateFactor));
    case LoopsColumn:
        return isSet(f.actualLoops) ? Format::count(f.actualLoops) : QVariant();
    case BuffersColumn:
        if (!f.buffers.present)
            return {};
        return Format::count(m.exclusiveBuffers.sharedHit + m.exclusiveBuffers.sharedRead + m.exclusiveBuffers.localHit
                             + m.exclusiveBuffers.localRead);
    case CostColumn:
        return isSet(m.exclusiveCost) ? Format::cost(m.exclusiveCost) : QVariant();
    }
    return {};
}

} // namespace pgdeck::models
