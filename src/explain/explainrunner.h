#pragma once

#include "explainoptions.h"
#include "explainresult.h"

#include "core/error.h"
#include "pg/pool.h"
#include "pg/resultset.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

namespace pgdeck::pg {
class Session;
}

namespace pgdeck::explain {

class IndexProver;

// Runs EXPLAIN for one statement on a session (borrowed from a pool or given), never
// blocking the caller's thread:
// - the statement is classified with libpg_query first; EXPLAIN ANALYZE always runs
//   between BEGIN and ROLLBACK (a savepoint inside an open transaction), so an
//   INSERT/UPDATE/DELETE/MERGE changes nothing, and the result says so;
// - a statement that is already an EXPLAIN runs as written;
// - index proposals are then tried with hypopg on the same session (IndexProver);
// - cancel() asks the server to cancel and the run ends with a Cancelled error.
class ExplainRunner : public QObject
{
    Q_OBJECT
public:
    explicit ExplainRunner(QObject *parent = nullptr);
    ~ExplainRunner() override;

    void run(pg::Pool *pool, const QString &statement, const ExplainOptions &options);
    void run(pg::Session *session, const QString &statement, const ExplainOptions &options);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void started();
    void progress(const QString &what);
    void finished(const pgdeck::explain::ExplainResult &result);
    void failed(const pgdeck::core::Error &error);

private:
    void start();
    void explain();
    void afterExplain(core::Result<pg::QueryResult> r);
    void prove();
    void fail(core::Error e);
    void done();
    void endTransaction(std::function<void()> then);

    pg::Lease m_lease;
    QPointer<pg::Session> m_session;
    QString m_statement;
    ExplainOptions m_options;
    ExplainResult m_result;
    QElapsedTimer m_clock;
    IndexProver *m_prover = nullptr;
    std::optional<core::Error> m_pendingError;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_inExplain = false;
    bool m_savepoint = false;
    bool m_openedTransaction = false;
    quint64 m_generation = 0;
};

} // namespace pgdeck::explain
