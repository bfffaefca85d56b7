#include "dashboardpanels.h"

#include "monitor/metricnames.h"

#include <QCoreApplication>
#include <QMap>

#include <algorithm>
#include <cmath>

namespace pgdeck::ui {

namespace m = monitor::metric;
using Unit = ChartView::Unit;
using Style = ChartView::Style;

namespace {

QString tr(const char *s)
{
    return QCoreApplication::translate("pgdeck::ui::DashboardPanels", s);
}

const QColor kActive(0x59, 0xa1, 0x4f);
const QColor kIdle(0x4e, 0x79, 0xa7);
const QColor kIdleTx(0xf2, 0x8e, 0x2b);
const QColor kWaiting(0xe1, 0x57, 0x59);
const QColor kOther(0xba, 0xb0, 0xac);

double val(const store::MetricValues &v, const QString &k)
{
    return v.value(k, std::nan(""));
}

// Keyed metrics present in the latest values: group[name].field -> names, biggest first by `rank`.
QStringList names(const store::MetricValues &v, const QString &group, const QString &field, const QString &rank = {})
{
    QStringList out;
    for (auto it = v.cbegin(); it != v.cend(); ++it) {
        QString g, n, f;
        if (m::splitKeyed(it.key(), &g, &n, &f) && g == group && f == field && !out.contains(n))
            out << n;
    }
    const QString by = rank.isEmpty() ? field : rank;
    std::stable_sort(out.begin(), out.end(), [&](const QString &a, const QString &b) {
        return v.value(m::keyed(group, a, by), 0) > v.value(m::keyed(group, b, by), 0);
    });
    return out;
}

QString fmt(double v, Unit u)
{
    return ChartView::formatValue(v, u);
}

} // namespace

QColor DashboardPanels::color(int i)
{
    static const QColor palette[] = {QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0x59, 0xa1, 0x4f),
                                     QColor(0xe1, 0x57, 0x59), QColor(0x76, 0xb7, 0xb2), QColor(0xed, 0xc9, 0x48),
                                     QColor(0xb0, 0x7a, 0xa1), QColor(0xff, 0x9d, 0xa7), QColor(0x9c, 0x75, 0x5f),
                                     QColor(0xba, 0xb0, 0xac)};
    return palette[((i % 10) + 10) % 10];
}

QString DashboardPanels::statementsMethod(double slowMs)
{
    return tr("From pg_stat_statements deltas (read every few seconds, top-level statements, the monitor's own left out). "
              "Each statement's new calls are modelled as a normal distribution with that interval's mean time and the "
              "statement's overall standard deviation (a single call is exact); a call slower than %1 ms is a slow query "
              "(at least one when the statement's max rose past it, none when its max is below). p95 is the 95th percentile "
              "of the call-weighted mixture. Both cover the last 60 seconds.")
        .arg(slowMs);
}

QString DashboardPanels::title(const QString &id)
{
    static const QMap<QString, const char *> titles{
        {QStringLiteral("connections"), QT_TRANSLATE_NOOP("pgdeck::ui::DashboardPanels", "Connections")},
        {QStringLiteral("apps"), QT_TRANSLATE_NOOP("pgdeck::ui::DashboardPanels", "Application pools")},
        {QStringLiteral("sessions"), QT_TRANSLATE_NOOP("pgdeck::ui::DashboardPanels", "Sessions by application")},
        {QStringLiteral("pgdeck-pool"), QT_TRANSLATE_NOOP("pgdeck::ui::DashboardPanels", "pgdeck's pool")},
        {QStringLiteral("pgbouncer"), QT_TRANSLATE_NOOP("pgdeck::ui::DashboardPanels", "PgBouncer pools")},
        {QStringLiteral("pgbouncer-rate"), QT_TRANSLATE_NOOP("pgdeck::ui::DashboardPanels", "PgBouncer throughput")},
        {QStringLiteral("tps"), QT_TRANSLATE_NOOP("pgdeck::ui::DashboardPanels", "Transactions")},
        {QStringLiteral("tuples"), QT_TRANSLATE_NOOP("pgdeck::ui::DashboardPanels", "Tuples")},
        {QStringLiteral("lag-seconds"), QT_TRANSLATE_NOOP("pgdeck::ui::DashboardPanels", "Replication lag (time)")},
        {QStringLiteral("lag-bytes"), QT_TRANSLATE_NOOP("pgdeck::ui::DashboardPanels", "Replication lag (WAL)")},
        {QStringLiteral("slow"), QT_TRANSLATE_NOOP("pgdeck::ui::DashboardPanels", "Slow queries")},
        {QStringLiteral("p95"), QT_TRANSLATE_NOOP("pgdeck::ui::DashboardPanels", "Query time p95")},
        {QStringLiteral("disk"), QT_TRANSLATE_NOOP("pgdeck::ui::DashboardPanels", "Disk")},
    };
    return tr(titles.value(id, ""));
}

QStringList DashboardPanels::ids(const QList<Server> &servers, bool cluster)
{
    bool pooler = false, database = false;
    for (const Server &s : servers) {
        pooler = pooler || s.role == QLatin1String("pooler");
        database = database || s.role != QLatin1String("pooler");
    }
    QStringList out;
    if (database) {
        out << QStringLiteral("connections");
        if (!cluster)
            out << QStringLiteral("apps") << QStringLiteral("sessions");
        out << QStringLiteral("tps") << QStringLiteral("tuples") << QStringLiteral("lag-seconds") << QStringLiteral("lag-bytes")
            << QStringLiteral("slow") << QStringLiteral("p95");
    }
    if (pooler)
        out << QStringLiteral("pgbouncer") << QStringLiteral("pgbouncer-rate");
    out << QStringLiteral("pgdeck-pool");
    if (database)
        out << QStringLiteral("disk");
    return out;
}

DashboardPanels::Panel DashboardPanels::define(const QString &id, const QList<Server> &servers, bool cluster,
                                               const monitor::Thresholds &t, const QString &group)
{
    Panel p;
    p.id = id;
    p.title = title(id);
    auto add = [&](const Server &s, const QString &metric, const QString &label, const QColor &c, Style st = Style::Line,
                   bool right = false) { p.series.append({s.source, metric, {label, c, st, right}}); };
    QList<Server> dbs, poolers;
    for (const Server &s : servers)
        (s.role == QLatin1String("pooler") ? poolers : dbs).append(s);
    const Server one = servers.isEmpty() ? Server{} : servers.first();
    const bool many = cluster && servers.size() > 1;
    auto named = [&](const Server &s, const QString &what) { return many ? QStringLiteral("%1 %2").arg(s.name, what) : what; };

    if (id == QLatin1String("connections")) {
        p.tooltip = tr("Client sessions by state (pg_stat_activity, pgdeck's monitor session left out). "
                       "\"Waiting on lock\" are active sessions blocked by a lock. The dashed line is max_connections.");
        if (!cluster) {
            const auto &v = one.latest;
            add(one, m::connActive, tr("active"), kActive, Style::StackedArea);
            add(one, m::connWaitingLock, tr("waiting on lock"), kWaiting, Style::StackedArea);
            add(one, m::connIdleInTx, tr("idle in transaction"), kIdleTx, Style::StackedArea);
            add(one, m::connIdle, tr("idle"), kIdle, Style::StackedArea);
            add(one, m::connOther, tr("other"), kOther, Style::StackedArea);
            const double total = val(v, m::connTotal), max = val(v, m::connMax);
            // The max line only when it is in reach; at 5 of 300 it would flatten the areas.
            if (std::isfinite(max) && std::isfinite(total) && max <= 4 * std::max(total, 1.0))
                add(one, m::connMax, tr("max_connections"), QColor(0xc9, 0x30, 0x30), Style::Dashed);
            if (std::isfinite(total) && std::isfinite(max))
                p.summary = tr("%1 of %2 max (%3 %)").arg(total).arg(max).arg(100.0 * total / max, 0, 'f', 0);
        } else {
            int i = 0;
            for (const Server &s : dbs) {
                add(s, m::connTotal, s.name, color(i));
                add(s, m::connActive, tr("%1 active").arg(s.name), color(i), Style::Dashed);
                ++i;
            }
            p.summary = tr("solid: total, dashed: active");
        }
    } else if (id == QLatin1String("apps")) {
        const QString g = group.isEmpty() ? QStringLiteral("app") : group;
        p.tooltip = tr("Solid: sessions the server sees per application_name (or user, or database). Dashed: the "
                       "application's own pool from its Prometheus endpoint (connections in use, clients waiting): "
                       "clients waiting for a connection are invisible from the server.");
        const QStringList apps = names(one.latest, g, QStringLiteral("total"));
        int i = 0;
        for (const QString &a : apps.mid(0, 6)) {
            add(one, m::keyed(g, a, QStringLiteral("total")), a, color(i));
            ++i;
        }
        for (const QString &a : names(one.latest, QStringLiteral("scrape"), QStringLiteral("up"))) {
            const int c = std::max<int>(0, int(apps.indexOf(a)));
            add(one, m::keyed(QStringLiteral("scrape"), a, QStringLiteral("pool_in_use")), tr("%1 in use (app)").arg(a),
                color(c), Style::Dashed);
            add(one, m::keyed(QStringLiteral("scrape"), a, QStringLiteral("pool_waiting")), tr("%1 waiting (app)").arg(a),
                QColor(0xc9, 0x30, 0x30), Style::Dashed);
            const double size = val(one.latest, m::keyed(QStringLiteral("scrape"), a, QStringLiteral("pool_size")));
            const double errors = val(one.latest, m::keyed(QStringLiteral("scrape"), a, QStringLiteral("errors_per_min")));
            if (std::isfinite(size))
                p.summary += (p.summary.isEmpty() ? QString() : QStringLiteral(" · ")) + tr("%1 pool %2").arg(a).arg(size);
            if (std::isfinite(errors) && errors > 0)
                p.summary += tr(", %1 connection errors/min").arg(errors);
            else if (val(one.latest, m::keyed(QStringLiteral("scrape"), a, QStringLiteral("up"))) == 0)
                p.summary += (p.summary.isEmpty() ? QString() : QStringLiteral(" · ")) + tr("%1 endpoint down").arg(a);
        }
        if (p.summary.isEmpty())
            p.summary = g == QLatin1String("user")
                ? QCoreApplication::translate("pgdeck::ui::DashboardPanels", "%n user(s)", nullptr, int(apps.size()))
                : g == QLatin1String("db") ? QCoreApplication::translate("pgdeck::ui::DashboardPanels", "%n database(s)", nullptr, int(apps.size()))
                                           : QCoreApplication::translate("pgdeck::ui::DashboardPanels", "%n application(s)", nullptr, int(apps.size()));
        p.emptyText = tr("No client sessions");
    } else if (id == QLatin1String("sessions")) {
        p.table = true;
        p.tooltip = tr("The latest sample's sessions per group, with the application's own pool where its endpoint is scraped.");
    } else if (id == QLatin1String("pgdeck-pool")) {
        p.tooltip = tr("pgdeck's own connection pool to each server (what its panels borrow): open, idle, leased, and "
                       "requests waiting for a session. The monitor uses a separate dedicated session.");
        if (!cluster) {
            add(one, m::poolTotal, tr("open"), color(0));
            add(one, m::poolIdle, tr("idle"), color(4));
            add(one, m::poolLeased, tr("leased"), color(2));
            add(one, m::poolWaiting, tr("waiting"), color(3));
            p.summary = tr("%1 errors").arg(val(one.latest, m::poolErrors) >= 0 ? val(one.latest, m::poolErrors) : 0);
        } else {
            int i = 0;
            for (const Server &s : servers) {
                add(s, m::poolTotal, tr("%1 open").arg(s.name), color(i), Style::Dashed);
                add(s, m::poolLeased, tr("%1 leased").arg(s.name), color(i));
                ++i;
            }
        }
    } else if (id == QLatin1String("pgbouncer")) {
        p.tooltip = tr("SHOW POOLS summed over PgBouncer's pools: clients active and waiting for a server "
                       "connection, server connections active and idle. The summary shows the longest wait.");
        int i = 0;
        double wait = 0;
        for (const Server &s : poolers) {
            add(s, m::bouncerClActive, named(s, tr("clients active")), color(many ? i : 0));
            add(s, m::bouncerClWaiting, named(s, tr("clients waiting")), color(many ? i : 3), many ? Style::Dashed : Style::Line);
            if (!many) {
                add(s, m::bouncerSvActive, tr("servers active"), color(2));
                add(s, m::bouncerSvIdle, tr("servers idle"), color(4));
            }
            wait = std::max(wait, s.latest.value(m::bouncerMaxwaitS, 0));
            ++i;
        }
        p.summary = tr("longest wait %1").arg(fmt(wait, Unit::Seconds));
    } else if (id == QLatin1String("pgbouncer-rate")) {
        p.unit = Unit::PerSecond;
        p.unit2 = Unit::Milliseconds;
        p.tooltip = tr("SHOW STATS deltas: transactions and queries per second through PgBouncer, and the average time "
                       "a query waited for a server connection (right axis).");
        int i = 0;
        for (const Server &s : poolers) {
            add(s, m::bouncerXactPerS, named(s, tr("transactions/s")), color(many ? i : 0));
            add(s, m::bouncerQueryPerS, named(s, tr("queries/s")), color(many ? i : 4), Style::Dashed);
            add(s, m::bouncerAvgWaitMs, named(s, tr("avg wait (ms)")), color(many ? i : 3), Style::Line, true);
            ++i;
        }
    } else if (id == QLatin1String("tps")) {
        p.unit = Unit::PerSecond;
        p.tooltip = tr("Commits and rollbacks per second over all databases (pg_stat_database deltas).");
        if (!cluster) {
            add(one, m::tpsCommit, tr("commits"), kActive);
            add(one, m::tpsRollback, tr("rollbacks"), kWaiting);
            p.summary = tr("%1 commits/s").arg(val(one.latest, m::tpsCommit), 0, 'f', 1);
        } else {
            int i = 0;
            for (const Server &s : dbs) {
                add(s, m::tpsCommit, tr("%1 commits").arg(s.name), color(i));
                add(s, m::tpsRollback, tr("%1 rollbacks").arg(s.name), color(i), Style::Dashed);
                ++i;
            }
        }
    } else if (id == QLatin1String("tuples")) {
        p.unit = Unit::PerSecond;
        p.tooltip = tr("Rows per second over all databases: in = inserted + updated + deleted, out = returned by scans, "
                       "fetched = fetched by index scans (pg_stat_database deltas).");
        int i = 0;
        for (const Server &s : cluster ? dbs : QList<Server>{one}) {
            add(s, m::tupIn, named(s, tr("in")), color(many ? i : 1));
            add(s, m::tupOut, named(s, tr("out")), color(many ? i : 0), many ? Style::Dashed : Style::Line);
            if (!many)
                add(s, m::tupFetched, tr("fetched"), color(4));
            ++i;
        }
    } else if (id == QLatin1String("lag-seconds") || id == QLatin1String("lag-bytes")) {
        const bool secs = id == QLatin1String("lag-seconds");
        p.unit = secs ? Unit::Seconds : Unit::Bytes;
        if (secs)
            p.guides = monitor::KeyMetric::ReplicationLag;
        p.tooltip = secs ? tr("Per replica, from both sides. Seen by the primary: pg_stat_replication replay_lag, and when "
                              "replay falls behind, the time since the oldest WAL it has not replayed was written. Seen by "
                              "the replica: the time since the oldest WAL it received but has not replayed appeared. An idle "
                              "cluster has nothing to replay and shows 0 s.")
                         : tr("Per replica, from both sides: WAL the primary wrote that the replica has not replayed "
                              "(pg_current_wal_lsn - replay_lsn), and WAL the replica received but has not replayed.");
        const QString field = secs ? QStringLiteral("lag_s") : QStringLiteral("lag_bytes");
        int i = 0;
        double worst = std::nan("");
        for (const Server &s : cluster ? dbs : QList<Server>{one}) {
            for (const QString &r : names(s.latest, QStringLiteral("repl"), field)) {
                add(s, m::keyed(QStringLiteral("repl"), r, field), tr("%1 (seen by primary)").arg(r), color(i++));
                const double v = val(s.latest, m::keyed(QStringLiteral("repl"), r, field));
                worst = std::isfinite(worst) ? std::max(worst, v) : v;
            }
            if (s.role == QLatin1String("replica")) {
                add(s, secs ? m::standbyLagS : m::standbyLagBytes, tr("%1 (own view)").arg(s.name), color(i++), Style::Dashed);
                const double v = val(s.latest, secs ? m::standbyLagS : m::standbyLagBytes);
                worst = std::isfinite(worst) ? std::max(worst, v) : v;
            }
        }
        if (std::isfinite(worst))
            p.summary = tr("worst %1").arg(fmt(worst, p.unit));
        p.emptyText = tr("No replicas");
    } else if (id == QLatin1String("slow") || id == QLatin1String("p95")) {
        const bool slow = id == QLatin1String("slow");
        p.unit = slow ? Unit::PerMinute : Unit::Milliseconds;
        p.guides = slow ? monitor::KeyMetric::SlowQueries : monitor::KeyMetric::QueryP95;
        p.tooltip = statementsMethod(t.slowQueryMs);
        const QString metric = slow ? m::slowPerMin : m::p95Ms;
        int i = 0;
        for (const Server &s : cluster ? dbs : QList<Server>{one}) {
            if (!s.latest.contains(metric) && !s.latest.isEmpty())
                for (const QString &n : s.notes)
                    if (n.contains(QLatin1String("pg_stat_statements")))
                        p.emptyText = n;
            add(s, metric, many ? s.name : (slow ? tr("slower than %1 ms").arg(t.slowQueryMs) : tr("p95")), color(many ? i : (slow ? 6 : 0)));
            ++i;
        }
        if (!cluster && std::isfinite(val(one.latest, metric)))
            p.summary = slow ? tr("%1 in the last minute").arg(val(one.latest, metric), 0, 'f', 0) : fmt(val(one.latest, metric), p.unit);
        if (p.emptyText.isEmpty())
            p.emptyText = tr("Waiting for two pg_stat_statements readings…");
    } else if (id == QLatin1String("disk")) {
        p.tooltip = tr("Database sizes (pg_database_size) and WAL (pg_ls_waldir), read every minute; the summary "
                       "shows the filesystem of the data directory when the server runs on this machine.");
        if (!cluster) {
            p.unit = Unit::Bytes;
            int i = 0;
            for (const QString &d : names(one.latest, QStringLiteral("dbsize"), QStringLiteral("bytes")).mid(0, 5))
                add(one, m::keyed(QStringLiteral("dbsize"), d, QStringLiteral("bytes")), d, color(i++));
            add(one, m::walSizeBytes, tr("WAL"), color(6), Style::Dashed);
            const double pct = val(one.latest, m::fsUsedPct), size = val(one.latest, m::fsSizeBytes);
            p.summary = std::isfinite(pct) ? tr("filesystem %1 used of %2").arg(fmt(pct, Unit::Percent), fmt(size, Unit::Bytes))
                                           : tr("filesystem: not on this machine");
        } else {
            p.unit = Unit::Percent;
            p.guides = monitor::KeyMetric::DiskUsage;
            p.title = tr("Disk usage");
            int i = 0;
            for (const Server &s : dbs)
                add(s, m::fsUsedPct, s.name, color(i++));
            p.emptyText = tr("Filesystem usage is shown for servers on this machine");
        }
    }
    return p;
}

} // namespace pgdeck::ui
