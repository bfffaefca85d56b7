#pragma once

#include "connparams.h"
#include "core/result.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <deque>
#include <functional>
#include <vector>

class QTimer;

namespace pgdeck::pg {

class Pool;
class Session;

struct PoolOptions
{
    int max = 10;                      // sessions at most, connecting ones included
    int min = 0;                       // sessions kept open (warm) even when idle
    int idleTimeoutMs = 30000;         // idle sessions above `min` are closed after this
    int connectionTimeoutMs = 30000;   // acquire() fails with PoolExhausted after this
    int connectTimeoutMs = 10000;      // one connection attempt
    int statementTimeoutMs = 0;        // server-side statement_timeout; 0 = server default
    int validateAfterIdleMs = 5000;    // SELECT 1 before handing out a session idle this long
    QString applicationName = QStringLiteral("pgdeck");
    bool readOnly = false;             // default_transaction_read_only=on for every session
};

// Live numbers for status bars and the dashboard.
struct PoolStats
{
    int total = 0;      // open + connecting
    int idle = 0;
    int leased = 0;
    int waiting = 0;    // acquire() calls queued for a session
    int connecting = 0;
    qint64 errors = 0;  // failed connects, broken sessions, acquire timeouts
    qint64 acquired = 0;
};

// A borrowed session; it goes back to the pool when the lease dies. Move-only.
class Lease
{
public:
    Lease() = default;
    Lease(Lease &&other) noexcept;
    Lease &operator=(Lease &&other) noexcept;
    Lease(const Lease &) = delete;
    Lease &operator=(const Lease &) = delete;
    ~Lease();

    Session *session() const { return m_session; }
    Session *operator->() const { return m_session; }
    explicit operator bool() const { return m_session != nullptr; }
    void release();

private:
    friend class Pool;
    Lease(Pool *pool, Session *session) : m_pool(pool), m_session(session) {}
    QPointer<Pool> m_pool;
    Session *m_session = nullptr;
};

// A pool of Sessions for one server. Everything happens on the pool's thread, and
// nothing blocks it. A broken session (backend terminated, server restarted) is
// found and replaced before anybody is handed it.
class Pool : public QObject
{
    Q_OBJECT
public:
    using AcquireCallback = std::function<void(core::Result<Lease>)>;

    Pool(ConnParams params, PoolOptions options, QObject *parent = nullptr);
    ~Pool() override;

    // Hands a session to `done`: at once when one is idle, else when one frees or
    // connects, else a PoolExhausted error after connectionTimeoutMs.
    void acquire(AcquireCallback done);
    // Acquires, runs SELECT 1 and reports the round trip.
    void healthCheck(std::function<void(core::Result<qint64>)> done);
    // Stops handing out sessions, fails waiters, closes idle sessions and emits
    // closed() once every lease has come back.
    void close();

    PoolStats stats() const;
    const PoolOptions &options() const { return m_options; }
    const ConnParams &params() const { return m_params; }
    // The parameters sessions actually connect with (application_name, options added).
    ConnParams effectiveParams() const;
    // Sessions opened from now on use this password (one the user typed after a
    // failed connect); open sessions keep theirs. Empty removes it (libpq's ~/.pgpass).
    void setPassword(const QString &password);
    bool isClosing() const { return m_closing; }

Q_SIGNALS:
    void sessionConnected(pgdeck::pg::Session *session);
    void sessionAcquired(pgdeck::pg::Session *session);
    void sessionReleased(pgdeck::pg::Session *session);
    void sessionRemoved(pgdeck::pg::Session *session, const QString &reason);
    void errorOccurred(const pgdeck::core::Error &error);
    void statsChanged();
    void closed();

private:
    friend class Lease;
    struct Waiter
    {
        AcquireCallback done;
        qint64 deadlineMs = 0;
    };
    struct Slot
    {
        Session *session = nullptr;
        bool leased = false;
        bool validating = false;
        qint64 idleSinceMs = 0;
    };

    void release(Session *session);
    void recycle(Session *session);
    void serveWaitersOnce();
    void giveBack(Session *session);
    void serveWaiters();
    void handTo(Slot &slot, AcquireCallback done);
    void openSession();
    void onConnected(Session *session);
    void onConnectFailed(Session *session, const core::Error &error);
    void onBroken(Session *session, const core::Error &error);
    void remove(Session *session, const QString &reason);
    void ensureMinimum();
    void reapIdle();
    void armWaiterTimer();
    void onWaiterTimeout();
    void checkClosed();
    Slot *slotFor(Session *session);
    Slot *takeIdle();

    ConnParams m_params;
    PoolOptions m_options;
    std::vector<Slot> m_slots;
    std::deque<Waiter> m_waiters;
    QElapsedTimer m_clock;
    QTimer *m_waiterTimer = nullptr;
    QTimer *m_reaper = nullptr;
    QTimer *m_retry = nullptr;
    qint64 m_armedDeadlineMs = -1;
    int m_connecting = 0;
    int m_failStreak = 0;
    qint64 m_errors = 0;
    qint64 m_acquired = 0;
    bool m_closing = false;
    bool m_serving = false;
    bool m_serveAgain = false;
    bool m_closedEmitted = false;
    core::Error m_lastConnectError;
};

} // namespace pgdeck::pg
