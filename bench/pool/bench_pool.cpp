// bench_pool MODE CONNINFO [args]
//   acquire                        median acquire+release overhead (µs) of a warm pool
//   throughput SECONDS CLIENTS MAX SELECT 1 throughput of CLIENTS logical clients sharing MAX sessions
//   stall QUERIES                  event-loop stall p99 / max while QUERIES queries run
// Prints one JSON line; bench/run sets baselines beside it and prints the ratios.
#include "core/stallmeter.h"
#include "pg/pool.h"
#include "pg/session.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace pgdeck;

namespace {

void print(const QJsonObject &o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

// Spins the (top-level) event loop until `done`.
void spin(const std::function<bool()> &done)
{
    while (!done())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
}

int acquireBench(const pg::ConnParams &params)
{
    pg::PoolOptions o;
    o.max = 1;
    o.min = 1;
    o.validateAfterIdleMs = 0;
    pg::Pool pool(params, o);
    spin([&] { return pool.stats().idle == 1; });
    std::vector<double> perOp;
    const int batch = 1000;
    for (int b = 0; b < 200; ++b) {
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < batch; ++i) {
            pg::Lease held;
            pool.acquire([&](core::Result<pg::Lease> l) { held = std::move(l.value()); });
            held.release();
        }
        perOp.push_back(double(t.nsecsElapsed()) / batch / 1000.0);
    }
    std::sort(perOp.begin(), perOp.end());
    print({{QStringLiteral("tool"), QStringLiteral("pgdeck")}, {QStringLiteral("mode"), QStringLiteral("acquire")},
           {QStringLiteral("median_us"), perOp[perOp.size() / 2]}});
    return 0;
}

int throughputBench(const pg::ConnParams &params, int seconds, int clients, int max)
{
    pg::PoolOptions o;
    o.max = max;
    o.min = max;
    o.applicationName = QStringLiteral("bench-pgdeck-pool");
    o.connectionTimeoutMs = 60000;
    pg::Pool pool(params, o);
    spin([&] { return pool.stats().idle == max; });

    qint64 done = 0, failed = 0;
    bool stop = false;
    int running = clients;
    QElapsedTimer t;
    // One logical client: acquire, SELECT 1, release, again — like pool.query() in node-pg.
    std::function<void()> loop = [&]() {
        if (stop) {
            --running;
            return;
        }
        pool.acquire([&](core::Result<pg::Lease> lease) {
            if (!lease.ok()) {
                ++failed;
                loop();
                return;
            }
            auto held = std::make_shared<pg::Lease>(std::move(lease.value()));
            (*held)->exec(QStringLiteral("SELECT 1"), [&, held](core::Result<pg::QueryResult> r) {
                r.ok() ? ++done : ++failed;
                held->release();
                loop(); // exec() is asynchronous, so this never recurses deeply

            });
        });
    };
    t.start();
    QTimer::singleShot(seconds * 1000, &pool, [&] { stop = true; });
    for (int i = 0; i < clients; ++i)
        loop();
    spin([&] { return running == 0; });
    const double elapsed = double(t.nsecsElapsed()) / 1e9;
    print({{QStringLiteral("tool"), QStringLiteral("pgdeck")}, {QStringLiteral("mode"), QStringLiteral("throughput")},
           {QStringLiteral("queries"), double(done)}, {QStringLiteral("failed"), double(failed)},
           {QStringLiteral("seconds"), elapsed}, {QStringLiteral("qps"), double(done) / elapsed}});
    return failed ? 1 : 0;
}

int stallBench(const pg::ConnParams &params, int queries)
{
    pg::PoolOptions o;
    o.max = 10;
    pg::Pool pool(params, o);
    core::StallMeter meter(1);
    meter.start();
    int done = 0;
    for (int i = 0; i < queries; ++i)
        pool.acquire([&](core::Result<pg::Lease> lease) {
            auto held = std::make_shared<pg::Lease>(std::move(lease.value()));
            (*held)->exec(QStringLiteral("SELECT g, md5(g::text) FROM generate_series(1, 20000) g, pg_sleep(0.05)"),
                          [&, held](core::Result<pg::QueryResult>) {
                              ++done;
                              held->release();
                          });
        });
    spin([&] { return done == queries; });
    meter.stop();
    print({{QStringLiteral("tool"), QStringLiteral("pgdeck")}, {QStringLiteral("mode"), QStringLiteral("stall")},
           {QStringLiteral("queries"), queries}, {QStringLiteral("ticks"), meter.ticks()},
           {QStringLiteral("p99_ms"), double(meter.percentileUs(99)) / 1000.0},
           {QStringLiteral("max_ms"), double(meter.maxUs()) / 1000.0}});
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    if (a.size() < 3) {
        std::fprintf(stderr, "usage: bench_pool acquire|throughput|stall CONNINFO [args]\n");
        return 64;
    }
    auto params = pg::ConnParams::parse(a[2]);
    if (!params.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(params.error().message));
        return 64;
    }
    if (a[1] == QLatin1String("acquire"))
        return acquireBench(*params);
    if (a[1] == QLatin1String("throughput"))
        return throughputBench(*params, a.value(3, QStringLiteral("10")).toInt(), a.value(4, QStringLiteral("200")).toInt(),
                               a.value(5, QStringLiteral("20")).toInt());
    if (a[1] == QLatin1String("stall"))
        return stallBench(*params, a.value(3, QStringLiteral("50")).toInt());
    std::fprintf(stderr, "unknown mode\n");
    return 64;
}
