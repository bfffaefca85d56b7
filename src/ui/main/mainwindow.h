#pragma once

#include <QMainWindow>

#include <memory>

namespace Ui {
class MainWindow;
}
class QLabel;

namespace pgdeck::models {
class ServerTreeModel;
}
namespace pgdeck::pg {
class ServerConnection;
}

class QMenu;

namespace pgdeck::ui {

// The shell: servers on the left, one tab per capability, live state in the status bar.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    models::ServerTreeModel *serverModel() const { return m_servers; }
    // Adds a server under a profile and starts connecting to it.
    void addServer(const QString &profile, pg::ServerConnection *server);
    // Switches to a tab by its object name: dashboard, plans, sessions, sql, migrations, backups.
    bool showView(const QString &name);
    QStringList viewNames() const;
    // A capability panel takes over a tab's page.
    void setViewWidget(const QString &name, QWidget *widget);
    pg::ServerConnection *currentServer() const;
    // The profile of a tree row (a profile row or one of its servers); empty for none.
    QString profileAt(const QModelIndex &index) const;
    // The server tree's menu for a row (what its right-click shows), for tests too.
    QMenu *serverMenu(const QModelIndex &index);

Q_SIGNALS:
    void currentServerChanged(pgdeck::pg::ServerConnection *server);
    void connectRequested();
    void editProfileRequested(const QString &profile);
    void removeProfileRequested(const QString &profile);

private:
    void updateStatus();
    void applyIcons();
    // The current server's profile: colour band and title mark when it is
    // read-only or production (see pg::protectionOf).
    void updateProfileMark();
    void showRoleChange(pg::ServerConnection *server, int from, int to);

    std::unique_ptr<Ui::MainWindow> m_ui;
    models::ServerTreeModel *m_servers = nullptr;
    QLabel *m_statusServers = nullptr;
    QLabel *m_statusPool = nullptr;
    QLabel *m_profileBand = nullptr;
    QWidget *m_roleBanner = nullptr;
    QLabel *m_roleBannerText = nullptr;
};

} // namespace pgdeck::ui
