#include "pool.h"

#include "core/logging.h"
#include "session.h"

#include <QTimer>

#include <algorithm>

namespace pgdeck::pg {

namespace {
auto log() { return core::logger("pool"); }
}

// ---- Lease -----------------------------------------------------------------------

Lease::Lease(Lease &&other) noexcept : m_pool(std::move(other.m_pool)), m_session(std::exchange(other.m_session, nullptr)) {}

Lease &Lease::operator=(Lease &&other) noexcept
{
    if (this != &other) {
        release();
        m_pool = std::move(other.m_pool);
        m_session = std::exchange(other.m_session, nullptr);
    }
    return *this;
}

Lease::~Lease() { release(); }

void Lease::release()
{
    Session *s = std::exchange(m_session, nullptr);
    if (s && m_pool)
        m_pool->release(s);
    m_pool.clear();
}

// ---- Pool ------------------------------------------------------------------------

Pool::Pool(ConnParams params, PoolOptions options, QObject *parent)
    : QObject(parent), m_params(std::move(params)), m_options(std::move(options)), m_waiterTimer(new QTimer(this)),
      m_reaper(new QTimer(this)), m_retry(new QTimer(this))
{
    m_options.max = std::max(1, m_options.max);
    m_options.min = std::clamp(m_options.min, 0, m_options.max);
    m_clock.start();
    m_waiterTimer->setSingleShot(true);
    connect(m_waiterTimer, &QTimer::timeout, this, &Pool::onWaiterTimeout);
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, [this]() {
        ensureMinimum();
        serveWaiters();
    });
    if (m_options.idleTimeoutMs > 0) {
        m_reaper->start(std::clamp(m_options.idleTimeoutMs / 2, 100, 10000));
        connect(m_reaper, &QTimer::timeout, this, &Pool::reapIdle);
    }
    // Warm up after the constructor returns so callers can connect to our signals.
    QTimer::singleShot(0, this, &Pool::ensureMinimum);
}

Pool::~Pool()
{
    m_closing = true;
    for (auto &slot : m_slots)
        slot.session->disconnect(this);
}

ConnParams Pool::effectiveParams() const
{
    ConnParams p = m_params;
    if (!m_options.applicationName.isEmpty())
        p.set("application_name", m_options.applicationName);
    if (m_options.statementTimeoutMs > 0)
        p.addServerOption(QStringLiteral("statement_timeout"), QString::number(m_options.statementTimeoutMs));
    if (m_options.readOnly)
        p.addServerOption(QStringLiteral("default_transaction_read_only"), QStringLiteral("on"));
    return p;
}

void Pool::setPassword(const QString &password)
{
    m_params.set("password", password);
}

PoolStats Pool::stats() const
{
    PoolStats s;
    s.total = int(m_slots.size());
    s.connecting = m_connecting;
    for (const auto &slot : m_slots) {
        if (slot.leased)
            ++s.leased;
        else if (slot.session->isReady() && !slot.validating)
            ++s.idle;
    }
    s.waiting = int(m_waiters.size());
    s.errors = m_errors;
    s.acquired = m_acquired;
    return s;
}

Pool::Slot *Pool::slotFor(Session *session)
{
    for (auto &slot : m_slots)
        if (slot.session == session)
            return &slot;
    return nullptr;
}

Pool::Slot *Pool::takeIdle()
{
    // Most recently used first: its backend's caches are warm and the rest can age out.
    while (true) {
        Slot *best = nullptr;
        for (auto &slot : m_slots)
            if (!slot.leased && !slot.validating && slot.session->isReady() && slot.session->pendingCount() == 0
                && (!best || slot.idleSinceMs > best->idleSinceMs))
                best = &slot;
        if (!best)
            return nullptr;
        if (best->session->probeAlive())
            return best;
        // probeAlive() emitted broken(); onBroken() removed the slot. Look again.
    }
}

void Pool::acquire(AcquireCallback done)
{
    if (m_closing) {
        done(core::Error::make(core::Error::Kind::Cancelled, QStringLiteral("the connection pool is closing")));
        return;
    }
    if (m_waiters.empty()) {
        if (Slot *slot = takeIdle()) {
            const qint64 idleFor = m_clock.elapsed() - slot->idleSinceMs;
            if (m_options.validateAfterIdleMs > 0 && idleFor > m_options.validateAfterIdleMs) {
                Session *s = slot->session;
                slot->validating = true;
                QPointer<Pool> self(this);
                s->exec(QStringLiteral("SELECT 1"), [self, s, done = std::move(done)](core::Result<QueryResult> r) mutable {
                    if (!self)
                        return;
                    Slot *again = self->slotFor(s);
                    if (!again) { // removed while validating
                        self->acquire(std::move(done));
                        return;
                    }
                    again->validating = false;
                    if (r.ok()) {
                        self->handTo(*again, std::move(done));
                    } else {
                        self->remove(s, QStringLiteral("failed validation: ") + r.error().message);
                        self->acquire(std::move(done));
                    }
                }, m_options.connectTimeoutMs);
                return;
            }
            handTo(*slot, std::move(done));
            return;
        }
    }
    m_waiters.push_back({std::move(done), m_clock.elapsed() + m_options.connectionTimeoutMs});
    serveWaiters();
    Q_EMIT statsChanged();
}

void Pool::handTo(Slot &slot, AcquireCallback done)
{
    slot.leased = true;
    ++m_acquired;
    Session *s = slot.session;
    Q_EMIT sessionAcquired(s);
    done(Lease(this, s));
}

void Pool::serveWaiters()
{
    // Callbacks run synchronously and may release or acquire again; loop instead of
    // recursing so 200 waiters never mean 200 stack frames.
    if (m_serving) {
        m_serveAgain = true;
        return;
    }
    m_serving = true;
    do {
        m_serveAgain = false;
        serveWaitersOnce();
    } while (m_serveAgain);
    m_serving = false;
}

void Pool::serveWaitersOnce()
{
    while (!m_waiters.empty()) {
        Slot *slot = takeIdle();
        if (!slot)
            break;
        Waiter w = std::move(m_waiters.front());
        m_waiters.pop_front();
        handTo(*slot, std::move(w.done));
    }
    if (!m_closing && !m_retry->isActive()) {
        const int needed = int(m_waiters.size()) - m_connecting;
        for (int i = 0; i < needed && int(m_slots.size()) < m_options.max; ++i)
            openSession();
    }
    armWaiterTimer();
}

void Pool::openSession()
{
    auto *s = new Session(this);
    m_slots.push_back({s, false, false, m_clock.elapsed()});
    ++m_connecting;
    connect(s, &Session::connected, this, [this, s]() { onConnected(s); });
    connect(s, &Session::connectFailed, this, [this, s](const core::Error &e) { onConnectFailed(s, e); });
    connect(s, &Session::broken, this, [this, s](const core::Error &e) { onBroken(s, e); });
    s->connectToServer(effectiveParams(), m_options.connectTimeoutMs);
    Q_EMIT statsChanged();
}

void Pool::onConnected(Session *session)
{
    --m_connecting;
    m_failStreak = 0;
    if (Slot *slot = slotFor(session))
        slot->idleSinceMs = m_clock.elapsed();
    Q_EMIT sessionConnected(session);
    if (m_closing) {
        remove(session, QStringLiteral("pool closing"));
        return;
    }
    serveWaiters();
    Q_EMIT statsChanged();
}

void Pool::onConnectFailed(Session *session, const core::Error &error)
{
    --m_connecting;
    ++m_errors;
    ++m_failStreak;
    m_lastConnectError = error;
    Q_EMIT errorOccurred(error);
    remove(session, QStringLiteral("connect failed: ") + error.message);
    if (m_slots.empty() && m_connecting == 0) {
        // Nothing can serve the waiters: tell them why now rather than at the deadline.
        auto waiters = std::move(m_waiters);
        m_waiters.clear();
        for (auto &w : waiters)
            w.done(error);
    }
    if (!m_closing && !m_waiters.empty() && !m_retry->isActive())
        m_retry->start(std::min(30000, 250 << std::min(m_failStreak, 7)));
    else
        ensureMinimum();
    armWaiterTimer();
    Q_EMIT statsChanged();
}

void Pool::onBroken(Session *session, const core::Error &error)
{
    ++m_errors;
    Q_EMIT errorOccurred(error);
    Slot *slot = slotFor(session);
    if (!slot)
        return;
    if (slot->leased)
        return; // removed when its lease comes back; the holder has seen the error
    remove(session, QStringLiteral("broken: ") + error.message);
    ensureMinimum();
    serveWaiters();
}

void Pool::remove(Session *session, const QString &reason)
{
    auto it = std::find_if(m_slots.begin(), m_slots.end(), [&](const Slot &s) { return s.session == session; });
    if (it == m_slots.end())
        return;
    m_slots.erase(it);
    session->disconnect(this);
    log()->debug("session removed: {}", reason.toStdString());
    Q_EMIT sessionRemoved(session, reason);
    session->close(); // the server sees the session go now, not at the next event-loop turn
    session->deleteLater();
    Q_EMIT statsChanged();
    checkClosed();
}

void Pool::release(Session *session)
{
    Slot *slot = slotFor(session);
    if (!slot)
        return;
    slot->leased = false;
    Q_EMIT sessionReleased(session);
    recycle(session);
}

void Pool::recycle(Session *session)
{
    Slot *slot = slotFor(session);
    if (!slot)
        return;
    if (m_closing || !session->isOpen()) {
        remove(session, m_closing ? QStringLiteral("pool closing") : QStringLiteral("broken while leased"));
        ensureMinimum();
        serveWaiters();
        return;
    }
    if (session->pendingCount() > 0) {
        // The holder walked away from running work: cancel it, then recycle.
        slot->validating = true;
        session->cancel();
        auto conn = std::make_shared<QMetaObject::Connection>();
        *conn = connect(session, &Session::idle, this, [this, session, conn]() {
            disconnect(*conn);
            recycle(session);
        });
        return;
    }
    if (session->inTransaction()) {
        // Never hand out a session inside somebody else's transaction.
        slot->validating = true;
        session->exec(QStringLiteral("ROLLBACK"), [self = QPointer<Pool>(this), session](core::Result<QueryResult> r) {
            if (!self)
                return;
            if (r.ok())
                self->giveBack(session);
            else
                self->remove(session, QStringLiteral("rollback on release failed"));
        });
        return;
    }
    giveBack(session);
}

void Pool::giveBack(Session *session)
{
    Slot *slot = slotFor(session);
    if (!slot)
        return;
    slot->validating = false;
    slot->idleSinceMs = m_clock.elapsed();
    if (m_closing) {
        remove(session, QStringLiteral("pool closing"));
        return;
    }
    serveWaiters();
    Q_EMIT statsChanged();
}

void Pool::ensureMinimum()
{
    if (m_closing)
        return;
    if (m_failStreak > 0 && m_slots.size() < size_t(m_options.min)) {
        if (!m_retry->isActive())
            m_retry->start(std::min(30000, 250 << std::min(m_failStreak, 7)));
        if (m_connecting > 0)
            return;
        if (m_retry->remainingTime() > 0 && m_failStreak > 1)
            return;
    }
    while (int(m_slots.size()) < m_options.min)
        openSession();
}

void Pool::reapIdle()
{
    const qint64 now = m_clock.elapsed();
    std::vector<Session *> victims;
    int total = int(m_slots.size());
    for (const auto &slot : m_slots) {
        if (total <= m_options.min)
            break;
        if (!slot.leased && !slot.validating && slot.session->isReady()
            && now - slot.idleSinceMs > m_options.idleTimeoutMs) {
            victims.push_back(slot.session);
            --total;
        }
    }
    for (Session *s : victims)
        remove(s, QStringLiteral("idle timeout"));
}

void Pool::armWaiterTimer()
{
    if (m_waiters.empty()) {
        m_waiterTimer->stop();
        m_armedDeadlineMs = -1;
        return;
    }
    // Re-registering a timer costs more than the rest of an acquire: only when the
    // earliest deadline actually moved.
    const qint64 deadline = m_waiters.front().deadlineMs;
    if (deadline == m_armedDeadlineMs && m_waiterTimer->isActive())
        return;
    m_armedDeadlineMs = deadline;
    m_waiterTimer->start(int(std::max<qint64>(0, deadline - m_clock.elapsed())));
}

void Pool::onWaiterTimeout()
{
    const qint64 now = m_clock.elapsed();
    while (!m_waiters.empty() && m_waiters.front().deadlineMs <= now) {
        Waiter w = std::move(m_waiters.front());
        m_waiters.pop_front();
        ++m_errors;
        core::Error e = core::Error::make(
            core::Error::Kind::PoolExhausted,
            QStringLiteral("Connection pool exhausted: all %1 sessions stayed busy for %2 ms.")
                .arg(m_options.max)
                .arg(m_options.connectionTimeoutMs),
            {}, QStringLiteral("Raise the pool's max, shorten transactions, or look for sessions that are never released."));
        if (m_slots.empty() && !m_lastConnectError.message.isEmpty())
            e.detail = QStringLiteral("Last connection error: ") + m_lastConnectError.message;
        Q_EMIT errorOccurred(e);
        w.done(e);
    }
    armWaiterTimer();
    Q_EMIT statsChanged();
}

void Pool::healthCheck(std::function<void(core::Result<qint64>)> done)
{
    acquire([done = std::move(done)](core::Result<Lease> lease) mutable {
        if (!lease.ok()) {
            done(lease.error());
            return;
        }
        auto held = std::make_shared<Lease>(std::move(lease.value()));
        (*held)->exec(QStringLiteral("SELECT 1"), [held, done = std::move(done)](core::Result<QueryResult> r) {
            held->release();
            if (r.ok())
                done(r->elapsedUs);
            else
                done(r.error());
        });
    });
}

void Pool::close()
{
    if (m_closing)
        return;
    m_closing = true;
    m_retry->stop();
    m_reaper->stop();
    auto waiters = std::move(m_waiters);
    m_waiters.clear();
    m_waiterTimer->stop();
    for (auto &w : waiters)
        w.done(core::Error::make(core::Error::Kind::Cancelled, QStringLiteral("the connection pool was closed")));
    std::vector<Session *> idle;
    for (const auto &slot : m_slots)
        if (!slot.leased && !slot.validating)
            idle.push_back(slot.session);
    for (Session *s : idle)
        remove(s, QStringLiteral("pool closing"));
    checkClosed();
}

void Pool::checkClosed()
{
    if (m_closing && m_slots.empty() && !m_closedEmitted) {
        m_closedEmitted = true;
        Q_EMIT closed();
    }
}

} // namespace pgdeck::pg
