#include "pgadminservers.h"

#include "connparams.h"
#include "profileparams.h"
#include "servicefile.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace pgdeck::pg {

namespace {

QString jsonText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d == std::floor(d) && std::abs(d) < 1e15)
            return QString::number(qint64(d));
        return QString::number(d);
    }
    if (v.isBool())
        return v.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    return {};
}

// pgAdmin server mode stores file paths below <STORAGE_DIR>; on this desktop the
// nearest meaning is the home directory.
QString localPath(const QString &path, bool *mapped)
{
    if (!path.contains(QLatin1String("<STORAGE_DIR>")))
        return path;
    *mapped = true;
    QString p = path;
    p.replace(QLatin1String("<STORAGE_DIR>"), QDir::homePath());
    return p;
}

QString profileNameFrom(const QString &wanted, QSet<QString> &taken)
{
    QString base = wanted.trimmed();
    static const QRegularExpression bad(QStringLiteral(R"([^\p{L}\p{N}_.\-]+)"));
    base.replace(bad, QStringLiteral("-"));
    while (base.startsWith(QLatin1Char('-')) || base.startsWith(QLatin1Char('.')) || base.startsWith(QLatin1Char('_')))
        base.remove(0, 1);
    while (base.endsWith(QLatin1Char('-')))
        base.chop(1);
    base = base.left(56);
    if (base.isEmpty())
        base = QStringLiteral("server");
    QString name = base;
    for (int i = 2; taken.contains(name.toLower()); ++i)
        name = QStringLiteral("%1-%2").arg(base).arg(i);
    taken.insert(name.toLower());
    return name;
}

struct OldField
{
    const char *json;
    const char *keyword;
};

// pgAdmin 4 before 7.0 kept these as top-level server attributes.
const OldField kOldFields[] = {
    {"SSLMode", "sslmode"},         {"SSLRootCert", "sslrootcert"}, {"SSLCert", "sslcert"},
    {"SSLKey", "sslkey"},           {"SSLCrl", "sslcrl"},           {"SSLCompression", "sslcompression"},
    {"PassFile", "passfile"},       {"Timeout", "connect_timeout"},
};

bool isPathKeyword(const QByteArray &k)
{
    return k == "sslrootcert" || k == "sslcert" || k == "sslkey" || k == "sslcrl" || k == "passfile" || k == "sslcrldir";
}

} // namespace

bool PgAdminServers::looksLikePgAdmin(const QByteArray &bytes)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
    return err.error == QJsonParseError::NoError && doc.isObject() && doc.object().value(QStringLiteral("Servers")).isObject();
}

core::Result<PgAdminImport> PgAdminServers::parse(const QByteArray &json)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError)
        return core::Error::make(core::Error::Kind::Input,
                                 QStringLiteral("not a pgAdmin servers.json: %1 at offset %2").arg(err.errorString()).arg(err.offset));
    // An export of nothing ("Servers": {}) is a valid, empty file.
    const QJsonObject servers = doc.object().value(QStringLiteral("Servers")).toObject();
    if (!doc.isObject() || !doc.object().value(QStringLiteral("Servers")).isObject())
        return core::Error::make(core::Error::Kind::Input, QStringLiteral("not a pgAdmin servers.json: no \"Servers\" object"));

    // pgAdmin numbers its servers "1", "2", …: keep that order.
    QStringList ids = servers.keys();
    std::sort(ids.begin(), ids.end(), [](const QString &a, const QString &b) {
        bool okA = false, okB = false;
        const int ia = a.toInt(&okA), ib = b.toInt(&okB);
        if (okA && okB)
            return ia < ib;
        return a < b;
    });

    PgAdminImport out;
    QSet<QString> taken;
    QHash<QString, int> byPgdeckProfile; // profile name from a pgdeck export -> index in out.profiles
    for (const QString &id : ids) {
        const QJsonObject o = servers.value(id).toObject();
        const QString label = o.value(QStringLiteral("Name")).toString(id);
        ConnParams params;
        auto put = [&params](const QByteArray &k, const QString &v) {
            if (!v.isEmpty())
                params.set(k, v);
        };
        put("host", jsonText(o.value(QStringLiteral("Host"))));
        put("hostaddr", jsonText(o.value(QStringLiteral("HostAddr"))));
        put("port", jsonText(o.value(QStringLiteral("Port"))));
        put("dbname", jsonText(o.value(QStringLiteral("MaintenanceDB"))));
        QString user = jsonText(o.value(QStringLiteral("Username")));
        if (user.isEmpty())
            user = jsonText(o.value(QStringLiteral("SharedUsername")));
        put("user", user);
        put("service", jsonText(o.value(QStringLiteral("Service"))));
        bool storageMapped = false;
        for (const OldField &f : kOldFields) {
            QString v = jsonText(o.value(QLatin1String(f.json)));
            if (v.isEmpty())
                continue;
            if (QByteArray(f.keyword) == "connect_timeout" && v.toInt() <= 0)
                continue;
            if (QByteArray(f.keyword) == "sslcompression" && v == QLatin1String("0"))
                continue;
            put(f.keyword, isPathKeyword(f.keyword) ? localPath(v, &storageMapped) : v);
        }
        const QJsonObject cp = o.value(QStringLiteral("ConnectionParameters")).toObject();
        for (auto it = cp.begin(); it != cp.end(); ++it) {
            const QByteArray k = it.key().toUtf8();
            const QString v = jsonText(it.value());
            if (k == "password") {
                out.notes << QStringLiteral("%1: a password in ConnectionParameters was not imported").arg(label);
                continue;
            }
            if (!isLibpqKeyword(k)) {
                out.notes << QStringLiteral("%1: '%2' is not a libpq keyword; left out").arg(label, it.key());
                continue;
            }
            put(k, isPathKeyword(k) ? localPath(v, &storageMapped) : v);
        }
        if (storageMapped)
            out.notes << QStringLiteral("%1: <STORAGE_DIR> in file paths was read as your home directory").arg(label);
        const QString role = jsonText(o.value(QStringLiteral("Role")));
        if (!role.isEmpty()) {
            // pgAdmin runs SET ROLE after connecting; the startup option does the same.
            params.addServerOption(QStringLiteral("role"), role);
            out.notes << QStringLiteral("%1: Role '%2' becomes options=-c role=%2").arg(label, role);
        }
        if (o.value(QStringLiteral("UseSSHTunnel")).toInt() != 0)
            out.notes << QStringLiteral("%1: the SSH tunnel (%2) was not imported; pgdeck connects directly")
                             .arg(label, jsonText(o.value(QStringLiteral("TunnelHost"))));
        if (!o.value(QStringLiteral("PasswordExecCommand")).toString().isEmpty())
            out.notes << QStringLiteral("%1: PasswordExecCommand was not imported; use the keychain or ~/.pgpass").arg(label);
        if (!o.value(QStringLiteral("PostConnectionSQL")).toString().isEmpty())
            out.notes << QStringLiteral("%1: PostConnectionSQL was not imported").arg(label);
        if (!params.has("host") && !params.has("hostaddr") && !params.has("service"))
            out.notes << QStringLiteral("%1: no Host, HostAddr or Service; libpq's defaults apply").arg(label);

        const QJsonObject ext = o.value(QStringLiteral("pgdeck")).toObject();
        core::ProfileServer server;
        core::Profile fresh;
        splitIntoProfile(params, fresh, server);
        server.name = ext.value(QStringLiteral("server")).toString();
        if (server.name.isEmpty())
            server.name = serverLabel(params);
        server.declaredRole = core::ProfileServer::roleFromName(ext.value(QStringLiteral("role")).toString());
        const QJsonObject pool = ext.value(QStringLiteral("pool")).toObject();
        if (!pool.isEmpty()) {
            server.pool.max = pool.value(QStringLiteral("max")).toInt(server.pool.max);
            server.pool.min = pool.value(QStringLiteral("min")).toInt(server.pool.min);
            server.pool.idleTimeoutMs = pool.value(QStringLiteral("idleTimeoutMs")).toInt(server.pool.idleTimeoutMs);
            server.pool.connectionTimeoutMs = pool.value(QStringLiteral("connectionTimeoutMs")).toInt(server.pool.connectionTimeoutMs);
            server.pool.statementTimeoutMs = pool.value(QStringLiteral("statementTimeoutMs")).toInt(server.pool.statementTimeoutMs);
            server.pool.validateAfterIdleMs = pool.value(QStringLiteral("validateAfterIdleMs")).toInt(server.pool.validateAfterIdleMs);
        }

        const QString pgdeckProfile = ext.value(QStringLiteral("profile")).toString();
        if (!pgdeckProfile.isEmpty() && byPgdeckProfile.contains(pgdeckProfile)) {
            out.profiles[byPgdeckProfile.value(pgdeckProfile)].servers.append(server);
            continue;
        }
        core::Profile profile = fresh;
        if (!params.has("connect_timeout"))
            profile.connectTimeoutSec = 0; // libpq's default (wait forever) stays libpq's default
        profile.name = profileNameFrom(pgdeckProfile.isEmpty() ? label : pgdeckProfile, taken);
        profile.group = o.value(QStringLiteral("Group")).toString();
        profile.comment = o.value(QStringLiteral("Comment")).toString();
        const QString bg = o.value(QStringLiteral("BGColor")).toString();
        if (QRegularExpression(QStringLiteral("^#[0-9a-fA-F]{6}$")).match(bg).hasMatch())
            profile.colour = bg.toLower();
        if (!ext.isEmpty()) {
            profile.readOnly = ext.value(QStringLiteral("readOnly")).toBool();
            profile.production = ext.value(QStringLiteral("production")).toBool();
            profile.colour = ext.value(QStringLiteral("colour")).toString();
            profile.savePassword = ext.value(QStringLiteral("savePassword")).toBool();
        }
        profile.servers.append(server);
        if (!pgdeckProfile.isEmpty())
            byPgdeckProfile.insert(pgdeckProfile, int(out.profiles.size()));
        out.profiles.append(profile);
    }
    return out;
}

QByteArray PgAdminServers::write(const QList<core::Profile> &profiles)
{
    QJsonObject servers;
    int id = 0;
    for (const core::Profile &p : profiles) {
        for (const core::ProfileServer &s : p.servers) {
            auto params = paramsFor(p, s);
            if (!params.ok())
                continue;
            QJsonObject o;
            o.insert(QStringLiteral("Name"), p.servers.size() == 1 ? p.name : QStringLiteral("%1 / %2").arg(p.name, s.name));
            o.insert(QStringLiteral("Group"), p.group.isEmpty() ? QStringLiteral("pgdeck") : p.group);
            QJsonObject cp;
            for (const auto &kv : params->pairs()) {
                const QByteArray &k = kv.first;
                if (k == "password" || k == "sslpassword")
                    continue;
                if (k == "host")
                    o.insert(QStringLiteral("Host"), kv.second);
                else if (k == "hostaddr")
                    o.insert(QStringLiteral("HostAddr"), kv.second);
                else if (k == "port")
                    o.insert(QStringLiteral("Port"), kv.second.toInt());
                else if (k == "dbname")
                    o.insert(QStringLiteral("MaintenanceDB"), kv.second);
                else if (k == "user")
                    o.insert(QStringLiteral("Username"), kv.second);
                else if (k == "service")
                    o.insert(QStringLiteral("Service"), kv.second);
                else if (k == "connect_timeout")
                    cp.insert(QString::fromLatin1(k), kv.second.toInt());
                else
                    cp.insert(QString::fromLatin1(k), kv.second);
            }
            // pgAdmin requires these.
            if (!o.contains(QStringLiteral("Port")))
                o.insert(QStringLiteral("Port"), 5432);
            if (!o.contains(QStringLiteral("MaintenanceDB")))
                o.insert(QStringLiteral("MaintenanceDB"), QStringLiteral("postgres"));
            if (!o.contains(QStringLiteral("Username")))
                o.insert(QStringLiteral("Username"), qEnvironmentVariable("USER", QStringLiteral("postgres")));
            if (!cp.contains(QStringLiteral("sslmode")))
                cp.insert(QStringLiteral("sslmode"), QStringLiteral("prefer"));
            o.insert(QStringLiteral("ConnectionParameters"), cp);
            if (!p.bandColour().isEmpty())
                o.insert(QStringLiteral("BGColor"), p.bandColour());
            if (!p.comment.isEmpty())
                o.insert(QStringLiteral("Comment"), p.comment);
            QJsonObject pool;
            pool.insert(QStringLiteral("max"), s.pool.max);
            pool.insert(QStringLiteral("min"), s.pool.min);
            pool.insert(QStringLiteral("idleTimeoutMs"), s.pool.idleTimeoutMs);
            pool.insert(QStringLiteral("connectionTimeoutMs"), s.pool.connectionTimeoutMs);
            pool.insert(QStringLiteral("statementTimeoutMs"), s.pool.statementTimeoutMs);
            pool.insert(QStringLiteral("validateAfterIdleMs"), s.pool.validateAfterIdleMs);
            QJsonObject ext;
            ext.insert(QStringLiteral("profile"), p.name);
            ext.insert(QStringLiteral("server"), s.name);
            ext.insert(QStringLiteral("role"), core::ProfileServer::roleName(s.declaredRole));
            ext.insert(QStringLiteral("readOnly"), p.readOnly);
            ext.insert(QStringLiteral("production"), p.production);
            ext.insert(QStringLiteral("colour"), p.colour);
            ext.insert(QStringLiteral("savePassword"), p.savePassword);
            ext.insert(QStringLiteral("pool"), pool);
            o.insert(QStringLiteral("pgdeck"), ext);
            servers.insert(QString::number(++id), o);
        }
    }
    QJsonObject root;
    root.insert(QStringLiteral("Servers"), servers);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace pgdeck::pg
