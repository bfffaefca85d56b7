#include "cli.h"

#include "core/profilestore.h"
#include "pg/pgadminservers.h"
#include "pg/profileparams.h"
#include "pg/servicefile.h"
#include "secrets/keychain.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>
#include <iostream>
#include <string>

namespace pgdeck::app {

namespace {

constexpr const char *kUsage =
    "usage: pgdeck profiles list [--format text|json]\n"
    "       pgdeck profiles add NAME CONN [--read-only] [--production] [--colour #RRGGBB] [--group G]\n"
    "                                     [--password-stdin] [--force]\n"
    "       pgdeck profiles remove NAME\n"
    "       pgdeck profiles import FILE|--services [--replace]   pgAdmin servers.json or pg_service.conf\n"
    "       pgdeck profiles export FILE [NAME...]                pgAdmin servers.json, no passwords ('-' = stdout)";

// Runs one keychain job through the application's event loop (not a nested one:
// nothing else is running) and returns its outcome.
core::Result<void> storeInKeychain(const QString &key, const QString &password)
{
    secrets::Keychain *keychain = secrets::Keychain::shared();
    std::optional<core::Result<void>> outcome;
    keychain->write(key, password, [&outcome](core::Result<void> r) {
        outcome = std::move(r);
        QCoreApplication::exit(0);
    });
    if (!outcome)
        QCoreApplication::exec();
    return *outcome;
}

void removeFromKeychain(const QStringList &keys)
{
    secrets::Keychain *keychain = secrets::Keychain::shared();
    keychain->setTimeoutMs(5000);
    int pending = int(keys.size());
    for (const QString &key : keys)
        keychain->remove(key, [&pending](core::Result<void>) {
            if (--pending == 0)
                QCoreApplication::exit(0);
        });
    if (pending > 0)
        QCoreApplication::exec();
}

QString flagsOf(const core::Profile &p)
{
    QStringList f;
    if (p.production)
        f << QStringLiteral("production");
    if (p.readOnly)
        f << QStringLiteral("read-only");
    if (p.savePassword)
        f << QStringLiteral("keychain");
    return f.isEmpty() ? QStringLiteral("-") : f.join(QLatin1Char(','));
}

int list(const QString &format)
{
    const QList<core::Profile> profiles = core::ProfileStore().load();
    if (format == QLatin1String("json")) {
        QJsonArray arr;
        for (const core::Profile &p : profiles) {
            QJsonObject o;
            o.insert(QStringLiteral("name"), p.name);
            o.insert(QStringLiteral("group"), p.group);
            o.insert(QStringLiteral("readOnly"), p.readOnly);
            o.insert(QStringLiteral("production"), p.production);
            o.insert(QStringLiteral("keychain"), p.savePassword);
            QJsonArray servers;
            for (const core::ProfileServer &s : p.servers) {
                QJsonObject so;
                so.insert(QStringLiteral("name"), s.name);
                const auto params = pg::paramsFor(p, s);
                so.insert(QStringLiteral("conninfo"), params.ok() ? params->toDisplayString() : s.conninfo);
                so.insert(QStringLiteral("role"), core::ProfileServer::roleName(s.declaredRole));
                so.insert(QStringLiteral("poolMax"), s.pool.max);
                servers.append(so);
            }
            o.insert(QStringLiteral("servers"), servers);
            arr.append(o);
        }
        out(QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Indented)));
        return ExitOk;
    }
    if (profiles.isEmpty()) {
        out(QStringLiteral("no profiles yet: pgdeck profiles add NAME CONN"));
        return ExitOk;
    }
    int w = 4;
    for (const core::Profile &p : profiles)
        w = qMax(w, int(p.name.size()));
    out(QStringLiteral("%1  %2  %3").arg(QStringLiteral("NAME"), -w).arg(QStringLiteral("FLAGS"), -28).arg(QStringLiteral("SERVERS")));
    for (const core::Profile &p : profiles) {
        QStringList servers;
        for (const core::ProfileServer &s : p.servers) {
            const auto params = pg::paramsFor(p, s);
            const QString where = params.ok() ? pg::serverLabel(*params) : s.name;
            QString item = s.name == where || s.name.isEmpty() ? where : QStringLiteral("%1 (%2)").arg(s.name, where);
            if (s.declaredRole != core::ProfileServer::Role::Auto)
                item += QStringLiteral(" [%1]").arg(core::ProfileServer::roleName(s.declaredRole));
            servers << item;
        }
        out(QStringLiteral("%1  %2  %3").arg(p.name, -w).arg(flagsOf(p), -28).arg(servers.join(QStringLiteral(", "))));
    }
    return ExitOk;
}

QString readPasswordFromStdin()
{
    std::string line;
    std::getline(std::cin, line);
    QString pw = QString::fromStdString(line);
    while (pw.endsWith(QLatin1Char('\r')) || pw.endsWith(QLatin1Char('\n')))
        pw.chop(1);
    return pw;
}

int add(const QCommandLineParser &p, const QStringList &pos)
{
    if (pos.size() != 3) {
        err(QString::fromLatin1(kUsage));
        return ExitUsage;
    }
    const QString name = pos[1];
    if (!core::isValidProfileName(name)) {
        err(QStringLiteral("profiles: invalid profile name '%1' (letters, digits, '.', '_', '-')").arg(name));
        return ExitUsage;
    }
    core::ProfileStore store;
    if (store.find(name) && !p.isSet(QStringLiteral("force"))) {
        err(QStringLiteral("profiles: a profile named '%1' exists (use --force to replace it)").arg(name));
        return ExitUsage;
    }
    QString password;
    auto profile = pg::profileFromConn(name, pos[2], &password);
    if (!profile.ok()) {
        err(QStringLiteral("profiles: ") + profile.error().toString());
        return ExitUsage;
    }
    profile->readOnly = p.isSet(QStringLiteral("read-only"));
    profile->production = p.isSet(QStringLiteral("production"));
    profile->group = p.value(QStringLiteral("group"));
    const QString colour = p.value(QStringLiteral("colour"));
    if (!colour.isEmpty()) {
        if (!QRegularExpression(QStringLiteral("^#[0-9a-fA-F]{6}$")).match(colour).hasMatch()) {
            err(QStringLiteral("profiles: --colour wants #RRGGBB"));
            return ExitUsage;
        }
        profile->colour = colour.toLower();
    }
    if (p.isSet(QStringLiteral("password-stdin")))
        password = readPasswordFromStdin();
    if (!password.isEmpty()) {
        const QString user = pg::paramsFor(*profile, profile->servers.first())->value("user");
        const auto stored = storeInKeychain(pg::keychainKey(name, user), password);
        if (stored.ok()) {
            profile->savePassword = true;
            out(QStringLiteral("password stored in the keychain (service pgdeck, key %1)").arg(pg::keychainKey(name, user)));
        } else {
            err(QStringLiteral("profiles: %1").arg(stored.error().message));
            err(QStringLiteral("profiles: the password was NOT saved anywhere; pgdeck will ask for it once per session, "
                               "or put it in ~/.pgpass"));
        }
    }
    if (auto r = store.save(*profile); !r.ok()) {
        err(QStringLiteral("profiles: ") + r.error().toString());
        return ExitFailure;
    }
    out(QStringLiteral("saved profile %1 (%2 server(s)) in %3").arg(name).arg(profile->servers.size()).arg(store.fileName()));
    return ExitOk;
}

int remove(const QStringList &pos)
{
    if (pos.size() != 2) {
        err(QString::fromLatin1(kUsage));
        return ExitUsage;
    }
    core::ProfileStore store;
    const auto profile = store.find(pos[1]);
    if (!profile) {
        err(QStringLiteral("profiles: no profile named '%1'").arg(pos[1]));
        return ExitFailure;
    }
    if (profile->savePassword)
        removeFromKeychain(pg::keychainKeys(*profile));
    if (auto r = store.remove(pos[1]); !r.ok()) {
        err(QStringLiteral("profiles: ") + r.error().toString());
        return ExitFailure;
    }
    out(QStringLiteral("removed profile %1").arg(pos[1]));
    return ExitOk;
}

// pg_service.conf sections as profiles: the service's keywords as libpq would
// read them, one server per host; a password in the file is not copied.
core::Result<QList<core::Profile>> profilesFromServiceFile(const QString &file, QStringList *notes)
{
    auto entries = pg::ServiceFile::parseFile(file);
    if (!entries.ok())
        return entries.error();
    QList<core::Profile> out;
    for (const pg::ServiceEntry &e : *entries) {
        pg::ConnParams params;
        for (const auto &kv : e.params)
            params.set(kv.first, kv.second);
        if (params.has("password"))
            *notes << QStringLiteral("service %1: its password was not imported (libpq still reads it when you "
                                     "connect with service=%1; or save it in the keychain from the GUI)")
                          .arg(e.name);
        QString name = e.name;
        name.replace(QRegularExpression(QStringLiteral(R"([^\p{L}\p{N}_.\-]+)")), QStringLiteral("-"));
        auto profile = pg::profileFromConn(name, params.toConninfo(true));
        if (!profile.ok())
            return profile.error();
        profile->comment = QStringLiteral("imported from service %1 in %2").arg(e.name, file);
        out << *profile;
    }
    return out;
}

int import(const QCommandLineParser &p, const QStringList &pos)
{
    QStringList files;
    if (p.isSet(QStringLiteral("services"))) {
        for (const QString &f : pg::ServiceFile::searchPath())
            if (QFile::exists(f))
                files << f;
        if (files.isEmpty()) {
            err(QStringLiteral("profiles: no service file found (looked in %1)")
                    .arg(pg::ServiceFile::searchPath().join(QStringLiteral(", "))));
            return ExitFailure;
        }
    } else if (pos.size() == 2) {
        files << pos[1];
    } else {
        err(QString::fromLatin1(kUsage));
        return ExitUsage;
    }
    core::ProfileStore store;
    int saved = 0, skipped = 0;
    for (const QString &file : files) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            err(QStringLiteral("profiles: cannot read %1: %2").arg(file, f.errorString()));
            return ExitFailure;
        }
        const QByteArray bytes = f.readAll();
        QStringList notes;
        QList<core::Profile> profiles;
        if (pg::PgAdminServers::looksLikePgAdmin(bytes)) {
            auto r = pg::PgAdminServers::parse(bytes);
            if (!r.ok()) {
                err(QStringLiteral("profiles: %1: %2").arg(file, r.error().message));
                return ExitFailure;
            }
            profiles = r->profiles;
            notes = r->notes;
        } else if (bytes.trimmed().startsWith('{')) {
            err(QStringLiteral("profiles: %1 is JSON but not a pgAdmin servers.json (no \"Servers\" object)").arg(file));
            return ExitFailure;
        } else {
            auto r = profilesFromServiceFile(file, &notes);
            if (!r.ok()) {
                err(QStringLiteral("profiles: %1").arg(r.error().message));
                return ExitFailure;
            }
            profiles = *r;
        }
        for (const core::Profile &pr : profiles) {
            if (store.find(pr.name) && !p.isSet(QStringLiteral("replace"))) {
                err(QStringLiteral("profiles: skipped %1: a profile of that name exists (--replace to overwrite)").arg(pr.name));
                ++skipped;
                continue;
            }
            if (auto r = store.save(pr); !r.ok()) {
                err(QStringLiteral("profiles: %1: %2").arg(pr.name, r.error().message));
                return ExitFailure;
            }
            out(QStringLiteral("imported %1%2 (%3 server(s))")
                    .arg(pr.name, pr.group.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(pr.group))
                    .arg(pr.servers.size()));
            ++saved;
        }
        for (const QString &n : notes)
            out(QStringLiteral("note: %1").arg(n));
    }
    out(QStringLiteral("%1 profile(s) imported, %2 skipped").arg(saved).arg(skipped));
    return skipped > 0 && saved == 0 ? ExitFailure : ExitOk;
}

int exportTo(const QStringList &pos)
{
    if (pos.size() < 2) {
        err(QString::fromLatin1(kUsage));
        return ExitUsage;
    }
    QList<core::Profile> profiles = core::ProfileStore().load();
    const QStringList names = pos.mid(2);
    if (!names.isEmpty()) {
        QList<core::Profile> chosen;
        for (const QString &n : names) {
            auto it = std::find_if(profiles.begin(), profiles.end(), [&](const core::Profile &p) { return p.name == n; });
            if (it == profiles.end()) {
                err(QStringLiteral("profiles: no profile named '%1'").arg(n));
                return ExitFailure;
            }
            chosen << *it;
        }
        profiles = chosen;
    }
    const QByteArray json = pg::PgAdminServers::write(profiles);
    if (pos[1] == QLatin1String("-")) {
        out(QString::fromUtf8(json));
        return ExitOk;
    }
    QFile f(pos[1]);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(json) != json.size()) {
        err(QStringLiteral("profiles: cannot write %1: %2").arg(pos[1], f.errorString()));
        return ExitFailure;
    }
    out(QStringLiteral("exported %1 profile(s) to %2 (pgAdmin 4 servers.json; no passwords)").arg(profiles.size()).arg(pos[1]));
    return ExitOk;
}

} // namespace

int runProfiles(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Saved connection profiles (never a password: those live in the keychain)."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("list, add, remove, import or export"));
    p.addOptions({
        {QStringLiteral("format"), QStringLiteral("list: text or json."), QStringLiteral("FORMAT"), QStringLiteral("text")},
        {QStringLiteral("read-only"), QStringLiteral("add: sessions open with default_transaction_read_only=on.")},
        {QStringLiteral("production"), QStringLiteral("add: risky actions ask for an unlock each time.")},
        {QStringLiteral("colour"), QStringLiteral("add: band colour #RRGGBB."), QStringLiteral("COLOUR")},
        {QStringLiteral("group"), QStringLiteral("add: folder in the server tree."), QStringLiteral("GROUP")},
        {QStringLiteral("password-stdin"), QStringLiteral("add: read the password from stdin and keep it in the keychain.")},
        {QStringLiteral("force"), QStringLiteral("add: replace a profile of the same name.")},
        {QStringLiteral("replace"), QStringLiteral("import: overwrite profiles of the same name.")},
        {QStringLiteral("services"), QStringLiteral("import: read the pg_service.conf files libpq reads.")},
    });
    QStringList argv{QStringLiteral("pgdeck profiles")};
    argv += args;
    if (!p.parse(argv)) {
        err(p.errorText() + QLatin1Char('\n') + QString::fromLatin1(kUsage));
        return ExitUsage;
    }
    if (p.isSet(QStringLiteral("help"))) {
        out(p.helpText() + QLatin1Char('\n') + QString::fromLatin1(kUsage));
        return ExitOk;
    }
    const QStringList pos = p.positionalArguments();
    const QString action = pos.value(0, QStringLiteral("list"));
    if (action == QLatin1String("list"))
        return list(p.value(QStringLiteral("format")));
    if (action == QLatin1String("add"))
        return add(p, pos);
    if (action == QLatin1String("remove") || action == QLatin1String("rm"))
        return remove(pos);
    if (action == QLatin1String("import"))
        return import(p, pos);
    if (action == QLatin1String("export"))
        return exportTo(pos);
    err(QString::fromLatin1(kUsage));
    return ExitUsage;
}

} // namespace pgdeck::app
