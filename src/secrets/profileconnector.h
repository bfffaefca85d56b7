#pragma once

#include "core/profile.h"
#include "core/result.h"

#include <QList>
#include <QObject>

#include <functional>

namespace pgdeck::pg {
class ServerConnection;
}

namespace pgdeck::secrets {

class PasswordBroker;

// Turns a saved profile into live servers: one pg::ServerConnection per server,
// with its libpq parameters, pool options (read-only included), protection, and
// the password the broker knows (memory or keychain) — or none, so libpq's
// ~/.pgpass applies. The broker is attached to each server so a missing or wrong
// password is asked for. The servers are not opened; the caller adds them to
// the window (or tests) and opens them.
class ProfileConnector : public QObject
{
    Q_OBJECT
public:
    using Ready = std::function<void(core::Result<QList<pg::ServerConnection *>>)>;

    explicit ProfileConnector(PasswordBroker *broker, QObject *parent = nullptr);

    PasswordBroker *broker() const { return m_broker; }
    void build(const core::Profile &profile, QObject *owner, Ready ready);

private:
    PasswordBroker *m_broker = nullptr;
};

} // namespace pgdeck::secrets
