#pragma once

#include "explain/plancomparer.h"

#include <QAbstractTableModel>

#include <memory>

namespace pgdeck::models {

// Two plans node by node: what each node became and how its time, rows and buffers
// changed (green when better, red when worse).
class PlanCompareModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { BeforeColumn, AfterColumn, MatchColumn, TimeBeforeColumn, TimeAfterColumn, TimeDeltaColumn, RowsDeltaColumn, BuffersDeltaColumn, ColumnCount };
    enum Role { BeforeNodeRole = Qt::UserRole + 1, AfterNodeRole };

    explicit PlanCompareModel(QObject *parent = nullptr);
    void setPlans(std::shared_ptr<const explain::Plan> before, std::shared_ptr<const explain::Plan> after);
    const explain::PlanComparison &comparison() const { return m_cmp; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const explain::Plan> m_before, m_after;
    explain::PlanComparison m_cmp;
};

} // namespace pgdeck::models
