// bench_explain parse [--conn CONN] [--runs N] [--save DIR]
//   10,000-node plan: 3,333 UNION ALL arms of (SELECT … ORDER BY … LIMIT 1), each a
//   Limit -> Sort -> Seq Scan, under one Append. With --conn the plan is captured
//   from the server (EXPLAIN (ANALYZE, BUFFERS) in TEXT and in JSON); without, it is
//   synthesized in the exact shape PostgreSQL 15 prints. Prints one JSON line.
// bench_explain gui [--conn CONN]
//   Opens a 5,000-node plan in the plans view (offscreen), zooms and selects nodes,
//   and reports the longest event-loop stall. Prints one JSON line.
#include "core/stallmeter.h"
#include "explain/insightanalyzer.h"
#include "explain/metrics.h"
#include "explain/planlayout.h"
#include "explain/planparser.h"
#include "pg/session.h"
#include "ui/explain/plangraphview.h"
#include "ui/explain/planspanel.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>

using namespace pgdeck;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double timeMs(const std::function<void()> &f)
{
    QElapsedTimer t;
    t.start();
    f();
    return double(t.nsecsElapsed()) / 1e6;
}

QString armsSql(int arms, const QString &table, const QString &filterColumn, const QString &orderColumn)
{
    QStringList parts;
    for (int i = 0; i < arms; ++i)
        parts << QStringLiteral("(SELECT * FROM %1 WHERE %2 = 'k%3' ORDER BY %4 LIMIT 1)").arg(table, filterColumn).arg(i).arg(orderColumn);
    return parts.join(QStringLiteral(" UNION ALL "));
}

// Runs one query on a blocking-free session by spinning the event loop (bench only).
std::optional<QString> query(pg::Session &s, const QString &sql)
{
    std::optional<core::Result<pg::QueryResult>> out;
    s.exec(sql, [&](core::Result<pg::QueryResult> r) { out = std::move(r); });
    while (!out)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    if (!out->ok()) {
        std::fprintf(stderr, "bench_explain: %s\n", qPrintable(out->error().toString()));
        return std::nullopt;
    }
    QString text;
    const pg::ResultSet &rs = (*out)->last();
    for (int i = 0; i < rs.rowCount(); ++i)
        text += rs.text(i, 0) + QLatin1Char('\n');
    return text;
}

bool connectTo(pg::Session &s, const QString &conn)
{
    auto params = pg::ConnParams::parse(conn);
    if (!params.ok())
        return false;
    bool done = false, ok = false;
    QObject::connect(&s, &pg::Session::connected, [&] { done = ok = true; });
    QObject::connect(&s, &pg::Session::connectFailed, [&] { done = true; });
    s.connectToServer(*params, 10000);
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return ok;
}

// The plan PostgreSQL 15 prints for the union above (products, 2,000 rows), written
// out node by node with plausible figures, in TEXT and JSON.
void synthesize(int arms, QString *text, QByteArray *json)
{
    QString t;
    QByteArray j;
    t.reserve(arms * 700);
    j.reserve(qsizetype(arms) * 3600);
    const double arm = 62.51;
    t += QStringLiteral(" Append  (cost=62.50..%1 rows=%2 width=40) (actual time=0.412..%3 rows=%2 loops=1)\n")
             .arg(arm * arms, 0, 'f', 2).arg(arms).arg(0.45 * arms, 0, 'f', 3);
    t += QStringLiteral("   Buffers: shared hit=%1\n").arg(16 * arms);
    j += "[\n  {\n    \"Plan\": {\n      \"Node Type\": \"Append\",\n      \"Parallel Aware\": false,\n      \"Async Capable\": false,\n";
    j += QStringLiteral("      \"Startup Cost\": 62.50,\n      \"Total Cost\": %1,\n      \"Plan Rows\": %2,\n      \"Plan Width\": 40,\n"
                        "      \"Actual Startup Time\": 0.412,\n      \"Actual Total Time\": %3,\n      \"Actual Rows\": %2,\n      \"Actual Loops\": 1,\n")
             .arg(arm * arms, 0, 'f', 2).arg(arms).arg(0.45 * arms, 0, 'f', 3).toUtf8();
    auto buffers = [](int indent, int hit) {
        const QByteArray pad(indent, ' ');
        QByteArray b;
        b += pad + "\"Shared Hit Blocks\": " + QByteArray::number(hit) + ",\n";
        for (const char *k : {"Shared Read Blocks", "Shared Dirtied Blocks", "Shared Written Blocks", "Local Hit Blocks",
                              "Local Read Blocks", "Local Dirtied Blocks", "Local Written Blocks", "Temp Read Blocks"})
            b += pad + "\"" + k + "\": 0,\n";
        b += pad + "\"Temp Written Blocks\": 0";
        return b;
    };
    j += buffers(6, 16 * arms) + ",\n      \"Plans\": [\n";
    for (int i = 0; i < arms; ++i) {
        const QString n = i == 0 ? QString() : QStringLiteral("_%1").arg(i);
        const QString alias = QStringLiteral("products%1").arg(n);
        const double a0 = 0.41 + i * 0.45, a1 = a0 + 0.43;
        t += QStringLiteral("   ->  Limit  (cost=62.50..62.51 rows=1 width=40) (actual time=%1..%2 rows=1 loops=1)\n"
                            "         Buffers: shared hit=16\n"
                            "         ->  Sort  (cost=62.50..62.51 rows=4 width=40) (actual time=%1..%1 rows=1 loops=1)\n"
                            "               Sort Key: %3.price_cents\n"
                            "               Sort Method: top-N heapsort  Memory: 25kB\n"
                            "               Buffers: shared hit=16\n"
                            "               ->  Seq Scan on products %3  (cost=0.00..62.50 rows=4 width=40) (actual time=0.030..%4 rows=0 loops=1)\n"
                            "                     Filter: (category = 'k%5'::text)\n"
                            "                     Rows Removed by Filter: 2000\n"
                            "                     Buffers: shared hit=16\n")
                 .arg(a0, 0, 'f', 3).arg(a1, 0, 'f', 3).arg(alias).arg(a0 - 0.01, 0, 'f', 3).arg(i);
        const QByteArray pad8(8, ' '), pad12(12, ' ');
        j += pad8 + "{\n";
        j += pad12 + "\"Node Type\": \"Limit\",\n" + pad12 + "\"Parent Relationship\": \"Member\",\n" + pad12 + "\"Parallel Aware\": false,\n"
            + pad12 + "\"Async Capable\": false,\n" + pad12 + "\"Startup Cost\": 62.50,\n" + pad12 + "\"Total Cost\": 62.51,\n" + pad12
            + "\"Plan Rows\": 1,\n" + pad12 + "\"Plan Width\": 40,\n" + pad12 + "\"Actual Startup Time\": " + QByteArray::number(a0, 'f', 3)
            + ",\n" + pad12 + "\"Actual Total Time\": " + QByteArray::number(a1, 'f', 3) + ",\n" + pad12 + "\"Actual Rows\": 1,\n" + pad12
            + "\"Actual Loops\": 1,\n" + buffers(12, 16) + ",\n" + pad12 + "\"Plans\": [\n";
        const QByteArray p16(16, ' '), p20(20, ' ');
        j += p16 + "{\n" + p20 + "\"Node Type\": \"Sort\",\n" + p20 + "\"Parent Relationship\": \"Outer\",\n" + p20 + "\"Parallel Aware\": false,\n"
            + p20 + "\"Async Capable\": false,\n" + p20 + "\"Startup Cost\": 62.50,\n" + p20 + "\"Total Cost\": 62.51,\n" + p20
            + "\"Plan Rows\": 4,\n" + p20 + "\"Plan Width\": 40,\n" + p20 + "\"Actual Startup Time\": " + QByteArray::number(a0, 'f', 3) + ",\n"
            + p20 + "\"Actual Total Time\": " + QByteArray::number(a0, 'f', 3) + ",\n" + p20 + "\"Actual Rows\": 1,\n" + p20 + "\"Actual Loops\": 1,\n"
            + p20 + "\"Sort Key\": [\"" + alias.toUtf8() + ".price_cents\"],\n" + p20 + "\"Sort Method\": \"top-N heapsort\",\n" + p20
            + "\"Sort Space Used\": 25,\n" + p20 + "\"Sort Space Type\": \"Memory\",\n" + buffers(20, 16) + ",\n" + p20 + "\"Plans\": [\n";
        const QByteArray p24(24, ' '), p28(28, ' ');
        j += p24 + "{\n" + p28 + "\"Node Type\": \"Seq Scan\",\n" + p28 + "\"Parent Relationship\": \"Outer\",\n" + p28 + "\"Parallel Aware\": false,\n"
            + p28 + "\"Async Capable\": false,\n" + p28 + "\"Relation Name\": \"products\",\n" + p28 + "\"Alias\": \"" + alias.toUtf8() + "\",\n"
            + p28 + "\"Startup Cost\": 0.00,\n" + p28 + "\"Total Cost\": 62.50,\n" + p28 + "\"Plan Rows\": 4,\n" + p28 + "\"Plan Width\": 40,\n"
            + p28 + "\"Actual Startup Time\": 0.030,\n" + p28 + "\"Actual Total Time\": " + QByteArray::number(a0 - 0.01, 'f', 3) + ",\n" + p28
            + "\"Actual Rows\": 0,\n" + p28 + "\"Actual Loops\": 1,\n" + p28 + "\"Filter\": \"(category = 'k" + QByteArray::number(i)
            + "'::text)\",\n" + p28 + "\"Rows Removed by Filter\": 2000,\n" + buffers(28, 16) + "\n" + p24 + "}\n";
        j += p20 + "]\n" + p16 + "}\n" + pad12 + "]\n" + pad8 + "}" + (i + 1 < arms ? ",\n" : "\n");
    }
    j += "      ]\n    },\n    \"Planning\": {\n" + buffers(6, 9) + "\n    },\n    \"Planning Time\": 480.123,\n";
    j += "    \"Triggers\": [\n    ],\n    \"Execution Time\": " + QByteArray::number(0.45 * arms + 3, 'f', 3) + "\n  }\n]\n";
    t += QStringLiteral(" Planning:\n   Buffers: shared hit=9\n Planning Time: 480.123 ms\n Execution Time: %1 ms\n(%2 rows)\n")
             .arg(0.45 * arms + 3, 0, 'f', 3).arg(arms * 10 + 6);
    *text = QStringLiteral("                                   QUERY PLAN\n") + QString(100, QLatin1Char('-')) + QLatin1Char('\n') + t;
    *json = j;
}

int runParse(const QStringList &args)
{
    const int arms = 3333;
    int runs = 7;
    QString conn, saveDir;
    for (int i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--conn") && i + 1 < args.size())
            conn = args.at(++i);
        else if (args.at(i) == QLatin1String("--runs") && i + 1 < args.size())
            runs = qMax(1, args.at(++i).toInt());
        else if (args.at(i) == QLatin1String("--save") && i + 1 < args.size())
            saveDir = args.at(++i);
    }
    QString text;
    QByteArray json;
    QString source = QStringLiteral("synthesized");
    if (!conn.isEmpty()) {
        pg::Session s;
        if (connectTo(s, conn)) {
            const QString sql = armsSql(arms, QStringLiteral("products"), QStringLiteral("category"), QStringLiteral("price_cents"));
            (void)query(s, QStringLiteral("SET max_parallel_workers_per_gather = 0"));
            auto t = query(s, QStringLiteral("EXPLAIN (ANALYZE, BUFFERS) ") + sql);
            auto j = query(s, QStringLiteral("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ") + sql);
            if (t && j) {
                text = *t;
                json = j->toUtf8();
                source = QStringLiteral("captured");
            }
        }
    }
    if (text.isEmpty())
        synthesize(arms, &text, &json);
    if (!saveDir.isEmpty()) {
        QDir().mkpath(saveDir);
        QFile ft(saveDir + QStringLiteral("/plan10k.txt")), fj(saveDir + QStringLiteral("/plan10k.json"));
        if (ft.open(QIODevice::WriteOnly))
            ft.write(text.toUtf8());
        if (fj.open(QIODevice::WriteOnly))
            fj.write(json);
    }
    const QByteArray textBytes = text.toUtf8();

    std::vector<double> tParse, tMetrics, tLayout, tTotal, jParse, jMetrics, jLayout, jTotal, fromJson;
    int nodesText = 0, nodesJson = 0;
    for (int r = 0; r < runs; ++r) {
        // Same run, alternating, so machine noise hits all three.
        fromJson.push_back(timeMs([&] {
            QJsonDocument d = QJsonDocument::fromJson(json);
            if (d.isNull())
                std::abort();
        }));
        explain::Plan pt, pj;
        const double a = timeMs([&] {
            auto p = explain::PlanParser::parseAll(textBytes, explain::PlanParser::Format::Text);
            if (!p.ok())
                std::abort();
            pt = std::move(p->front());
        });
        const double b = timeMs([&] {
            explain::Metrics::compute(pt);
            explain::InsightAnalyzer::analyze(pt);
        });
        const double c = timeMs([&] {
            explain::PlanLayout l;
            l.compute(pt, {});
        });
        tParse.push_back(a);
        tMetrics.push_back(b);
        tLayout.push_back(c);
        tTotal.push_back(a + b + c);
        nodesText = pt.size();
        const double d = timeMs([&] {
            auto p = explain::PlanParser::parseAll(json, explain::PlanParser::Format::Json);
            if (!p.ok())
                std::abort();
            pj = std::move(p->front());
        });
        const double e = timeMs([&] {
            explain::Metrics::compute(pj);
            explain::InsightAnalyzer::analyze(pj);
        });
        const double f = timeMs([&] {
            explain::PlanLayout l;
            l.compute(pj, {});
        });
        jParse.push_back(d);
        jMetrics.push_back(e);
        jLayout.push_back(f);
        jTotal.push_back(d + e + f);
        nodesJson = pj.size();
    }
    QJsonObject o;
    o.insert(QStringLiteral("source"), source);
    o.insert(QStringLiteral("nodes_text"), nodesText);
    o.insert(QStringLiteral("nodes_json"), nodesJson);
    o.insert(QStringLiteral("text_bytes"), double(textBytes.size()));
    o.insert(QStringLiteral("json_bytes"), double(json.size()));
    o.insert(QStringLiteral("text_parse_ms"), median(tParse));
    o.insert(QStringLiteral("text_metrics_ms"), median(tMetrics));
    o.insert(QStringLiteral("text_layout_ms"), median(tLayout));
    o.insert(QStringLiteral("text_total_ms"), median(tTotal));
    o.insert(QStringLiteral("json_parse_ms"), median(jParse));
    o.insert(QStringLiteral("json_metrics_ms"), median(jMetrics));
    o.insert(QStringLiteral("json_layout_ms"), median(jLayout));
    o.insert(QStringLiteral("json_total_ms"), median(jTotal));
    o.insert(QStringLiteral("fromjson_ms"), median(fromJson));
    o.insert(QStringLiteral("json_vs_fromjson"), median(jTotal) / qMax(1e-9, median(fromJson)));
    // The TEXT figure beside the same baseline: this machine's speed drifts by 2x over an
    // hour, the ratio does not.
    o.insert(QStringLiteral("text_vs_fromjson"), median(tTotal) / qMax(1e-9, median(fromJson)));
    o.insert(QStringLiteral("text_best_ms"), *std::min_element(tTotal.begin(), tTotal.end()));
    o.insert(QStringLiteral("runs"), runs);
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    return nodesText == 10000 && nodesJson == 10000 ? 0 : 1;
}

int runGui(const QStringList &args)
{
    QString conn;
    for (int i = 0; i < args.size(); ++i)
        if (args.at(i) == QLatin1String("--conn") && i + 1 < args.size())
            conn = args.at(++i);
    // 4,999 index scans under one Append: a 5,000-node plan.
    QString plan;
    if (!conn.isEmpty()) {
        pg::Session s;
        if (connectTo(s, conn)) {
            QStringList parts;
            for (int i = 1; i <= 4999; ++i)
                parts << QStringLiteral("SELECT id FROM customers WHERE id = %1").arg(i);
            if (auto r = query(s, QStringLiteral("EXPLAIN (ANALYZE, FORMAT JSON) ") + parts.join(QStringLiteral(" UNION ALL "))))
                plan = *r;
        }
    }
    if (plan.isEmpty()) {
        plan = QStringLiteral("Append  (cost=0.29..21495.70 rows=4999 width=8) (actual time=0.010..30.000 rows=4999 loops=1)\n");
        for (int i = 1; i <= 4999; ++i)
            plan += QStringLiteral("  ->  Index Only Scan using customers_pkey on customers customers_%1  (cost=0.29..4.30 rows=1 width=8) "
                                   "(actual time=0.004..0.005 rows=1 loops=1)\n        Index Cond: (id = %1)\n        Heap Fetches: 0\n")
                        .arg(i);
    }
    ui::PlansPanel panel;
    panel.resize(1440, 900);
    panel.show();
    QApplication::processEvents();
    core::StallMeter meter(1);
    meter.start();
    std::vector<double> steps;
    bool shown = false;
    QObject::connect(&panel, &ui::PlansPanel::planShown, [&] { shown = true; });
    QElapsedTimer clock;
    clock.start();
    panel.loadPlanText(plan);
    while (!shown)
        QApplication::processEvents(QEventLoop::AllEvents, 10);
    const double openMs = double(clock.nsecsElapsed()) / 1e6;
    ui::PlanGraphView *g = panel.graphView();
    steps.push_back(timeMs([&] {
        panel.showTab(QStringLiteral("graph"));
        QApplication::processEvents();
        g->viewport()->repaint();
    }));
    for (int i = 0; i < 10; ++i) {
        steps.push_back(timeMs([&] {
            g->zoomBy(0.7);
            g->viewport()->repaint();
        }));
        QApplication::processEvents();
    }
    for (int i = 0; i < 10; ++i) {
        steps.push_back(timeMs([&] {
            g->zoomBy(1.4);
            g->viewport()->repaint();
        }));
        QApplication::processEvents();
    }
    g->setZoom(1.0);
    for (int node : {1, 1200, 2500, 3700, 4999}) {
        g->centerOn(g->planLayout().box(node).center());
        QApplication::processEvents();
        steps.push_back(timeMs([&] {
            g->selectNode(node);
            Q_EMIT g->nodeSelected(node);
            g->viewport()->repaint();
        }));
        QApplication::processEvents();
    }
    meter.stop();
    QJsonObject o;
    o.insert(QStringLiteral("nodes"), panel.plan() ? panel.plan()->size() : 0);
    o.insert(QStringLiteral("open_ms"), openMs);
    o.insert(QStringLiteral("max_step_ms"), *std::max_element(steps.begin(), steps.end()));
    o.insert(QStringLiteral("max_stall_ms"), meter.maxUs() / 1000.0);
    o.insert(QStringLiteral("p99_stall_ms"), meter.percentileUs(99) / 1000.0);
    o.insert(QStringLiteral("ticks"), meter.ticks());
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2 || (qstrcmp(argv[1], "parse") != 0 && qstrcmp(argv[1], "gui") != 0)) {
        std::fprintf(stderr, "usage: bench_explain parse [--conn CONN] [--runs N] [--save DIR] | gui [--conn CONN]\n");
        return 64;
    }
    if (qstrcmp(argv[1], "gui") == 0) {
        QApplication app(argc, argv);
        return runGui(QApplication::arguments().mid(2));
    }
    QCoreApplication app(argc, argv);
    return runParse(QCoreApplication::arguments().mid(2));
}
