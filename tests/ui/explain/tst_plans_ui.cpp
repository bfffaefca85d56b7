// The plans view as a user drives it: a 5,000-node plan (a UNION ALL of many scans,
// EXPLAINed by the fixture) opens in the graph, zooms, and nodes get selected by
// click and keyboard without the window freezing; insights, hotspots, export and
// compare work on a real plan.
#include "core/stallmeter.h"
#include "explain/planparser.h"
#include "support/fixture.h"
#include "ui/explain/plancompareview.h"
#include "ui/explain/plangraphview.h"
#include "ui/explain/planspanel.h"

#include <QApplication>
#include <QGroupBox>
#include <QImage>
#include <QListView>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace pgdeck;
using test::waitFor;

namespace {

// Generous: a noisy 2-core machine; the real figure is measured in bench/.
constexpr qint64 kStallBoundUs = 2'000'000;

QString unionPlanJson(int arms)
{
    const test::Fixture fx = test::fixture();
    QStringList parts;
    for (int i = 1; i <= arms; ++i)
        parts << QStringLiteral("SELECT id FROM customers WHERE id = %1").arg(i);
    if (fx.valid())
        return test::scalar(fx.primary, QStringLiteral("EXPLAIN (FORMAT JSON) ") + parts.join(QStringLiteral(" UNION ALL ")));
    return {};
}

// A synthetic plan of the same shape when no server is around.
QString syntheticPlan(int arms)
{
    QString t = QStringLiteral("Append  (cost=0.29..%1 rows=%2 width=8)\n").arg(8.3 * arms, 0, 'f', 2).arg(arms);
    for (int i = 1; i <= arms; ++i)
        t += QStringLiteral("  ->  Index Only Scan using customers_pkey on customers customers_%1  (cost=0.29..4.30 rows=1 width=8)\n"
                            "        Index Cond: (id = %1)\n")
                 .arg(i);
    return t;
}

} // namespace

class TestPlansUi : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    void stepStall(core::StallMeter &meter, const char *what)
    {
        QApplication::processEvents();
        QVERIFY2(meter.maxUs() < kStallBoundUs,
                 qPrintable(QStringLiteral("%1: the window froze for %2 ms").arg(QLatin1String(what)).arg(meter.maxUs() / 1000)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void graph_bigPlan_opensZoomsAndSelects()
    {
        QString plan = unionPlanJson(4999);
        const bool fromServer = !plan.isEmpty();
        if (!fromServer)
            plan = syntheticPlan(4999);
        ui::PlansPanel panel;
        panel.resize(1400, 900);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        core::StallMeter meter(2);
        meter.start();

        QSignalSpy shown(&panel, &ui::PlansPanel::planShown);
        panel.loadPlanText(plan);
        QVERIFY(waitFor([&] { return shown.count() > 0; }, 60000));
        QVERIFY(panel.plan());
        QVERIFY2(panel.plan()->size() >= 5000, qPrintable(QString::number(panel.plan()->size())));
        QCOMPARE(panel.plan()->source == explain::Plan::Source::Json, fromServer);
        stepStall(meter, "open");

        QVERIFY(panel.showTab(QStringLiteral("graph")));
        ui::PlanGraphView *graph = panel.graphView();
        QVERIFY(waitFor([&] { return graph->isVisible(); }, 5000));
        graph->viewport()->repaint();
        stepStall(meter, "show graph");
        QVERIFY(graph->minimapVisible()); // far wider than the window

        // Zoom out a lot and back in, painting each time.
        const qreal z0 = graph->zoom();
        for (int i = 0; i < 8; ++i) {
            graph->zoomBy(0.6);
            graph->viewport()->repaint();
        }
        QVERIFY(graph->zoom() < z0 / 10);
        stepStall(meter, "zoom out");
        graph->fitToWindow();
        graph->viewport()->repaint();
        for (int i = 0; i < 4; ++i) {
            graph->zoomBy(1.5);
            graph->viewport()->repaint();
        }
        stepStall(meter, "zoom in");

        // Select a node by clicking its box.
        const int target = 2500;
        graph->setZoom(1.0);
        graph->centerOn(graph->planLayout().box(target).center());
        QApplication::processEvents();
        QSignalSpy selected(graph, &ui::PlanGraphView::nodeSelected);
        const QPoint at = graph->mapFromScene(graph->planLayout().box(target).center());
        QTest::mouseClick(graph->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.at(0).at(0).toInt(), target);
        QCOMPARE(graph->selectedNode(), target);
        // The node's properties are shown, and the tree follows.
        auto *nodeBox = panel.findChild<QGroupBox *>(QStringLiteral("nodeBox"));
        QVERIFY(nodeBox->title().contains(panel.plan()->nodes[target].title()));
        auto *tree = panel.findChild<QTreeView *>(QStringLiteral("planTree"));
        QCOMPARE(tree->currentIndex().data(Qt::UserRole + 1).toInt(), target);
        // Keyboard: up to the parent.
        graph->setFocus();
        const int parent = panel.plan()->nodes[size_t(target)].parent;
        QVERIFY(parent >= 0);
        QTest::keyClick(graph, Qt::Key_Up);
        QCOMPARE(graph->selectedNode(), parent);
        QTest::keyClick(graph, Qt::Key_Down);
        QCOMPARE(graph->selectedNode(), parent + 1); // its first child
        stepStall(meter, "select");

        // Metric switch re-lays out the big plan.
        graph->setMetric(explain::PlanLayout::Metric::Cost);
        graph->viewport()->repaint();
        stepStall(meter, "metric");
        meter.stop();
        qInfo("longest stall while opening, zooming, selecting: %.1f ms over %d ticks", meter.maxUs() / 1000.0, meter.ticks());
    }

    void panel_realPlan_insightsHotspotsExportCompare()
    {
        const QString before = QStringLiteral(
            "Aggregate  (cost=3083.17..3083.18 rows=1 width=8) (actual time=25.100..25.101 rows=1 loops=1)\n"
            "  ->  Seq Scan on events  (cost=0.00..3083.00 rows=67 width=0) (actual time=0.010..25.050 rows=60 loops=1)\n"
            "        Filter: ((kind = 'refund'::text) AND (created_at > (now() - '01:00:00'::interval)))\n"
            "        Rows Removed by Filter: 99940\n"
            "Planning Time: 0.100 ms\n"
            "Execution Time: 25.200 ms\n");
        const QString after = QStringLiteral(
            "Aggregate  (cost=5.44..5.45 rows=1 width=8) (actual time=0.050..0.051 rows=1 loops=1)\n"
            "  ->  Index Only Scan using events_kind_created_at_idx on events  (cost=0.29..5.27 rows=67 width=0) (actual time=0.010..0.040 rows=60 loops=1)\n"
            "        Index Cond: ((kind = 'refund'::text) AND (created_at > (now() - '01:00:00'::interval)))\n"
            "        Heap Fetches: 0\n"
            "Planning Time: 0.200 ms\n"
            "Execution Time: 0.100 ms\n");
        ui::PlansPanel panel;
        panel.resize(1400, 900);
        panel.show();
        QSignalSpy shown(&panel, &ui::PlansPanel::planShown);
        panel.loadPlanText(before);
        QVERIFY(waitFor([&] { return shown.count() == 1; }, 10000));
        auto *insights = panel.findChild<QListView *>(QStringLiteral("insightList"));
        QVERIFY(insights->model()->rowCount() >= 1);
        QVERIFY(insights->model()->index(0, 0).data().toString().contains(QLatin1String("events")));
        QVERIFY(panel.statusText().contains(QLatin1String("TEXT plan read")));

        const QString png = m_dir.filePath(QStringLiteral("plan.png"));
        const QString svg = m_dir.filePath(QStringLiteral("plan.svg"));
        QString error;
        QVERIFY2(panel.exportGraph(png, &error), qPrintable(error));
        QVERIFY2(panel.exportGraph(svg, &error), qPrintable(error));
        QImage image(png);
        QVERIFY(image.width() > 100 && image.height() > 100);
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        QVERIFY(svgFile.readAll().contains("<svg"));

        panel.pin();
        panel.loadPlanText(after);
        QVERIFY(waitFor([&] { return shown.count() == 2; }, 10000));
        auto *compare = panel.findChild<ui::PlanCompareView *>(QStringLiteral("compareView"));
        QVERIFY2(compare->summary().contains(QLatin1String("252x faster")), qPrintable(compare->summary()));
    }

    void panel_malformedPaste_saysWhichLine()
    {
        ui::PlansPanel panel;
        panel.show();
        panel.loadPlanText(QStringLiteral("Sort  (cost=1.00..2.00 rows=1 width=4)\n  ->  Seq Scan on t  (cost=abc..1.00 rows=1 width=4)\n"));
        QVERIFY(panel.statusText().contains(QLatin1String("line 2")));
        QVERIFY(!panel.plan());
    }
};

QTEST_MAIN(TestPlansUi)
#include "tst_plans_ui.moc"
