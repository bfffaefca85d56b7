#include "session.h"

#include "core/logging.h"
#include "errors.h"

#include <libpq-fe.h>

#include <QRunnable>
#include <QSocketNotifier>
#include <QThreadPool>
#include <QTimer>

#include <mutex>
#include <utility>
#include <poll.h>

namespace pgdeck::pg {

// PQconnectStartParams resolves the first host name synchronously, so it runs on a
// pool thread; the job hands the PGconn back, or frees it if the Session is gone.
struct ConnectJob
{
    std::mutex mutex;
    bool abandoned = false;
    PGconn *conn = nullptr; // started, not yet adopted by the session

    // Called by the session when it no longer wants the result.
    void abandon()
    {
        std::lock_guard lock(mutex);
        abandoned = true;
        if (conn)
            PQfinish(std::exchange(conn, nullptr));
    }
};

namespace {
auto log() { return core::logger("pg"); }

// How long a cancelled request may take to come back before the connection is
// declared dead (the server or network no longer answers).
constexpr int kCancelGraceMs = 5000;
} // namespace

Session::Session(QObject *parent) : QObject(parent), m_deadline(new QTimer(this))
{
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, &Session::onDeadline);
}

Session::~Session()
{
    if (m_connectJob)
        m_connectJob->abandon();
    dropSocketWatch();
    if (m_conn)
        PQfinish(m_conn);
}

void Session::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

void Session::connectToServer(const ConnParams &params, int connectTimeoutMs)
{
    close();
    m_params = params;
    m_connectTimeoutMs = connectTimeoutMs;
    m_lastError = {};
    m_prepared.clear();
    setState(State::Connecting);
    m_clock.start();
    if (connectTimeoutMs > 0)
        m_deadline->start(connectTimeoutMs);

    auto job = std::make_shared<ConnectJob>();
    m_connectJob = job;
    auto arrays = std::make_shared<ConnParamArrays>(params);
    QPointer<Session> self(this);
    QThreadPool::globalInstance()->start([job, arrays, self]() {
        PGconn *conn = PQconnectStartParams(arrays->keywords(), arrays->values(), 0);
        std::lock_guard lock(job->mutex);
        if (job->abandoned) {
            PQfinish(conn);
            return;
        }
        // The session is alive while `abandoned` is false: its destructor takes
        // this mutex first. It owns the PGconn through the job from here on.
        job->conn = conn;
        QMetaObject::invokeMethod(self.data(), [self, job]() {
            PGconn *adopted = nullptr;
            {
                std::lock_guard lock2(job->mutex);
                if (job->abandoned || !self)
                    return;
                adopted = std::exchange(job->conn, nullptr);
                job->abandoned = true;
            }
            self->adoptStartedConnection(adopted);
        }, Qt::QueuedConnection);
    });
}

void Session::adoptStartedConnection(pg_conn *conn)
{
    m_connectJob.reset();
    m_conn = conn;
    if (!m_conn) {
        failConnect(core::Error::make(core::Error::Kind::Connection, QStringLiteral("out of memory while connecting")));
        return;
    }
    if (PQstatus(m_conn) == CONNECTION_BAD) {
        failConnect(explainConnectFailure(QString::fromUtf8(PQerrorMessage(m_conn)), m_params.endpoint()));
        return;
    }
    // libpq: after PQconnectStart, behave as if PQconnectPoll returned WRITING.
    m_socket = -1;
    watchSocket(false, true);
}

void Session::continueConnect()
{
    const PostgresPollingStatusType st = PQconnectPoll(m_conn);
    switch (st) {
    case PGRES_POLLING_READING:
        watchSocket(true, false);
        return;
    case PGRES_POLLING_WRITING:
        watchSocket(false, true);
        return;
    case PGRES_POLLING_OK:
        finishConnect();
        return;
    case PGRES_POLLING_FAILED:
    default:
        failConnect(explainConnectFailure(QString::fromUtf8(PQerrorMessage(m_conn)), m_params.endpoint()));
        return;
    }
}

void Session::finishConnect()
{
    m_deadline->stop();
    m_connectUs = m_clock.nsecsElapsed() / 1000;
    PQsetnonblocking(m_conn, 1);
    PQsetNoticeReceiver(m_conn, &Session::noticeReceiver, this);
    m_serverVersion = PQserverVersion(m_conn);
    m_backendPid = PQbackendPID(m_conn);
    watchSocket(true, false);
    setState(State::Ready);
    log()->debug("connected to {} (pid {}, version {}) in {} us", m_params.endpoint().toStdString(), m_backendPid,
                 m_serverVersion, m_connectUs);
    QPointer<Session> self(this);
    Q_EMIT connected();
    if (self)
        startNext();
}

void Session::failConnect(core::Error error)
{
    m_deadline->stop();
    dropSocketWatch();
    if (m_conn) {
        PQfinish(m_conn);
        m_conn = nullptr;
    }
    m_lastError = error;
    setState(State::Disconnected);
    log()->info("connect to {} failed: {}", m_params.endpoint().toStdString(), error.message.toStdString());
    // Requests queued while connecting cannot run.
    auto queue = std::move(m_queue);
    m_queue.clear();
    QPointer<Session> self(this);
    Q_EMIT connectFailed(error);
    if (!self)
        return;
    for (auto &r : queue)
        if (r.done)
            r.done(error);
}

void Session::close()
{
    if (m_connectJob) {
        m_connectJob->abandon();
        m_connectJob.reset();
    }
    m_deadline->stop();
    dropSocketWatch();
    if (m_conn) {
        PQfinish(m_conn);
        m_conn = nullptr;
    }
    const core::Error err = core::Error::make(core::Error::Kind::Cancelled, QStringLiteral("the session was closed"));
    auto queue = std::move(m_queue);
    m_queue.clear();
    auto current = std::move(m_current);
    m_partial = {};
    m_currentError.reset();
    m_backendPid = 0;
    setState(State::Disconnected);
    if (current && current->done)
        current->done(err);
    for (auto &r : queue)
        if (r.done)
            r.done(err);
}

void Session::watchSocket(bool read, bool write)
{
    const int fd = m_conn ? PQsocket(m_conn) : -1;
    if (fd != m_socket) {
        dropSocketWatch();
        m_socket = fd;
        if (fd >= 0) {
            m_readNotifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
            m_writeNotifier = new QSocketNotifier(fd, QSocketNotifier::Write, this);
            connect(m_readNotifier, &QSocketNotifier::activated, this, &Session::onReadable);
            connect(m_writeNotifier, &QSocketNotifier::activated, this, &Session::onWritable);
        }
    }
    if (m_readNotifier)
        m_readNotifier->setEnabled(read);
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(write);
}

void Session::dropSocketWatch()
{
    delete m_readNotifier;
    delete m_writeNotifier;
    m_readNotifier = nullptr;
    m_writeNotifier = nullptr;
    m_socket = -1;
}

void Session::onWritable()
{
    if (m_state == State::Connecting) {
        continueConnect();
        return;
    }
    flushOutgoing();
}

void Session::onReadable()
{
    if (m_state == State::Connecting) {
        continueConnect();
        return;
    }
    if (!m_conn)
        return;
    if (!PQconsumeInput(m_conn)) {
        markBroken(errorFromConnection(m_conn));
        return;
    }
    drainNotifications();
    if (!m_current)
        PQisBusy(m_conn); // parse idle-time messages (termination notices) now
    if (m_current) {
        while (!PQisBusy(m_conn)) {
            PGresult *res = PQgetResult(m_conn);
            if (!res) {
                QueryResult out = std::move(m_partial);
                m_partial = {};
                out.elapsedUs = m_clock.nsecsElapsed() / 1000;
                if (m_currentError) {
                    core::Error e = std::move(*m_currentError);
                    m_currentError.reset();
                    completeCurrent(std::move(e));
                } else {
                    completeCurrent(std::move(out));
                }
                return; // completeCurrent may have started the next request
            }
            const ExecStatusType st = PQresultStatus(res);
            if (st == PGRES_FATAL_ERROR || st == PGRES_NONFATAL_ERROR) {
                core::Error e = errorFromResult(res);
                PQclear(res);
                if (e.sqlstate == QLatin1String("57014")) {
                    if (m_deadlinePassed) {
                        e.kind = core::Error::Kind::Timeout;
                        e.message = QStringLiteral("the query ran longer than %1 ms and was cancelled")
                                        .arg(m_current->timeoutMs);
                    } else if (m_cancelRequested) {
                        e.kind = core::Error::Kind::Cancelled;
                    }
                }
                if (!m_currentError)
                    m_currentError = std::move(e);
            } else if (st == PGRES_COPY_IN || st == PGRES_COPY_OUT || st == PGRES_COPY_BOTH) {
                // COPY is driven by dedicated exporters; a plain request cannot serve it.
                PQclear(res);
                if (st == PGRES_COPY_IN)
                    PQputCopyEnd(m_conn, "COPY FROM STDIN is not supported here");
                if (!m_currentError)
                    m_currentError = core::Error::make(core::Error::Kind::Input,
                                                       QStringLiteral("COPY cannot run as a plain query"));
                if (st != PGRES_COPY_IN) {
                    char *buf = nullptr;
                    while (PQgetCopyData(m_conn, &buf, 1) > 0)
                        PQfreemem(buf);
                }
            } else {
                m_partial.sets.emplace_back(res);
            }
        }
    }
    if (m_conn && PQstatus(m_conn) == CONNECTION_BAD)
        markBroken(errorFromConnection(m_conn));
}

void Session::drainNotifications()
{
    while (PGnotify *n = PQnotifies(m_conn)) {
        const QString channel = QString::fromUtf8(n->relname);
        const QString payload = QString::fromUtf8(n->extra);
        const int pid = n->be_pid;
        PQfreemem(n);
        Q_EMIT notification(channel, payload, pid);
    }
}

void Session::noticeReceiver(void *arg, const PGresult *res)
{
    auto *self = static_cast<Session *>(arg);
    Notice n;
    auto field = [res](int code) {
        const char *v = PQresultErrorField(res, code);
        return v ? QString::fromUtf8(v) : QString();
    };
    n.severity = field(PG_DIAG_SEVERITY_NONLOCALIZED);
    n.sqlstate = field(PG_DIAG_SQLSTATE);
    n.message = field(PG_DIAG_MESSAGE_PRIMARY);
    n.detail = field(PG_DIAG_MESSAGE_DETAIL);
    n.hint = field(PG_DIAG_MESSAGE_HINT);
    Q_EMIT self->notice(n);
}

quint64 Session::exec(const QString &sql, Callback done, int timeoutMs)
{
    Request r;
    r.kind = Kind::Simple;
    r.sql = sql.toUtf8();
    r.done = std::move(done);
    r.timeoutMs = timeoutMs;
    return enqueue(std::move(r));
}

quint64 Session::execParams(const QString &sql, const QVariantList &params, Callback done, int timeoutMs)
{
    Request r;
    r.kind = Kind::Params;
    r.sql = sql.toUtf8();
    r.params = params;
    r.done = std::move(done);
    r.timeoutMs = timeoutMs;
    return enqueue(std::move(r));
}

quint64 Session::prepare(const QByteArray &name, const QString &sql, Callback done)
{
    Request r;
    r.kind = Kind::Prepare;
    r.name = name;
    r.sql = sql.toUtf8();
    r.done = std::move(done);
    return enqueue(std::move(r));
}

quint64 Session::execPrepared(const QByteArray &name, const QVariantList &params, Callback done, int timeoutMs)
{
    Request r;
    r.kind = Kind::Prepared;
    r.name = name;
    r.params = params;
    r.done = std::move(done);
    r.timeoutMs = timeoutMs;
    return enqueue(std::move(r));
}

quint64 Session::enqueue(Request req)
{
    req.id = m_nextId++;
    const quint64 id = req.id;
    if (m_state == State::Broken || m_state == State::Disconnected) {
        const core::Error err = m_state == State::Broken
            ? m_lastError
            : core::Error::make(core::Error::Kind::Connection, QStringLiteral("not connected"));
        // Fail asynchronously so callers see one code path for every outcome.
        QTimer::singleShot(0, this, [done = std::move(req.done), err]() {
            if (done)
                done(err);
        });
        return id;
    }
    m_queue.push_back(std::move(req));
    startNext();
    return id;
}

namespace {
QByteArray paramText(const QVariant &v)
{
    if (v.typeId() == QMetaType::Bool)
        return v.toBool() ? QByteArrayLiteral("t") : QByteArrayLiteral("f");
    if (v.typeId() == QMetaType::QByteArray)
        return v.toByteArray();
    return v.toString().toUtf8();
}
} // namespace

void Session::startNext()
{
    if (m_current || m_queue.empty() || m_state != State::Ready)
        return;
    m_current = std::make_unique<Request>(std::move(m_queue.front()));
    m_queue.pop_front();
    m_partial = {};
    m_currentError.reset();
    m_deadlinePassed = false;
    m_cancelRequested = false;
    setState(State::Busy);
    m_clock.start();

    const Request &r = *m_current;
    std::vector<QByteArray> storage;
    std::vector<const char *> values;
    storage.reserve(size_t(r.params.size()));
    for (const QVariant &v : r.params) {
        if (v.isNull()) {
            values.push_back(nullptr);
        } else {
            storage.push_back(paramText(v));
            values.push_back(storage.back().constData());
        }
    }
    int ok = 0;
    switch (r.kind) {
    case Kind::Simple:
        ok = PQsendQuery(m_conn, r.sql.constData());
        break;
    case Kind::Params:
        ok = PQsendQueryParams(m_conn, r.sql.constData(), int(values.size()), nullptr, values.data(), nullptr,
                               nullptr, 0);
        break;
    case Kind::Prepare:
        ok = PQsendPrepare(m_conn, r.name.constData(), r.sql.constData(), 0, nullptr);
        if (ok)
            m_prepared.insert(r.name);
        break;
    case Kind::Prepared:
        ok = PQsendQueryPrepared(m_conn, r.name.constData(), int(values.size()), values.data(), nullptr, nullptr, 0);
        break;
    }
    if (!ok) {
        const core::Error err = errorFromConnection(m_conn);
        if (PQstatus(m_conn) == CONNECTION_BAD) {
            markBroken(err);
        } else {
            completeCurrent(err);
        }
        return;
    }
    if (r.timeoutMs > 0)
        m_deadline->start(r.timeoutMs);
    flushOutgoing();
}

void Session::flushOutgoing()
{
    if (!m_conn)
        return;
    const int r = PQflush(m_conn);
    if (r < 0) {
        markBroken(errorFromConnection(m_conn));
        return;
    }
    watchSocket(true, r == 1);
}

void Session::completeCurrent(core::Result<QueryResult> outcome)
{
    m_deadline->stop();
    auto done = std::move(m_current->done);
    if (m_current->kind == Kind::Prepare && !outcome.ok())
        m_prepared.remove(m_current->name);
    m_current.reset();
    if (m_state == State::Busy)
        setState(State::Ready);
    QPointer<Session> self(this);
    if (done)
        done(std::move(outcome));
    if (!self)
        return;
    startNext();
    if (self && !m_current && m_queue.empty() && m_state == State::Ready)
        Q_EMIT idle();
}

void Session::onDeadline()
{
    if (m_state == State::Connecting) {
        const int secs = (m_connectTimeoutMs + 999) / 1000;
        core::Error e = core::Error::make(
            core::Error::Kind::Timeout,
            QStringLiteral("Timed out after %1 s connecting to %2: the server did not answer.").arg(secs).arg(m_params.endpoint()),
            {}, QStringLiteral("Check that the host and port point at PostgreSQL and that no firewall drops the packets."));
        e.sqlstate = QStringLiteral("08001");
        failConnect(e);
        return;
    }
    if (!m_current)
        return;
    if (!m_deadlinePassed && !m_cancelRequested) {
        m_deadlinePassed = true;
        cancel();
        m_deadline->start(kCancelGraceMs);
        return;
    }
    // The cancel did not come back either: the server or the network is gone.
    core::Error e = core::Error::make(core::Error::Kind::Timeout,
                                      QStringLiteral("the server stopped answering (no reply to a cancel request within %1 s)")
                                          .arg(kCancelGraceMs / 1000));
    e.sqlstate = QStringLiteral("08006");
    markBroken(e);
}

void Session::cancel()
{
    if (!m_conn || !m_current)
        return;
    m_cancelRequested = true;
    if (!m_deadline->isActive())
        m_deadline->start(kCancelGraceMs);
    PGcancel *c = PQgetCancel(m_conn);
    if (!c)
        return;
    QThreadPool::globalInstance()->start([c]() {
        char err[256];
        PQcancel(c, err, sizeof err);
        PQfreeCancel(c);
    });
}

bool Session::probeAlive()
{
    if (!m_conn || !isOpen())
        return false;
    // A terminated backend leaves a FATAL message and then EOF in the socket. One
    // PQconsumeInput reads the message; parsing it (PQisBusy) and reading again
    // finds the EOF. Never waits: poll() with a zero timeout.
    for (int round = 0; round < 4; ++round) {
        pollfd p{PQsocket(m_conn), POLLIN, 0};
        if (::poll(&p, 1, 0) <= 0)
            break;
        if (!PQconsumeInput(m_conn) || PQstatus(m_conn) == CONNECTION_BAD) {
            markBroken(errorFromConnection(m_conn));
            return false;
        }
        if (!m_current)
            PQisBusy(m_conn); // parses what arrived; idle-time errors become notices
        drainNotifications();
        if (p.revents & (POLLHUP | POLLERR)) {
            markBroken(errorFromConnection(m_conn));
            return false;
        }
    }
    return PQstatus(m_conn) == CONNECTION_OK;
}

void Session::markBroken(core::Error error)
{
    if (m_state == State::Broken)
        return;
    if (error.kind == core::Error::Kind::None || error.kind == core::Error::Kind::Server)
        error.kind = core::Error::Kind::Connection;
    if (error.sqlstate.isEmpty())
        error.sqlstate = QStringLiteral("08006");
    m_lastError = error;
    m_deadline->stop();
    dropSocketWatch();
    setState(State::Broken);
    log()->warn("connection to {} lost: {}", m_params.endpoint().toStdString(), error.message.toStdString());
    auto current = std::move(m_current);
    auto queue = std::move(m_queue);
    m_queue.clear();
    m_partial = {};
    m_currentError.reset();
    QPointer<Session> self(this);
    if (current && current->done)
        current->done(error);
    for (auto &r : queue)
        if (r.done)
            r.done(error);
    if (self)
        Q_EMIT broken(error);
}

QString Session::parameterStatus(const char *name) const
{
    if (!m_conn)
        return {};
    const char *v = PQparameterStatus(m_conn, name);
    return v ? QString::fromUtf8(v) : QString();
}

bool Session::inTransaction() const
{
    if (!m_conn)
        return false;
    const auto st = PQtransactionStatus(m_conn);
    return st == PQTRANS_INTRANS || st == PQTRANS_INERROR;
}

bool Session::usesTls() const
{
    return m_conn && PQsslInUse(m_conn);
}

void Session::stream(const QString &sql, int batchRows, BatchCallback onBatch, Callback done)
{
    static quint64 counter = 0;
    const QString cursor = QStringLiteral("pgdeck_stream_%1").arg(++counter);
    QString body = sql.trimmed();
    while (body.endsWith(QLatin1Char(';')))
        body.chop(1);
    const bool ownTx = !inTransaction();
    struct State
    {
        qint64 rows = 0;
        QElapsedTimer clock;
    };
    auto st = std::make_shared<State>();
    st->clock.start();
    QPointer<Session> self(this);

    auto finish = [self, ownTx, cursor, done, st](std::optional<core::Error> err) {
        if (!self)
            return;
        const QString tail = ownTx ? (err ? QStringLiteral("ROLLBACK") : QStringLiteral("CLOSE %1; COMMIT").arg(cursor))
                                   : QStringLiteral("CLOSE %1").arg(cursor);
        if (err && !ownTx) {
            // Inside the caller's transaction an error aborts it; the caller decides.
            done(*err);
            return;
        }
        self->exec(tail, [done, err, st](core::Result<QueryResult> r) {
            if (err) {
                done(*err);
            } else if (!r.ok()) {
                done(r.error());
            } else {
                QueryResult out;
                out.rowsStreamed = st->rows;
                out.elapsedUs = st->clock.nsecsElapsed() / 1000;
                done(std::move(out));
            }
        });
    };

    auto fetch = std::make_shared<std::function<void()>>();
    *fetch = [self, cursor, batchRows, onBatch, finish, st, fetch]() {
        if (!self)
            return;
        self->exec(QStringLiteral("FETCH FORWARD %1 FROM %2").arg(batchRows).arg(cursor),
                   [onBatch, finish, st, fetch, batchRows](core::Result<QueryResult> r) {
                       if (!r.ok()) {
                           finish(r.error());
                           *fetch = nullptr; // break the self-reference
                           return;
                       }
                       const ResultSet &set = r->last();
                       st->rows += set.rowCount();
                       if (set.rowCount() > 0)
                           onBatch(set);
                       if (set.rowCount() < batchRows) {
                           finish(std::nullopt);
                           *fetch = nullptr;
                       } else {
                           (*fetch)();
                       }
                   });
    };

    const QString open = (ownTx ? QStringLiteral("BEGIN; ") : QString())
        + QStringLiteral("DECLARE %1 NO SCROLL CURSOR FOR %2").arg(cursor, body);
    exec(open, [finish, fetch](core::Result<QueryResult> r) {
        if (!r.ok()) {
            finish(r.error()); // rolls back our own transaction, if we opened one
            *fetch = nullptr;
            return;
        }
        (*fetch)();
    });
}

} // namespace pgdeck::pg
