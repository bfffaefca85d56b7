#pragma once

#include "connparams.h"
#include "core/result.h"
#include "notice.h"
#include "resultset.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QVariant>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

struct pg_conn;
class QSocketNotifier;
class QTimer;

namespace pgdeck::pg {

// One PGconn driven without ever blocking the thread it lives on (normally the GUI
// thread): connect by PQconnectPoll on socket readiness, queries by send / flush /
// consume, deadlines by QTimer, cancel on a worker thread. Requests queue and run
// one at a time; each completes by calling its callback on this object's thread.
class Session : public QObject
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Ready, Busy, Broken };
    Q_ENUM(State)

    using Callback = std::function<void(core::Result<QueryResult>)>;
    using BatchCallback = std::function<void(const ResultSet &batch)>;

    explicit Session(QObject *parent = nullptr);
    ~Session() override;

    // Starts connecting; emits connected() or connectFailed(). The deadline covers
    // the whole attempt (DNS, TCP, TLS, authentication), as libpq's connect_timeout
    // does in blocking mode.
    void connectToServer(const ConnParams &params, int connectTimeoutMs = 10000);
    // Closes the connection; queued requests fail with a Cancelled error.
    void close();

    State state() const { return m_state; }
    bool isReady() const { return m_state == State::Ready; }
    bool isOpen() const { return m_state == State::Ready || m_state == State::Busy; }
    int pendingCount() const { return int(m_queue.size()) + (m_current ? 1 : 0); }

    // Simple-protocol query (may hold several statements). timeoutMs > 0 sets a
    // client-side deadline: the query is cancelled and fails with a Timeout error.
    quint64 exec(const QString &sql, Callback done, int timeoutMs = 0);
    // Extended protocol with text parameters; a null QVariant is SQL NULL.
    quint64 execParams(const QString &sql, const QVariantList &params, Callback done, int timeoutMs = 0);
    // Named prepared statements (the monitor's per-tick queries).
    quint64 prepare(const QByteArray &name, const QString &sql, Callback done);
    quint64 execPrepared(const QByteArray &name, const QVariantList &params, Callback done, int timeoutMs = 0);
    bool isPrepared(const QByteArray &name) const { return m_prepared.contains(name); }

    // Runs `sql` through a cursor and hands over `batchRows` rows at a time
    // (libpq 15 has no chunked mode). Opens and closes its own transaction when
    // none is open. `done` receives the last (possibly empty) batch's totals.
    void stream(const QString &sql, int batchRows, BatchCallback onBatch, Callback done);

    // Asks the server to cancel the running request. Never blocks: PQcancel runs on
    // a pool thread. The request then fails with SQLSTATE 57014 / kind Cancelled.
    void cancel();

    // Non-blocking probe: reads whatever the server already sent (termination
    // notices, EOF) and returns false when the connection is gone.
    bool probeAlive();

    // Connection facts, valid once connected.
    int serverVersion() const { return m_serverVersion; }
    int backendPid() const { return m_backendPid; }
    QString parameterStatus(const char *name) const;
    bool inTransaction() const; // idle in transaction or in a failed transaction
    bool usesTls() const;
    const ConnParams &params() const { return m_params; }
    qint64 connectElapsedUs() const { return m_connectUs; }
    const core::Error &lastError() const { return m_lastError; }

Q_SIGNALS:
    void connected();
    void connectFailed(const pgdeck::core::Error &error);
    // The connection broke after it was established (backend terminated, server
    // restarted, network gone). Pending requests have already failed.
    void broken(const pgdeck::core::Error &error);
    void notice(const pgdeck::pg::Notice &notice);
    void notification(const QString &channel, const QString &payload, int pid);
    void stateChanged(pgdeck::pg::Session::State state);
    // The request queue drained.
    void idle();

private:
    enum class Kind { Simple, Params, Prepare, Prepared };
    struct Request
    {
        quint64 id = 0;
        Kind kind = Kind::Simple;
        QByteArray sql;  // or statement name for Prepared
        QByteArray name; // Prepare
        QVariantList params;
        Callback done;
        int timeoutMs = 0;
    };

    quint64 enqueue(Request req);
    void startNext();
    void flushOutgoing();
    void onReadable();
    void onWritable();
    void continueConnect();
    void finishConnect();
    void failConnect(core::Error error);
    void markBroken(core::Error error);
    void adoptStartedConnection(pg_conn *conn);
    void completeCurrent(core::Result<QueryResult> outcome);
    void drainNotifications();
    void watchSocket(bool read, bool write);
    void dropSocketWatch();
    void setState(State s);
    void onDeadline();
    static void noticeReceiver(void *arg, const struct pg_result *res);

    pg_conn *m_conn = nullptr;
    State m_state = State::Disconnected;
    ConnParams m_params;
    int m_socket = -1;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QTimer *m_deadline = nullptr;
    QElapsedTimer m_clock;
    qint64 m_connectUs = 0;
    int m_connectTimeoutMs = 0;
    std::shared_ptr<struct ConnectJob> m_connectJob;

    std::deque<Request> m_queue;
    std::unique_ptr<Request> m_current;
    QueryResult m_partial;
    std::optional<core::Error> m_currentError;
    bool m_deadlinePassed = false;
    bool m_cancelRequested = false;
    quint64 m_nextId = 1;
    QSet<QByteArray> m_prepared;

    int m_serverVersion = 0;
    int m_backendPid = 0;
    core::Error m_lastError;
};

} // namespace pgdeck::pg
