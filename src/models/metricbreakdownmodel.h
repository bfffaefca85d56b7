#pragma once

#include "store/metricpoint.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace pgdeck::models {

// Sessions of one server broken down by application_name (or user, or database),
// from the latest sample: total, active, idle, idle in transaction, waiting on a
// lock, and, for applications with a scraped endpoint, their own pool's size,
// available and waiting numbers beside the server's view. Updated in place each
// tick; rows come and go only when the set of groups changes.
class MetricBreakdownModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Total, Active, Idle, IdleInTx, WaitingLock, AppPoolSize, AppPoolAvailable, AppPoolWaiting, ColumnCount };
    enum class Group { Application, User, Database };

    explicit MetricBreakdownModel(QObject *parent = nullptr);

    void setGroup(Group g);
    Group group() const { return m_group; }
    void setValues(const store::MetricValues &values);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString groupKey(Group g); // "app", "user", "db"
    // Some row has its application's own pool numbers (an endpoint is scraped).
    bool hasAppPools() const;

private:
    struct Row
    {
        QString name;
        double v[ColumnCount] = {};
        bool hasPool = false;
    };
    QList<Row> build(const store::MetricValues &values) const;

    Group m_group = Group::Application;
    QList<Row> m_rows;
    store::MetricValues m_last;
};

} // namespace pgdeck::models
