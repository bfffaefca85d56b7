#include "../../integration/monitor/promserver.h"
#include "core/stallmeter.h"
#include "models/metricbreakdownmodel.h"
#include "monitor/metricnames.h"
#include "monitor/monitor.h"
#include "monitor/thresholdwatch.h"
#include "pg/serverconnection.h"
#include "pg/session.h"
#include "store/metricstore.h"
#include "support/fixture.h"
#include "ui/dashboard/chartpanel.h"
#include "ui/dashboard/chartview.h"
#include "ui/dashboard/dashboardwidget.h"
#include "ui/dashboard/statuschip.h"
#include "ui/main/mainwindow.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QAreaSeries>
#include <QChart>
#include <QLineSeries>
#include <QMouseEvent>
#include <QXYSeries>
#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QProcess>
#include <QTest>

#include <unistd.h>

#include <memory>

using namespace pgdeck;
using test::waitFor;
namespace metric = monitor::metric;

namespace {

// A dashboard on one fixture server, as the GUI builds it.
struct Board
{
    Board(const pg::ConnParams &params, const QString &profile, int intervalMs, store::MetricStore::Options so = {})
    {
        if (so.path.isEmpty())
            so.persist = false;
        metrics = std::make_unique<store::MetricStore>(so);
        mon = std::make_unique<monitor::Monitor>(metrics.get());
        mon->setIntervalMs(intervalMs);
        server = std::make_unique<pg::ServerConnection>(params.endpoint(), params, pg::PoolOptions{});
        mon->addServer(profile, server.get());
        dash = std::make_unique<ui::DashboardWidget>(mon.get());
        dash->resize(1400, 1000);
        dash->setCurrentServer(server.get());
    }
    ~Board()
    {
        dash.reset();
        mon.reset();
    }
    QString source() const { return mon->sourceOf(server.get()); }
    ui::ChartView *chart(const char *id) const
    {
        ui::ChartPanel *p = dash->panel(QString::fromLatin1(id));
        return p ? p->chart() : nullptr;
    }

    std::unique_ptr<store::MetricStore> metrics;
    std::unique_ptr<monitor::Monitor> mon;
    std::unique_ptr<pg::ServerConnection> server;
    std::unique_ptr<ui::DashboardWidget> dash;
};

bool hasSeries(ui::ChartView *c, const QString &label, bool withData)
{
    if (!c)
        return false;
    for (QAbstractSeries *s : c->chart()->series()) {
        if (s->name() != label)
            continue;
        if (!withData)
            return true;
        if (auto *xy = qobject_cast<QXYSeries *>(s); xy && xy->count() > 0)
            return true;
        if (auto *area = qobject_cast<QAreaSeries *>(s); area && area->upperSeries()->count() > 0)
            return true;
    }
    return false;
}

int segments(ui::ChartView *c, const QString &label)
{
    int n = 0;
    for (QAbstractSeries *s : c->chart()->series()) {
        if (s->name() != label)
            continue;
        if (auto *area = qobject_cast<QAreaSeries *>(s))
            n += area->upperSeries()->count() > 0 ? 1 : 0;
        else if (auto *xy = qobject_cast<QXYSeries *>(s))
            n += xy->count() > 0 ? 1 : 0;
    }
    return n;
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT
    test::Fixture fx;
    QTemporaryDir dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        fx = test::fixture();
        if (!fx.valid())
            QSKIP("no fixture: run through ctest");
    }

    void liveServer_chartsConnectionsThroughputAndChips()
    {
        Board b(fx.primaryParams(), QStringLiteral("ui-live"), 500);
        b.dash->show();
        QVERIFY(waitFor([&] { return b.mon->isSampling(b.server.get()); }, 5000));
        QVERIFY(waitFor([&] { return hasSeries(b.chart("connections"), QStringLiteral("idle"), true); }, 15000));
        QVERIFY2(b.dash->panel(QStringLiteral("connections"))->summary().contains(QLatin1String("of 300 max")),
                 qPrintable(b.dash->panel(QStringLiteral("connections"))->summary()));
        QVERIFY(waitFor([&] { return hasSeries(b.chart("tps"), QStringLiteral("commits"), true); }, 15000));
        QVERIFY(b.dash->headingText().contains(QLatin1String("up")));
        QVERIFY(b.dash->headingText().contains(QLatin1String("primary")));
        // Chips show numbers and a level once samples came in.
        QVERIFY(waitFor([&] { return b.dash->chip(monitor::KeyMetric::ActiveConnections)->level() == monitor::Level::Ok; }, 10000));
        QCOMPARE(b.dash->chip(monitor::KeyMetric::ActiveConnections)->valueText(), QStringLiteral("0"));
        // Every card a DBA expects on a primary.
        for (const char *id : {"connections", "apps", "sessions", "tps", "tuples", "lag-seconds", "lag-bytes", "slow", "p95",
                               "pgdeck-pool", "disk"})
            QVERIFY2(b.dash->panel(QString::fromLatin1(id)), id);
        QVERIFY(waitFor([&] { return b.dash->panel(QStringLiteral("disk"))->summary().contains(QLatin1String("filesystem")); }, 10000));
        // Pausing closes the monitor session; hiding does too.
        b.dash->hide();
        QVERIFY(waitFor([&] { return !b.mon->isSampling(b.server.get()); }, 5000));
    }

    void thresholds_turnTheChipsColourAndPersist()
    {
        Board b(fx.primaryParams(), QStringLiteral("ui-thresholds"), 500);
        b.dash->show();
        QVERIFY(waitFor([&] { return b.dash->chip(monitor::KeyMetric::ActiveConnections)->level() == monitor::Level::Ok; }, 15000));
        monitor::Thresholds t;
        t.setBand(monitor::KeyMetric::PoolUsage, {0.01, 0.02}); // any connection at all is critical now
        b.mon->setThresholds(QStringLiteral("ui-thresholds"), t);
        QVERIFY(waitFor([&] { return b.dash->chip(monitor::KeyMetric::PoolUsage)->level() == monitor::Level::Critical; }, 10000));
        QCOMPARE(ui::StatusChip::levelColor(monitor::Level::Critical, b.dash->palette()), QColor(0xc9, 0x30, 0x30));
        QCOMPARE(monitor::Thresholds::load(QStringLiteral("ui-thresholds")).band(monitor::KeyMetric::PoolUsage).critical, 0.02);
        b.mon->setThresholds(QStringLiteral("ui-thresholds"), monitor::Thresholds{});
    }

    void scrapedEndpoint_isChartedBesideTheServersViewOfThatApplication()
    {
        test::PromServer prom;
        QVERIFY(prom.listen());
        prom.setBody(test::PromServer::poolBody(20, 6, 2, 0));
        Board b(fx.primaryParams(), QStringLiteral("ui-scrape"), 500);
        b.mon->setEndpoints(b.server.get(), {{QUrl(prom.url()), QStringLiteral("tst-dashboard-api")}}, false);
        // The server's view of that application: two sessions with its application_name.
        pg::ConnParams app = fx.primaryParams();
        app.set("application_name", QStringLiteral("tst-dashboard-api"));
        pg::Session s1, s2;
        s1.connectToServer(app);
        s2.connectToServer(app);
        b.dash->show();
        QVERIFY(waitFor([&] { return hasSeries(b.chart("apps"), QStringLiteral("tst-dashboard-api in use (app)"), true); }, 15000));
        QVERIFY(hasSeries(b.chart("apps"), QStringLiteral("tst-dashboard-api waiting (app)"), true));
        QVERIFY(waitFor([&] { return hasSeries(b.chart("apps"), QStringLiteral("tst-dashboard-api"), true); }, 15000));
        QVERIFY(b.dash->panel(QStringLiteral("apps"))->summary().contains(QLatin1String("tst-dashboard-api pool 20")));
        // The sessions table puts the app's own pool beside the server's count.
        auto *model = b.dash->panel(QStringLiteral("sessions"))->table()->model();
        bool row = false;
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->index(r, 0).data().toString() == QLatin1String("tst-dashboard-api")) {
                row = true;
                QCOMPARE(model->index(r, models::MetricBreakdownModel::Total).data().toString(), QStringLiteral("2"));
                QCOMPARE(model->index(r, models::MetricBreakdownModel::AppPoolSize).data().toString(), QStringLiteral("20"));
                QCOMPARE(model->index(r, models::MetricBreakdownModel::AppPoolWaiting).data().toString(), QStringLiteral("2"));
            }
        QVERIFY(row);
        QVERIFY(b.dash->notesText().isEmpty() || !b.dash->notesText().contains(QLatin1String("Endpoint")));
        // The endpoint breaks: a clear note, the rest keeps going.
        prom.setBody("<html>maintenance</html>");
        QVERIFY(waitFor([&] { return b.dash->notesText().contains(QLatin1String("did not serve Prometheus metrics")); }, 10000));
        QVERIFY(b.dash->headingText().contains(QLatin1String("up")));
    }

    void unreachableEndpoint_isNamedInTheNotes()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const int port = closed.serverPort();
        closed.close();
        Board b(fx.primaryParams(), QStringLiteral("ui-deadendpoint"), 500);
        b.mon->setEndpoints(b.server.get(), {{QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(port)), QStringLiteral("api")}}, false);
        b.dash->show();
        QVERIFY(waitFor([&] { return b.dash->notesText().contains(QLatin1String("Endpoint of api: cannot reach")); }, 15000));
        QVERIFY(waitFor([&] { return b.dash->panel(QStringLiteral("apps")) && b.dash->panel(QStringLiteral("apps"))->summary().contains(QLatin1String("api endpoint down")); }, 10000));
    }

    void export_writesPngAndCsv_zoomAndHoverWork()
    {
        Board b(fx.primaryParams(), QStringLiteral("ui-export"), 500);
        b.dash->show();
        QVERIFY(waitFor([&] { return hasSeries(b.chart("connections"), QStringLiteral("idle"), true); }, 15000));
        QTest::qWait(1500);
        ui::ChartPanel *p = b.dash->panel(QStringLiteral("connections"));
        const QString png = dir.filePath(QStringLiteral("connections.png"));
        const QString csv = dir.filePath(QStringLiteral("connections.csv"));
        QVERIFY(p->exportPng(png));
        QImage img(png);
        QVERIFY(!img.isNull() && img.width() > 100);
        QVERIFY(p->exportCsv(csv));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.size() >= 3);
        QVERIFY2(lines.first().startsWith(QLatin1String("time,\"active\",\"waiting on lock\",\"idle in transaction\",\"idle\"")),
                 qPrintable(lines.first()));
        QVERIFY(lines.at(1).contains(QLatin1Char('T')) && lines.at(1).contains(QLatin1Char('Z')));

        ui::ChartView *c = p->chart();
        const QRectF plot = c->chart()->plotArea();
        auto at = [&](double dx) { return c->mapFromScene(c->chart()->mapToScene(QPointF(plot.right() - dx, plot.center().y()))); };
        auto send = [&](QEvent::Type type, QPoint pos, Qt::MouseButton button, Qt::MouseButtons buttons) {
            QMouseEvent ev(type, QPointF(pos), QPointF(c->viewport()->mapToGlobal(pos)), button, buttons, Qt::NoModifier);
            QApplication::sendEvent(c->viewport(), &ev);
        };
        // Hover over the newest sample: the box lists every series at that time.
        const QPointF newest = c->chart()->mapToPosition(QPointF(c->data(0).last().x(), 0), c->chart()->series().first());
        send(QEvent::MouseMove, c->mapFromScene(c->chart()->mapToScene(QPointF(newest.x() - 1, plot.center().y()))), Qt::NoButton,
             Qt::NoButton);
        QVERIFY2(c->hoverText().contains(QLatin1String("idle:")), qPrintable(c->hoverText()));
        QVERIFY(c->hoverText().contains(QLatin1String("active:")));
        // Drag across a stretch of time: the chart zooms into it; a double-click resets.
        send(QEvent::MouseButtonPress, at(200), Qt::LeftButton, Qt::LeftButton);
        send(QEvent::MouseMove, at(100), Qt::NoButton, Qt::LeftButton);
        send(QEvent::MouseMove, at(30), Qt::NoButton, Qt::LeftButton);
        send(QEvent::MouseButtonRelease, at(30), Qt::LeftButton, Qt::NoButton);
        QVERIFY(c->isZoomed());
        send(QEvent::MouseButtonDblClick, at(30), Qt::LeftButton, Qt::LeftButton);
        QVERIFY(!c->isZoomed());
    }

    void darkPalette_chartsFollowIt()
    {
        Board b(fx.primaryParams(), QStringLiteral("ui-dark"), 500);
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x24));
        dark.setColor(QPalette::Base, QColor(0x18, 0x18, 0x1b));
        dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
        b.dash->setPalette(dark);
        b.dash->show();
        QVERIFY(waitFor([&] { return b.chart("connections") != nullptr; }, 15000));
        QCOMPARE(b.chart("connections")->chart()->backgroundBrush().color(), QColor(0x18, 0x18, 0x1b));
        QCOMPARE(b.chart("connections")->chart()->legend()->labelColor(), QColor(0xe8, 0xe8, 0xe8));
    }

    void history_survivesARestart_oneHourWindowShowsEarlierPoints()
    {
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        const pg::ConnParams params = *pg::ConnParams::parse(QStringLiteral("host=127.0.0.1 port=1 user=nobody"));
        const QString source = monitor::Monitor::sourceKey(QStringLiteral("ui-history"), params.endpoint());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        {
            store::MetricStore::Options so;
            so.path = path;
            store::MetricStore earlier(so);
            for (int i = 0; i < 60; ++i) // a minute of samples, 30 minutes ago
                earlier.append(source, now - 1800000 + i * 1000,
                               {{metric::connActive, 3.0}, {metric::connIdle, 7.0}, {metric::connTotal, 10.0}, {metric::up, 1.0}});
        } // pgdeck quits
        store::MetricStore::Options so;
        so.path = path;
        Board b(params, QStringLiteral("ui-history"), 1000, so);
        QCOMPARE(b.source(), source);
        b.dash->setWindow(ui::DashboardWidget::Window::OneHour);
        b.dash->show();
        QVERIFY(waitFor([&] { return b.dash->series(source, metric::connTotal).size() >= 60; }, 10000));
        QCOMPARE(b.dash->series(source, metric::connTotal).first().x(), double(now - 1800000));
        QVERIFY(waitFor([&] { return hasSeries(b.chart("connections"), QStringLiteral("idle"), true); }, 10000));
        // In the 5-minute window those points are out of range.
        b.dash->setWindow(ui::DashboardWidget::Window::FiveMinutes);
        QVERIFY(waitFor([&] { return b.dash->series(source, metric::connTotal).isEmpty(); }, 10000));
    }

    // Last: it kills the fixture's primary and starts it again.
    void primaryKilled_shownDownWithinTwoTicks_reconnects_gapVisible_guiKeepsTurning()
    {
        Board b(fx.primaryParams(), QStringLiteral("ui-kill"), 500);
        b.dash->show();
        QVERIFY(waitFor([&] { return hasSeries(b.chart("connections"), QStringLiteral("idle"), true); }, 15000));
        QTest::qWait(1500);
        std::vector<monitor::Sample> samples;
        QObject::connect(b.mon.get(), &monitor::Monitor::sampled, [&](pg::ServerConnection *, const monitor::Sample &s) { samples.push_back(s); });
        core::StallMeter meter(2);
        meter.start();
        const QString pgdata = fx.baseDir + QStringLiteral("/primary");
        const QString log = fx.baseDir + QStringLiteral("/log/primary.log");
        auto restart = qScopeGuard([&] {
            test::runServerTool(fx.binDir + QStringLiteral("/pg_ctl"),
                                {QStringLiteral("start"), QStringLiteral("-w"), QStringLiteral("-D"), pgdata, QStringLiteral("-l"), log});
        });
        // pg_ctl runs as a child process; the event loop keeps turning meanwhile.
        QProcess kill;
        const QStringList stopArgs{QStringLiteral("stop"), QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-D"), pgdata};
        if (::geteuid() == 0)
            kill.start(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
                                                              fx.binDir + QStringLiteral("/pg_ctl")} + stopArgs);
        else
            kill.start(fx.binDir + QStringLiteral("/pg_ctl"), stopArgs);
        QVERIFY(waitFor([&] { return kill.state() == QProcess::NotRunning; }, 30000));
        const size_t mark = samples.size();
        QVERIFY(waitFor([&] { return samples.size() >= mark + 2; }, 10000));
        QVERIFY2(!samples[mark].up || !samples[mark + 1].up, "down within two ticks");
        QVERIFY2(waitFor([&] { return b.dash->headingText().contains(QLatin1String("down")); }, 2000), qPrintable(b.dash->headingText()));
        QTest::qWait(2500);
        restart.dismiss();
        QProcess start;
        const QStringList startArgs{QStringLiteral("start"), QStringLiteral("-w"), QStringLiteral("-D"), pgdata, QStringLiteral("-l"), log};
        if (::geteuid() == 0)
            start.start(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
                                                               fx.binDir + QStringLiteral("/pg_ctl")} + startArgs);
        else
            start.start(fx.binDir + QStringLiteral("/pg_ctl"), startArgs);
        QVERIFY(waitFor([&] { return start.state() == QProcess::NotRunning; }, 60000));
        QCOMPARE(start.exitCode(), 0);
        QVERIFY2(waitFor([&] { return b.dash->headingText().contains(QStringLiteral("● up")); }, 30000), qPrintable(b.dash->headingText()));
        QVERIFY(waitFor([&] { return samples.back().up && samples.back().has(metric::connTotal); }, 10000));
        QTest::qWait(1500);
        meter.stop();
        // The gap shows: the connections chart breaks its areas in two.
        QVERIFY2(segments(b.chart("connections"), QStringLiteral("idle")) >= 2,
                 qPrintable(QString::number(segments(b.chart("connections"), QStringLiteral("idle")))));
        QVERIFY(meter.ticks() > 100);
        // Generous on purpose (2-core noisy machine); bench/ reports the p99.
        QVERIFY2(meter.maxUs() < 250000, qPrintable(QStringLiteral("longest stall %1 ms").arg(meter.maxUs() / 1000.0)));
        // Leave the fixture as found: the replica streams again.
        QVERIFY(waitFor([&] {
            return test::scalar(fx.primary, QStringLiteral("SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")) == QLatin1String("1");
        }, 60000));
    }
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
