#pragma once

#include "explain/plan.h"

#include <QWidget>

#include <memory>

class QLabel;
class QTableView;
class QTreeView;

namespace pgdeck::models {
class PlanCompareModel;
class PlanTreeModel;
} // namespace pgdeck::models

namespace pgdeck::ui {

// A pinned plan and the current one side by side: both trees, the node-by-node deltas
// below, and the total speed-up on top. Selecting a delta row selects the node on
// both sides.
class PlanCompareView : public QWidget
{
    Q_OBJECT
public:
    explicit PlanCompareView(QWidget *parent = nullptr);

    void setPlans(std::shared_ptr<const explain::Plan> before, const QString &beforeName,
                  std::shared_ptr<const explain::Plan> after, const QString &afterName);
    QString summary() const;
    models::PlanCompareModel *model() const { return m_model; }

private:
    void showRow(const QModelIndex &index);

    QLabel *m_summary;
    QTreeView *m_beforeTree;
    QTreeView *m_afterTree;
    QTableView *m_table;
    models::PlanTreeModel *m_beforeModel;
    models::PlanTreeModel *m_afterModel;
    models::PlanCompareModel *m_model;
};

} // namespace pgdeck::ui
