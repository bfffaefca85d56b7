#pragma once

#include <QAbstractItemModel>
#include <QList>
#include <QPointer>

namespace pgdeck::pg {
class ServerConnection;
}

namespace pgdeck::models {

// Profiles at the top, their servers (primary first, then replicas) below, with
// role, state and version columns that follow the live ServerConnections.
class ServerTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, RoleColumn, StateColumn, VersionColumn, ColumnCount };
    enum Roles { ServerRole = Qt::UserRole + 1 };

    explicit ServerTreeModel(QObject *parent = nullptr);

    // Adds a server under `profile` (created when new).
    void addServer(const QString &profile, pg::ServerConnection *server);
    void removeProfile(const QString &profile);
    pg::ServerConnection *serverAt(const QModelIndex &index) const;
    QModelIndex indexOf(pg::ServerConnection *server) const;
    QList<pg::ServerConnection *> servers() const;
    QStringList profiles() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Group
    {
        QString profile;
        QList<QPointer<pg::ServerConnection>> servers;
    };
    QList<Group> m_groups;
    // Internal ids: 0 = profile row, otherwise group index + 1 for server rows.
};

} // namespace pgdeck::models
