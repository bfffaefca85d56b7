#include "profilecontroller.h"

#include "connectdialog.h"
#include "core/logging.h"
#include "core/profilestore.h"
#include "models/servertreemodel.h"
#include "passworddialog.h"
#include "pg/profileparams.h"
#include "pg/rolewatcher.h"
#include "pg/serverconnection.h"
#include "secrets/keychain.h"
#include "secrets/passwordbroker.h"
#include "secrets/profileconnector.h"
#include "ui/main/mainwindow.h"
#include "unlockdialog.h"

#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

#include <utility>

namespace pgdeck::ui {

namespace {
auto log() { return core::logger("ui"); }
} // namespace

ProfileController::ProfileController(MainWindow *window, secrets::Keychain *keychain)
    : QObject(window), m_window(window), m_keychain(keychain)
{
    // A locked keyring may show its own unlock prompt: give the user time to answer it.
    if (keychain)
        keychain->setTimeoutMs(30000);
    m_broker = new secrets::PasswordBroker(keychain, this);
    m_connector = new secrets::ProfileConnector(m_broker, this);
    m_roles = new pg::RoleWatcher(kRoleTickMs, this);
    QPointer<MainWindow> w(window);
    m_broker->setPrompt([w](const secrets::PasswordRequest &request, secrets::PasswordBroker::Answer answer) {
        if (!w) {
            answer(std::nullopt);
            return;
        }
        PasswordDialog::ask(w, request, std::move(answer));
    });
    // Said once: the keychain emits this the first time no backend answers.
    connect(m_broker, &secrets::PasswordBroker::keychainUnavailable, this, [this](const QString &reason) {
        say(tr("No keychain backend answered (%1): passwords are asked once per session and kept in memory only.").arg(reason));
    });
    UnlockDialog::install(window);
}

ProfileController::~ProfileController()
{
    core::ActionGuard::setConfirmer({});
}

void ProfileController::say(const QString &message)
{
    log()->info("{}", message.toStdString());
    if (m_window)
        m_window->statusBar()->showMessage(message, 15000);
}

void ProfileController::watch(pg::ServerConnection *server)
{
    m_roles->watch(server);
}

void ProfileController::loadSavedProfiles()
{
    const QList<core::Profile> profiles = core::ProfileStore().load();
    for (const core::Profile &p : profiles)
        openProfile(p);
    if (!profiles.isEmpty())
        log()->info("{} saved profile(s) loaded", profiles.size());
}

bool ProfileController::openProfileByName(const QString &name)
{
    const auto p = core::ProfileStore().find(name);
    if (!p)
        return false;
    openProfile(*p);
    return true;
}

void ProfileController::openProfile(const core::Profile &profile)
{
    if (!m_window)
        return;
    QPointer<ProfileController> self(this);
    const QString name = profile.name;
    m_connector->build(profile, m_window, [self, name](core::Result<QList<pg::ServerConnection *>> servers) {
        if (!self || !self->m_window)
            return;
        if (!servers.ok()) {
            self->say(tr("Profile %1: %2").arg(name, servers.error().message));
            return;
        }
        // Reopening a profile replaces its servers (and their pools).
        self->closeServersOf(name);
        for (pg::ServerConnection *s : *servers) {
            self->m_window->addServer(name, s);
            self->m_roles->watch(s);
        }
        Q_EMIT self->profileOpened(name, int(servers->size()));
    });
}

void ProfileController::forgetPasswords(const core::Profile &profile)
{
    // Every user's password of the profile's servers, from memory and the keychain.
    for (const QString &key : pg::keychainKeys(profile))
        m_broker->forget(key);
}

void ProfileController::closeServersOf(const QString &name)
{
    if (!m_window)
        return;
    models::ServerTreeModel *model = m_window->serverModel();
    const int row = int(model->profiles().indexOf(name));
    if (row < 0)
        return;
    const QModelIndex parent = model->index(row, 0);
    QList<pg::ServerConnection *> old;
    for (int i = 0; i < model->rowCount(parent); ++i)
        if (auto *s = model->serverAt(model->index(i, 0, parent)))
            old << s;
    model->removeProfile(name);
    for (pg::ServerConnection *s : old) {
        s->close();
        s->deleteLater();
    }
}

ConnectDialog *ProfileController::editProfile(const QString &name)
{
    const auto saved = core::ProfileStore().find(name);
    if (!saved) {
        say(tr("%1 is not a saved profile (opened with --connect): File › Connect… saves one.").arg(name));
        return nullptr;
    }
    if (m_dialog && !m_editing.isEmpty() && m_editing != name) {
        say(tr("Finish editing %1 first.").arg(m_editing));
        m_dialog->raise();
        return m_dialog;
    }
    ConnectDialog *dlg = showConnectDialog();
    dlg->setProfile(*saved);
    dlg->setWindowTitle(tr("Edit Profile %1").arg(name));
    m_editing = name;
    connect(dlg, &QDialog::rejected, this, [this]() { m_editing.clear(); }); // accepted: onDialogAccepted()
    return dlg;
}

void ProfileController::removeProfile(const QString &name)
{
    if (!m_window)
        return;
    const bool saved = core::ProfileStore().find(name).has_value();
    auto *box = new QMessageBox(QMessageBox::Question, saved ? tr("Remove Profile") : tr("Close Servers"),
                                saved ? tr("Remove the profile %1? Its servers are disconnected and its saved settings "
                                           "and keychain passwords are deleted. The databases are not touched.")
                                            .arg(name)
                                      : tr("Disconnect the servers of %1? It is not a saved profile.").arg(name),
                                QMessageBox::Cancel, m_window);
    box->setObjectName(QStringLiteral("removeProfileBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = box->addButton(saved ? tr("Remove") : tr("Disconnect"), QMessageBox::AcceptRole);
    yes->setObjectName(QStringLiteral("confirmRemove"));
    box->setDefaultButton(QMessageBox::Cancel);
    QPointer<ProfileController> self(this);
    connect(yes, &QPushButton::clicked, this, [self, name]() {
        if (self)
            self->removeProfileNow(name);
    });
    box->open(); // window-modal, no nested event loop
}

void ProfileController::removeProfileNow(const QString &name)
{
    closeServersOf(name);
    core::ProfileStore store;
    const auto saved = store.find(name);
    if (saved) {
        if (auto r = store.remove(name); !r.ok()) {
            say(tr("The profile %1 was not removed: %2").arg(name, r.error().message));
            return;
        }
        forgetPasswords(*saved);
    }
    log()->info("profile {} removed", name.toStdString());
}

ConnectDialog *ProfileController::showConnectDialog(const QString &prefill)
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return m_dialog;
    }
    auto *dlg = new ConnectDialog(m_window);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setObjectName(QStringLiteral("connectDialog"));
    dlg->setKeychain(m_keychain);
    if (!prefill.isEmpty())
        dlg->setPastedText(prefill);
    connect(dlg, &QDialog::accepted, this, &ProfileController::onDialogAccepted);
    m_dialog = dlg;
    dlg->open(); // window-modal, no nested event loop
    return dlg;
}

void ProfileController::onDialogAccepted()
{
    const QString editing = std::exchange(m_editing, QString()); // the dialog is done either way
    if (!m_dialog)
        return;
    core::Profile profile = m_dialog->profile();
    const QString password = m_dialog->password();
    const bool inKeychain = m_dialog->savePasswordInKeychain();
    profile.savePassword = inKeychain && !password.isEmpty();
    core::ProfileStore store;
    if (auto r = store.save(profile); !r.ok()) {
        say(tr("The profile was not saved: %1").arg(r.error().message));
        return;
    }
    // Edited under a new name: the old one goes (its servers, its saved settings).
    if (!editing.isEmpty() && editing != profile.name) {
        closeServersOf(editing);
        if (const auto old = store.find(editing)) {
            forgetPasswords(*old);
            (void)store.remove(editing);
        }
    }
    const QString user = profile.servers.isEmpty() ? QString() : pg::paramsFor(profile, profile.servers.first())->value("user");
    const QString key = pg::keychainKey(profile.name, user);
    QPointer<ProfileController> self(this);
    if (password.isEmpty()) {
        openProfile(profile);
        return;
    }
    // Memory first (so the servers connect now), the keychain when asked for.
    m_broker->remember(key, password, profile.savePassword, [self, profile](core::Result<void> r) mutable {
        if (!self)
            return;
        if (!r.ok() && profile.savePassword) {
            // Not in the keychain after all: the profile must not claim it is.
            profile.savePassword = false;
            (void)core::ProfileStore().save(profile);
            self->say(tr("The password is kept for this session only: %1").arg(r.error().message));
        }
        self->openProfile(profile);
    });
}

} // namespace pgdeck::ui
