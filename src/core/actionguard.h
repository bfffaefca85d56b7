#pragma once

#include "profile.h"
#include "result.h"

#include <QString>

#include <functional>

namespace pgdeck::core {

// What a profile protects: read-only profiles open every session with
// default_transaction_read_only=on (the server refuses writes); read-only and
// production profiles also make risky actions ask for an explicit unlock.
struct Protection
{
    QString profile;
    bool readOnly = false;
    bool production = false;
    QString colour;

    bool isProtected() const { return readOnly || production; }
    static Protection of(const Profile &profile);
};

// Actions that must be unlocked one at a time on a protected profile.
enum class GuardedAction { CancelQuery, TerminateSession, Migration, Restore, Write };
QString guardedActionName(GuardedAction action);

struct UnlockRequest
{
    Protection protection;
    GuardedAction action = GuardedAction::Write;
    QString target; // what the action touches: "pid 4711", "migration 0007_add_index", …

    // One plain sentence for a dialog or a terminal.
    QString question() const;
};

// Permission for exactly one action on one target. Move-only; the action calls
// consume() right before it acts, and a second consume() fails.
class Unlock
{
public:
    Unlock(Unlock &&) noexcept = default;
    Unlock &operator=(Unlock &&) noexcept = default;
    Unlock(const Unlock &) = delete;
    Unlock &operator=(const Unlock &) = delete;

    GuardedAction action() const { return m_action; }
    QString target() const { return m_target; }
    bool wasAsked() const { return m_asked; } // false for unprotected profiles
    bool consume();

private:
    friend class ActionGuard;
    Unlock(GuardedAction action, QString target, bool asked) : m_action(action), m_target(std::move(target)), m_asked(asked) {}
    GuardedAction m_action;
    QString m_target;
    bool m_asked = false;
    bool m_used = false;
};

// The single place capabilities ask before cancel/terminate, migrations and
// restores. The GUI installs a confirmer that shows a dialog; headless commands
// install one that grants only when the user passed --unlock. Without a
// confirmer every protected action is refused.
class ActionGuard
{
public:
    using Answer = std::function<void(bool granted)>;
    using Confirmer = std::function<void(const UnlockRequest &request, Answer answer)>;
    using Done = std::function<void(Result<Unlock>)>;

    static void setConfirmer(Confirmer confirmer);
    static bool hasConfirmer();
    // Calls `done` with an Unlock (at once for unprotected profiles) or a
    // Cancelled error when the user said no. Asks every time: no unlock is remembered.
    static void request(const Protection &protection, GuardedAction action, const QString &target, Done done);
};

} // namespace pgdeck::core
