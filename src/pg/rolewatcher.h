#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QTimer;

namespace pgdeck::pg {

class ServerConnection;

// Asks every watched server "are you in recovery?" once per tick through its pool
// and feeds the answer to ServerConnection::setObservedRole(), so a failover or a
// promotion shows up while pgdeck runs, not only on the next reconnect. The
// monitor does the same on its own ticks; this keeps roles honest without it.
class RoleWatcher : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 2000;

    explicit RoleWatcher(int intervalMs = kDefaultIntervalMs, QObject *parent = nullptr);

    void watch(ServerConnection *server);
    void unwatch(ServerConnection *server);
    int intervalMs() const;
    int ticks() const { return m_ticks; }
    // Runs one round now (the timer keeps its rhythm).
    void tickNow();

Q_SIGNALS:
    // Every answer of tick `n` is in (or failed).
    void ticked(int n);

private:
    void answered(int tick);

    QTimer *m_timer = nullptr;
    QList<QPointer<ServerConnection>> m_servers;
    int m_ticks = 0;
    int m_outstanding = 0;
};

} // namespace pgdeck::pg
