#pragma once

#include "core/result.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace pgdeck::secrets {

// The desktop keychain (Secret Service, KWallet, macOS Keychain, …) through
// QtKeychain's asynchronous jobs: every call returns at once and answers through
// its callback on this object's thread. Nothing blocks and no event loop is
// nested. When no backend answers (headless, no Secret Service), the keychain
// says so once through unavailable() and fails fast from then on; it never falls
// back to storing anything on disk.
class Keychain : public QObject
{
    Q_OBJECT
public:
    enum class Availability { Unknown, Available, Unavailable };
    Q_ENUM(Availability)

    using ReadDone = std::function<void(core::Result<std::optional<QString>>)>; // nullopt: no entry
    using Done = std::function<void(core::Result<void>)>;

    explicit Keychain(QString service = QStringLiteral("pgdeck"), QObject *parent = nullptr);

    // The one the application shares (its "say so once" is per process).
    static Keychain *shared();

    void read(const QString &key, ReadDone done);
    void write(const QString &key, const QString &secret, Done done);
    void remove(const QString &key, Done done);

    Availability availability() const { return m_availability; }
    QString unavailableReason() const { return m_reason; }
    QString service() const { return m_service; }
    // A backend that does not answer within this time counts as absent (a locked
    // keyring whose unlock prompt nobody sees, a hung D-Bus).
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

Q_SIGNALS:
    void unavailable(const QString &reason);
    void availabilityChanged(pgdeck::secrets::Keychain::Availability availability);

private:
    struct Outcome
    {
        int code = 0;          // QKeychain::Error
        QString message;
        QString text;          // read jobs
    };
    void run(int kind, const QString &key, const QString &secret, std::function<void(const Outcome &)> done);
    void markUnavailable(const QString &reason);
    void markAvailable();
    core::Error unavailableError() const;

    QString m_service;
    Availability m_availability = Availability::Unknown;
    QString m_reason;
    int m_timeoutMs = 10000;
};

} // namespace pgdeck::secrets
