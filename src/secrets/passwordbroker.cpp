#include "passwordbroker.h"

#include "core/logging.h"
#include "keychain.h"
#include "pg/profileparams.h"
#include "pg/serverconnection.h"

namespace pgdeck::secrets {

namespace {
auto log() { return core::logger("secrets"); }
} // namespace

PasswordBroker::PasswordBroker(Keychain *keychain, QObject *parent) : QObject(parent), m_keychain(keychain)
{
    if (m_keychain)
        connect(m_keychain, &Keychain::unavailable, this, &PasswordBroker::keychainUnavailable);
}

void PasswordBroker::lookup(const QString &key, bool useKeychain, Found found)
{
    if (m_memory.contains(key)) {
        found(m_memory.value(key), Source::Memory);
        return;
    }
    if (!useKeychain || !m_keychain) {
        found(std::nullopt, Source::None);
        return;
    }
    QPointer<PasswordBroker> self(this);
    m_keychain->read(key, [self, key, found = std::move(found)](core::Result<std::optional<QString>> r) {
        if (!self)
            return;
        if (r.ok() && r->has_value() && !r->value().isEmpty()) {
            self->m_memory.insert(key, r->value());
            found(r->value(), Source::Keychain);
            return;
        }
        if (!r.ok())
            log()->info("password for {} not read from the keychain: {}", key.toStdString(), r.error().message.toStdString());
        found(std::nullopt, Source::None);
    });
}

void PasswordBroker::remember(const QString &key, const QString &password, bool inKeychain,
                              std::function<void(core::Result<void>)> done)
{
    if (password.isEmpty()) {
        if (done)
            done({});
        return;
    }
    m_memory.insert(key, password);
    if (!inKeychain || !m_keychain) {
        if (done)
            done({});
        return;
    }
    m_keychain->write(key, password, [key, done = std::move(done)](core::Result<void> r) {
        if (!r.ok())
            log()->warn("password for {} kept for this session only: {}", key.toStdString(), r.error().message.toStdString());
        if (done)
            done(r);
    });
}

void PasswordBroker::forget(const QString &key, std::function<void(core::Result<void>)> done)
{
    m_memory.remove(key);
    if (!m_keychain) {
        if (done)
            done({});
        return;
    }
    m_keychain->remove(key, [done = std::move(done)](core::Result<void> r) {
        if (done)
            done(r);
    });
}

void PasswordBroker::attach(pg::ServerConnection *server, const QString &key, const QString &profile, const QString &user)
{
    QPointer<pg::ServerConnection> guard(server);
    connect(server, &pg::ServerConnection::stateChanged, this, [this, guard, key, profile, user](pg::ServerConnection::State st) {
        if (guard && st == pg::ServerConnection::State::Down)
            onServerDown(guard, key, profile, user);
    });
    connect(server, &QObject::destroyed, this, [this, server]() { m_asking.remove(server); });
    // It may already be down (attached after open()).
    if (server->state() == pg::ServerConnection::State::Down)
        onServerDown(server, key, profile, user);
}

void PasswordBroker::onServerDown(pg::ServerConnection *server, const QString &key, const QString &profile, const QString &user)
{
    const core::Error &e = server->lastError();
    const bool missing = pg::isPasswordMissing(e);
    const bool rejected = pg::isPasswordRejected(e);
    if (!missing && !rejected)
        return;
    if (m_asking.contains(server) || m_declined.contains(key))
        return;
    if (!m_prompt) {
        log()->info("{}: the server wants a password and nobody can be asked", server->name().toStdString());
        return;
    }
    // A remembered password that the server refuses is stale: forget it for this session.
    if (rejected)
        m_memory.remove(key);
    PasswordRequest req;
    req.key = key;
    req.profile = profile;
    req.server = server->name();
    req.user = user;
    req.endpoint = server->params().endpoint();
    req.rejected = rejected;
    req.serverMessage = e.detail.isEmpty() ? e.message : e.detail;
    req.keychainAvailable = m_keychain && m_keychain->availability() != Keychain::Availability::Unavailable;
    m_asking.insert(server);
    ++m_prompts;
    QPointer<pg::ServerConnection> guard(server);
    QPointer<PasswordBroker> self(this);
    m_prompt(req, [self, guard, key, server](std::optional<PasswordAnswer> answer) {
        if (!self)
            return;
        self->m_asking.remove(server);
        if (!answer || answer->password.isEmpty()) {
            self->m_declined.insert(key);
            return;
        }
        self->remember(key, answer->password, answer->saveInKeychain);
        if (guard) {
            guard->setPassword(answer->password);
            Q_EMIT self->passwordProvided(guard);
        }
    });
}

} // namespace pgdeck::secrets
