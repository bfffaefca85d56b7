#include "gui.h"

#include "cli.h"
#include "core/logging.h"
#include "pg/serverconnection.h"
#include "secrets/keychain.h"
#include "ui/connect/connectdialog.h"
#include "ui/connect/profilecontroller.h"
#include "ui/dashboard/dashboardwidget.h"
#include "ui/explain/planspanel.h"
#include "ui/main/mainwindow.h"
#include "ui/main/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QPixmap>
#include <QTimer>
#include <QTranslator>

#include <memory>

namespace pgdeck::app {

namespace {

// Quits right after the main window's first paint: the cold-start benchmark.
class FirstPaintExit : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *, QEvent *e) override
    {
        if (e->type() == QEvent::Paint && !m_done) {
            m_done = true;
            QTimer::singleShot(0, qApp, []() { QCoreApplication::exit(0); });
        }
        return false;
    }

private:
    bool m_done = false;
};

void installTranslations(QApplication &app)
{
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    auto *own = new QTranslator(&app);
    if (own->load(QLocale(), QStringLiteral("pgdeck"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        app.installTranslator(own);
}

} // namespace

int runGui(int &argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("pgdeck"));
    QApplication::setDesktopFileName(QStringLiteral("pgdeck"));
    installTranslations(app);
    ui::Theme::instance()->install(app);

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("pgdeck, a native workbench for PostgreSQL DBAs"));
    p.addHelpOption();
    p.addVersionOption();
    p.addOptions({
        {QStringLiteral("connect"), QStringLiteral("Connect to CONN (repeatable: a primary and its replicas)."), QStringLiteral("CONN")},
        {QStringLiteral("profile"), QStringLiteral("Name for the servers given with --connect."), QStringLiteral("NAME"),
         QStringLiteral("cluster")},
        {QStringLiteral("view"), QStringLiteral("Open on a view: dashboard, plans, sessions, sql, migrations, backups."),
         QStringLiteral("NAME")},
        {QStringLiteral("screenshot"), QStringLiteral("Save the window as PNG after --after seconds, then quit."),
         QStringLiteral("FILE")},
        {QStringLiteral("after"), QStringLiteral("Seconds to wait for live data before the screenshot (default 3)."),
         QStringLiteral("SECONDS"), QStringLiteral("3")},
        {QStringLiteral("size"), QStringLiteral("Window size for screenshots, WxH (default 1440x900)."), QStringLiteral("WxH"),
         QStringLiteral("1440x900")},
        {QStringLiteral("quit-after-first-paint"), QStringLiteral("Exit once the window has painted (startup benchmark).")},
        {QStringLiteral("explain"), QStringLiteral("Plans view: EXPLAIN ANALYZE SQL on the first server once it is up."),
         QStringLiteral("SQL")},
        {QStringLiteral("plan-file"), QStringLiteral("Plans view: open a saved TEXT or JSON plan."), QStringLiteral("FILE")},
        {QStringLiteral("plans-tab"), QStringLiteral("Plans view: show tree, graph, raw or compare."), QStringLiteral("TAB")},
        {QStringLiteral("dialog"), QStringLiteral("Open a dialog at start: connect. With --screenshot, the dialog is saved."),
         QStringLiteral("NAME")},
        {QStringLiteral("dialog-fill"), QStringLiteral("Paste CONN into the connection dialog."), QStringLiteral("CONN")},
        {QStringLiteral("dialog-test"), QStringLiteral("Press the connection dialog's Test button once it is open.")},
        {QStringLiteral("dialog-tab"), QStringLiteral("Connection dialog tab to show: server, cluster, tls, options."),
         QStringLiteral("TAB")},
    });
    p.process(app);

    core::setupLogging(false, qEnvironmentVariable("PGDECK_LOG_LEVEL", QStringLiteral("info")).toStdString());
    core::logger("app")->info("pgdeck {} starting", PGDECK_VERSION);

    ui::MainWindow window;
    // Saved profiles, File › Connect…, password prompts, unlocks, role changes.
    auto *profiles = new ui::ProfileController(&window, secrets::Keychain::shared());
    QObject::connect(&window, &ui::MainWindow::connectRequested, profiles, [profiles]() { profiles->showConnectDialog(); });
    QObject::connect(&window, &ui::MainWindow::editProfileRequested, profiles, &ui::ProfileController::editProfile);
    QObject::connect(&window, &ui::MainWindow::removeProfileRequested, profiles, &ui::ProfileController::removeProfile);
    const QString profile = p.value(QStringLiteral("profile"));
    int index = 0;
    for (const QString &conn : p.values(QStringLiteral("connect"))) {
        if (conn.startsWith(QLatin1Char('@'))) {
            if (!profiles->openProfileByName(conn.mid(1))) {
                err(QStringLiteral("pgdeck: unknown profile %1 (pgdeck profiles list)").arg(conn));
                return ExitUsage;
            }
            continue;
        }
        auto params = resolveConn(conn);
        if (!params.ok()) {
            err(QStringLiteral("pgdeck: %1").arg(params.error().toString()));
            return ExitUsage;
        }
        for (const pg::ConnParams &one : params->splitHosts()) {
            const QString name = index == 0 ? one.endpoint() : one.endpoint();
            auto *server = new pg::ServerConnection(name, one, pg::PoolOptions{}, &window);
            window.addServer(profile, server);
            profiles->watch(server);
            ++index;
        }
    }
    // Without --connect the saved profiles fill the tree.
    if (!p.isSet(QStringLiteral("connect")))
        profiles->loadSavedProfiles();
    // Live dashboard: samplers per server, history in the workspace store.
    ui::DashboardWidget::install(window);
    // Query plans: EXPLAIN on the current server, or any pasted plan.
    auto *plans = new ui::PlansPanel(&window);
    plans->setServer(window.currentServer());
    QObject::connect(&window, &ui::MainWindow::currentServerChanged, plans, &ui::PlansPanel::setServer);
    window.setViewWidget(QStringLiteral("plans"), plans);
    if (p.isSet(QStringLiteral("plan-file")))
        plans->loadPlanFile(p.value(QStringLiteral("plan-file")));
    if (p.isSet(QStringLiteral("plans-tab")))
        plans->showTab(p.value(QStringLiteral("plans-tab")));
    if (p.isSet(QStringLiteral("explain")) && window.currentServer()) {
        pg::ServerConnection *server = window.currentServer();
        const QString sql = p.value(QStringLiteral("explain"));
        auto once = std::make_shared<QMetaObject::Connection>();
        *once = QObject::connect(server, &pg::ServerConnection::stateChanged, plans, [plans, sql, once](pg::ServerConnection::State st) {
            if (st != pg::ServerConnection::State::Up)
                return;
            QObject::disconnect(*once);
            plans->explainSql(sql, true);
        });
        if (server->state() == pg::ServerConnection::State::Up) {
            QObject::disconnect(*once);
            QTimer::singleShot(0, plans, [plans, sql]() { plans->explainSql(sql, true); });
        }
    }
    if (p.isSet(QStringLiteral("view")) && !window.showView(p.value(QStringLiteral("view")))) {
        err(QStringLiteral("pgdeck: unknown view '%1' (views: %2)")
                .arg(p.value(QStringLiteral("view")), window.viewNames().join(QStringLiteral(", "))));
        return ExitUsage;
    }

    const QString shot = p.value(QStringLiteral("screenshot"));
    if (!shot.isEmpty()) {
        const QStringList wh = p.value(QStringLiteral("size")).split(QLatin1Char('x'));
        window.resize(wh.value(0).toInt() > 0 ? wh.value(0).toInt() : 1440, wh.value(1).toInt() > 0 ? wh.value(1).toInt() : 900);
        const int afterMs = int(p.value(QStringLiteral("after")).toDouble() * 1000);
        QTimer::singleShot(afterMs, &window, [&window, shot, profiles]() {
            // A dialog asked for with --dialog is what the screenshot shows.
            const QPixmap pix = profiles->connectDialog() ? profiles->connectDialog()->grab() : window.grab();
            const bool ok = pix.save(shot, "PNG");
            if (!ok)
                err(QStringLiteral("pgdeck: could not write %1").arg(shot));
            else
                out(QStringLiteral("screenshot: %1 (%2x%3)").arg(shot).arg(pix.width()).arg(pix.height()));
            QCoreApplication::exit(ok ? 0 : 1);
        });
    }
    if (p.isSet(QStringLiteral("quit-after-first-paint")))
        window.installEventFilter(new FirstPaintExit(&window));

    window.show();
    if (p.value(QStringLiteral("dialog")) == QLatin1String("connect")) {
        ui::ConnectDialog *dlg = profiles->showConnectDialog(p.value(QStringLiteral("dialog-fill")));
        if (p.isSet(QStringLiteral("dialog-tab")) && !dlg->showTab(p.value(QStringLiteral("dialog-tab")))) {
            err(QStringLiteral("pgdeck: unknown tab '%1' (server, cluster, tls, options)").arg(p.value(QStringLiteral("dialog-tab"))));
            return ExitUsage;
        }
        if (p.isSet(QStringLiteral("dialog-test")))
            QTimer::singleShot(0, dlg, &ui::ConnectDialog::testConnection);
    } else if (p.isSet(QStringLiteral("dialog"))) {
        err(QStringLiteral("pgdeck: unknown dialog '%1' (dialogs: connect)").arg(p.value(QStringLiteral("dialog"))));
        return ExitUsage;
    }
    return QApplication::exec();
}

} // namespace pgdeck::app
