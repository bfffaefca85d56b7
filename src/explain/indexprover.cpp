#include "indexprover.h"

#include "format.h"
#include "planparser.h"
#include "pg/session.h"

namespace pgdeck::explain {

namespace {

core::Result<Plan> planOf(const core::Result<pg::QueryResult> &r)
{
    if (!r.ok())
        return r.error();
    if (r->empty() || r->last().rowCount() < 1)
        return core::Error::make(core::Error::Kind::Internal, QStringLiteral("EXPLAIN returned nothing"));
    QString text;
    const pg::ResultSet &s = r->last();
    for (int i = 0; i < s.rowCount(); ++i)
        text += s.text(i, 0) + QLatin1Char('\n');
    return PlanParser::parse(text);
}

} // namespace

IndexProver::IndexProver(QObject *parent) : QObject(parent) {}

void IndexProver::prove(pg::Session *session, const QString &statement, const QString &explainPrefix,
                        std::vector<Insight> insights, Done done)
{
    m_session = session;
    m_statement = statement;
    m_prefix = explainPrefix;
    m_insights = std::move(insights);
    m_done = std::move(done);
    m_todo.clear();
    m_pos = 0;
    for (size_t i = 0; i < m_insights.size() && int(m_todo.size()) < kMaxProposals; ++i)
        if (m_insights[i].kind == Insight::Kind::IndexProposal)
            m_todo.push_back(i);
    if (m_todo.empty() || !m_session) {
        finish();
        return;
    }
    QPointer<IndexProver> self(this);
    m_session->exec(QStringLiteral("SELECT count(*) FROM pg_catalog.pg_extension WHERE extname = 'hypopg'"),
                    [self](core::Result<pg::QueryResult> r) {
                        if (!self)
                            return;
                        const bool present = r.ok() && !r->empty() && r->last().toInt64(0, 0) > 0;
                        if (!present) {
                            const QString why = r.ok() ? tr("hypopg is not installed in this database (CREATE EXTENSION hypopg)")
                                                       : r.error().message;
                            for (size_t i : self->m_todo) {
                                self->m_insights[i].proof.tried = true;
                                self->m_insights[i].proof.error = why;
                            }
                            self->finish();
                            return;
                        }
                        // The cost without any hypothetical index, planned the same way.
                        self->m_session->exec(self->m_prefix + QLatin1Char(' ') + self->m_statement,
                                              [self](core::Result<pg::QueryResult> r2) {
                                                  if (!self)
                                                      return;
                                                  auto plan = planOf(r2);
                                                  if (!plan.ok()) {
                                                      for (size_t i : self->m_todo) {
                                                          self->m_insights[i].proof.tried = true;
                                                          self->m_insights[i].proof.error = plan.error().message;
                                                      }
                                                      self->finish();
                                                      return;
                                                  }
                                                  self->m_baseCost = plan->root().facts.totalCost;
                                                  self->next();
                                              });
                    });
}

void IndexProver::next()
{
    if (!m_session || m_pos >= m_todo.size()) {
        finish();
        return;
    }
    Insight &ins = m_insights[m_todo[m_pos]];
    ins.proof.tried = true;
    ins.proof.costBefore = m_baseCost;
    QStringList cols;
    for (const QString &c : ins.columns)
        cols << Format::ident(c);
    const QString create = QStringLiteral("CREATE INDEX ON %1 (%2)").arg(ins.table, cols.join(QLatin1String(", ")));
    QPointer<IndexProver> self(this);
    m_session->execParams(
        QStringLiteral("SELECT indexrelid, indexname FROM hypopg_create_index($1)"), {create},
        [self](core::Result<pg::QueryResult> r) {
            if (!self)
                return;
            Insight &in = self->m_insights[self->m_todo[self->m_pos]];
            if (!r.ok() || r->empty() || r->last().rowCount() < 1) {
                in.proof.error = r.ok() ? tr("hypopg could not create the index") : r.error().message;
                ++self->m_pos;
                self->m_session->exec(QStringLiteral("SELECT hypopg_reset()"), [self](core::Result<pg::QueryResult>) {
                    if (self)
                        self->next();
                });
                return;
            }
            in.proof.indexName = r->last().text(0, 1);
            self->m_session->exec(self->m_prefix + QLatin1Char(' ') + self->m_statement, [self](core::Result<pg::QueryResult> r2) {
                if (!self)
                    return;
                Insight &in2 = self->m_insights[self->m_todo[self->m_pos]];
                auto plan = planOf(r2);
                if (plan.ok()) {
                    in2.proof.costAfter = plan->root().facts.totalCost;
                    for (const PlanNode &n : plan->nodes)
                        if (n.facts.index == in2.proof.indexName)
                            in2.proof.used = true;
                } else {
                    in2.proof.error = plan.error().message;
                }
                ++self->m_pos;
                // One hypothetical index at a time, so each proof stands alone.
                self->m_session->exec(QStringLiteral("SELECT hypopg_reset()"), [self](core::Result<pg::QueryResult>) {
                    if (self)
                        self->next();
                });
            });
        });
}

void IndexProver::finish()
{
    if (m_done) {
        Done d = std::move(m_done);
        m_done = nullptr;
        d(std::move(m_insights));
    }
}

} // namespace pgdeck::explain
