#include "bouncersampler.h"

#include "catalogqueries.h"
#include "metricnames.h"
#include "pg/resultset.h"
#include "pg/serverconnection.h"
#include "pg/session.h"

#include <cmath>

namespace pgdeck::monitor {

namespace {
double col(const pg::ResultSet &s, int row, const char *name)
{
    const int c = s.columnIndex(name);
    return c < 0 || s.isNullAt(row, c) ? 0.0 : s.toDouble(row, c);
}
} // namespace

bool BouncerSampler::isAdminConsole(const pg::ConnParams &params)
{
    return params.value("dbname") == QLatin1String("pgbouncer");
}

pg::ConnParams BouncerSampler::sessionParams() const
{
    pg::ConnParams p = Sampler::sessionParams();
    p.set("dbname", QStringLiteral("pgbouncer"));
    p.remove("options"); // the console refuses startup options it does not know
    return p;
}

void BouncerSampler::resetState()
{
    m_prev.clear();
    m_prevNs = -1;
}

void BouncerSampler::prepare(pg::Session *session, Done done)
{
    QPointer<BouncerSampler> self(this);
    session->exec(QStringLiteral("SHOW VERSION"), [self, done](core::Result<pg::QueryResult> r) {
        if (!self)
            return;
        if (!r.ok()) {
            done(r.error());
            return;
        }
        self->m_version = r->last().text(0, 0);
        if (!self->m_version.contains(QLatin1String("PgBouncer"), Qt::CaseInsensitive)) {
            done(core::Error::make(core::Error::Kind::Input, tr("this server is not PgBouncer")));
            return;
        }
        if (self->server())
            self->server()->setObservedRole(pg::ServerConnection::Role::Pooler);
        done({});
    });
}

void BouncerSampler::collect(pg::Session *session, std::shared_ptr<Sample> sample, Done done)
{
    QPointer<BouncerSampler> self(this);
    const int timeout = statementTimeoutMs();
    session->exec(
        CatalogQueries::bouncerPoolsSql(),
        [self, session, sample, done, timeout](core::Result<pg::QueryResult> pools) {
            if (!self)
                return;
            if (!pools.ok()) {
                done(pools.error());
                return;
            }
            self->parsePools(pools->last(), *sample);
            session->exec(
                CatalogQueries::bouncerStatsSql(),
                [self, sample, done](core::Result<pg::QueryResult> stats) {
                    if (!self)
                        return;
                    if (!stats.ok()) {
                        done(stats.error());
                        return;
                    }
                    self->parseStats(stats->last(), *sample);
                    sample->role = QStringLiteral("pooler");
                    done({});
                },
                timeout);
        },
        timeout);
}

void BouncerSampler::parsePools(const pg::ResultSet &set, Sample &s)
{
    double clActive = 0, clWaiting = 0, svActive = 0, svIdle = 0, svUsed = 0, maxwait = 0;
    const int dbCol = set.columnIndex("database");
    const int userCol = set.columnIndex("user");
    for (int row = 0; row < set.rowCount(); ++row) {
        const QString db = set.text(row, dbCol);
        if (db == QLatin1String("pgbouncer"))
            continue; // the admin console's own pseudo-pool
        const QString pool = db + QLatin1Char('/') + set.text(row, userCol);
        const double ca = col(set, row, "cl_active"), cw = col(set, row, "cl_waiting"), sa = col(set, row, "sv_active"),
                     si = col(set, row, "sv_idle"), su = col(set, row, "sv_used");
        const double wait = col(set, row, "maxwait") + col(set, row, "maxwait_us") / 1e6;
        clActive += ca;
        clWaiting += cw;
        svActive += sa;
        svIdle += si;
        svUsed += su;
        maxwait = std::max(maxwait, wait);
        const QString g = QStringLiteral("bouncer");
        s.values.insert(metric::keyed(g, pool, QStringLiteral("cl_active")), ca);
        s.values.insert(metric::keyed(g, pool, QStringLiteral("cl_waiting")), cw);
        s.values.insert(metric::keyed(g, pool, QStringLiteral("sv_active")), sa);
        s.values.insert(metric::keyed(g, pool, QStringLiteral("sv_idle")), si);
        s.values.insert(metric::keyed(g, pool, QStringLiteral("maxwait_s")), wait);
    }
    s.values.insert(metric::bouncerClActive, clActive);
    s.values.insert(metric::bouncerClWaiting, clWaiting);
    s.values.insert(metric::bouncerSvActive, svActive);
    s.values.insert(metric::bouncerSvIdle, svIdle);
    s.values.insert(metric::bouncerSvUsed, svUsed);
    s.values.insert(metric::bouncerMaxwaitS, maxwait);
}

void BouncerSampler::parseStats(const pg::ResultSet &set, Sample &s)
{
    double xacts = 0, queries = 0, waitUs = 0;
    const int dbCol = set.columnIndex("database");
    for (int row = 0; row < set.rowCount(); ++row) {
        if (set.text(row, dbCol) == QLatin1String("pgbouncer"))
            continue;
        xacts += col(set, row, "total_xact_count");
        queries += col(set, row, "total_query_count") + col(set, row, "total_requests"); // total_requests before 1.8
        waitUs += col(set, row, "total_wait_time");
    }
    if (!m_clock.isValid())
        m_clock.start();
    const qint64 now = m_clock.nsecsElapsed();
    if (m_prevNs >= 0 && now > m_prevNs) {
        const double secs = (now - m_prevNs) / 1e9;
        const double dx = xacts - m_prev.value(QStringLiteral("x")), dq = queries - m_prev.value(QStringLiteral("q")),
                     dw = waitUs - m_prev.value(QStringLiteral("w"));
        if (dx >= 0 && dq >= 0) {
            s.values.insert(metric::bouncerXactPerS, dx / secs);
            s.values.insert(metric::bouncerQueryPerS, dq / secs);
            s.values.insert(metric::bouncerAvgWaitMs, dq > 0 && dw >= 0 ? dw / dq / 1000.0 : 0.0);
        }
    }
    m_prev.insert(QStringLiteral("x"), xacts);
    m_prev.insert(QStringLiteral("q"), queries);
    m_prev.insert(QStringLiteral("w"), waitUs);
    m_prevNs = now;
}

} // namespace pgdeck::monitor
