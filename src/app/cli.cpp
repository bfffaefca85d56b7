#include "cli.h"

#include "core/profilestore.h"
#include "pg/profileparams.h"
#include "secrets/keychain.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <cstdio>
#include <optional>

namespace pgdeck::app {

int runDemo(const QStringList &args);
int runPing(const QStringList &args);
int runExplain(const QStringList &args);
int runProfiles(const QStringList &args);

namespace {
QList<Command> withProfileSecrets(QList<Command> list);
} // namespace
int runMonitor(const QStringList &args);

const QList<Command> &commands()
{
    static const QList<Command> list = withProfileSecrets({
        {"demo", "demo [--no-gui|--stop|--status] [--dir DIR] [--fresh] [--no-load] [--scale N]  local sandbox", runDemo},
        {"ping", "ping CONN                      version, role, latency (exit 2 when unreachable)", runPing},
        {"explain", "explain CONN \"SQL\" [--analyze] [--buffers] … [--format tree|json] | explain --file PLAN   query plans", runExplain},
        {"profiles", "profiles list|add NAME CONN [--read-only]|remove NAME|import FILE|export FILE  saved connections", runProfiles},
        {"monitor", "monitor CONN --samples N --interval S --format json   the dashboard's samples, one JSON object per line", runMonitor},
    });
    return list;
}

namespace {

// Passwords read from the keychain for this process only; never written anywhere.
QHash<QString, QString> &sessionPasswords()
{
    static QHash<QString, QString> passwords;
    return passwords;
}

struct ProfileRef
{
    QString profile;
    QString server; // "@name/server": one server of the profile
};

std::optional<ProfileRef> profileRef(const QString &conn)
{
    if (!conn.startsWith(QLatin1Char('@')) || conn.size() < 2)
        return std::nullopt;
    const QString rest = conn.mid(1);
    const int slash = rest.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return ProfileRef{rest, {}};
    return ProfileRef{rest.left(slash), rest.mid(slash + 1)};
}

// Reads the keychain passwords of every @profile among the arguments before the
// command runs: async jobs, driven by the application's own (not nested) event
// loop, so resolveConn() stays synchronous for every command.
void prefetchProfileSecrets(const QStringList &args)
{
    QStringList keys;
    core::ProfileStore store;
    for (const QString &arg : args) {
        const auto ref = profileRef(arg);
        if (!ref)
            continue;
        const auto profile = store.find(ref->profile);
        if (!profile || !profile->savePassword)
            continue;
        for (const core::ProfileServer &srv : profile->servers) {
            const auto params = pg::paramsFor(*profile, srv);
            const QString key = pg::keychainKey(profile->name, params.ok() ? params->value("user") : QString());
            if (!keys.contains(key))
                keys << key;
        }
    }
    if (keys.isEmpty() || !QCoreApplication::instance())
        return;
    secrets::Keychain *keychain = secrets::Keychain::shared();
    const int timeoutMs = qEnvironmentVariableIntValue("PGDECK_KEYCHAIN_TIMEOUT_MS");
    keychain->setTimeoutMs(timeoutMs > 0 ? timeoutMs : 5000);
    int pending = int(keys.size());
    for (const QString &key : keys) {
        keychain->read(key, [key, &pending](core::Result<std::optional<QString>> r) {
            if (r.ok() && r->has_value() && !r->value().isEmpty())
                sessionPasswords().insert(key, r->value());
            if (--pending == 0)
                QCoreApplication::exit(0);
        });
    }
    if (pending > 0)
        QCoreApplication::exec();
    if (keychain->availability() == secrets::Keychain::Availability::Unavailable)
        err(QStringLiteral("pgdeck: no keychain backend answered (%1); the password comes from ~/.pgpass, PGPASSFILE or "
                           "PGPASSWORD as libpq reads them")
                .arg(keychain->unavailableReason()));
}

QList<Command> withProfileSecrets(QList<Command> list)
{
    for (Command &c : list) {
        auto run = c.run;
        c.run = [run](const QStringList &args) {
            prefetchProfileSecrets(args);
            return run(args);
        };
    }
    return list;
}

// The servers of a profile as one multi-host string when they differ only in
// host and port: libpq then finds the current primary itself
// (target_session_attrs=primary), which stays right after a failover.
std::optional<pg::ConnParams> asMultiHost(const QList<pg::ConnParams> &all)
{
    if (all.size() < 2)
        return std::nullopt;
    auto rest = [](pg::ConnParams p) {
        p.remove("host");
        p.remove("hostaddr");
        p.remove("port");
        return p;
    };
    const pg::ConnParams common = rest(all.first());
    QStringList hosts, ports, addrs;
    for (const pg::ConnParams &p : all) {
        if (!(rest(p) == common) || p.hosts().size() != 1 || p.value("host").isEmpty())
            return std::nullopt;
        hosts << p.value("host");
        ports << p.ports().value(0, QStringLiteral("5432"));
        addrs << p.value("hostaddr");
    }
    pg::ConnParams out = common;
    out.set("host", hosts.join(QLatin1Char(',')));
    out.set("port", ports.join(QLatin1Char(',')));
    if (std::all_of(addrs.begin(), addrs.end(), [](const QString &a) { return !a.isEmpty(); }))
        out.set("hostaddr", addrs.join(QLatin1Char(',')));
    out.set("target_session_attrs", QStringLiteral("primary"));
    return out;
}

} // namespace

core::Result<pg::ConnParams> resolveConn(const QString &conn)
{
    const auto ref = profileRef(conn);
    if (!ref)
        return pg::ConnParams::parse(conn);
    const auto profile = core::ProfileStore().find(ref->profile);
    if (!profile)
        return core::Error::make(core::Error::Kind::Input, QStringLiteral("unknown profile @%1").arg(ref->profile), {},
                                 QStringLiteral("`pgdeck profiles list` shows the saved profiles; "
                                                "`pgdeck profiles add NAME CONN` saves one."));
    if (profile->servers.isEmpty())
        return core::Error::make(core::Error::Kind::Input, QStringLiteral("profile @%1 has no server").arg(ref->profile));
    QList<pg::ConnParams> all;
    for (const core::ProfileServer &srv : profile->servers) {
        auto p = pg::paramsFor(*profile, srv);
        if (!p.ok())
            return p.error();
        all << *p;
    }
    pg::ConnParams params;
    if (!ref->server.isEmpty()) {
        int idx = -1;
        QStringList names;
        for (int i = 0; i < profile->servers.size(); ++i) {
            names << profile->servers[i].name;
            if (profile->servers[i].name == ref->server || pg::serverLabel(all[i]) == ref->server)
                idx = i;
        }
        if (idx < 0)
            return core::Error::make(core::Error::Kind::Input,
                                     QStringLiteral("profile @%1 has no server '%2'").arg(ref->profile, ref->server), {},
                                     QStringLiteral("Its servers: %1").arg(names.join(QStringLiteral(", "))));
        params = all[idx];
    } else if (const auto multi = asMultiHost(all)) {
        params = *multi;
    } else {
        params = all[qMax(0, profile->primaryIndex())];
    }
    // libpq reads ~/.pgpass itself when no password keyword is given: add one only
    // when the keychain had it.
    const QString key = pg::keychainKey(profile->name, params.value("user"));
    if (sessionPasswords().contains(key))
        params.set("password", sessionPasswords().value(key));
    // The server itself refuses writes for a read-only profile, whatever the command does.
    if (profile->readOnly)
        params.addServerOption(QStringLiteral("default_transaction_read_only"), QStringLiteral("on"));
    return params;
}
void out(const QString &text)
{
    const QByteArray b = text.toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stdout);
    if (!text.endsWith(QLatin1Char('\n')))
        std::fputc('\n', stdout);
    std::fflush(stdout);
}

void err(const QString &text)
{
    const QByteArray b = text.toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stderr);
    if (!text.endsWith(QLatin1Char('\n')))
        std::fputc('\n', stderr);
    std::fflush(stderr);
}

} // namespace pgdeck::app
