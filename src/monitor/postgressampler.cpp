#include "postgressampler.h"

#include "catalogqueries.h"
#include "localdisk.h"
#include "metricnames.h"
#include "pg/resultset.h"
#include "pg/serverconnection.h"
#include "pg/session.h"

#include <cmath>

namespace pgdeck::monitor {

namespace {
// Columns of the tick statement: sec, k1, k2, k3, a … h.
enum Col { Sec, K1, K2, K3, A, B, C, D, E, F, G, H };

double num(const pg::ResultSet &s, int row, int col)
{
    return s.isNullAt(row, col) ? std::nan("") : s.toDouble(row, col);
}

QString orNone(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("(none)") : s;
}
} // namespace

pg::ConnParams PostgresSampler::sessionParams() const
{
    pg::ConnParams p = Sampler::sessionParams();
    for (const auto &kv : CatalogQueries::sessionSettings(statementTimeoutMs()))
        p.addServerOption(kv.first, kv.second);
    return p;
}

void PostgresSampler::resetState()
{
    m_counters.clear();
    m_prevServerS = 0;
    m_statements.reset();
    m_wal.clear();
    m_tick = 0;
}

void PostgresSampler::prepare(pg::Session *session, Done done)
{
    QPointer<PostgresSampler> self(this);
    session->exec(CatalogQueries::capabilitiesSql(), [self, session, done](core::Result<pg::QueryResult> r) {
        if (!self)
            return;
        if (!r.ok()) {
            done(r.error());
            return;
        }
        self->m_caps = CatalogQueries::parseCapabilities(r->last());
        QStringList notes = CatalogQueries::notes(self->m_caps);
        const int dialled = self->m_params.ports().value(0).toInt();
        const bool proxy = dialled > 0 && self->m_caps.port > 0 && dialled != self->m_caps.port;
        if (proxy) {
            notes << tr("Port %1 leads to a server listening on %2: a pooler or proxy is in between.")
                         .arg(dialled)
                         .arg(self->m_caps.port);
        }
        self->setNotes(notes);
        session->prepare(kStatementName, CatalogQueries::tickSql(self->m_caps),
                         [self, done, proxy](core::Result<pg::QueryResult> p) {
                             if (!self)
                                 return;
                             if (!p.ok()) {
                                 done(p.error());
                                 return;
                             }
                             done({});
                             if (proxy && !self->m_behindProxy) {
                                 self->m_behindProxy = true;
                                 Q_EMIT self->proxyDetected();
                             }
                         });
    });
}

void PostgresSampler::collect(pg::Session *session, std::shared_ptr<Sample> sample, Done done)
{
    const bool withStatements = m_caps.canReadStatements() && m_tick % m_statementsEvery == 0;
    const bool withDisk = m_tick % m_diskEvery == 0;
    ++m_tick;
    QPointer<PostgresSampler> self(this);
    session->execPrepared(
        kStatementName, {withStatements, withDisk},
        [self, sample, done, withStatements, withDisk](core::Result<pg::QueryResult> r) {
            if (!self)
                return;
            if (!r.ok()) {
                done(r.error());
                return;
            }
            self->parse(r->last(), *sample, withStatements, withDisk);
            done({});
        },
        statementTimeoutMs() + 1000);
}

void PostgresSampler::rate(Sample &s, const QString &name, double counter, double nowS)
{
    if (!std::isfinite(counter))
        return;
    const auto prev = m_counters.constFind(name);
    if (prev != m_counters.cend() && m_prevServerS > 0 && nowS > m_prevServerS && counter >= *prev)
        s.values.insert(name, (counter - *prev) / (nowS - m_prevServerS));
    // A counter that went down (stats reset, restart) starts over next tick.
    m_counters.insert(name, counter);
}

void PostgresSampler::localDisk(Sample &s)
{
    if (m_dataDirectory.isEmpty() || !LocalDisk::isLocal(m_params))
        return;
    const auto usage = LocalDisk::usage(m_dataDirectory);
    if (!usage)
        return;
    s.values.insert(metric::fsSizeBytes, double(usage->sizeBytes));
    s.values.insert(metric::fsUsedBytes, double(usage->usedBytes));
    s.values.insert(metric::fsUsedPct, usage->usedPct());
}

void PostgresSampler::parse(const pg::ResultSet &set, Sample &s, bool withStatements, bool withDisk)
{
    double serverS = 0;
    bool replica = false;
    double walPos = NAN, replayPos = NAN, replayTs = NAN;
    QString receiver;
    double active = 0, idle = 0, idleTx = 0, waiting = 0, total = 0, oldestXact = 0, longestQuery = 0;
    double maxConn = NAN;
    QList<StatementStats::Row> statements;
    store::MetricValues disk;
    if (withDisk) {
        // Sizes are re-read: databases that were dropped must go.
        for (auto it = m_carried.begin(); it != m_carried.end();)
            it = it.key().startsWith(QLatin1String("dbsize[")) || it.key().startsWith(QLatin1String("disk.")) ? m_carried.erase(it)
                                                                                                              : std::next(it);
    }

    // 'srv' comes first: the other sections need its clock and role.
    for (int row = 0; row < set.rowCount(); ++row) {
        if (set.text(row, Sec) != QLatin1String("srv"))
            continue;
        serverS = set.toDouble(row, A);
        maxConn = num(set, row, B);
        replica = set.toDouble(row, C) > 0;
        walPos = num(set, row, D);
        replayPos = num(set, row, E);
        replayTs = num(set, row, F);
        s.values.insert(metric::connMax, maxConn);
        if (replica) {
            s.values.insert(metric::standbyPaused, set.toDouble(row, G));
            receiver = set.text(row, K1);
            s.values.insert(metric::standbyReceiving, receiver == QLatin1String("streaming") ? 1 : 0);
        }
    }
    const qint64 serverMs = qint64(serverS * 1000);
    s.role = replica ? QStringLiteral("replica") : QStringLiteral("primary");
    if (server())
        server()->setObservedRole(replica ? pg::ServerConnection::Role::Replica : pg::ServerConnection::Role::Primary);
    if (std::isfinite(walPos)) {
        m_wal.record(serverMs, walPos);
        rate(s, metric::walBytesPerS, walPos, serverS);
    }
    if (replica) {
        if (std::isfinite(replayTs))
            s.values.insert(metric::standbyReplayAgeS, std::max(0.0, serverS - replayTs));
        if (std::isfinite(walPos) && std::isfinite(replayPos)) {
            const double bytes = std::max(0.0, walPos - replayPos);
            s.values.insert(metric::standbyLagBytes, bytes);
            double secs = 0;
            if (bytes > 0) {
                bool before = false;
                secs = m_wal.secondsBehind(replayPos, serverMs, &before);
                // Behind since before this sampler started: the last replayed commit
                // is the best evidence there is.
                if (before && std::isfinite(replayTs))
                    secs = std::max(secs, serverS - replayTs);
            }
            s.values.insert(metric::standbyLagS, secs);
        } else if (std::isfinite(replayTs) && std::isfinite(replayPos)) {
            // Nothing received yet this run (no walreceiver): age of the last replay.
            s.values.insert(metric::standbyLagS, std::max(0.0, serverS - replayTs));
        }
    }

    for (int row = 0; row < set.rowCount(); ++row) {
        const QString sec = set.text(row, Sec);
        if (sec == QLatin1String("act")) {
            const double a = set.toDouble(row, A), i = set.toDouble(row, B), t = set.toDouble(row, C),
                         w = set.toDouble(row, D), n = set.toDouble(row, E);
            active += a;
            idle += i;
            idleTx += t;
            waiting += w;
            total += n;
            if (!set.isNullAt(row, F))
                oldestXact = std::max(oldestXact, set.toDouble(row, F));
            if (!set.isNullAt(row, G))
                longestQuery = std::max(longestQuery, set.toDouble(row, G));
            const struct
            {
                const char *group;
                QString name;
            } keys[] = {{"app", orNone(set.text(row, K1))}, {"user", orNone(set.text(row, K2))}, {"db", orNone(set.text(row, K3))}};
            for (const auto &k : keys) {
                const QString g = QString::fromLatin1(k.group);
                auto add = [&](const char *field, double v) {
                    const QString key = metric::keyed(g, k.name, QString::fromLatin1(field));
                    s.values.insert(key, s.values.value(key, 0) + v);
                };
                add("active", a);
                add("idle", i);
                add("idle_in_tx", t);
                add("waiting_lock", w);
                add("total", n);
            }
        } else if (sec == QLatin1String("db")) {
            rate(s, metric::tpsCommit, num(set, row, A), serverS);
            rate(s, metric::tpsRollback, num(set, row, B), serverS);
            rate(s, metric::tupIn, num(set, row, C), serverS);
            rate(s, metric::tupOut, num(set, row, D), serverS);
            rate(s, metric::tupFetched, num(set, row, E), serverS);
            rate(s, metric::blkRead, num(set, row, F), serverS);
            rate(s, metric::blkHit, num(set, row, G), serverS);
        } else if (sec == QLatin1String("rep")) {
            const QString name = set.text(row, K1);
            auto put = [&](const char *field, double v) {
                if (std::isfinite(v))
                    s.values.insert(metric::keyed(QStringLiteral("repl"), name, QString::fromLatin1(field)), v);
            };
            const double replayBytes = num(set, row, C);
            const double reportedReplay = num(set, row, F);
            put("sent_lag_bytes", num(set, row, A));
            put("flush_lag_bytes", num(set, row, B));
            put("lag_bytes", replayBytes);
            put("write_lag_s", num(set, row, D));
            put("flush_lag_s", num(set, row, E));
            put("replay_lag_s", reportedReplay);
            // The reported replay_lag freezes while replay is paused and turns NULL
            // when idle; WAL history supplies the growing part, bytes == 0 means 0 s.
            double secs = 0;
            if (std::isfinite(replayBytes) && replayBytes > 0) {
                const double replayed = num(set, row, G);
                secs = std::isfinite(reportedReplay) ? reportedReplay : 0;
                if (std::isfinite(replayed))
                    secs = std::max(secs, m_wal.secondsBehind(replayed, serverMs));
            }
            put("lag_s", std::isfinite(replayBytes) ? secs : NAN);
        } else if (sec == QLatin1String("pss")) {
            statements.append({set.text(row, K2) + QLatin1Char('/') + set.text(row, K3) + QLatin1Char('/') + set.text(row, K1),
                               set.toDouble(row, A), set.toDouble(row, B), set.toDouble(row, C), set.toDouble(row, D)});
        } else if (sec == QLatin1String("dbsize")) {
            disk.insert(metric::keyed(QStringLiteral("dbsize"), set.text(row, K1), QStringLiteral("bytes")), set.toDouble(row, A));
        } else if (sec == QLatin1String("wal")) {
            m_dataDirectory = set.text(row, K1);
            disk.insert(metric::walSizeBytes, set.toDouble(row, A));
            disk.insert(metric::walFiles, set.toDouble(row, B));
        }
    }
    m_prevServerS = serverS;

    s.values.insert(metric::connActive, active);
    s.values.insert(metric::connIdle, idle);
    s.values.insert(metric::connIdleInTx, idleTx);
    s.values.insert(metric::connWaitingLock, waiting);
    s.values.insert(metric::connOther, std::max(0.0, total - active - idle - idleTx - waiting));
    s.values.insert(metric::connTotal, total);
    s.values.insert(metric::connOldestXactS, oldestXact);
    s.values.insert(metric::connLongestQueryS, longestQuery);
    if (std::isfinite(maxConn) && maxConn > 0)
        s.values.insert(metric::connUsagePct, 100.0 * (total + 1) / maxConn); // + the monitor itself

    if (withStatements) {
        m_statements.update(statements, serverMs);
        m_carried.remove(metric::slowPerMin);
        m_carried.remove(metric::p95Ms);
        m_carried.remove(metric::callsPerS);
        if (auto e = m_statements.estimate(serverMs)) {
            m_carried.insert(metric::slowPerMin, e->slowPerMin);
            m_carried.insert(metric::callsPerS, e->callsPerS);
            if (std::isfinite(e->p95Ms))
                m_carried.insert(metric::p95Ms, e->p95Ms);
            else
                m_carried.insert(metric::p95Ms, 0);
        }
    }
    for (auto it = disk.cbegin(); it != disk.cend(); ++it)
        m_carried.insert(it.key(), it.value());
    for (auto it = m_carried.cbegin(); it != m_carried.cend(); ++it)
        s.values.insert(it.key(), it.value());
    localDisk(s);
}

} // namespace pgdeck::monitor
