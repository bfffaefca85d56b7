#pragma once

#include "explain/plan.h"

#include <QAbstractItemModel>

#include <memory>

namespace pgdeck::models {

// A plan as a tree: one row per node, children under their parent, columns for what a
// DBA scans first. The plan is held by value (shared), so a 10,000-node plan costs one
// pointer per row and rows are produced lazily by the view.
class PlanTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NodeColumn, ExclusiveColumn, InclusiveColumn, RowsColumn, EstimateColumn, LoopsColumn, BuffersColumn, CostColumn, ColumnCount };
    enum Role {
        NodeIndexRole = Qt::UserRole + 1, // int: index into Plan::nodes
        ShareRole,                        // double 0..1: the bar of the exclusive column
        NeverExecutedRole,                // bool
        SeverityRole,                     // int: highest insight severity on the node, -1 none
    };

    explicit PlanTreeModel(QObject *parent = nullptr);

    void setPlan(std::shared_ptr<const explain::Plan> plan);
    const explain::Plan *plan() const { return m_plan.get(); }
    std::shared_ptr<const explain::Plan> sharedPlan() const { return m_plan; }
    QModelIndex indexOfNode(int node, int column = 0) const;
    int nodeAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const explain::Plan> m_plan;
    std::vector<int> m_rowInParent; // per node
    std::vector<int> m_severity;    // per node
};

} // namespace pgdeck::models
