#include "planinsightmodel.h"

#include "explain/format.h"

#include <QBrush>
#include <QColor>

namespace pgdeck::models {

using explain::Insight;

PlanInsightModel::PlanInsightModel(QObject *parent) : QAbstractListModel(parent) {}

void PlanInsightModel::setPlan(std::shared_ptr<const explain::Plan> plan)
{
    beginResetModel();
    m_plan = std::move(plan);
    endResetModel();
}

int PlanInsightModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_plan ? 0 : int(m_plan->insights.size());
}

QString PlanInsightModel::proofText(const Insight &i)
{
    if (!i.proof.tried)
        return {};
    if (!i.proof.error.isEmpty())
        return tr("hypopg: %1").arg(i.proof.error);
    if (i.proof.used)
        return tr("hypopg: the planner uses the index — cost %1 → %2 (%3x cheaper)")
            .arg(explain::Format::cost(i.proof.costBefore), explain::Format::cost(i.proof.costAfter))
            .arg(i.proof.costAfter > 0 ? i.proof.costBefore / i.proof.costAfter : 0.0, 0, 'f', 1);
    return tr("hypopg: the planner would not use this index (cost %1 → %2)")
        .arg(explain::Format::cost(i.proof.costBefore), explain::Format::cost(i.proof.costAfter));
}

QVariant PlanInsightModel::data(const QModelIndex &index, int role) const
{
    if (!m_plan || !index.isValid() || index.row() >= int(m_plan->insights.size()))
        return {};
    const Insight &i = m_plan->insights[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole: {
        QStringList lines{i.title, i.evidence};
        const QString proof = proofText(i);
        if (!proof.isEmpty())
            lines << proof;
        if (!i.fixSql.isEmpty())
            lines << i.fixSql;
        else if (!i.fix.isEmpty())
            lines << i.fix;
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("<b>%1</b><p>%2</p><p>%3</p>").arg(i.title.toHtmlEscaped(), i.evidence.toHtmlEscaped(), i.fix.toHtmlEscaped());
        if (!i.fixSql.isEmpty())
            tip += QStringLiteral("<pre>%1</pre>").arg(i.fixSql.toHtmlEscaped());
        const QString proof = proofText(i);
        if (!proof.isEmpty())
            tip += QStringLiteral("<p>%1</p>").arg(proof.toHtmlEscaped());
        return tip;
    }
    case Qt::DecorationRole:
        switch (i.severity) {
        case Insight::Severity::Critical: return QColor(0xc6, 0x28, 0x28);
        case Insight::Severity::Warning: return QColor(0xef, 0x8a, 0x00);
        case Insight::Severity::Info: return QColor(0x1e, 0x88, 0xe5);
        }
        return {};
    case NodeIndexRole: return i.node;
    case SeverityRole: return int(i.severity);
    case EvidenceRole: return i.evidence;
    case FixRole: return i.fix;
    case FixSqlRole: return i.fixSql;
    case ProofRole: return proofText(i);
    case KindRole: return Insight::kindId(i.kind);
    default: return {};
    }
}

} // namespace pgdeck::models
