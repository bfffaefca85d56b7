#pragma once

#include "connparams.h"
#include "core/error.h"
#include "pool.h"

#include <QObject>
#include <QPointer>

class QTimer;

namespace pgdeck::pg {

class Session;

// One server of a profile, as the rest of pgdeck sees it: its parameters, its
// pool, whether it is up, and whether it is a primary or a replica. The role is
// read on every (re)connect; a change (failover, promotion) is signalled.
class ServerConnection : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Connecting, Up, Down };
    Q_ENUM(State)
    enum class Role { Unknown, Primary, Replica, Pooler };
    Q_ENUM(Role)

    ServerConnection(QString name, ConnParams params, PoolOptions poolOptions, QObject *parent = nullptr);

    // Connects a probe session, reads version and role, and keeps retrying with
    // backoff while the server is unreachable.
    void open();
    void close();
    // Re-reads the role now (the monitor calls this every tick it has the answer).
    void setObservedRole(Role role);
    // Uses this password from now on (probe and pool) and reconnects at once; it
    // stays in memory only. Empty removes it so libpq's ~/.pgpass applies again.
    void setPassword(const QString &password);

    QString name() const { return m_name; }
    const ConnParams &params() const { return m_params; }
    State state() const { return m_state; }
    Role role() const { return m_role; }
    QString version() const { return m_version; }
    int serverVersionNum() const { return m_versionNum; }
    const core::Error &lastError() const { return m_lastError; }
    Pool *pool() const { return m_pool; }

    static QString roleName(Role role);
    static QString stateName(State state);

Q_SIGNALS:
    void stateChanged(pgdeck::pg::ServerConnection::State state);
    void roleChanged(pgdeck::pg::ServerConnection::Role from, pgdeck::pg::ServerConnection::Role to);
    void infoChanged();

private:
    void probe();
    void setState(State s);
    void scheduleRetry();

    QString m_name;
    ConnParams m_params;
    Pool *m_pool = nullptr;
    QPointer<Session> m_probe;
    QTimer *m_retry = nullptr;
    State m_state = State::Idle;
    Role m_role = Role::Unknown;
    QString m_version;
    int m_versionNum = 0;
    int m_failures = 0;
    bool m_open = false;
    core::Error m_lastError;
};

} // namespace pgdeck::pg
