#pragma once

#include "explain/plan.h"
#include "explain/planlayout.h"

#include <QAbstractTableModel>

#include <memory>

namespace pgdeck::models {

// The N nodes that weigh most in the chosen metric (exclusive time, cost, rows or
// buffers): where to look first.
class PlanHotspotModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { RankColumn, NodeColumn, ValueColumn, ShareColumn, ColumnCount };
    static constexpr int NodeIndexRole = Qt::UserRole + 1;

    explicit PlanHotspotModel(QObject *parent = nullptr);
    void setPlan(std::shared_ptr<const explain::Plan> plan, explain::PlanLayout::Metric metric, int topN = 10);
    int nodeAt(int row) const { return row >= 0 && row < int(m_rows.size()) ? m_rows[size_t(row)] : -1; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const explain::Plan> m_plan;
    explain::PlanLayout::Metric m_metric = explain::PlanLayout::Metric::Time;
    std::vector<int> m_rows;
    std::vector<double> m_values;
    double m_total = 0;
};

} // namespace pgdeck::models
