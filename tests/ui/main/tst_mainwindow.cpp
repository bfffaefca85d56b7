#include "core/stallmeter.h"
#include "models/servertreemodel.h"
#include "pg/pool.h"
#include "pg/serverconnection.h"
#include "pg/session.h"
#include "support/fixture.h"
#include "ui/main/mainwindow.h"

#include <QApplication>
#include <QLabel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace pgdeck;
using test::waitFor;

class TestMainWindow : public QObject
{
    Q_OBJECT
    test::Fixture fx;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        fx = test::fixture();
        if (!fx.valid())
            QSKIP("no fixture: run through ctest");
    }

    void serverTree_showsPrimaryAndReplicaWithRoles()
    {
        ui::MainWindow w;
        w.show();
        auto *primary = new pg::ServerConnection(QStringLiteral("primary"), fx.primaryParams(), {}, &w);
        auto *replica = new pg::ServerConnection(QStringLiteral("replica"), fx.replicaParams(), {}, &w);
        w.addServer(QStringLiteral("fixture"), primary);
        w.addServer(QStringLiteral("fixture"), replica);
        QVERIFY(waitFor([&] {
            return primary->state() == pg::ServerConnection::State::Up && replica->state() == pg::ServerConnection::State::Up;
        }, 15000));
        auto *model = w.serverModel();
        const QModelIndex profile = model->index(0, 0);
        QCOMPARE(model->data(profile).toString(), QStringLiteral("fixture"));
        QCOMPARE(model->rowCount(profile), 2);
        QCOMPARE(model->data(model->index(0, models::ServerTreeModel::RoleColumn, profile)).toString(), QStringLiteral("primary"));
        QCOMPARE(model->data(model->index(1, models::ServerTreeModel::RoleColumn, profile)).toString(), QStringLiteral("replica"));
        QCOMPARE(model->data(model->index(1, models::ServerTreeModel::StateColumn, profile)).toString(), QStringLiteral("up"));
        // The status bar tells the user how many servers are up.
        const auto labels = w.statusBar()->findChildren<QLabel *>();
        bool found = false;
        for (auto *l : labels)
            found = found || l->text().contains(QLatin1String("2 up"));
        QVERIFY(found);
    }

    void unreachableServer_isShownDownWithReason()
    {
        ui::MainWindow w;
        auto *dead = new pg::ServerConnection(QStringLiteral("dead"),
                                              *pg::ConnParams::parse(QStringLiteral("host=127.0.0.1 port=1 user=x")), {}, &w);
        w.addServer(QStringLiteral("broken"), dead);
        QVERIFY(waitFor([&] { return dead->state() == pg::ServerConnection::State::Down; }, 10000));
        const QModelIndex row = w.serverModel()->indexOf(dead);
        QCOMPARE(w.serverModel()->data(row.siblingAtColumn(models::ServerTreeModel::StateColumn)).toString(), QStringLiteral("down"));
        QVERIFY(w.serverModel()->data(row, Qt::ToolTipRole).toString().contains(QLatin1String("refused")));
    }

    void views_switchByName()
    {
        ui::MainWindow w;
        for (const QString &v : {QStringLiteral("dashboard"), QStringLiteral("plans"), QStringLiteral("sessions"),
                                 QStringLiteral("sql"), QStringLiteral("migrations"), QStringLiteral("backups")})
            QVERIFY2(w.showView(v), qPrintable(v));
        QVERIFY(!w.showView(QStringLiteral("nonsense")));
    }

    void fiftyQueries_eventLoopKeepsTurning()
    {
        ui::MainWindow w;
        w.show();
        pg::PoolOptions o;
        o.max = 10;
        o.applicationName = QStringLiteral("tst_mainwindow_stall");
        pg::Pool pool(fx.primaryParams(), o);
        core::StallMeter meter(2);
        meter.start();
        int done = 0, failed = 0;
        for (int i = 0; i < 50; ++i) {
            pool.acquire([&](core::Result<pg::Lease> lease) {
                if (!lease.ok()) {
                    ++failed;
                    return;
                }
                auto held = std::make_shared<pg::Lease>(std::move(lease.value()));
                // Some rows to receive and a little server time for each query.
                (*held)->exec(QStringLiteral("SELECT g, md5(g::text) FROM generate_series(1, 20000) g, pg_sleep(0.05)"),
                              [&, held](core::Result<pg::QueryResult> r) {
                                  r.ok() ? ++done : ++failed;
                                  held->release();
                              });
            });
        }
        QVERIFY(waitFor([&] { return done + failed == 50; }, 60000));
        meter.stop();
        QCOMPARE(failed, 0);
        QVERIFY(meter.ticks() > 20);
        // Generous on purpose: a noisy 2-core machine must never fail this; bench/ reports the p99.
        QVERIFY2(meter.maxUs() < 250000, qPrintable(QStringLiteral("longest stall %1 ms").arg(meter.maxUs() / 1000.0)));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
