#pragma once

#include "core/profile.h"
#include "pg/connparams.h"

#include <QDialog>
#include <QPointer>

#include <memory>

namespace Ui {
class ConnectDialog;
}
class QColorDialog;
class QLineEdit;

namespace pgdeck::pg {
class Session;
class ReplicaDiscovery;
}
namespace pgdeck::secrets {
class Keychain;
}

namespace pgdeck::ui {

// New connection (or profile edit): fields for host, port, database, user,
// password, TLS and pool, or a pasted URI / keyword string / service=name that
// libpq parses (PQconninfoParse) into the fields. "Test" connects without
// blocking and reports version, role, latency and TLS — or what went wrong, in
// plain words with libpq's own message. "Discover replicas" asks the primary.
class ConnectDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectDialog(QWidget *parent = nullptr);
    ~ConnectDialog() override;

    // Offers "save in keychain" only when a keychain may answer.
    void setKeychain(secrets::Keychain *keychain);
    void setProfile(const core::Profile &profile);
    // Fills the fields from a URI, keyword string or service=name; false (and a
    // visible note) when libpq rejects it.
    bool applyConnString(const QString &text);
    // Puts `text` into the paste field too (File › Connect… with a string at hand).
    void setPastedText(const QString &text);
    // Shows a tab by name: server, cluster, tls, options.
    bool showTab(const QString &name);

    core::Profile profile() const;
    QString password() const;
    bool savePasswordInKeychain() const;

    // What the last test found; for tests and the caller.
    bool lastTestOk() const { return m_lastTestOk; }
    QString testResultText() const;
    QString parseNoteText() const;

public Q_SLOTS:
    void testConnection();
    void discoverReplicas();

Q_SIGNALS:
    void testFinished(bool ok);
    void discoveryFinished(int added);

protected:
    void done(int result) override;

private:
    struct Row
    {
        QString name;
        QString host;
        int port = 5432;
        core::ProfileServer::Role declared = core::ProfileServer::Role::Auto;
        QString detected;
        QString note;
        core::PoolSettings pool;
    };

    void setupTable();
    void refreshTable();
    void readTableRow(int row);
    void syncFieldsToRowZero();
    void selectRow(int row);
    void loadPoolBox(int row);
    void storePoolBox();
    void updatePoolHint();
    void updateSslNote();
    void updateColourPreview();
    void updateKeychainNote();
    void browseFile(QLineEdit *target, const QString &title);
    pg::ConnParams paramsForRow(int row, bool withPassword) const;
    void setTestResult(const QString &html, bool ok);
    void probeRole(int row);

    std::unique_ptr<Ui::ConnectDialog> m_ui;
    QList<Row> m_rows;
    int m_poolRow = 0;
    int m_pasteLength = 0;
    bool m_syncing = false;
    QString m_colour;
    QString m_comment;
    QString m_lastUnreachableHost;
    QPointer<secrets::Keychain> m_keychain;
    QPointer<pg::Session> m_test;
    QList<QPointer<pg::Session>> m_roleProbes; // the cluster's other servers during a test
    QPointer<pg::ReplicaDiscovery> m_discovery;
    QPointer<QColorDialog> m_colourDialog;
    bool m_lastTestOk = false;
};

} // namespace pgdeck::ui
