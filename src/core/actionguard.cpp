#include "actionguard.h"

#include "logging.h"

#include <memory>

namespace pgdeck::core {

namespace {
ActionGuard::Confirmer &confirmer()
{
    static ActionGuard::Confirmer c;
    return c;
}
} // namespace

Protection Protection::of(const Profile &profile)
{
    Protection p;
    p.profile = profile.name;
    p.readOnly = profile.readOnly;
    p.production = profile.production;
    p.colour = profile.bandColour();
    return p;
}

QString guardedActionName(GuardedAction action)
{
    switch (action) {
    case GuardedAction::CancelQuery: return QStringLiteral("cancel a query");
    case GuardedAction::TerminateSession: return QStringLiteral("terminate a session");
    case GuardedAction::Migration: return QStringLiteral("apply a migration");
    case GuardedAction::Restore: return QStringLiteral("restore a backup");
    case GuardedAction::Write: return QStringLiteral("write to the database");
    }
    return {};
}

QString UnlockRequest::question() const
{
    QString kind;
    if (protection.production && protection.readOnly)
        kind = QStringLiteral("a read-only production profile");
    else if (protection.production)
        kind = QStringLiteral("a production profile");
    else
        kind = QStringLiteral("a read-only profile");
    QString q = QStringLiteral("'%1' is %2. Unlock once to %3").arg(protection.profile, kind, guardedActionName(action));
    if (!target.isEmpty())
        q += QStringLiteral(" (%1)").arg(target);
    return q + QLatin1Char('?');
}

bool Unlock::consume()
{
    if (m_used)
        return false;
    m_used = true;
    return true;
}

void ActionGuard::setConfirmer(Confirmer c)
{
    confirmer() = std::move(c);
}

bool ActionGuard::hasConfirmer()
{
    return bool(confirmer());
}

void ActionGuard::request(const Protection &protection, GuardedAction action, const QString &target, Done done)
{
    if (!protection.isProtected()) {
        done(Unlock(action, target, false));
        return;
    }
    UnlockRequest req{protection, action, target};
    if (!confirmer()) {
        done(Error::make(Error::Kind::Cancelled, req.question(),
                         QStringLiteral("Nobody was asked, so the action was not unlocked."),
                         QStringLiteral("Headless commands take --unlock to allow one such action.")));
        return;
    }
    // Share `done` so a confirmer that answers twice cannot unlock twice.
    auto once = std::make_shared<Done>(std::move(done));
    confirmer()(req, [once, req](bool granted) {
        if (!*once)
            return;
        Done d = std::move(*once);
        *once = nullptr;
        logger("guard")->info("profile {}: {} {} {}", req.protection.profile.toStdString(),
                              guardedActionName(req.action).toStdString(), req.target.toStdString(),
                              granted ? "unlocked once" : "refused");
        if (granted)
            d(Unlock(req.action, req.target, true));
        else
            d(Error::make(Error::Kind::Cancelled, QStringLiteral("not unlocked: %1").arg(req.question())));
    });
}

} // namespace pgdeck::core
