#pragma once

#include "core/profile.h"

#include <QObject>
#include <QPointer>

namespace pgdeck::pg {
class RoleWatcher;
class ServerConnection;
}
namespace pgdeck::secrets {
class Keychain;
class PasswordBroker;
class ProfileConnector;
}

namespace pgdeck::ui {

class ConnectDialog;
class MainWindow;

// Wires profiles into the main window: saved profiles at startup, File › Connect…,
// password prompts (PasswordDialog), the keychain's "no backend" note, unlock
// confirmations (UnlockDialog), and a role watcher so failovers show up while
// pgdeck runs.
class ProfileController : public QObject
{
    Q_OBJECT
public:
    // Roles are re-checked every kRoleTickMs (the monitor checks on its own ticks too).
    static constexpr int kRoleTickMs = 2000;

    ProfileController(MainWindow *window, secrets::Keychain *keychain);
    ~ProfileController() override;

    secrets::PasswordBroker *broker() const { return m_broker; }
    pg::RoleWatcher *roleWatcher() const { return m_roles; }

    // Every profile of the ProfileStore, in the server tree.
    void loadSavedProfiles();
    // One profile (saved or not) into the tree; replaces a profile of that name.
    void openProfile(const core::Profile &profile);
    bool openProfileByName(const QString &name);
    // A server added by other means (--connect) is watched for role changes too.
    void watch(pg::ServerConnection *server);

    // File › Connect…: opens the dialog without blocking; `prefill` goes into its paste field.
    ConnectDialog *showConnectDialog(const QString &prefill = {});
    // The connection dialog on a saved profile; saving it replaces the profile (also
    // under a new name). A profile that was never saved (--connect) says so instead.
    ConnectDialog *editProfile(const QString &name);
    // Asks, then closes the profile's servers and forgets it: the saved profile and
    // its keychain passwords. An unsaved profile's servers are just closed.
    void removeProfile(const QString &name);
    // Without asking (the confirmation's accept, and tests).
    void removeProfileNow(const QString &name);
    ConnectDialog *connectDialog() const { return m_dialog; }

Q_SIGNALS:
    void profileOpened(const QString &name, int servers);

private:
    void onDialogAccepted();
    void say(const QString &message);
    void closeServersOf(const QString &name);
    void forgetPasswords(const core::Profile &profile);

    QPointer<MainWindow> m_window;
    QPointer<secrets::Keychain> m_keychain;
    secrets::PasswordBroker *m_broker = nullptr;
    secrets::ProfileConnector *m_connector = nullptr;
    pg::RoleWatcher *m_roles = nullptr;
    QPointer<ConnectDialog> m_dialog;
    QString m_editing; // the saved name of the profile the dialog edits
};

} // namespace pgdeck::ui
