#include "profileconnector.h"

#include "passwordbroker.h"
#include "pg/profileparams.h"
#include "pg/serverconnection.h"

#include <QHash>
#include <QPointer>

#include <memory>

namespace pgdeck::secrets {

ProfileConnector::ProfileConnector(PasswordBroker *broker, QObject *parent) : QObject(parent), m_broker(broker) {}

void ProfileConnector::build(const core::Profile &profile, QObject *owner, Ready ready)
{
    struct Plan
    {
        QString name;
        pg::ConnParams params;
        pg::PoolOptions options;
        QString key;
        QString user;
    };
    auto plans = std::make_shared<QList<Plan>>();
    for (const core::ProfileServer &srv : profile.servers) {
        auto params = pg::paramsFor(profile, srv);
        if (!params.ok()) {
            ready(params.error());
            return;
        }
        Plan p;
        p.name = srv.name.isEmpty() ? pg::serverLabel(*params) : srv.name;
        p.params = *params;
        // In the server's own parameters, not only the pool's: every session any
        // capability opens from server->params() is refused writes by the server.
        if (profile.readOnly)
            p.params.addServerOption(QStringLiteral("default_transaction_read_only"), QStringLiteral("on"));
        p.options = pg::poolOptionsFor(profile, srv);
        p.user = params->value("user");
        p.key = pg::keychainKey(profile.name, p.user);
        plans->append(p);
    }
    if (plans->isEmpty()) {
        ready(core::Error::make(core::Error::Kind::Input, tr("profile %1 has no server").arg(profile.name)));
        return;
    }

    // One lookup per distinct user; the servers of a cluster share their roles.
    auto found = std::make_shared<QHash<QString, QString>>();
    auto keys = std::make_shared<QStringList>();
    for (const Plan &p : *plans)
        if (!keys->contains(p.key))
            keys->append(p.key);
    auto remaining = std::make_shared<int>(int(keys->size()));
    QPointer<ProfileConnector> self(this);
    QPointer<QObject> ownerGuard(owner);
    const core::Protection protection = core::Protection::of(profile);
    const QString profileName = profile.name;
    auto finish = [self, ownerGuard, plans, found, protection, profileName, ready]() {
        if (!self || !ownerGuard) {
            ready(core::Error::make(core::Error::Kind::Cancelled, QStringLiteral("the window closed")));
            return;
        }
        QList<pg::ServerConnection *> servers;
        for (const Plan &p : *plans) {
            pg::ConnParams params = p.params;
            // No password keyword at all when none is known: libpq then reads ~/.pgpass.
            if (found->contains(p.key))
                params.set("password", found->value(p.key));
            auto *server = new pg::ServerConnection(p.name, params, p.options, ownerGuard);
            pg::setProtection(server, protection);
            self->m_broker->attach(server, p.key, profileName, p.user);
            servers << server;
        }
        ready(servers);
    };
    for (const QString &key : *keys) {
        m_broker->lookup(key, profile.savePassword, [found, remaining, key, finish](std::optional<QString> pw, PasswordBroker::Source) {
            if (pw && !pw->isEmpty())
                found->insert(key, *pw);
            if (--*remaining == 0)
                finish();
        });
    }
}

} // namespace pgdeck::secrets
