#pragma once

#include "insight.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <vector>

namespace pgdeck::pg {
class Session;
}

namespace pgdeck::explain {

// Proves index proposals with hypopg on the session that ran the plan: the plan's cost
// without the index, then hypopg_create_index() and EXPLAIN again: is the hypothetical
// index used, and what does the plan cost now? Hypothetical indexes live only in that
// backend's memory and are dropped (hypopg_reset) before returning; nothing is
// written. Without the extension in the database each proof says so.
class IndexProver : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(std::vector<Insight>)>;

    explicit IndexProver(QObject *parent = nullptr);

    // `explainPrefix` is e.g. "EXPLAIN (FORMAT JSON)" (plus GENERIC_PLAN when needed).
    // Only IndexProposal insights are touched; the others come back unchanged.
    void prove(pg::Session *session, const QString &statement, const QString &explainPrefix, std::vector<Insight> insights,
               Done done);
    static constexpr int kMaxProposals = 3;

private:
    void next();
    void finish();

    QPointer<pg::Session> m_session;
    QString m_statement;
    QString m_prefix;
    std::vector<Insight> m_insights;
    std::vector<size_t> m_todo;
    size_t m_pos = 0;
    double m_baseCost = 0;
    Done m_done;
};

} // namespace pgdeck::explain
