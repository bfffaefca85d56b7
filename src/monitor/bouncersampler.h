#pragma once

#include "sampler.h"

#include <QElapsedTimer>
#include <QHash>

namespace pgdeck::pg {
class ResultSet;
}

namespace pgdeck::monitor {

// Samples PgBouncer through its admin console (database "pgbouncer"): SHOW POOLS for
// clients active / waiting and servers active / idle / used and the longest wait,
// SHOW STATS for transactions and queries per second and the average wait. The
// console takes one command per query, so a tick is two short round trips to the
// pooler (none reaches PostgreSQL).
class BouncerSampler : public Sampler
{
    Q_OBJECT
public:
    using Sampler::Sampler;

    QString version() const { return m_version; }
    static bool isAdminConsole(const pg::ConnParams &params);

protected:
    pg::ConnParams sessionParams() const override;
    void prepare(pg::Session *session, Done done) override;
    void collect(pg::Session *session, std::shared_ptr<Sample> sample, Done done) override;
    void resetState() override;

private:
    void parsePools(const pg::ResultSet &set, Sample &s);
    void parseStats(const pg::ResultSet &set, Sample &s);

    QString m_version;
    QHash<QString, double> m_prev;
    QElapsedTimer m_clock;
    qint64 m_prevNs = -1;
};

} // namespace pgdeck::monitor
