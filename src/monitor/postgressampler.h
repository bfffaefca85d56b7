#pragma once

#include "capabilities.h"
#include "sampler.h"
#include "statementstats.h"
#include "walhistory.h"

#include <QHash>

namespace pgdeck::pg {
class ResultSet;
}

namespace pgdeck::monitor {

// Samples a PostgreSQL server (primary or replica) with one prepared statement per
// tick (CatalogQueries::tickSql): connections, throughput, replication from both
// sides, statements and disk. Rates come from the deltas of successive ticks, on
// the server's clock.
class PostgresSampler : public Sampler
{
    Q_OBJECT
public:
    static constexpr const char *kStatementName = "pgdeck_monitor_tick";

    using Sampler::Sampler;

    void setSlowThresholdMs(double ms) { m_statements.setSlowThresholdMs(ms); }
    double slowThresholdMs() const { return m_statements.slowThresholdMs(); }
    // pg_stat_statements is read every N ticks (its cost grows with its entries),
    // sizes every M ticks (pg_database_size walks every file); values in between
    // repeat the last reading.
    void setStatementsEvery(int ticks) { m_statementsEvery = std::max(1, ticks); }
    void setDiskEvery(int ticks) { m_diskEvery = std::max(1, ticks); }
    const Capabilities &capabilities() const { return m_caps; }
    // The server reports a port other than the one dialled: a pooler or proxy is in between.
    bool behindProxy() const { return m_behindProxy; }

Q_SIGNALS:
    void proxyDetected();

protected:
    pg::ConnParams sessionParams() const override;
    void prepare(pg::Session *session, Done done) override;
    void collect(pg::Session *session, std::shared_ptr<Sample> sample, Done done) override;
    void resetState() override;

private:
    void parse(const pg::ResultSet &set, Sample &s, bool withStatements, bool withDisk);
    void rate(Sample &s, const QString &name, double counter, double nowS);
    void localDisk(Sample &s);

    Capabilities m_caps;
    StatementStats m_statements;
    WalHistory m_wal;
    QHash<QString, double> m_counters;  // previous counter values, for rates
    double m_prevServerS = 0;
    store::MetricValues m_carried;      // statements and disk, between their readings
    QString m_dataDirectory;
    int m_tick = 0;
    int m_statementsEvery = 5;
    int m_diskEvery = 60;
    bool m_behindProxy = false;
};

} // namespace pgdeck::monitor
