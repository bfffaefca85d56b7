#include "metricbreakdownmodel.h"

#include "monitor/metricnames.h"

#include <QMap>

#include <algorithm>
#include <cmath>

namespace pgdeck::models {

MetricBreakdownModel::MetricBreakdownModel(QObject *parent) : QAbstractTableModel(parent) {}

QString MetricBreakdownModel::groupKey(Group g)
{
    switch (g) {
    case Group::Application: return QStringLiteral("app");
    case Group::User: return QStringLiteral("user");
    case Group::Database: return QStringLiteral("db");
    }
    return {};
}

void MetricBreakdownModel::setGroup(Group g)
{
    if (g == m_group)
        return;
    m_group = g;
    beginResetModel();
    m_rows = build(m_last);
    endResetModel();
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

void MetricBreakdownModel::clear()
{
    m_last.clear();
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

QList<MetricBreakdownModel::Row> MetricBreakdownModel::build(const store::MetricValues &values) const
{
    const QString group = groupKey(m_group);
    QMap<QString, Row> rows;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        QString g, name, field;
        if (!monitor::metric::splitKeyed(it.key(), &g, &name, &field))
            continue;
        int col = -1;
        if (g == group) {
            if (field == QLatin1String("total"))
                col = Total;
            else if (field == QLatin1String("active"))
                col = Active;
            else if (field == QLatin1String("idle"))
                col = Idle;
            else if (field == QLatin1String("idle_in_tx"))
                col = IdleInTx;
            else if (field == QLatin1String("waiting_lock"))
                col = WaitingLock;
        } else if (g == QLatin1String("scrape") && m_group == Group::Application) {
            if (field == QLatin1String("pool_size"))
                col = AppPoolSize;
            else if (field == QLatin1String("pool_available"))
                col = AppPoolAvailable;
            else if (field == QLatin1String("pool_waiting"))
                col = AppPoolWaiting;
        }
        if (col < 0)
            continue;
        Row &r = rows[name];
        r.name = name;
        r.v[col] = it.value();
        if (col >= AppPoolSize)
            r.hasPool = true;
    }
    QList<Row> out = rows.values();
    std::stable_sort(out.begin(), out.end(), [](const Row &a, const Row &b) { return a.v[Total] > b.v[Total]; });
    return out;
}

void MetricBreakdownModel::setValues(const store::MetricValues &values)
{
    m_last = values;
    QList<Row> next = build(values);
    bool sameRows = next.size() == m_rows.size();
    for (int i = 0; sameRows && i < next.size(); ++i)
        sameRows = next[i].name == m_rows[i].name;
    if (!sameRows) {
        beginResetModel();
        m_rows = std::move(next);
        endResetModel();
        return;
    }
    m_rows = std::move(next);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Total), index(int(m_rows.size()) - 1, ColumnCount - 1), {Qt::DisplayRole});
}

bool MetricBreakdownModel::hasAppPools() const
{
    for (const Row &r : m_rows)
        if (r.hasPool)
            return true;
    return false;
}

int MetricBreakdownModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MetricBreakdownModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_group == Group::Application ? ColumnCount : AppPoolSize;
}

QVariant MetricBreakdownModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows[index.row()];
    const int c = index.column();
    if (role == Qt::DisplayRole) {
        if (c == Name)
            return r.name;
        if (c >= AppPoolSize && !r.hasPool)
            return QString();
        return QString::number(r.v[c], 'f', 0);
    }
    if (role == Qt::TextAlignmentRole && c != Name)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::UserRole)
        return c == Name ? QVariant(r.name) : QVariant(r.v[c]);
    if (role == Qt::ToolTipRole && c >= AppPoolSize)
        return tr("As the application sees its own pool (its Prometheus endpoint)");
    return {};
}

QVariant MetricBreakdownModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return m_group == Group::Application ? tr("Application") : m_group == Group::User ? tr("User") : tr("Database");
    case Total: return tr("Total");
    case Active: return tr("Active");
    case Idle: return tr("Idle");
    case IdleInTx: return tr("Idle in tx");
    case WaitingLock: return tr("Lock wait");
    case AppPoolSize: return tr("App pool");
    case AppPoolAvailable: return tr("Available");
    case AppPoolWaiting: return tr("Waiting");
    default: break;
    }
    return {};
}

} // namespace pgdeck::models
