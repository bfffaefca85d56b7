#include "catalogqueries.h"

#include "pg/resultset.h"

namespace pgdeck::monitor {

int Capabilities::parseExtensionVersion(const QString &v)
{
    const QStringList parts = v.split(QLatin1Char('.'));
    return parts.value(0).toInt() * 100 + parts.value(1).toInt();
}

const QList<CatalogQueries::Section> &CatalogQueries::sections()
{
    static const QList<Section> list{
        {QStringLiteral("srv"), 100000, 0,
         QStringLiteral("pg_is_in_recovery, max_connections, pg_current_wal_lsn / pg_last_wal_receive_lsn / "
                        "pg_last_wal_replay_lsn / pg_last_xact_replay_timestamp, pg_is_wal_replay_paused, pg_stat_wal_receiver")},
        {QStringLiteral("act"), 100000, 0, QStringLiteral("pg_stat_activity (backend_type since 10)")},
        {QStringLiteral("db"), 90600, 0, QStringLiteral("pg_stat_database")},
        {QStringLiteral("rep"), 100000, 0, QStringLiteral("pg_stat_replication (write/flush/replay_lag since 10)")},
        {QStringLiteral("pss"), 90600, 0,
         QStringLiteral("pg_stat_statements(false): *_exec_time from extension 1.8 (PG 13), toplevel from 1.9 (PG 14), "
                        "total_time before 1.8; the monitor's own statement left out by query_id from PG 14")},
        {QStringLiteral("dbsize"), 90600, 0, QStringLiteral("pg_database_size (CONNECT or pg_read_all_stats)")},
        {QStringLiteral("wal"), 100000, 0, QStringLiteral("pg_ls_waldir (superuser or pg_monitor), data_directory")},
    };
    return list;
}

QString CatalogQueries::capabilitiesSql()
{
    // pg_has_role(…, 'USAGE') follows inheritance, as privilege checks do.
    return QStringLiteral(
        "SELECT current_setting('server_version_num')::int, pg_is_in_recovery(), r.rolsuper,"
        " pg_has_role(current_user, 'pg_monitor', 'USAGE'),"
        " pg_has_role(current_user, 'pg_read_all_settings', 'USAGE'),"
        " pg_has_role(current_user, 'pg_read_all_stats', 'USAGE'),"
        " (SELECT quote_ident(n.nspname) FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
        "   WHERE e.extname = 'pg_stat_statements'),"
        " (SELECT e.extversion FROM pg_extension e WHERE e.extname = 'pg_stat_statements'),"
        " current_setting('shared_preload_libraries') ~ '(^|[ ,])\"?pg_stat_statements\"?($|[ ,])',"
        " current_database(), current_setting('port')::int, current_user::text"
        " FROM pg_roles r WHERE r.rolname = current_user");
}

Capabilities CatalogQueries::parseCapabilities(const pg::ResultSet &s)
{
    Capabilities c;
    if (s.rowCount() < 1)
        return c;
    c.serverVersion = int(s.toInt64(0, 0));
    c.inRecovery = s.toBool(0, 1);
    c.superuser = s.toBool(0, 2);
    c.monitorRole = s.toBool(0, 3);
    c.readAllSettings = s.toBool(0, 4);
    c.readAllStats = s.toBool(0, 5);
    c.pgssInstalled = !s.isNullAt(0, 6);
    c.pgssSchema = s.text(0, 6);
    c.pgssVersion = Capabilities::parseExtensionVersion(s.text(0, 7));
    c.pgssLoaded = s.toBool(0, 8);
    c.database = s.text(0, 9);
    c.port = int(s.toInt64(0, 10));
    c.user = s.text(0, 11);
    return c;
}

QList<QPair<QString, QString>> CatalogQueries::sessionSettings(int statementTimeoutMs)
{
    return {
        {QStringLiteral("statement_timeout"), QString::number(statementTimeoutMs)},
        {QStringLiteral("lock_timeout"), QString::number(statementTimeoutMs)},
        {QStringLiteral("plan_cache_mode"), QStringLiteral("force_generic_plan")}, // PG 12+
        {QStringLiteral("jit"), QStringLiteral("off")},
    };
}

QStringList CatalogQueries::sectionSql(const Capabilities &caps, const QString &statementsGate, const QString &diskGate)
{
    QStringList out;
    // Server facts and the replica's own view. Functions that fail on the other
    // role (pg_current_wal_lsn on a replica, pg_is_wal_replay_paused on a primary)
    // sit behind CASE, which PostgreSQL evaluates lazily.
    out << QStringLiteral(
        "SELECT 'srv'::text AS sec, (SELECT w.status FROM pg_stat_wal_receiver w) AS k1, NULL::text AS k2, NULL::text AS k3,"
        " extract(epoch FROM clock_timestamp())::float8 AS a,"
        " current_setting('max_connections')::float8 AS b,"
        " CASE WHEN r.rec THEN 1 ELSE 0 END::float8 AS c,"
        " pg_wal_lsn_diff(CASE WHEN r.rec THEN pg_last_wal_receive_lsn() ELSE pg_current_wal_lsn() END, '0/0')::float8 AS d,"
        " pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')::float8 AS e,"
        " extract(epoch FROM pg_last_xact_replay_timestamp())::float8 AS f,"
        " CASE WHEN r.rec AND pg_is_wal_replay_paused() THEN 1 ELSE 0 END::float8 AS g,"
        " NULL::float8 AS h"
        " FROM (SELECT pg_is_in_recovery() AS rec) r");
    // Client connections by application, user and database; the monitor's own
    // session is left out so an idle server reads 0 active.
    out << QStringLiteral(
        "SELECT 'act', a.application_name, a.usename::text, a.datname::text,"
        " count(*) FILTER (WHERE a.state = 'active' AND a.wait_event_type IS DISTINCT FROM 'Lock'),"
        " count(*) FILTER (WHERE a.state = 'idle'),"
        " count(*) FILTER (WHERE a.state LIKE 'idle in transaction%'),"
        " count(*) FILTER (WHERE a.wait_event_type = 'Lock'),"
        " count(*),"
        " max(extract(epoch FROM clock_timestamp() - a.xact_start)),"
        " max(extract(epoch FROM clock_timestamp() - a.query_start)) FILTER (WHERE a.state = 'active'),"
        " NULL"
        " FROM pg_stat_activity a"
        " WHERE a.backend_type = 'client backend' AND a.pid <> pg_backend_pid()"
        " GROUP BY 2, 3, 4");
    out << QStringLiteral(
        "SELECT 'db', NULL, NULL, NULL,"
        " sum(d.xact_commit), sum(d.xact_rollback), sum(d.tup_inserted + d.tup_updated + d.tup_deleted),"
        " sum(d.tup_returned), sum(d.tup_fetched), sum(d.blks_read), sum(d.blks_hit), sum(d.deadlocks)"
        " FROM pg_stat_database d");
    // Standbys as the primary (or a cascading replica) sees them.
    out << QStringLiteral(
        "SELECT 'rep', coalesce(nullif(s.application_name, ''), host(s.client_addr), s.pid::text), s.state, s.sync_state,"
        " pg_wal_lsn_diff(w.lsn, s.sent_lsn), pg_wal_lsn_diff(w.lsn, s.flush_lsn), pg_wal_lsn_diff(w.lsn, s.replay_lsn),"
        " extract(epoch FROM s.write_lag), extract(epoch FROM s.flush_lag), extract(epoch FROM s.replay_lag),"
        " pg_wal_lsn_diff(s.replay_lsn, '0/0'), NULL"
        " FROM pg_stat_replication s,"
        " (SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END AS lsn) w");
    if (caps.canReadStatements()) {
        const bool exec = caps.pgssVersion >= 108;
        const QString total = exec ? QStringLiteral("total_exec_time") : QStringLiteral("total_time");
        const QString stddev = exec ? QStringLiteral("stddev_exec_time") : QStringLiteral("stddev_time");
        const QString max = exec ? QStringLiteral("max_exec_time") : QStringLiteral("max_time");
        // Nested statements are already inside their caller's time (toplevel, 1.9+).
        // The monitor's own statement is left out (pg_stat_activity.query_id, 14+).
        QStringList where;
        if (caps.pgssVersion >= 109)
            where << QStringLiteral("s.toplevel");
        if (caps.serverVersion >= 140000)
            where << QStringLiteral("s.queryid IS DISTINCT FROM (SELECT me.query_id FROM pg_stat_get_activity(pg_backend_pid()) me)");
        const QString filter = where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
        // showtext = false: the query texts (an external file) are never read.
        out << QStringLiteral(
                   "SELECT * FROM (SELECT 'pss'::text, s.queryid::text, s.userid::text, s.dbid::text,"
                   " s.calls::float8, s.%1::float8, s.%2::float8, s.%3::float8,"
                   " NULL::float8, NULL::float8, NULL::float8, NULL::float8"
                   " FROM %4.pg_stat_statements(false) s%5) pss WHERE %6")
                   .arg(total, stddev, max, caps.pgssSchema, filter, statementsGate);
    }
    const QString sizeFilter = caps.readAllStats || caps.superuser || caps.monitorRole
        ? QStringLiteral("d.datallowconn")
        : QStringLiteral("d.datallowconn AND has_database_privilege(d.oid, 'CONNECT')");
    QString disk = QStringLiteral(
                       "SELECT 'dbsize'::text, d.datname::text, NULL::text, NULL::text, pg_database_size(d.oid)::float8,"
                       " NULL::float8, NULL::float8, NULL::float8, NULL::float8, NULL::float8, NULL::float8, NULL::float8"
                       " FROM pg_database d WHERE %1")
                       .arg(sizeFilter);
    if (caps.canReadWalDir() && caps.canReadDataDirectory())
        disk += QStringLiteral(
            " UNION ALL SELECT 'wal', current_setting('data_directory'), NULL, NULL, sum(w.size)::float8, count(*)::float8,"
            " NULL, NULL, NULL, NULL, NULL, NULL FROM pg_ls_waldir() w");
    // Without pg_stat_statements $1 is still declared, so one parameter list fits both.
    const QString gate = caps.canReadStatements() ? diskGate : QStringLiteral("%1 AND %2 IS NOT NULL").arg(diskGate, statementsGate);
    out << QStringLiteral("SELECT * FROM (%1) disk WHERE %2").arg(disk, gate);
    return out;
}

QString CatalogQueries::tickSql(const Capabilities &caps)
{
    return sectionSql(caps, QStringLiteral("$1::boolean"), QStringLiteral("$2::boolean")).join(QStringLiteral("\nUNION ALL\n"));
}

QStringList CatalogQueries::tickStatements(const Capabilities &caps, bool statements, bool disk)
{
    QStringList out;
    for (const QString &s : sectionSql(caps, statements ? QStringLiteral("true") : QStringLiteral("false"),
                                       disk ? QStringLiteral("true") : QStringLiteral("false")))
        out << s;
    return out;
}

QStringList CatalogQueries::notes(const Capabilities &caps)
{
    QStringList n;
    if (caps.serverVersion && (caps.serverVersion < kOldestSupported || caps.serverVersion > kNewestTested))
        n << QObject::tr("PostgreSQL %1.%2 is outside the range pgdeck's monitor was tested on (12 to 17); some charts may stay empty.")
                 .arg(caps.serverVersion / 10000)
                 .arg(caps.serverVersion % 100);
    if (!caps.pgssLoaded && !caps.pgssInstalled)
        n << QObject::tr("pg_stat_statements is not installed: add it to shared_preload_libraries in postgresql.conf, "
                         "restart the server, then run CREATE EXTENSION pg_stat_statements; in database %1. "
                         "Until then slow queries and p95 are not charted.")
                 .arg(caps.database);
    else if (!caps.pgssLoaded)
        n << QObject::tr("pg_stat_statements is installed but not loaded: add it to shared_preload_libraries in "
                         "postgresql.conf and restart the server. Until then slow queries and p95 are not charted.");
    else if (!caps.pgssInstalled)
        n << QObject::tr("pg_stat_statements is loaded but not installed in database %1: run CREATE EXTENSION "
                         "pg_stat_statements; there (or connect to a database that has it).")
                 .arg(caps.database);
    if (!caps.canReadWalDir() || !caps.canReadDataDirectory())
        n << QObject::tr("WAL size and filesystem usage need the pg_monitor role: GRANT pg_monitor TO %1;")
                 .arg(caps.user);
    if (!caps.seesAllSessions())
        n << QObject::tr("Other users' sessions show no state without pg_read_all_stats: GRANT pg_monitor TO %1; "
                         "they are counted as \"other\".")
                 .arg(caps.user);
    return n;
}

} // namespace pgdeck::monitor
