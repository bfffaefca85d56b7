#include "core/actionguard.h"
#include "core/profilestore.h"
#include "models/servertreemodel.h"
#include "pg/serverconnection.h"
#include "secrets/keychain.h"
#include "support/fixture.h"
#include "ui/connect/connectdialog.h"
#include "ui/connect/passworddialog.h"
#include "ui/connect/profilecontroller.h"
#include "ui/connect/unlockdialog.h"
#include "ui/main/mainwindow.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTreeView>
#include <QTemporaryDir>
#include <QTest>

using namespace pgdeck;

// The main window with profiles: the read-only band and title mark, the password
// prompt when no keychain answers, the unlock dialog, the role-change banner.
class TestProfileWindow : public QObject
{
    Q_OBJECT
    test::Fixture fx;
    QTemporaryDir home;

    core::Profile profile(const QString &name, const QString &user, bool readOnly) const
    {
        core::Profile p;
        p.name = name;
        p.readOnly = readOnly;
        core::ProfileServer s;
        s.conninfo = QStringLiteral("host=127.0.0.1 port=%1 dbname=pgdeck_demo user=%2").arg(fx.primaryPort).arg(user);
        p.servers = {s};
        return p;
    }

    template<typename T>
    static T *topLevel(const QString &objectName)
    {
        for (QWidget *w : QApplication::topLevelWidgets())
            if (auto *t = qobject_cast<T *>(w); t && t->objectName() == objectName && t->isVisible())
                return t;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        fx = test::fixture();
        if (!fx.valid())
            QSKIP("no fixture: run through ctest");
        for (const char *var : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"})
            qputenv(var, (home.path() + QLatin1Char('/') + QString::fromLatin1(var)).toUtf8());
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv("DISPLAY");
        qputenv("PGPASSFILE", "/nonexistent/pgpass");
    }

    void readOnlyProfile_showsBandAndTitleMark()
    {
        ui::MainWindow w;
        secrets::Keychain keychain(QStringLiteral("pgdeck-test"));
        ui::ProfileController controller(&w, &keychain);
        w.show();
        controller.openProfile(profile(QStringLiteral("reporting"), QStringLiteral("postgres"), true));
        QVERIFY(test::waitFor([&]() { return w.currentServer() != nullptr; }, 10000));
        auto *band = w.findChild<QLabel *>(QStringLiteral("profileBand"));
        QVERIFY(band);
        QVERIFY(test::waitFor([&]() { return band->isVisible(); }, 5000));
        QVERIFY2(band->text().contains(QLatin1String("READ-ONLY")), qPrintable(band->text()));
        QVERIFY(band->text().contains(QLatin1String("reporting")));
        QVERIFY2(w.windowTitle().contains(QLatin1String("[READ-ONLY] reporting")), qPrintable(w.windowTitle()));

        // An unprotected profile selected: no band.
        controller.openProfile(profile(QStringLiteral("plain"), QStringLiteral("postgres"), false));
        QVERIFY(test::waitFor([&]() { return w.serverModel()->servers().size() == 2; }, 10000));
        auto *tree = w.findChild<QTreeView *>(QStringLiteral("serverTree"));
        tree->setCurrentIndex(w.serverModel()->indexOf(w.serverModel()->servers().last()));
        QVERIFY(test::waitFor([&]() { return !band->isVisible(); }, 5000));
        QVERIFY(!w.windowTitle().contains(QLatin1String("READ-ONLY")));
    }

    void roleChange_showsBanner()
    {
        ui::MainWindow w;
        secrets::Keychain keychain(QStringLiteral("pgdeck-test"));
        ui::ProfileController controller(&w, &keychain);
        w.show();
        controller.openProfile(profile(QStringLiteral("cluster"), QStringLiteral("postgres"), false));
        QVERIFY(test::waitFor([&]() { return w.currentServer() && w.currentServer()->role() == pg::ServerConnection::Role::Primary; }, 20000));
        auto *banner = w.findChild<QWidget *>(QStringLiteral("roleBanner"));
        QVERIFY(banner && !banner->isVisible());
        // What the monitor or the role watcher reports after a failover.
        w.currentServer()->setObservedRole(pg::ServerConnection::Role::Replica);
        QVERIFY(banner->isVisible());
        const QString text = w.findChild<QLabel *>(QStringLiteral("roleBannerText"))->text();
        QVERIFY2(text.contains(QLatin1String("Role change")) && text.contains(QLatin1String("REPLICA")), qPrintable(text));
        QVERIFY(w.statusBar()->currentMessage().contains(QLatin1String("changed role")));
    }

    void noKeychain_passwordDialogAsks_thenConnects()
    {
        ui::MainWindow w;
        secrets::Keychain keychain(QStringLiteral("pgdeck-test"));
        keychain.setTimeoutMs(5000);
        ui::ProfileController controller(&w, &keychain);
        w.show();
        core::Profile p = profile(QStringLiteral("app"), QStringLiteral("pgdeck_app"), false);
        p.savePassword = true;
        controller.openProfile(p);
        ui::PasswordDialog *dlg = nullptr;
        QVERIFY(test::waitFor([&]() { return (dlg = topLevel<ui::PasswordDialog>(QStringLiteral("passwordDialog"))) != nullptr; }, 30000));
        QVERIFY(w.statusBar()->currentMessage().contains(QLatin1String("No keychain backend answered")));
        QVERIFY(!dlg->findChild<QCheckBox *>(QStringLiteral("saveInKeychain"))->isEnabled());
        dlg->findChild<QLineEdit *>(QStringLiteral("password"))->setText(QStringLiteral("pgdeck-demo-app"));
        dlg->accept();
        QVERIFY(test::waitFor([&]() { return w.currentServer() && w.currentServer()->state() == pg::ServerConnection::State::Up; }, 20000));
    }

    void production_unlockAsksForTheTypedName()
    {
        ui::MainWindow w;
        secrets::Keychain keychain(QStringLiteral("pgdeck-test"));
        ui::ProfileController controller(&w, &keychain);
        w.show();
        core::Protection prot;
        prot.profile = QStringLiteral("orders-prod");
        prot.production = true;
        prot.colour = QStringLiteral("#c62828");
        std::optional<bool> granted;
        core::ActionGuard::request(prot, core::GuardedAction::TerminateSession, QStringLiteral("pid 4711"),
                                   [&](core::Result<core::Unlock> u) { granted = u.ok(); });
        ui::UnlockDialog *dlg = nullptr;
        QVERIFY(test::waitFor([&]() { return (dlg = topLevel<ui::UnlockDialog>(QStringLiteral("unlockDialog"))) != nullptr; }, 5000));
        QVERIFY(!granted.has_value());
        QVERIFY(!dlg->canUnlock());
        auto *unlock = dlg->findChild<QDialogButtonBox *>()->buttons().first();
        for (QAbstractButton *b : dlg->findChild<QDialogButtonBox *>()->buttons())
            if (b->text().contains(QLatin1String("Unlock")))
                unlock = b;
        QVERIFY(!unlock->isEnabled());
        dlg->typeName(QStringLiteral("orders-prod"));
        QVERIFY(unlock->isEnabled());
        QTest::mouseClick(unlock, Qt::LeftButton);
        QVERIFY(test::waitFor([&]() { return granted.has_value(); }, 5000));
        QVERIFY(*granted);
    }

    void connectDialog_savesProfileWithoutPassword_andConnects()
    {
        ui::MainWindow w;
        secrets::Keychain keychain(QStringLiteral("pgdeck-test"));
        ui::ProfileController controller(&w, &keychain);
        w.show();
        ui::ConnectDialog *dlg = controller.showConnectDialog(
            QStringLiteral("postgres://pgdeck_app:pgdeck-demo-app@127.0.0.1:%1/pgdeck_demo").arg(fx.primaryPort));
        QVERIFY(dlg && dlg->isVisible());
        dlg->findChild<QLineEdit *>(QStringLiteral("profileName"))->setText(QStringLiteral("from-dialog"));
        dlg->accept();
        QVERIFY(test::waitFor([&]() { return w.serverModel()->profiles().contains(QStringLiteral("from-dialog")); }, 10000));
        QVERIFY(test::waitFor([&]() { return w.currentServer() && w.currentServer()->state() == pg::ServerConnection::State::Up; }, 20000));
        const auto saved = core::ProfileStore().find(QStringLiteral("from-dialog"));
        QVERIFY(saved.has_value());
        QVERIFY(!saved->servers.first().conninfo.contains(QLatin1String("pgdeck-demo-app")));
        QFile ini(core::ProfileStore::defaultFileName());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(!ini.readAll().contains("pgdeck-demo-app"));
    }

    void serverTree_editsRenamesAndRemovesAProfile()
    {
        QVERIFY(core::ProfileStore().save(profile(QStringLiteral("to-edit"), QStringLiteral("postgres"), false)).ok());
        ui::MainWindow w;
        secrets::Keychain keychain(QStringLiteral("pgdeck-test"));
        ui::ProfileController controller(&w, &keychain);
        connect(&w, &ui::MainWindow::editProfileRequested, &controller, &ui::ProfileController::editProfile);
        connect(&w, &ui::MainWindow::removeProfileRequested, &controller, &ui::ProfileController::removeProfile);
        w.show();
        QVERIFY(controller.openProfileByName(QStringLiteral("to-edit")));
        models::ServerTreeModel *model = w.serverModel();
        QVERIFY(test::waitFor([&]() { return model->profiles().contains(QStringLiteral("to-edit")); }, 10000));

        // Right-click on the server row: the menu edits its profile.
        const QModelIndex profileRow = model->index(int(model->profiles().indexOf(QStringLiteral("to-edit"))), 0);
        const QModelIndex serverRow = model->index(0, 0, profileRow);
        QCOMPARE(w.profileAt(serverRow), QStringLiteral("to-edit"));
        QMenu *menu = w.serverMenu(serverRow);
        auto *edit = menu->findChild<QAction *>(QStringLiteral("editProfile"));
        QVERIFY(edit);
        edit->trigger();
        auto *dlg = topLevel<ui::ConnectDialog>(QStringLiteral("connectDialog"));
        QVERIFY(dlg);
        auto *name = dlg->findChild<QLineEdit *>(QStringLiteral("profileName"));
        QCOMPARE(name->text(), QStringLiteral("to-edit"));
        name->setText(QStringLiteral("edited"));
        dlg->accept();
        QVERIFY(test::waitFor([&]() { return model->profiles() == QStringList{QStringLiteral("edited")}; }, 10000));
        QVERIFY(core::ProfileStore().find(QStringLiteral("edited")).has_value());
        QVERIFY(!core::ProfileStore().find(QStringLiteral("to-edit")).has_value()); // renamed, not copied
        delete menu;

        // Remove asks first; Cancel keeps everything, Remove forgets the profile.
        menu = w.serverMenu(model->index(0, 0));
        menu->findChild<QAction *>(QStringLiteral("removeProfile"))->trigger();
        auto *box = topLevel<QMessageBox>(QStringLiteral("removeProfileBox"));
        QVERIFY(box);
        QVERIFY2(box->text().contains(QLatin1String("edited")), qPrintable(box->text()));
        box->findChild<QPushButton *>(QStringLiteral("confirmRemove"))->click();
        QVERIFY(test::waitFor([&]() { return model->profiles().isEmpty(); }, 5000));
        QVERIFY(!core::ProfileStore().find(QStringLiteral("edited")).has_value());
        delete menu;

        // A profile that was never saved cannot be edited: the status bar says why.
        QVERIFY(controller.editProfile(QStringLiteral("adhoc")) == nullptr);
        QVERIFY2(w.statusBar()->currentMessage().contains(QLatin1String("not a saved profile")), qPrintable(w.statusBar()->currentMessage()));
    }
};

QTEST_MAIN(TestProfileWindow)
#include "tst_profilewindow.moc"
