// TEXT plans as people paste them: psql frames, wrapping, quoting, logs — each shape
// must parse to exactly the tree the plain plan parses to. And every way of being
// malformed must end in an error that names the line, never a crash.
#include "explain/keys.h"
#include "explain/planjsonwriter.h"
#include "explain/planparser.h"
#include "explain/textproperty.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <charconv>
#include <cmath>
#include <string_view>

using namespace pgdeck;
using explain::PlanParser;

namespace {

// The plan every shape below is made from (PostgreSQL 15 output, psql default border 1).
const QStringList kPlan = {
    QStringLiteral("Hash Join  (cost=1.09..32.08 rows=32 width=224) (actual time=0.524..0.525 rows=0 loops=1)"),
    QStringLiteral("  Hash Cond: (o.customer_id = c.id)"),
    QStringLiteral("  Buffers: shared hit=12 read=3"),
    QStringLiteral("  ->  Seq Scan on orders o  (cost=0.00..29.84 rows=64 width=73) (actual time=0.026..0.397 rows=128 loops=1)"),
    QStringLiteral("        Filter: ((status = 'paid'::text) AND (note <> 'x, \"y\"'::text))"),
    QStringLiteral("        Rows Removed by Filter: 261"),
    QStringLiteral("        Buffers: shared hit=10 read=3"),
    QStringLiteral("  ->  Hash  (cost=1.07..1.07 rows=2 width=68) (actual time=0.062..0.062 rows=2 loops=1)"),
    QStringLiteral("        Buckets: 1024  Batches: 1  Memory Usage: 9kB"),
    QStringLiteral("        Buffers: shared hit=2"),
    QStringLiteral("        ->  Seq Scan on customers c  (cost=0.00..1.07 rows=2 width=68) (actual time=0.032..0.038 rows=2 loops=1)"),
    QStringLiteral("              Buffers: shared hit=2"),
    QStringLiteral("Planning Time: 0.636 ms"),
    QStringLiteral("Execution Time: 0.616 ms"),
};

QByteArray canonical(const QString &text)
{
    auto plan = PlanParser::parse(text);
    if (!plan.ok())
        return "ERROR: " + plan.error().message.toUtf8();
    return explain::PlanJsonWriter::write(*plan, {false, true});
}

QString psqlBorder1(const QStringList &lines, const QString &footer = QStringLiteral("(14 rows)"))
{
    int width = 10;
    for (const QString &l : lines)
        width = qMax(width, int(l.size()));
    QString out = QString((width - 10) / 2 + 1, QLatin1Char(' ')) + QStringLiteral("QUERY PLAN\n");
    out += QString(width + 2, QLatin1Char('-')) + QLatin1Char('\n');
    for (const QString &l : lines)
        out += QLatin1Char(' ') + l + QLatin1Char('\n');
    return out + footer + QLatin1Char('\n');
}

QString psqlBorder2(const QStringList &lines, bool unicode)
{
    int width = 10;
    for (const QString &l : lines)
        width = qMax(width, int(l.size()));
    const QString h = unicode ? QStringLiteral("─") : QStringLiteral("-");
    const QString v = unicode ? QStringLiteral("│") : QStringLiteral("|");
    QString out = (unicode ? QStringLiteral("┌") : QStringLiteral("+")) + h.repeated(width + 2) + (unicode ? QStringLiteral("┐") : QStringLiteral("+")) + QLatin1Char('\n');
    out += v + QLatin1Char(' ') + QStringLiteral("QUERY PLAN").leftJustified(width) + QLatin1Char(' ') + v + QLatin1Char('\n');
    out += (unicode ? QStringLiteral("├") : QStringLiteral("+")) + h.repeated(width + 2) + (unicode ? QStringLiteral("┤") : QStringLiteral("+")) + QLatin1Char('\n');
    for (const QString &l : lines)
        out += v + QLatin1Char(' ') + l.leftJustified(width) + QLatin1Char(' ') + v + QLatin1Char('\n');
    out += (unicode ? QStringLiteral("└") : QStringLiteral("+")) + h.repeated(width + 2) + (unicode ? QStringLiteral("┘") : QStringLiteral("+")) + QLatin1Char('\n');
    return out + QStringLiteral("(14 rows)\n");
}

QString hardWrap(const QString &text, int column)
{
    QString out;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        QString l = line;
        while (l.size() > column) {
            out += l.left(column) + QLatin1Char('\n');
            l = l.mid(column);
        }
        out += l + QLatin1Char('\n');
    }
    return out;
}

} // namespace

class TestTextShapes : public QObject
{
    Q_OBJECT
    QByteArray m_reference;

private Q_SLOTS:
    void initTestCase()
    {
        m_reference = canonical(kPlan.join(QLatin1Char('\n')));
        QVERIFY2(!m_reference.startsWith("ERROR"), m_reference.constData());
        const QJsonObject root = QJsonDocument::fromJson(m_reference).array().at(0).toObject();
        const QJsonObject plan = root.value(QLatin1String("Plan")).toObject();
        // The reference itself reads like PostgreSQL's JSON.
        QCOMPARE(plan.value(QLatin1String("Node Type")).toString(), QStringLiteral("Hash Join"));
        QCOMPARE(plan.value(QLatin1String("Join Type")).toString(), QStringLiteral("Inner"));
        QCOMPARE(plan.value(QLatin1String("Shared Read Blocks")).toInt(), 3);
        QCOMPARE(plan.value(QLatin1String("Temp Written Blocks")).toInt(), 0);
        const QJsonObject scan = plan.value(QLatin1String("Plans")).toArray().at(0).toObject();
        QCOMPARE(scan.value(QLatin1String("Parent Relationship")).toString(), QStringLiteral("Outer"));
        QCOMPARE(scan.value(QLatin1String("Relation Name")).toString(), QStringLiteral("orders"));
        QCOMPARE(scan.value(QLatin1String("Alias")).toString(), QStringLiteral("o"));
        QCOMPARE(scan.value(QLatin1String("Rows Removed by Filter")).toInt(), 261);
        const QJsonObject hash = plan.value(QLatin1String("Plans")).toArray().at(1).toObject();
        QCOMPARE(hash.value(QLatin1String("Parent Relationship")).toString(), QStringLiteral("Inner"));
        QCOMPARE(hash.value(QLatin1String("Hash Buckets")).toInt(), 1024);
        QCOMPARE(hash.value(QLatin1String("Original Hash Batches")).toInt(), 1);
        QCOMPARE(hash.value(QLatin1String("Peak Memory Usage")).toInt(), 9);
        QCOMPARE(root.value(QLatin1String("Execution Time")).toDouble(), 0.616);
    }

    void shapes_data()
    {
        QTest::addColumn<QString>("text");
        const QString plain = kPlan.join(QLatin1Char('\n'));
        QTest::newRow("psql border 1") << psqlBorder1(kPlan);
        QTest::newRow("footer in German") << psqlBorder1(kPlan, QStringLiteral("(14 Zeilen)"));
        QTest::newRow("footer in Russian") << psqlBorder1(kPlan, QStringLiteral("(14 строк)"));
        QTest::newRow("psql prompt and timing around it")
            << QStringLiteral("pgdeck_demo=# EXPLAIN (ANALYZE, BUFFERS) SELECT …;\n") + psqlBorder1(kPlan)
                   + QStringLiteral("\nTime: 1.234 ms\npgdeck_demo=# \n");
        {
            QString b0 = QStringLiteral("QUERY PLAN\n----------\n") + plain + QStringLiteral("\n(14 rows)\n");
            QTest::newRow("psql border 0") << b0;
        }
        QTest::newRow("psql border 2 ascii") << psqlBorder2(kPlan, false);
        QTest::newRow("psql border 2 unicode") << psqlBorder2(kPlan, true);
        {
            QString u = psqlBorder1(kPlan);
            u.replace(QRegularExpression(QStringLiteral("^-+$"), QRegularExpression::MultilineOption), QStringLiteral("─").repeated(60));
            QTest::newRow("psql unicode rule") << u;
        }
        QTest::newRow("unaligned with header") << QStringLiteral("QUERY PLAN\n") + plain + QStringLiteral("\n(14 rows)\n");
        {
            QString crlf = psqlBorder1(kPlan);
            crlf.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
            QTest::newRow("CRLF") << crlf;
        }
        {
            QString tabs = plain;
            tabs.replace(QStringLiteral("\n        "), QStringLiteral("\n\t"));
            QTest::newRow("tabs") << tabs;
        }
        {
            QStringList q;
            for (const QString &l : kPlan)
                q << QLatin1Char('\'') + l + QLatin1Char('\'');
            QTest::newRow("pgAdmin 3 quoted lines") << q.join(QLatin1Char('\n'));
        }
        {
            QStringList q;
            for (QString l : kPlan)
                q << QLatin1Char('"') + l.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
            QTest::newRow("pgAdmin 4 doubled quotes") << QStringLiteral("\"QUERY PLAN\"\n") + q.join(QLatin1Char('\n'));
        }
        QTest::newRow("hard-wrapped at 60") << hardWrap(psqlBorder1(kPlan), 60);
        QTest::newRow("hard-wrapped at 45") << hardWrap(plain, 45);
        {
            QString log = QStringLiteral("2024-05-01 10:00:00.123 UTC [4242] LOG:  duration: 0.700 ms  plan:\n"
                                         "\tQuery Text: SELECT *\n\t  FROM orders o JOIN customers c ON c.id = o.customer_id\n");
            for (const QString &l : kPlan.mid(0, 12))
                log += QLatin1Char('\t') + l + QLatin1Char('\n');
            log += QStringLiteral("2024-05-01 10:00:01.000 UTC [4242] LOG:  something else\n");
            QTest::newRow("auto_explain log") << log;
        }
        {
            QString cont;
            for (int i = 0; i < kPlan.size(); ++i)
                cont += QLatin1Char(' ') + kPlan.at(i).leftJustified(130) + (i + 1 < kPlan.size() ? QStringLiteral("+") : QString()) + QLatin1Char('\n');
            QTest::newRow("psql + continuations") << QStringLiteral(" QUERY PLAN\n------------\n") + cont + QStringLiteral("(1 row)\n");
        }
        {
            QString cont;
            for (int i = 0; i < kPlan.size(); ++i)
                cont += QStringLiteral("│ ") + kPlan.at(i).leftJustified(130) + (i + 1 < kPlan.size() ? QStringLiteral("↵") : QStringLiteral(" ")) + QStringLiteral("│\n");
            QTest::newRow("unicode ↵ continuations in a frame")
                << QStringLiteral("┌──────────┐\n│ QUERY PLAN │\n├──────────┤\n") + cont + QStringLiteral("└──────────┘\n(1 row)\n");
        }
    }

    void shapes()
    {
        QFETCH(QString, text);
        QByteArray got = canonical(text);
        if (QByteArray(QTest::currentDataTag()) == "auto_explain log") {
            // A log has no planning/execution summary, and carries the query.
            auto plan = PlanParser::parse(text);
            QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().message));
            QCOMPARE(plan->findTop(explain::keys::QueryText)->toString(),
                     QStringLiteral("SELECT *\n  FROM orders o JOIN customers c ON c.id = o.customer_id"));
            QCOMPARE(plan->logDurationMs, 0.7);
            QCOMPARE(plan->size(), 4);
            QCOMPARE(plan->nodes[3].facts.relation, QStringLiteral("customers"));
            return;
        }
        QCOMPARE(got, m_reference);
    }

    void detect_recognisesJsonAndText()
    {
        QCOMPARE(int(PlanParser::detect(QStringLiteral("  [{\"Plan\": {}}]"))), int(PlanParser::Format::Json));
        QCOMPARE(int(PlanParser::detect(QStringLiteral(" QUERY PLAN\n----\n [\n   {\"Plan\": {}} +\n ]\n"))), int(PlanParser::Format::Json));
        QCOMPARE(int(PlanParser::detect(kPlan.join(QLatin1Char('\n')))), int(PlanParser::Format::Text));
    }

    void json_psqlFramedWithContinuations()
    {
        const QString json = QStringLiteral(
            "                 QUERY PLAN                 \n"
            "--------------------------------------------\n"
            " [                                         +\n"
            "   {                                       +\n"
            "     \"Plan\": {                             +\n"
            "       \"Node Type\": \"Seq Scan\",            +\n"
            "       \"Parallel Aware\": false,            +\n"
            "       \"Relation Name\": \"orders\",         +\n"
            "       \"Alias\": \"orders\",                 +\n"
            "       \"Startup Cost\": 0.00,               +\n"
            "       \"Total Cost\": 1834.00,              +\n"
            "       \"Plan Rows\": 100000,                +\n"
            "       \"Plan Width\": 41                    +\n"
            "     }                                     +\n"
            "   }                                       +\n"
            " ]\n"
            "(1 row)\n");
        auto plan = PlanParser::parse(json);
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().message));
        QCOMPARE(int(plan->source), int(explain::Plan::Source::Json));
        QCOMPARE(plan->root().facts.relation, QStringLiteral("orders"));
        QCOMPARE(plan->root().facts.totalCost, 1834.0);
    }

    void json_severalPlansAndDuplicateWorkers()
    {
        const QByteArray json = R"([
          {"Plan": {"Node Type": "Result", "Total Cost": 0.01, "Plans": [
             {"Node Type": "Sort", "Workers": [{"Worker Number": 0, "Actual Rows": 5}],
              "Workers": [{"Worker Number": 0, "Sort Method": "quicksort"}]}]}},
          {"Plan": {"Node Type": "Seq Scan", "Relation Name": "t"}, "Planning Time": 0.1}
        ])";
        auto plans = PlanParser::parseAll(json);
        QVERIFY(plans.ok());
        QCOMPARE(int(plans->size()), 2);
        const explain::PlanNode &sort = plans->at(0).nodes.at(1);
        const QJsonObject w = sort.value(explain::keys::Workers).jsonPtr()->toArray().at(0).toObject();
        QCOMPARE(w.value(QLatin1String("Actual Rows")).toInt(), 5);
        QCOMPARE(w.value(QLatin1String("Sort Method")).toString(), QStringLiteral("quicksort"));
        QCOMPARE(plans->at(1).topNumber(explain::keys::PlanningTime), 0.1);
    }

    void json_roundTripThroughWriterKeepsEverything()
    {
        auto plan = PlanParser::parse(kPlan.join(QLatin1Char('\n')));
        QVERIFY(plan.ok());
        const QByteArray once = explain::PlanJsonWriter::write(*plan, {false, true});
        auto again = PlanParser::parseAll(once);
        QVERIFY(again.ok());
        QCOMPARE(explain::PlanJsonWriter::write(again->front(), {false, true}), once);
        // The pgdeck keys of `--format json` are skipped when read back.
        const QByteArray withMetrics = explain::PlanJsonWriter::write(*plan, {true, true});
        auto third = PlanParser::parseAll(withMetrics);
        QVERIFY(third.ok());
        QCOMPARE(explain::PlanJsonWriter::write(third->front(), {false, true}), once);
    }

    void workers_blocksBecomeWorkersArrays()
    {
        const QString text = QStringLiteral(
            "Gather  (cost=1000.00..21097.60 rows=11 width=8) (actual time=0.300..60.700 rows=12500 loops=1)\n"
            "  Workers Planned: 2\n"
            "  Workers Launched: 2\n"
            "  Buffers: shared hit=910\n"
            "  ->  Parallel Seq Scan on public.events  (cost=0.00..20096.50 rows=5 width=8) (actual time=0.020..58.100 rows=4167 loops=3)\n"
            "        Output: id, kind\n"
            "        Filter: (events.kind = 'refund'::text)\n"
            "        Rows Removed by Filter: 29167\n"
            "        Buffers: shared hit=910\n"
            "        Worker 0:  actual time=0.030..57.900 rows=4100 loops=1\n"
            "          Buffers: shared hit=300\n"
            "        Worker 1:  actual time=0.031..57.800 rows=4200 loops=1\n"
            "          Buffers: shared hit=310\n"
            "Planning Time: 0.1 ms\n"
            "Execution Time: 61.0 ms\n");
        auto plan = PlanParser::parse(text);
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().message));
        QCOMPARE(plan->size(), 2);
        const explain::PlanNode &scan = plan->nodes[1];
        QCOMPARE(scan.facts.nodeType, QStringLiteral("Seq Scan"));
        QVERIFY(scan.facts.parallelAware);
        QCOMPARE(scan.facts.schema, QStringLiteral("public"));
        QCOMPARE(scan.value(explain::keys::Output).toList(), (QStringList{QStringLiteral("id"), QStringLiteral("kind")}));
        const QJsonArray workers = scan.value(explain::keys::Workers).jsonPtr()->toArray();
        QCOMPARE(workers.size(), 2);
        QCOMPARE(workers.at(1).toObject().value(QLatin1String("Worker Number")).toInt(), 1);
        QCOMPARE(workers.at(1).toObject().value(QLatin1String("Actual Rows")).toInt(), 4200);
        QCOMPARE(workers.at(1).toObject().value(QLatin1String("Shared Hit Blocks")).toInt(), 310);
        // The Gather itself gets the keys PostgreSQL's JSON always prints.
        QCOMPARE(plan->nodes[0].value(explain::keys::SingleCopy).toBool(), false);
    }

    void summaries_triggersJitSettingsWalIo()
    {
        const QString text = QStringLiteral(
            "Update on orders  (cost=0.29..8.31 rows=0 width=0) (actual time=0.090..0.091 rows=0 loops=1)\n"
            "  Buffers: shared hit=12 dirtied=2\n"
            "  I/O Timings: shared/local read=0.120, temp write=0.300\n"
            "  WAL: records=3 fpi=1 bytes=7400\n"
            "  ->  Index Scan using orders_pkey on orders  (cost=0.29..8.31 rows=1 width=10) (actual time=0.010..0.011 rows=1 loops=1)\n"
            "        Index Cond: (id = 42)\n"
            "        Buffers: shared hit=3\n"
            "Settings: work_mem = '64MB', search_path = 'app, public'\n"
            "Query Identifier: -5424821330993577306\n"
            "Planning:\n"
            "  Buffers: shared hit=8 read=1\n"
            "  Memory: used=15kB  allocated=32kB\n"
            "Planning Time: 0.200 ms\n"
            "Trigger for constraint orders_customer_id_fkey: time=0.050 calls=1\n"
            "Trigger audit_orders on orders: time=0.020 calls=1\n"
            "JIT:\n"
            "  Functions: 4\n"
            "  Options: Inlining false, Optimization false, Expressions true, Deforming true\n"
            "  Timing: Generation 0.500 ms (Deform 0.100 ms), Inlining 0.000 ms, Optimization 0.200 ms, Emission 2.000 ms, Total 2.700 ms\n"
            "Serialization: time=0.010 ms  output=1kB  format=text\n"
            "Execution Time: 3.100 ms\n");
        auto plan = PlanParser::parse(text);
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().message));
        const explain::PlanNode &root = plan->root();
        QCOMPARE(root.facts.nodeType, QStringLiteral("ModifyTable"));
        QCOMPARE(root.facts.operation, QStringLiteral("Update"));
        QCOMPARE(root.number(explain::keys::SharedDirtiedBlocks), 2.0);
        QCOMPARE(root.number(explain::keys::IoReadTime), 0.12);
        QCOMPARE(root.number(explain::keys::TempIoWriteTime), 0.3);
        QCOMPARE(root.number(explain::keys::WalFpi), 1.0);
        QCOMPARE(root.number(explain::keys::WalBytes), 7400.0);
        // The child has no I/O or WAL line: zeros, as PostgreSQL's JSON would print.
        QCOMPARE(plan->nodes[1].number(explain::keys::WalRecords), 0.0);
        QCOMPARE(plan->nodes[1].number(explain::keys::TempIoReadTime), 0.0);
        QCOMPARE(plan->nodes[1].number(explain::keys::RowsRemovedByIndexRecheck), 0.0);
        const QJsonObject settings = plan->findTop(explain::keys::Settings)->jsonPtr()->toObject();
        QCOMPARE(settings.value(QLatin1String("search_path")).toString(), QStringLiteral("app, public"));
        QCOMPARE(plan->findTop(explain::keys::QueryIdentifier)->toInteger(), Q_INT64_C(-5424821330993577306));
        const QJsonObject planning = plan->findTop(explain::keys::Planning)->jsonPtr()->toObject();
        QCOMPARE(planning.value(QLatin1String("Shared Read Blocks")).toInt(), 1);
        QCOMPARE(planning.value(QLatin1String("Memory Used")).toInt(), 15);
        const QJsonArray triggers = plan->findTop(explain::keys::Triggers)->jsonPtr()->toArray();
        QCOMPARE(triggers.size(), 2);
        QCOMPARE(triggers.at(0).toObject().value(QLatin1String("Constraint Name")).toString(), QStringLiteral("orders_customer_id_fkey"));
        QCOMPARE(triggers.at(1).toObject().value(QLatin1String("Trigger Name")).toString(), QStringLiteral("audit_orders"));
        QCOMPARE(triggers.at(1).toObject().value(QLatin1String("Relation")).toString(), QStringLiteral("orders"));
        const QJsonObject jit = plan->findTop(explain::keys::Jit)->jsonPtr()->toObject();
        QCOMPARE(jit.value(QLatin1String("Functions")).toInt(), 4);
        QCOMPARE(jit.value(QLatin1String("Options")).toObject().value(QLatin1String("Deforming")).toBool(), true);
        QCOMPARE(jit.value(QLatin1String("Timing")).toObject().value(QLatin1String("Generation")).toObject().value(QLatin1String("Deform")).toDouble(), 0.1);
        QCOMPARE(jit.value(QLatin1String("Timing")).toObject().value(QLatin1String("Total")).toDouble(), 2.7);
        const QJsonObject ser = plan->findTop(explain::keys::Serialization)->jsonPtr()->toObject();
        QCOMPARE(ser.value(QLatin1String("Format")).toString(), QStringLiteral("text"));
        QCOMPARE(plan->topNumber(explain::keys::ExecutionTime), 3.1);
    }

    void ioTimings_threeServerShapes()
    {
        auto ioOf = [](const QString &line) {
            auto plan = PlanParser::parse(QStringLiteral("Seq Scan on t  (cost=0.00..1.00 rows=1 width=4) (actual time=0.1..0.2 rows=1 loops=1)\n  ") + line);
            return plan.ok() ? plan->root() : explain::PlanNode();
        };
        const explain::PlanNode v14 = ioOf(QStringLiteral("I/O Timings: read=1.500 write=0.250"));
        QCOMPARE(v14.number(explain::keys::IoReadTime), 1.5);
        QCOMPARE(v14.number(explain::keys::IoWriteTime), 0.25);
        QVERIFY(!v14.has(explain::keys::TempIoReadTime));
        const explain::PlanNode v16 = ioOf(QStringLiteral("I/O Timings: shared/local read=1.500, temp read=0.300 write=0.400"));
        QCOMPARE(v16.number(explain::keys::IoReadTime), 1.5);
        QCOMPARE(v16.number(explain::keys::TempIoWriteTime), 0.4);
        // PostgreSQL 15 as it prints a shared-only line: the 15/16 JSON keys.
        const explain::PlanNode v15 = ioOf(QStringLiteral("I/O Timings: shared read=12.226"));
        QCOMPARE(v15.number(explain::keys::IoReadTime), 12.226);
        QVERIFY(!v15.has(explain::keys::SharedIoReadTime));
        const explain::PlanNode v17 = ioOf(QStringLiteral("I/O Timings: shared read=1.500, local write=0.700, temp read=0.300"));
        QCOMPARE(v17.number(explain::keys::SharedIoReadTime), 1.5);
        QCOMPARE(v17.number(explain::keys::LocalIoWriteTime), 0.7);
        QCOMPARE(v17.number(explain::keys::TempIoReadTime), 0.3);
        QVERIFY(!v17.has(explain::keys::IoReadTime));
        QCOMPARE(v17.facts.buffers.ioReadMs, 1.8);
    }

    void figures_timingOffCostsOffNeverExecutedFractionalRows()
    {
        auto plan = PlanParser::parse(QStringLiteral(
            "Limit (actual rows=10.00 loops=1)\n"
            "  ->  Sort (actual rows=10.50 loops=2)\n"
            "        Sort Key: created_at DESC\n"
            "        ->  Seq Scan on events (never executed)\n"
            "              Filter: (kind = 'view'::text)\n"));
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().message));
        QCOMPARE(plan->size(), 3);
        QCOMPARE(plan->nodes[1].facts.actualRows, 10.5);
        QVERIFY(plan->nodes[2].facts.neverExecuted());
        QVERIFY(!plan->nodes[2].has(explain::keys::ActualTotalTime)); // TIMING OFF: no times, even zero
        QCOMPARE(plan->nodes[2].number(explain::keys::RowsRemovedByFilter), 0.0);
        QCOMPARE(plan->nodes[1].value(explain::keys::SortKey).toList(), QStringList{QStringLiteral("created_at DESC")});

        auto noCosts = PlanParser::parse(QStringLiteral("Limit\n  ->  Index Only Scan Backward using events_pkey on events e\n"));
        QVERIFY(noCosts.ok());
        QCOMPARE(noCosts->size(), 2);
        QCOMPARE(noCosts->nodes[1].text(explain::keys::ScanDirection), QStringLiteral("Backward"));
        QCOMPARE(noCosts->nodes[1].facts.index, QStringLiteral("events_pkey"));
        QCOMPARE(noCosts->nodes[1].facts.alias, QStringLiteral("e"));

        auto timed = PlanParser::parse(QStringLiteral(
            "Append  (cost=0.00..2.00 rows=2 width=4) (actual time=0.010..0.020 rows=1 loops=1)\n"
            "  ->  Seq Scan on a  (cost=0.00..1.00 rows=1 width=4) (actual time=0.010..0.011 rows=1 loops=1)\n"
            "  ->  Seq Scan on b  (cost=0.00..1.00 rows=1 width=4) (never executed)\n"));
        QVERIFY(timed.ok());
        QCOMPARE(timed->nodes[2].number(explain::keys::ActualTotalTime), 0.0);
        QCOMPARE(timed->nodes[2].facts.relationship, QStringLiteral("Member"));
    }

    void numbers_readExactlyAsPrintedAtAnyLength()
    {
        // The fast path for short decimals must give the very double from_chars gives,
        // and long digit strings (a fuzzer found one) must not overflow.
        const char *const samples[] = {"0", "12", "-3", "0.412", "62.51", "-0.0", "1.00", "480.123", "0.000001",
                                       "123456789012345", "999999999999999.9", "2222222222222222222",
                                       "22222222222222222222", "1234567.8901234567", "1e3", "+5", "1."};
        for (const char *text : samples) {
            explain::PlanValue v;
            QVERIFY2(explain::TextProperty::toNumber(QString::fromLatin1(text), &v), text);
            const std::string_view sv(text);
            const char *b = sv.data() + (sv.front() == '+' ? 1 : 0);
            double expected = 0;
            std::from_chars(b, sv.data() + sv.size(), expected);
            QCOMPARE(v.toDouble(), expected);
            QCOMPARE(std::signbit(v.toDouble()), std::signbit(expected));
        }
        explain::PlanValue v;
        QVERIFY(explain::TextProperty::toNumber(QStringLiteral("9007199254740993"), &v));
        QVERIFY(v.isInteger()); // 64-bit ids stay exact
        QCOMPARE(v.toInteger(), Q_INT64_C(9007199254740993));
        for (const char *bad : {"", "-", ".", "1.2.3", "12a", "--1", "1..2"})
            QVERIFY2(!explain::TextProperty::toNumber(QString::fromLatin1(bad), &v), bad);
    }

    void negativeZero_writesAsZero_andReadsBackTheSame()
    {
        // A hand-edited "-0.00" (found by the fuzzer): JSON has one zero, and what pgdeck
        // writes must read back to the same JSON.
        auto plan = PlanParser::parse(QStringLiteral("Limit  (cost=8.60..-0.00 rows=2 width=8)\n"));
        QVERIFY(plan.ok());
        const QByteArray once = explain::PlanJsonWriter::write(*plan, {false, false});
        QVERIFY2(once.contains("\"Total Cost\":0,"), once.constData());
        auto again = PlanParser::parse(QString::fromUtf8(once));
        QVERIFY(again.ok());
        QCOMPARE(explain::PlanJsonWriter::write(*again, {false, false}), once);
    }

    void subplans_initPlansCtesAndTheirRelationships()
    {
        auto plan = PlanParser::parse(QStringLiteral(
            "CTE Scan on recent r  (cost=10.00..12.00 rows=100 width=8) (actual time=0.100..5.000 rows=100 loops=1)\n"
            "  Filter: (r.total > (InitPlan 2).col1)\n"
            "  CTE recent\n"
            "    ->  Seq Scan on orders  (cost=0.00..10.00 rows=100 width=8) (actual time=0.010..4.000 rows=100 loops=1)\n"
            "  InitPlan 2\n"
            "    ->  Aggregate  (cost=1.00..1.01 rows=1 width=8) (actual time=0.050..0.050 rows=1 loops=1)\n"
            "          ->  Seq Scan on limits  (cost=0.00..1.00 rows=1 width=8) (actual time=0.010..0.020 rows=1 loops=1)\n"
            "  SubPlan 3\n"
            "    ->  Result  (cost=0.00..0.01 rows=1 width=4) (actual time=0.001..0.001 rows=1 loops=100)\n"));
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().message));
        QCOMPARE(plan->size(), 5);
        QCOMPARE(plan->root().facts.cteName, QStringLiteral("recent"));
        QCOMPARE(plan->nodes[1].facts.subplanName, QStringLiteral("CTE recent"));
        QCOMPARE(plan->nodes[1].facts.relationship, QStringLiteral("InitPlan"));
        QCOMPARE(plan->nodes[2].facts.subplanName, QStringLiteral("InitPlan 2"));
        QCOMPARE(plan->nodes[3].facts.relationship, QStringLiteral("Outer"));
        QCOMPARE(plan->nodes[3].parent, 2);
        QCOMPARE(plan->nodes[4].facts.relationship, QStringLiteral("SubPlan"));
        QCOMPARE(plan->nodes[4].parent, 0);
    }

    void groupingSets_becomeGroupingSetsArray()
    {
        auto plan = PlanParser::parse(QStringLiteral(
            "MixedAggregate  (cost=0.00..50.00 rows=20 width=24)\n"
            "  Hash Key: country, status\n"
            "  Group Key: ()\n"
            "  Group Key: ()\n"
            "  ->  Seq Scan on orders  (cost=0.00..30.00 rows=2000 width=12)\n"));
        QVERIFY(plan.ok());
        const explain::PlanNode &agg = plan->root();
        QCOMPARE(agg.facts.strategy, QStringLiteral("Mixed"));
        const QJsonArray sets = agg.value(QStringLiteral("Grouping Sets")).jsonPtr()->toArray();
        QCOMPARE(sets.size(), 2);
        QCOMPARE(sets.at(0).toObject().value(QLatin1String("Hash Keys")).toArray().at(0).toArray().size(), 2);
        QCOMPARE(sets.at(1).toObject().value(QLatin1String("Group Keys")).toArray().size(), 2);
        QVERIFY(sets.at(1).toObject().value(QLatin1String("Group Keys")).toArray().at(0).toArray().isEmpty());
    }

    void labels_allNodeNameShapes_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("nodeType");
        QTest::addColumn<QString>("extraKey");
        QTest::addColumn<QString>("extraValue");
        QTest::newRow("hash right anti") << "Hash Right Anti Join" << "Hash Join" << "Join Type" << "Right Anti";
        QTest::newRow("nested loop left") << "Nested Loop Left Join" << "Nested Loop" << "Join Type" << "Left";
        QTest::newRow("merge full") << "Merge Full Join" << "Merge Join" << "Join Type" << "Full";
        QTest::newRow("finalize hashagg") << "Finalize HashAggregate" << "Aggregate" << "Partial Mode" << "Finalize";
        QTest::newRow("partial groupagg") << "Partial GroupAggregate" << "Aggregate" << "Strategy" << "Sorted";
        QTest::newRow("hashsetop") << "HashSetOp Except All" << "SetOp" << "Command" << "Except All";
        QTest::newRow("custom scan") << "Custom Scan (ChunkAppend) on metrics" << "Custom Scan" << "Custom Plan Provider" << "ChunkAppend";
        QTest::newRow("async foreign") << "Async Foreign Scan on remote_t" << "Foreign Scan" << "Async Capable" << "true";
        QTest::newRow("foreign update") << "Foreign Update on remote_t" << "Foreign Scan" << "Operation" << "Update";
        QTest::newRow("merge into") << "Merge on public.tb t" << "ModifyTable" << "Schema" << "public";
        QTest::newRow("function scan") << "Function Scan on pg_catalog.generate_series g" << "Function Scan" << "Function Name" << "generate_series";
        QTest::newRow("values") << "Values Scan on \"*VALUES*\"" << "Values Scan" << "Alias" << "*VALUES*";
        QTest::newRow("quoted index") << "Index Scan using \"Weird Idx\" on \"My Table\" t" << "Index Scan" << "Index Name" << "Weird Idx";
        QTest::newRow("quoted table") << "Index Scan using \"Weird Idx\" on \"My Table\" t" << "Index Scan" << "Relation Name" << "My Table";
        QTest::newRow("bitmap index") << "Bitmap Index Scan on events_kind_idx" << "Bitmap Index Scan" << "Index Name" << "events_kind_idx";
        QTest::newRow("worktable") << "WorkTable Scan on tree t" << "WorkTable Scan" << "CTE Name" << "tree";
        QTest::newRow("memoize 14") << "Result Cache" << "Memoize" << "Parallel Aware" << "false";
        QTest::newRow("tid range") << "Tid Range Scan on t" << "Tid Range Scan" << "Relation Name" << "t";
    }

    void labels_allNodeNameShapes()
    {
        QFETCH(QString, label);
        QFETCH(QString, nodeType);
        QFETCH(QString, extraKey);
        QFETCH(QString, extraValue);
        auto plan = PlanParser::parse(label + QStringLiteral("  (cost=0.00..1.00 rows=1 width=4)"));
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().message));
        QCOMPARE(plan->root().facts.nodeType, nodeType);
        QCOMPARE(plan->root().text(extraKey), extraValue);
        // And back: the name PostgreSQL's TEXT format prints.
        if (!label.contains(QLatin1Char('"')) && !label.startsWith(QLatin1String("Result Cache")))
            QCOMPARE(plan->root().label(), label);
    }

    void malformed_errorsNameTheLine_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << "   \n\n" << "empty";
        QTest::newRow("not a plan") << "hello world\nthis is not a plan\n" << "line 1: no plan node found";
        QTest::newRow("bad cost") << "Sort  (cost=1.00..2.00 rows=1 width=4)\n  ->  Seq Scan on t  (cost=abc..1.00 rows=1 width=4)\n"
                                  << "line 2: cannot read the estimate";
        QTest::newRow("bad actual") << "Seq Scan on t  (cost=0.00..1.00 rows=1 width=4) (actual time=0.1..x rows=1 loops=1)\n"
                                    << "line 1: cannot read the actual time";
        QTest::newRow("unterminated") << "Limit  (cost=0.00..1.00 rows=1 width=4)\n  ->  Seq Scan on t  (cost=0.00..1.00 rows=1\n"
                                      << "line 2: unterminated";
        QTest::newRow("orphan arrow") << "Sort  (cost=1.00..2.00 rows=1 width=4)\n->  Seq Scan on t  (cost=0.00..1.00 rows=1 width=4)\n"
                                      << "line 2: cannot place this node";
        QTest::newRow("bad buffers") << "Seq Scan on t  (cost=0.00..1.00 rows=1 width=4)\n  Buffers: shared hit=lots\n"
                                     << "line 2: 'hit=lots' in Buffers is not a number";
        // Found by the fuzzer: figures doubled or mangled must not make duplicate keys.
        QTest::newRow("two estimates") << "Seq Scan on t  (cost=0.00..1.00 rows=1 width=8)   (cost=0.29..8.31 rows=1 width=10)\n"
                                       << "line 1: two estimates";
        QTest::newRow("two actuals") << "Seq Scan on t  (cost=0.00..1.00 rows=1 width=8) (actual rows=1 loops=1) (actual rows=2 loops=1)\n"
                                     << "line 1: two sets of actual figures";
        QTest::newRow("estimate repeats rows") << "Update on orders  (cost=10.00..12.00 rows=0 width=0 rows=0 loops=1)\n"
                                               << "line 1: cannot read the estimate";
        QTest::newRow("truncated json") << "[\n  {\n    \"Plan\": {\n      \"Node Type\": \"Seq Scan\",\n"
                                        << "line 5, column 1";
        QTest::newRow("json without plan") << "{\"Node Type\": \"Seq Scan\"}" << "no \"Plan\" key";
        QTest::newRow("json bad value") << "[{\"Plan\": {\"Node Type\": tru}}]" << "line 1, column 25";
        QTest::newRow("xml") << "<explain xmlns=\"http://www.postgresql.org/2009/explain\">" << "XML plans are not supported";
        QTest::newRow("yaml") << "- Plan: \n    Node Type: \"Seq Scan\"" << "YAML plans are not supported";
    }

    void malformed_errorsNameTheLine()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        auto plan = PlanParser::parse(text);
        QVERIFY(!plan.ok());
        QVERIFY2(plan.error().message.contains(expected), qPrintable(plan.error().message));
        QCOMPARE(int(plan.error().kind), int(core::Error::Kind::Input));
    }

    void propertyLineRepeatingTheNodeLine_keepsOneKey()
    {
        auto plan = PlanParser::parse(QStringLiteral("Sort  (cost=1.00..2.00 rows=1 width=4)\n"
                                                     "  Node Type: Bogus\n"
                                                     "  Sort Key: x\n"));
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().message));
        const QByteArray json = explain::PlanJsonWriter::write(*plan, {false, false});
        QCOMPARE(json.count("\"Node Type\""), 1);
        QCOMPARE(plan->root().facts.nodeType, QStringLiteral("Sort"));
    }

    void unknownLines_keptOrGluedNeverFatal()
    {
        // A "Key: value" line a newer server prints is kept under its own name; a line
        // that cannot start a plan line continues the one before it (hard wrapping).
        auto plan = PlanParser::parse(QStringLiteral(
            "Seq Scan on t  (cost=0.00..1.00 rows=1 width=4)\n"
            "  Filter: ((a = 1) OR\n"
            "  (b = 2))\n"
            "  Future Property: 12\n"
            "  Future Flag: true\n"));
        QVERIFY(plan.ok());
        QVERIFY(plan->warnings.isEmpty());
        QCOMPARE(plan->root().text(explain::keys::Filter), QStringLiteral("((a = 1) OR  (b = 2))"));
        QCOMPARE(plan->root().number(QStringLiteral("Future Property")), 12.0);
        QCOMPARE(plan->root().value(QStringLiteral("Future Flag")).toBool(), true);
    }
};

QTEST_GUILESS_MAIN(TestTextShapes)
#include "tst_textshapes.moc"
