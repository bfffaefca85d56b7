#pragma once

#include "explain/plan.h"

#include <QAbstractTableModel>

#include <memory>

namespace pgdeck::models {

// Every key of one node as PostgreSQL printed it (nested groups shown compactly),
// followed by pgdeck's derived figures: what the graph shows on click.
class PlanPropertiesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit PlanPropertiesModel(QObject *parent = nullptr);
    void setNode(std::shared_ptr<const explain::Plan> plan, int node);
    int node() const { return m_node; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString key;
        QString value;
        bool derived = false;
    };
    std::shared_ptr<const explain::Plan> m_plan;
    int m_node = -1;
    QList<Row> m_rows;
};

} // namespace pgdeck::models
