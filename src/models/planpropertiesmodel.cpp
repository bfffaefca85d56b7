#include "planpropertiesmodel.h"

#include "explain/format.h"

#include <QFont>

namespace pgdeck::models {

using explain::Format;
using explain::isSet;

PlanPropertiesModel::PlanPropertiesModel(QObject *parent) : QAbstractTableModel(parent) {}

void PlanPropertiesModel::setNode(std::shared_ptr<const explain::Plan> plan, int node)
{
    beginResetModel();
    m_plan = std::move(plan);
    m_node = node;
    m_rows.clear();
    if (m_plan && node >= 0 && node < int(m_plan->nodes.size())) {
        const explain::PlanNode &n = m_plan->nodes[size_t(node)];
        for (const explain::Property &p : n.props)
            m_rows.push_back(Row{p.key, p.value.toString(), false});
        const explain::NodeMetrics &m = n.metrics;
        auto add = [&](const QString &k, const QString &v) { m_rows.push_back(Row{k, v, true}); };
        if (isSet(m.exclusiveMs))
            add(tr("Exclusive time"), QStringLiteral("%1 (%2)").arg(Format::ms(m.exclusiveMs), Format::percent(m.percentOfTotal)));
        if (isSet(m.inclusiveMs))
            add(tr("Inclusive time"), Format::ms(m.inclusiveMs));
        if (m.parallelDivisor > 1)
            add(tr("Parallel processes"), Format::count(m.parallelDivisor));
        if (isSet(m.exclusiveCost))
            add(tr("Exclusive cost"), Format::cost(m.exclusiveCost));
        if (isSet(m.rowsTotal))
            add(tr("Rows × loops"), Format::count(m.rowsTotal));
        if (isSet(m.planRowsTotal))
            add(tr("Planned rows × loops"), Format::count(m.planRowsTotal));
        if (isSet(m.estimateFactor))
            add(tr("Estimate"), m.estimate == explain::NodeMetrics::Estimate::Exact
                                    ? tr("exact")
                                    : QStringLiteral("%1 %2").arg(Format::factor(m.estimateFactor),
                                                                  m.estimate == explain::NodeMetrics::Estimate::Under ? tr("under") : tr("over")));
        if (isSet(m.filterRemovedRatio))
            add(tr("Removed by filter"), Format::percent(100.0 * m.filterRemovedRatio));
        if (n.facts.buffers.present) {
            const explain::Buffers &b = m.exclusiveBuffers;
            add(tr("Exclusive shared hit / read"), QStringLiteral("%1 / %2").arg(Format::blocks(b.sharedHit), Format::blocks(b.sharedRead)));
            if (b.tempRead + b.tempWritten > 0)
                add(tr("Exclusive temp read / written"), QStringLiteral("%1 / %2").arg(Format::blocks(b.tempRead), Format::blocks(b.tempWritten)));
            if (b.ioReadMs + b.ioWriteMs > 0)
                add(tr("Exclusive I/O time"), Format::ms(b.ioReadMs + b.ioWriteMs));
        }
        if (n.sourceLine > 0)
            add(tr("Line in the pasted plan"), QString::number(n.sourceLine));
    }
    endResetModel();
}

int PlanPropertiesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PlanPropertiesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 2;
}

QVariant PlanPropertiesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return section == 0 ? tr("Property") : tr("Value");
    return {};
}

QVariant PlanPropertiesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Row &r = m_rows.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == Qt::EditRole)
        return index.column() == 0 ? r.key : r.value;
    if (role == Qt::FontRole && r.derived) {
        QFont f;
        f.setItalic(true);
        return f;
    }
    return {};
}

} // namespace pgdeck::models
