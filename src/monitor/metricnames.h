#pragma once

#include <QString>

// The names of the values in a Sample, shared by the samplers, the charts, the
// history and `pgdeck monitor --format json`. Per-object metrics carry the object in
// brackets: app[<application_name>].active, repl[<standby>].lag_s, db[<name>].total.
namespace pgdeck::monitor::metric {

// Server reachability and the sampler's own round trip.
inline const QString up = QStringLiteral("up");           // 1 answered this tick, 0 down
inline const QString rttMs = QStringLiteral("rtt_ms");    // tick round trip, client side

// Connections (client backends, pgdeck's monitor session excluded).
inline const QString connActive = QStringLiteral("conn.active");         // running, not waiting on a lock
inline const QString connIdle = QStringLiteral("conn.idle");
inline const QString connIdleInTx = QStringLiteral("conn.idle_in_tx");   // aborted ones included
inline const QString connWaitingLock = QStringLiteral("conn.waiting_lock");
inline const QString connOther = QStringLiteral("conn.other");           // fastpath, disabled, or state hidden
inline const QString connTotal = QStringLiteral("conn.total");
inline const QString connMax = QStringLiteral("conn.max");               // max_connections
inline const QString connUsagePct = QStringLiteral("conn.usage_pct");    // total / max_connections
inline const QString connOldestXactS = QStringLiteral("conn.oldest_xact_s");
inline const QString connLongestQueryS = QStringLiteral("conn.longest_query_s");

// pgdeck's own pool for this server (pg::Pool::stats()).
inline const QString poolTotal = QStringLiteral("pool.total");
inline const QString poolIdle = QStringLiteral("pool.idle");
inline const QString poolLeased = QStringLiteral("pool.leased");
inline const QString poolWaiting = QStringLiteral("pool.waiting");
inline const QString poolErrors = QStringLiteral("pool.errors");         // cumulative

// Throughput, per second, from pg_stat_database deltas (all databases).
inline const QString tpsCommit = QStringLiteral("tps.commit");
inline const QString tpsRollback = QStringLiteral("tps.rollback");
inline const QString tupIn = QStringLiteral("tup.in");                   // inserted + updated + deleted
inline const QString tupOut = QStringLiteral("tup.out");                 // returned
inline const QString tupFetched = QStringLiteral("tup.fetched");
inline const QString blkRead = QStringLiteral("blk.read");
inline const QString blkHit = QStringLiteral("blk.hit");
inline const QString walBytesPerS = QStringLiteral("wal.bytes_per_s");

// The replica's own view of its lag.
inline const QString standbyLagBytes = QStringLiteral("standby.lag_bytes");   // received - replayed
inline const QString standbyLagS = QStringLiteral("standby.lag_s");
inline const QString standbyPaused = QStringLiteral("standby.paused");
inline const QString standbyReceiving = QStringLiteral("standby.receiving"); // walreceiver streaming
inline const QString standbyReplayAgeS = QStringLiteral("standby.last_replay_age_s");

// Statements (pg_stat_statements deltas, over the last minute).
inline const QString slowPerMin = QStringLiteral("query.slow_per_min");
inline const QString p95Ms = QStringLiteral("query.p95_ms");
inline const QString callsPerS = QStringLiteral("query.calls_per_s");

// Disk.
inline const QString walSizeBytes = QStringLiteral("disk.wal_bytes");
inline const QString walFiles = QStringLiteral("disk.wal_files");
inline const QString fsUsedPct = QStringLiteral("fs.used_pct");
inline const QString fsUsedBytes = QStringLiteral("fs.used_bytes");
inline const QString fsSizeBytes = QStringLiteral("fs.size_bytes");

// PgBouncer totals over every pool (SHOW POOLS / SHOW STATS).
inline const QString bouncerClActive = QStringLiteral("bouncer.cl_active");
inline const QString bouncerClWaiting = QStringLiteral("bouncer.cl_waiting");
inline const QString bouncerSvActive = QStringLiteral("bouncer.sv_active");
inline const QString bouncerSvIdle = QStringLiteral("bouncer.sv_idle");
inline const QString bouncerSvUsed = QStringLiteral("bouncer.sv_used");
inline const QString bouncerMaxwaitS = QStringLiteral("bouncer.maxwait_s");
inline const QString bouncerXactPerS = QStringLiteral("bouncer.xact_per_s");
inline const QString bouncerQueryPerS = QStringLiteral("bouncer.query_per_s");
inline const QString bouncerAvgWaitMs = QStringLiteral("bouncer.avg_wait_ms");

// "group[name].field": app, user, db (connections), repl (standbys seen from the
// primary), dbsize (database sizes), bouncer (one pool: "db/user"), scrape (an
// application's own Prometheus endpoint, by application_name).
QString keyed(const QString &group, const QString &name, const QString &field);
// Splits a keyed name; false when `metric` is not of that form.
bool splitKeyed(const QString &metric, QString *group, QString *name, QString *field);

} // namespace pgdeck::monitor::metric
