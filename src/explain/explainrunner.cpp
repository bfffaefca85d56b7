#include "explainrunner.h"

#include "indexprover.h"
#include "insightanalyzer.h"
#include "metrics.h"
#include "planparser.h"

#include "core/logging.h"
#include "pg/session.h"
#include "sql/classifier.h"
#include "sql/splitter.h"

namespace pgdeck::explain {

namespace {
auto log() { return core::logger("explain"); }

core::Error cancelledError()
{
    core::Error e = core::Error::make(core::Error::Kind::Cancelled, QStringLiteral("EXPLAIN was cancelled"));
    e.sqlstate = QStringLiteral("57014");
    return e;
}
} // namespace

ExplainRunner::ExplainRunner(QObject *parent) : QObject(parent), m_prover(new IndexProver(this))
{
    qRegisterMetaType<pgdeck::explain::ExplainResult>();
}

ExplainRunner::~ExplainRunner() = default;

void ExplainRunner::run(pg::Pool *pool, const QString &statement, const ExplainOptions &options)
{
    if (m_running) {
        Q_EMIT failed(core::Error::make(core::Error::Kind::Input, tr("an EXPLAIN is already running")));
        return;
    }
    m_statement = statement;
    m_options = options;
    m_running = true;
    m_cancelled = false;
    m_result = ExplainResult{};
    m_clock.start();
    Q_EMIT started();
    Q_EMIT progress(tr("waiting for a connection"));
    const quint64 gen = ++m_generation;
    QPointer<ExplainRunner> self(this);
    pool->acquire([self, gen](core::Result<pg::Lease> lease) {
        if (!self || gen != self->m_generation)
            return;
        if (!lease.ok()) {
            self->fail(lease.error());
            return;
        }
        self->m_lease = std::move(*lease);
        self->m_session = self->m_lease.session();
        if (self->m_cancelled) {
            self->fail(cancelledError());
            return;
        }
        self->start();
    });
}

void ExplainRunner::run(pg::Session *session, const QString &statement, const ExplainOptions &options)
{
    if (m_running) {
        Q_EMIT failed(core::Error::make(core::Error::Kind::Input, tr("an EXPLAIN is already running")));
        return;
    }
    m_statement = statement;
    m_options = options;
    m_running = true;
    m_cancelled = false;
    m_result = ExplainResult{};
    m_clock.start();
    ++m_generation;
    m_session = session;
    Q_EMIT started();
    start();
}

void ExplainRunner::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    if (m_inExplain && m_session)
        m_session->cancel();
    else if (!m_session)
        fail(cancelledError()); // still waiting for a connection
}

void ExplainRunner::start()
{
    if (!m_session || !m_session->isOpen()) {
        fail(core::Error::make(core::Error::Kind::Connection, tr("no open connection to run EXPLAIN on")));
        return;
    }
    const QList<sql::ScriptStatement> parts = sql::Splitter::split(m_statement);
    if (parts.isEmpty()) {
        fail(core::Error::make(core::Error::Kind::Input, tr("nothing to explain: the statement is empty")));
        return;
    }
    if (parts.size() > 1) {
        fail(core::Error::make(core::Error::Kind::Input,
                               tr("EXPLAIN takes one statement; this text holds %1").arg(parts.size())));
        return;
    }
    const QString stmt = parts.first().text;
    m_result.statement = stmt;
    m_result.info = sql::Classifier::classify(stmt);
    m_result.serverVersion = m_session->serverVersion();
    m_result.server = m_session->params().endpoint();
    const sql::StatementInfo &info = m_result.info;
    if (info.kind == sql::StatementInfo::Kind::Invalid) {
        core::Error e = core::Error::make(core::Error::Kind::Input, tr("the statement does not parse: %1").arg(info.error));
        e.position = info.errorPosition;
        fail(e);
        return;
    }
    if (info.kind == sql::StatementInfo::Kind::Explain) {
        // Run what the user wrote; its ANALYZE decides whether it executes.
        m_result.explainSql = stmt;
        m_result.analyzed = stmt.contains(QLatin1String("ANALYZE"), Qt::CaseInsensitive);
    } else {
        if (!info.explainable) {
            fail(core::Error::make(core::Error::Kind::Input,
                                   tr("EXPLAIN works on SELECT, INSERT, UPDATE, DELETE, MERGE, VALUES, EXECUTE, DECLARE "
                                      "and CREATE TABLE AS, not on %1")
                                       .arg(info.command)));
            return;
        }
        auto sql = m_options.statementFor(stmt, m_result.serverVersion);
        if (!sql.ok()) {
            fail(sql.error());
            return;
        }
        m_result.explainSql = *sql;
        m_result.analyzed = m_options.analyze;
    }
    if (!m_result.analyzed) {
        explain();
        return;
    }
    // Whatever ANALYZE executes is undone.
    m_savepoint = m_session->inTransaction();
    m_openedTransaction = true;
    Q_EMIT progress(tr("starting a transaction that will be rolled back"));
    QPointer<ExplainRunner> self(this);
    const quint64 gen = m_generation;
    m_session->exec(m_savepoint ? QStringLiteral("SAVEPOINT pgdeck_explain") : QStringLiteral("BEGIN"),
                    [self, gen](core::Result<pg::QueryResult> r) {
                        if (!self || gen != self->m_generation)
                            return;
                        if (!r.ok()) {
                            self->m_openedTransaction = false;
                            self->fail(r.error());
                            return;
                        }
                        if (self->m_cancelled) {
                            self->m_pendingError = cancelledError();
                            self->endTransaction([self]() {
                                if (self)
                                    self->fail(*self->m_pendingError);
                            });
                            return;
                        }
                        self->explain();
                    });
}

void ExplainRunner::explain()
{
    Q_EMIT progress(m_result.analyzed ? tr("running EXPLAIN ANALYZE") : tr("running EXPLAIN"));
    m_inExplain = true;
    QPointer<ExplainRunner> self(this);
    const quint64 gen = m_generation;
    m_session->exec(
        m_result.explainSql,
        [self, gen](core::Result<pg::QueryResult> r) {
            if (!self || gen != self->m_generation)
                return;
            self->m_inExplain = false;
            self->afterExplain(std::move(r));
        },
        m_options.timeoutMs);
    if (m_cancelled)
        m_session->cancel();
}

void ExplainRunner::endTransaction(std::function<void()> then)
{
    if (!m_openedTransaction || !m_session) {
        then();
        return;
    }
    m_openedTransaction = false;
    const QString sql = m_savepoint ? QStringLiteral("ROLLBACK TO SAVEPOINT pgdeck_explain; RELEASE SAVEPOINT pgdeck_explain")
                                    : QStringLiteral("ROLLBACK");
    QPointer<ExplainRunner> self(this);
    m_session->exec(sql, [self, then](core::Result<pg::QueryResult> r) {
        if (!self)
            return;
        if (!r.ok())
            log()->warn("rolling back after EXPLAIN ANALYZE failed: {}", r.error().message.toStdString());
        else
            self->m_result.rolledBack = true;
        then();
    });
}

void ExplainRunner::afterExplain(core::Result<pg::QueryResult> r)
{
    QPointer<ExplainRunner> self(this);
    if (!r.ok()) {
        core::Error e = r.error();
        if (m_cancelled || e.kind == core::Error::Kind::Cancelled || e.sqlstate == QLatin1String("57014"))
            e.kind = core::Error::Kind::Cancelled;
        m_pendingError = e;
        endTransaction([self]() {
            if (self)
                self->fail(*self->m_pendingError);
        });
        return;
    }
    QByteArray raw;
    if (!r->empty()) {
        const pg::ResultSet &s = r->last();
        for (int i = 0; i < s.rowCount(); ++i) {
            if (i)
                raw.append('\n');
            raw.append(s.rawValue(i, 0), s.rawLength(i, 0));
        }
    }
    m_result.raw = raw;
    m_result.elapsedUs = r->elapsedUs;
    endTransaction([self]() {
        if (!self)
            return;
        auto plans = PlanParser::parseAll(self->m_result.raw);
        if (!plans.ok() || plans->empty()) {
            self->fail(plans.ok() ? core::Error::make(core::Error::Kind::Internal, tr("EXPLAIN returned no plan"))
                                  : plans.error());
            return;
        }
        self->m_result.plan = std::move(plans->front());
        Metrics::compute(self->m_result.plan);
        InsightAnalyzer::analyze(self->m_result.plan);
        self->prove();
    });
}

void ExplainRunner::prove()
{
    bool any = false;
    for (const Insight &i : m_result.plan.insights)
        any = any || i.kind == Insight::Kind::IndexProposal;
    if (!m_options.proveIndexes || !any || m_cancelled || !m_session || m_result.info.kind == sql::StatementInfo::Kind::Explain) {
        done();
        return;
    }
    Q_EMIT progress(tr("trying the proposed index with hypopg"));
    QString prefix = QStringLiteral("EXPLAIN (FORMAT JSON%1)").arg(m_options.genericPlan ? QStringLiteral(", GENERIC_PLAN") : QString());
    QPointer<ExplainRunner> self(this);
    m_prover->prove(m_session, m_result.statement, prefix, m_result.plan.insights, [self](std::vector<Insight> proved) {
        if (!self)
            return;
        self->m_result.plan.insights = std::move(proved);
        self->done();
    });
}

void ExplainRunner::fail(core::Error e)
{
    m_running = false;
    m_inExplain = false;
    m_lease = pg::Lease();
    m_session = nullptr;
    ++m_generation;
    Q_EMIT failed(e);
}

void ExplainRunner::done()
{
    m_result.elapsedUs = m_clock.nsecsElapsed() / 1000;
    m_running = false;
    m_lease = pg::Lease();
    m_session = nullptr;
    ExplainResult out = std::move(m_result);
    m_result = ExplainResult{};
    Q_EMIT finished(out);
}

} // namespace pgdeck::explain
