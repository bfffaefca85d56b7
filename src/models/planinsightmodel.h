#pragma once

#include "explain/plan.h"

#include <QAbstractListModel>

#include <memory>

namespace pgdeck::models {

// The plan's insights, most severe first: title, the numbers behind it, the fix, and
// hypopg's verdict for index proposals.
class PlanInsightModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        NodeIndexRole = Qt::UserRole + 1,
        SeverityRole,
        EvidenceRole,
        FixRole,
        FixSqlRole,
        ProofRole,
        KindRole,
    };

    explicit PlanInsightModel(QObject *parent = nullptr);
    void setPlan(std::shared_ptr<const explain::Plan> plan);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    static QString proofText(const explain::Insight &insight);

private:
    std::shared_ptr<const explain::Plan> m_plan;
};

} // namespace pgdeck::models
