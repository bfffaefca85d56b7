#pragma once

#include "core/result.h"
#include "keychain.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

namespace pgdeck::pg {
class ServerConnection;
}

namespace pgdeck::secrets {



// What the prompt is asked for.
struct PasswordRequest
{
    QString key;        // keychain key (profile/<name>/<user>)
    QString profile;
    QString server;     // server name, for the dialog title
    QString user;
    QString endpoint;   // host:port
    bool rejected = false;       // the last password was wrong
    QString serverMessage;       // libpq's words
    bool keychainAvailable = true; // offer "save in keychain"?
};

struct PasswordAnswer
{
    QString password;
    bool saveInKeychain = false;
};

// Finds the password for a server without ever writing it to disk: first this
// session's memory, then the keychain (when the profile keeps one there), else
// libpq's own ~/.pgpass / PGPASSFILE rules — pgdeck then passes no password
// keyword at all. When the server still wants one, the prompt asks (the GUI shows
// a dialog, tests answer programmatically); the answer lives in memory for the
// session and, only when asked to and a keychain answers, in the keychain.
class PasswordBroker : public QObject
{
    Q_OBJECT
public:
    enum class Source { None, Memory, Keychain, Prompt };
    Q_ENUM(Source)

    using Answer = std::function<void(std::optional<PasswordAnswer>)>;
    using Prompt = std::function<void(const PasswordRequest &request, Answer answer)>;
    using Found = std::function<void(std::optional<QString> password, Source source)>;

    explicit PasswordBroker(Keychain *keychain, QObject *parent = nullptr);

    Keychain *keychain() const { return m_keychain; }
    void setPrompt(Prompt prompt) { m_prompt = std::move(prompt); }

    // Memory, then (when `useKeychain`) the keychain. Never prompts.
    void lookup(const QString &key, bool useKeychain, Found found);
    // Keeps the password for this session; with `inKeychain` also stores it there
    // (when no keychain answers, says so once and keeps it in memory only).
    void remember(const QString &key, const QString &password, bool inKeychain,
                  std::function<void(core::Result<void>)> done = {});
    // Drops it from memory and the keychain.
    void forget(const QString &key, std::function<void(core::Result<void>)> done = {});

    // Watches a server: when a connect fails because a password is missing or
    // wrong, asks once through the prompt, then hands the answer to the server
    // (setPassword reconnects). A cancelled prompt is not repeated this session.
    void attach(pg::ServerConnection *server, const QString &key, const QString &profile, const QString &user);

    int promptCount() const { return m_prompts; }

Q_SIGNALS:
    // Once per process-lifetime of the keychain: no backend answered.
    void keychainUnavailable(const QString &reason);
    // A password was asked and given for this server.
    void passwordProvided(pgdeck::pg::ServerConnection *server);

private:
    void onServerDown(pg::ServerConnection *server, const QString &key, const QString &profile, const QString &user);

    QPointer<Keychain> m_keychain;
    Prompt m_prompt;
    QHash<QString, QString> m_memory;        // this session only
    QSet<pg::ServerConnection *> m_asking;   // a prompt is open for these
    QSet<QString> m_declined;                // keys the user cancelled this session
    int m_prompts = 0;
};

} // namespace pgdeck::secrets
