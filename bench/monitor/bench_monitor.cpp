// bench_monitor MODE CONNINFO [args]
//   cost TICKS            backend CPU per tick (utime+stime from /proc/<backend pid>/stat) of
//                         pgdeck's sampler (prepared, one round trip) and, in the same run, of
//                         the same sections as a multi-statement simple query and of pgAdmin 4's
//                         dashboard SQL (5 graphs + the sessions of its State tab), ticks back to back
//   stall SERVERS SECONDS GUI event-loop stall p99 / max while the dashboard monitors SERVERS
//                         servers (alternating CONNINFO and $PGDECK_BENCH_REPLICA_CONN) at 1 s
// Prints one JSON line; bench/monitor/section.sh prints the ratios.
#include "core/stallmeter.h"
#include "monitor/catalogqueries.h"
#include "monitor/monitor.h"
#include "monitor/postgressampler.h"
#include "pg/serverconnection.h"
#include "pg/session.h"
#include "store/metricstore.h"
#include "ui/dashboard/dashboardwidget.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <memory>
#include <unistd.h>

using namespace pgdeck;

namespace {

void print(const QJsonObject &o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

void spin(const std::function<bool()> &done)
{
    while (!done())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
}

// CPU seconds (user + system) a process has used so far.
double cpuSeconds(int pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = f.readAll();
    // Fields after the ")" of the command name: state is field 3; utime 14, stime 15.
    const QList<QByteArray> rest = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const double ticks = rest.value(11).toDouble() + rest.value(12).toDouble();
    return ticks / double(sysconf(_SC_CLK_TCK));
}

std::unique_ptr<pg::Session> connectSession(const pg::ConnParams &params)
{
    auto s = std::make_unique<pg::Session>();
    bool done = false;
    QObject::connect(s.get(), &pg::Session::connected, [&] { done = true; });
    QObject::connect(s.get(), &pg::Session::connectFailed, [&](const core::Error &e) {
        std::fprintf(stderr, "connect: %s\n", qPrintable(e.message));
        std::exit(2);
    });
    s->connectToServer(params, 10000);
    spin([&] { return done; });
    return s;
}

// Runs `send` back to back `ticks` times on `session` and returns ms of backend CPU per tick.
double measure(pg::Session *session, int ticks, const std::function<void(int, pg::Session::Callback)> &send)
{
    const int pid = session->backendPid();
    // Warm-up: catalog caches, plan cache.
    for (int i = 0; i < 20; ++i) {
        bool done = false;
        send(i, [&](core::Result<pg::QueryResult>) { done = true; });
        spin([&] { return done; });
    }
    const double before = cpuSeconds(pid);
    int n = 0;
    bool failed = false;
    std::function<void()> next = [&]() {
        send(n, [&](core::Result<pg::QueryResult> r) {
            if (!r.ok()) {
                std::fprintf(stderr, "tick failed: %s\n", qPrintable(r.error().toString()));
                failed = true;
                return;
            }
            if (++n < ticks)
                next();
        });
    };
    next();
    spin([&] { return n >= ticks || failed; });
    return (cpuSeconds(pid) - before) * 1000.0 / ticks;
}

int costBench(const pg::ConnParams &params, int ticks)
{
    // Some idle clients, so the activity views have rows to read for every tool.
    std::vector<std::unique_ptr<pg::Session>> clients;
    pg::ConnParams idle = params;
    idle.set("application_name", QStringLiteral("bench-idle-client"));
    for (int i = 0; i < 20; ++i)
        clients.push_back(connectSession(idle));

    // pgdeck: the real sampler, ticks back to back (statements every 5th, sizes every 60th tick).
    auto runSampler = [&](int statementsEvery, int diskEvery, qint64 *pssRows) {
        monitor::PostgresSampler sampler(QStringLiteral("bench/x"), QStringLiteral("x"), params, nullptr);
        sampler.setStatementsEvery(statementsEvery);
        sampler.setDiskEvery(diskEvery);
        sampler.start();
        spin([&] { return sampler.state() == monitor::Sampler::State::Up || sampler.state() == monitor::Sampler::State::Down; });
        if (sampler.state() != monitor::Sampler::State::Up) {
            std::fprintf(stderr, "sampler: %s\n", qPrintable(sampler.lastError()));
            std::exit(2);
        }
        int n = 0;
        QObject::connect(&sampler, &monitor::Sampler::sampled, [&](const monitor::Sample &) {
            ++n;
            QTimer::singleShot(0, &sampler, &monitor::Sampler::tick);
        });
        sampler.tick();
        spin([&] { return n >= 20; });
        const int pid = sampler.session()->backendPid();
        const int start = n;
        const double before = cpuSeconds(pid);
        QElapsedTimer wall;
        wall.start();
        spin([&] { return n >= start + ticks; });
        const double ms = (cpuSeconds(pid) - before) * 1000.0 / ticks;
        if (pssRows)
            *pssRows = sampler.capabilities().canReadStatements() ? 1 : 0;
        sampler.stop();
        return std::make_pair(ms, wall.nsecsElapsed() / 1e6 / ticks);
    };
    qint64 pss = 0;
    const auto ours = runSampler(5, 60, &pss);
    const auto oursAll = runSampler(1, 1, nullptr);

    // The same sections as one multi-statement simple query (parsed and planned every time).
    pg::ConnParams mp = params;
    mp.set("application_name", QStringLiteral("pgdeck-monitor"));
    for (const auto &kv : monitor::CatalogQueries::sessionSettings(2000))
        mp.addServerOption(kv.first, kv.second);
    auto simple = connectSession(mp);
    monitor::Capabilities caps;
    {
        bool done = false;
        simple->exec(monitor::CatalogQueries::capabilitiesSql(), [&](core::Result<pg::QueryResult> r) {
            caps = monitor::CatalogQueries::parseCapabilities(r->last());
            done = true;
        });
        spin([&] { return done; });
    }
    const double oursSimple = measure(simple.get(), ticks, [&](int i, pg::Session::Callback cb) {
        simple->exec(monitor::CatalogQueries::tickStatements(caps, i % 5 == 0, i % 60 == 0).join(QStringLiteral(";\n")), cb);
    });

    // pgAdmin 4's dashboard: its five graphs in one UNION ALL (dashboard_stats.sql) and the
    // sessions list of its State tab (activity.sql, 10_plus), sent as literal SQL as psycopg does.
    const QString pgadminGraphs = QStringLiteral(
        "SELECT 'session_stats' AS chart_name, pg_catalog.row_to_json(t) AS chart_data FROM (SELECT "
        "(SELECT count(*) FROM pg_catalog.pg_stat_activity) AS \"Total\", "
        "(SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE state = 'active') AS \"Active\", "
        "(SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE state = 'idle') AS \"Idle\") t "
        "UNION ALL SELECT 'tps_stats' AS chart_name, pg_catalog.row_to_json(t) AS chart_data FROM (SELECT "
        "(SELECT sum(xact_commit) + sum(xact_rollback) FROM pg_catalog.pg_stat_database) AS \"Transactions\", "
        "(SELECT sum(xact_commit) FROM pg_catalog.pg_stat_database) AS \"Commits\", "
        "(SELECT sum(xact_rollback) FROM pg_catalog.pg_stat_database) AS \"Rollbacks\") t "
        "UNION ALL SELECT 'ti_stats' AS chart_name, pg_catalog.row_to_json(t) AS chart_data FROM (SELECT "
        "(SELECT sum(tup_inserted) FROM pg_catalog.pg_stat_database) AS \"Inserts\", "
        "(SELECT sum(tup_updated) FROM pg_catalog.pg_stat_database) AS \"Updates\", "
        "(SELECT sum(tup_deleted) FROM pg_catalog.pg_stat_database) AS \"Deletes\") t "
        "UNION ALL SELECT 'to_stats' AS chart_name, pg_catalog.row_to_json(t) AS chart_data FROM (SELECT "
        "(SELECT sum(tup_fetched) FROM pg_catalog.pg_stat_database) AS \"Fetched\", "
        "(SELECT sum(tup_returned) FROM pg_catalog.pg_stat_database) AS \"Returned\") t "
        "UNION ALL SELECT 'bio_stats' AS chart_name, pg_catalog.row_to_json(t) AS chart_data FROM (SELECT "
        "(SELECT sum(blks_read) FROM pg_catalog.pg_stat_database) AS \"Reads\", "
        "(SELECT sum(blks_hit) FROM pg_catalog.pg_stat_database) AS \"Hits\") t");
    const QString pgadminActivity = QStringLiteral(
        "SELECT pid, datname, usename, application_name, client_addr, "
        "pg_catalog.to_char(backend_start, 'YYYY-MM-DD HH24:MI:SS TZ') AS backend_start, state, "
        "wait_event_type || ': ' || wait_event AS wait_event, "
        "array_to_string(pg_catalog.pg_blocking_pids(pid), ', ') AS blocking_pids, query, "
        "pg_catalog.to_char(state_change, 'YYYY-MM-DD HH24:MI:SS TZ') AS state_change, "
        "pg_catalog.to_char(query_start, 'YYYY-MM-DD HH24:MI:SS TZ') AS query_start, "
        "pg_catalog.to_char(xact_start, 'YYYY-MM-DD HH24:MI:SS TZ') AS xact_start, backend_type, "
        "CASE WHEN state = 'active' THEN ROUND((extract(epoch from now() - query_start) / 60)::numeric, 2) ELSE 0 END AS active_since "
        "FROM pg_catalog.pg_stat_activity ORDER BY pid");
    pg::ConnParams ap = params;
    ap.set("application_name", QStringLiteral("pgAdmin 4 - DB:postgres"));
    auto admin = connectSession(ap);
    const double pgadmin = measure(admin.get(), ticks, [&](int, pg::Session::Callback cb) {
        admin->exec(pgadminGraphs, [&, cb](core::Result<pg::QueryResult> r) {
            if (!r.ok()) {
                cb(r);
                return;
            }
            admin->exec(pgadminActivity, cb);
        });
    });
    print({{QStringLiteral("mode"), QStringLiteral("cost")},
           {QStringLiteral("ticks"), ticks},
           {QStringLiteral("ours_ms"), ours.first},
           {QStringLiteral("ours_wall_ms"), ours.second},
           {QStringLiteral("ours_every_section_every_tick_ms"), oursAll.first},
           {QStringLiteral("ours_simple_multistatement_ms"), oursSimple},
           {QStringLiteral("pgadmin_ms"), pgadmin},
           {QStringLiteral("pg_stat_statements"), pss > 0}});
    return 0;
}

int stallBench(const pg::ConnParams &primary, const pg::ConnParams &replica, int servers, int seconds)
{
    QTemporaryDir dir;
    store::MetricStore::Options so;
    so.path = dir.filePath(QStringLiteral("bench.sqlite"));
    store::MetricStore metrics(so);
    monitor::Monitor mon(&metrics);
    mon.setIntervalMs(1000);
    std::vector<std::unique_ptr<pg::ServerConnection>> conns;
    for (int i = 0; i < servers; ++i) {
        const pg::ConnParams &p = i % 2 ? replica : primary;
        conns.push_back(std::make_unique<pg::ServerConnection>(QStringLiteral("server-%1").arg(i, 2, 10, QLatin1Char('0')), p,
                                                               pg::PoolOptions{}));
        mon.addServer(QStringLiteral("bench"), conns.back().get());
    }
    ui::DashboardWidget dash(&mon);
    dash.resize(1440, 900);
    dash.setCurrentServer(conns.front().get());
    dash.setScope(ui::DashboardWidget::Scope::Cluster);
    dash.show();
    int samples = 0;
    QObject::connect(&mon, &monitor::Monitor::sampled, [&](pg::ServerConnection *, const monitor::Sample &s) { samples += s.up; });
    // Let every server connect first.
    spin([&] { return samples >= servers * 2; });
    core::StallMeter meter(2);
    meter.start();
    const int before = samples;
    const int refreshesBefore = dash.refreshes();
    QElapsedTimer t;
    t.start();
    spin([&] { return t.elapsed() >= seconds * 1000; });
    meter.stop();
    print({{QStringLiteral("mode"), QStringLiteral("stall")},
           {QStringLiteral("servers"), servers},
           {QStringLiteral("seconds"), seconds},
           {QStringLiteral("samples"), samples - before},
           {QStringLiteral("repaints"), dash.refreshes() - refreshesBefore},
           {QStringLiteral("p99_ms"), meter.percentileUs(99) / 1000.0},
           {QStringLiteral("max_ms"), meter.maxUs() / 1000.0}});
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_monitor cost CONNINFO [TICKS] | stall CONNINFO [SERVERS] [SECONDS]\n");
        return 64;
    }
    const QByteArray mode = argv[1];
    if (mode == "stall" && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    auto params = pg::ConnParams::parse(QString::fromLocal8Bit(argv[2]));
    if (!params.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(params.error().message));
        return 64;
    }
    if (mode == "cost")
        return costBench(*params, argc > 3 ? std::atoi(argv[3]) : 1000);
    if (mode == "stall") {
        const QString rep = qEnvironmentVariable("PGDECK_BENCH_REPLICA_CONN");
        const auto replica = rep.isEmpty() ? params : pg::ConnParams::parse(rep);
        return stallBench(*params, replica.ok() ? *replica : *params, argc > 3 ? std::atoi(argv[3]) : 20,
                          argc > 4 ? std::atoi(argv[4]) : 30);
    }
    std::fprintf(stderr, "unknown mode %s\n", mode.constData());
    return 64;
}
