#include "plancomparemodel.h"

#include "explain/format.h"

#include <QBrush>
#include <QColor>

#include <cmath>

namespace pgdeck::models {

using explain::Format;
using explain::isSet;

PlanCompareModel::PlanCompareModel(QObject *parent) : QAbstractTableModel(parent) {}

void PlanCompareModel::setPlans(std::shared_ptr<const explain::Plan> before, std::shared_ptr<const explain::Plan> after)
{
    beginResetModel();
    m_before = std::move(before);
    m_after = std::move(after);
    m_cmp = (m_before && m_after) ? explain::PlanComparer::compare(*m_before, *m_after) : explain::PlanComparison{};
    endResetModel();
}

int PlanCompareModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_cmp.matches.size());
}

int PlanCompareModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlanCompareModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case BeforeColumn: return tr("Before");
    case AfterColumn: return tr("After");
    case MatchColumn: return tr("Matched by");
    case TimeBeforeColumn: return m_cmp.byTime ? tr("Time before") : tr("Cost before");
    case TimeAfterColumn: return m_cmp.byTime ? tr("Time after") : tr("Cost after");
    case TimeDeltaColumn: return m_cmp.byTime ? tr("Δ time") : tr("Δ cost");
    case RowsDeltaColumn: return tr("Δ rows");
    case BuffersDeltaColumn: return tr("Δ buffers");
    }
    return {};
}

QVariant PlanCompareModel::data(const QModelIndex &index, int role) const
{
    if (!m_before || !m_after || !index.isValid() || index.row() >= int(m_cmp.matches.size()))
        return {};
    const explain::NodeMatch &m = m_cmp.matches[size_t(index.row())];
    const explain::PlanNode *a = m.before >= 0 ? &m_before->nodes[size_t(m.before)] : nullptr;
    const explain::PlanNode *b = m.after >= 0 ? &m_after->nodes[size_t(m.after)] : nullptr;
    auto value = [this](const explain::PlanNode *n) {
        if (!n)
            return explain::kNaN;
        return m_cmp.byTime ? n->metrics.exclusiveMs : n->metrics.exclusiveCost;
    };
    const double delta = m_cmp.byTime ? explain::PlanComparison::timeDelta(*m_before, *m_after, m)
                                      : explain::PlanComparison::costDelta(*m_before, *m_after, m);
    switch (role) {
    case BeforeNodeRole: return m.before;
    case AfterNodeRole: return m.after;
    case Qt::TextAlignmentRole:
        return index.column() <= MatchColumn ? int(Qt::AlignLeft | Qt::AlignVCenter) : int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole: {
        double d = 0;
        if (index.column() == TimeDeltaColumn)
            d = delta;
        else if (index.column() == BuffersDeltaColumn)
            d = explain::PlanComparison::buffersDelta(*m_before, *m_after, m);
        else
            return {};
        if (!isSet(d) || std::fabs(d) < 1e-9)
            return {};
        return QBrush(d < 0 ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
    }
    case Qt::DisplayRole: break;
    default: return {};
    }
    auto fmt = [this](double v) { return m_cmp.byTime ? Format::ms(v) : Format::cost(v); };
    auto signedFmt = [&](double v, bool time) {
        if (!isSet(v))
            return QString();
        const QString s = time ? fmt(std::fabs(v)) : Format::count(std::fabs(v));
        return (v > 0 ? QStringLiteral("+") : v < 0 ? QStringLiteral("−") : QString()) + s;
    };
    switch (index.column()) {
    case BeforeColumn: return a ? a->label() : QString();
    case AfterColumn: return b ? b->label() : QString();
    case MatchColumn: return explain::NodeMatch::howName(m.how);
    case TimeBeforeColumn: return a ? fmt(value(a)) : QString();
    case TimeAfterColumn: return b ? fmt(value(b)) : QString();
    case TimeDeltaColumn: return signedFmt(delta, true);
    case RowsDeltaColumn: return signedFmt(explain::PlanComparison::rowsDelta(*m_before, *m_after, m), false);
    case BuffersDeltaColumn:
        return (a && a->facts.buffers.present) || (b && b->facts.buffers.present)
            ? signedFmt(explain::PlanComparison::buffersDelta(*m_before, *m_after, m), false)
            : QString();
    }
    return {};
}

} // namespace pgdeck::models
