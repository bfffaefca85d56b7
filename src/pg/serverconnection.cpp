#include "serverconnection.h"

#include "session.h"

#include <QTimer>

#include <algorithm>

namespace pgdeck::pg {

ServerConnection::ServerConnection(QString name, ConnParams params, PoolOptions poolOptions, QObject *parent)
    : QObject(parent), m_name(std::move(name)), m_params(std::move(params)), m_pool(new Pool(m_params, poolOptions, this)),
      m_retry(new QTimer(this))
{
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &ServerConnection::probe);
    // A broken pooled session usually means the server went away: re-check.
    connect(m_pool, &Pool::errorOccurred, this, [this](const core::Error &e) {
        if (e.isConnectionLoss() && m_state == State::Up && !m_retry->isActive())
            m_retry->start(100);
    });
}

QString ServerConnection::roleName(Role role)
{
    switch (role) {
    case Role::Primary: return QStringLiteral("primary");
    case Role::Replica: return QStringLiteral("replica");
    case Role::Pooler: return QStringLiteral("pooler");
    case Role::Unknown: break;
    }
    return QStringLiteral("unknown");
}

QString ServerConnection::stateName(State state)
{
    switch (state) {
    case State::Idle: return QStringLiteral("not connected");
    case State::Connecting: return QStringLiteral("connecting");
    case State::Up: return QStringLiteral("up");
    case State::Down: return QStringLiteral("down");
    }
    return {};
}

void ServerConnection::open()
{
    m_open = true;
    probe();
}

void ServerConnection::close()
{
    m_open = false;
    m_retry->stop();
    delete m_probe;
    setState(State::Idle);
}

void ServerConnection::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
    Q_EMIT infoChanged();
}

void ServerConnection::setObservedRole(Role role)
{
    if (role == m_role || role == Role::Unknown)
        return;
    const Role before = m_role;
    m_role = role;
    if (before != Role::Unknown)
        Q_EMIT roleChanged(before, role);
    Q_EMIT infoChanged();
}

void ServerConnection::setPassword(const QString &password)
{
    m_params.set("password", password);
    m_pool->setPassword(password);
    m_failures = 0;
    if (m_open) {
        m_retry->stop();
        probe();
    }
}

void ServerConnection::scheduleRetry()
{
    if (!m_open)
        return;
    ++m_failures;
    m_retry->start(std::min(30000, 500 << std::min(m_failures, 6)));
}

void ServerConnection::probe()
{
    if (!m_open)
        return;
    if (m_state != State::Up)
        setState(State::Connecting);
    delete m_probe;
    auto *s = new Session(this);
    m_probe = s;
    ConnParams p = m_params;
    if (!p.has("application_name"))
        p.set("application_name", QStringLiteral("pgdeck"));
    connect(s, &Session::connectFailed, this, [this, s](const core::Error &e) {
        m_lastError = e;
        s->deleteLater();
        setState(State::Down);
        scheduleRetry();
    });
    connect(s, &Session::connected, this, [this, s]() {
        s->exec(QStringLiteral("SELECT pg_is_in_recovery(), current_setting('server_version')"),
                [this, s](core::Result<QueryResult> r) {
                    s->deleteLater();
                    if (!r.ok()) {
                        m_lastError = r.error();
                        setState(State::Down);
                        scheduleRetry();
                        return;
                    }
                    m_version = r->last().text(0, 1);
                    m_versionNum = s->serverVersion();
                    m_failures = 0;
                    m_lastError = {};
                    setObservedRole(r->last().toBool(0, 0) ? Role::Replica : Role::Primary);
                    setState(State::Up);
                    Q_EMIT infoChanged();
                });
    });
    s->connectToServer(p, m_pool->options().connectTimeoutMs);
}

} // namespace pgdeck::pg
