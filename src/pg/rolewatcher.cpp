#include "rolewatcher.h"

#include "serverconnection.h"
#include "session.h"

#include <QTimer>

#include <memory>

namespace pgdeck::pg {

RoleWatcher::RoleWatcher(int intervalMs, QObject *parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &RoleWatcher::tickNow);
}

int RoleWatcher::intervalMs() const
{
    return m_timer->interval();
}

void RoleWatcher::watch(ServerConnection *server)
{
    if (!server || m_servers.contains(server))
        return;
    m_servers << server;
    if (!m_timer->isActive())
        m_timer->start();
}

void RoleWatcher::unwatch(ServerConnection *server)
{
    m_servers.removeAll(server);
}

void RoleWatcher::tickNow()
{
    m_servers.removeAll(nullptr);
    const int tick = ++m_ticks;
    m_outstanding = 0;
    for (const auto &s : m_servers)
        if (s && s->state() == ServerConnection::State::Up)
            ++m_outstanding;
    if (m_outstanding == 0) {
        Q_EMIT ticked(tick);
        return;
    }
    for (const auto &server : m_servers) {
        if (!server || server->state() != ServerConnection::State::Up)
            continue;
        QPointer<ServerConnection> guard(server);
        QPointer<RoleWatcher> self(this);
        const int timeoutMs = qMax(500, intervalMs());
        server->pool()->acquire([guard, self, tick, timeoutMs](core::Result<Lease> lease) {
            if (!self)
                return;
            if (!lease.ok() || !guard) {
                self->answered(tick);
                return;
            }
            auto held = std::make_shared<Lease>(std::move(lease.value()));
            (*held)->exec(
                QStringLiteral("SELECT pg_is_in_recovery()"),
                [held, guard, self, tick](core::Result<QueryResult> r) {
                    held->release();
                    if (guard && r.ok() && r->last().rowCount() == 1)
                        guard->setObservedRole(r->last().toBool(0, 0) ? ServerConnection::Role::Replica
                                                                      : ServerConnection::Role::Primary);
                    if (self)
                        self->answered(tick);
                },
                timeoutMs);
        });
    }
}

void RoleWatcher::answered(int tick)
{
    // Late answers of an earlier tick do not count for this one.
    if (tick != m_ticks)
        return;
    if (--m_outstanding == 0)
        Q_EMIT ticked(tick);
}

} // namespace pgdeck::pg
