#include "servertreemodel.h"

#include "pg/serverconnection.h"

#include <QBrush>
#include <QColor>

namespace pgdeck::models {

using pg::ServerConnection;

ServerTreeModel::ServerTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

void ServerTreeModel::addServer(const QString &profile, ServerConnection *server)
{
    int g = -1;
    for (int i = 0; i < m_groups.size(); ++i)
        if (m_groups[i].profile == profile)
            g = i;
    if (g < 0) {
        beginInsertRows({}, int(m_groups.size()), int(m_groups.size()));
        m_groups.append({profile, {}});
        endInsertRows();
        g = int(m_groups.size()) - 1;
    }
    const QModelIndex parentIndex = index(g, 0);
    const int row = int(m_groups[g].servers.size());
    beginInsertRows(parentIndex, row, row);
    m_groups[g].servers.append(server);
    endInsertRows();
    connect(server, &ServerConnection::infoChanged, this, [this, server]() {
        const QModelIndex i = indexOf(server);
        if (i.isValid())
            Q_EMIT dataChanged(i.siblingAtColumn(0), i.siblingAtColumn(ColumnCount - 1));
    });
}

void ServerTreeModel::removeProfile(const QString &profile)
{
    for (int i = 0; i < m_groups.size(); ++i) {
        if (m_groups[i].profile != profile)
            continue;
        beginRemoveRows({}, i, i);
        m_groups.removeAt(i);
        endRemoveRows();
        return;
    }
}

ServerConnection *ServerTreeModel::serverAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == 0)
        return nullptr;
    const int g = int(index.internalId()) - 1;
    return m_groups.value(g).servers.value(index.row());
}

QModelIndex ServerTreeModel::indexOf(ServerConnection *server) const
{
    for (int g = 0; g < m_groups.size(); ++g)
        for (int r = 0; r < m_groups[g].servers.size(); ++r)
            if (m_groups[g].servers[r] == server)
                return createIndex(r, 0, quintptr(g + 1));
    return {};
}

QList<ServerConnection *> ServerTreeModel::servers() const
{
    QList<ServerConnection *> out;
    for (const auto &g : m_groups)
        for (const auto &s : g.servers)
            if (s)
                out.append(s);
    return out;
}

QStringList ServerTreeModel::profiles() const
{
    QStringList out;
    for (const auto &g : m_groups)
        out << g.profile;
    return out;
}

QModelIndex ServerTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0)
        return {};
    if (row >= m_groups.value(parent.row()).servers.size())
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex ServerTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId()) - 1, 0, quintptr(0));
}

int ServerTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() == 0 && parent.column() == 0)
        return int(m_groups.value(parent.row()).servers.size());
    return 0;
}

int ServerTreeModel::columnCount(const QModelIndex &) const { return ColumnCount; }

QVariant ServerTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == 0) {
        if (role == Qt::DisplayRole && index.column() == NameColumn)
            return m_groups.value(index.row()).profile;
        return {};
    }
    ServerConnection *s = serverAt(index);
    if (!s)
        return {};
    if (role == ServerRole)
        return QVariant::fromValue(static_cast<QObject *>(s));
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn: return s->name();
        case RoleColumn: return ServerConnection::roleName(s->role());
        case StateColumn: return ServerConnection::stateName(s->state());
        case VersionColumn: return s->version().section(QLatin1Char(' '), 0, 0); // "15.18 (Debian …)" -> "15.18"
        default: break;
        }
    }
    if (role == Qt::ToolTipRole) {
        QString tip = s->params().toDisplayString();
        if (s->state() == ServerConnection::State::Down)
            tip += QStringLiteral("\n") + s->lastError().message;
        return tip;
    }
    if (role == Qt::ForegroundRole && index.column() == StateColumn) {
        switch (s->state()) {
        case ServerConnection::State::Up: return QBrush(QColor(0x2e, 0x9d, 0x4f));
        case ServerConnection::State::Down: return QBrush(QColor(0xd0, 0x3b, 0x2f));
        default: return {};
        }
    }
    return {};
}

QVariant ServerTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Server");
    case RoleColumn: return tr("Role");
    case StateColumn: return tr("State");
    case VersionColumn: return tr("Version");
    default: return {};
    }
}

} // namespace pgdeck::models
