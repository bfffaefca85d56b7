#include "profileparams.h"

#include "servicefile.h"

#include <QDir>
#include <QObject>
#include <QThread>
#include <QVariant>

namespace pgdeck::pg {

namespace {
// Keywords that say which server: kept with each server. Everything else is
// shared by the profile.
bool isServerKeyword(const QByteArray &k)
{
    return k == "host" || k == "hostaddr" || k == "port" || k == "dbname" || k == "user" || k == "service";
}

constexpr const char *kProtectionProperty = "pgdeckProtection";
} // namespace

bool isLoopbackAddress(const QString &address)
{
    const QString a = address.trimmed();
    return a.startsWith(QLatin1String("127.")) || a == QLatin1String("::1") || a == QLatin1String("0:0:0:0:0:0:0:1")
           || a.startsWith(QLatin1String("::ffff:127."));
}

core::Result<ConnParams> paramsFor(const core::Profile &profile, const core::ProfileServer &server)
{
    auto parsed = ConnParams::parse(server.conninfo);
    if (!parsed.ok())
        return parsed.error();
    ConnParams p = *parsed;
    p.remove("password"); // stored profiles never carry one; be sure
    auto setDefault = [&p](const QByteArray &k, const QString &v) {
        if (!v.isEmpty() && !p.has(k))
            p.set(k, v);
    };
    if (!profile.extraOptions.trimmed().isEmpty()) {
        auto extra = ConnParams::parse(profile.extraOptions);
        if (!extra.ok())
            return core::Error::make(core::Error::Kind::Input,
                                     QStringLiteral("profile %1: extra libpq options: %2").arg(profile.name, extra.error().message));
        for (const auto &kv : extra->pairs())
            if (kv.first != "password")
                setDefault(kv.first, kv.second);
    }
    setDefault("sslmode", profile.sslMode);
    setDefault("sslrootcert", profile.sslRootCert);
    setDefault("sslcert", profile.sslCert);
    setDefault("sslkey", profile.sslKey);
    setDefault("sslcrl", profile.sslCrl);
    setDefault("passfile", profile.passfile);
    setDefault("application_name", profile.applicationName);
    if (profile.connectTimeoutSec > 0)
        setDefault("connect_timeout", QString::number(profile.connectTimeoutSec));
    return p;
}

PoolOptions poolOptionsFor(const core::Profile &profile, const core::ProfileServer &server)
{
    PoolOptions o;
    o.max = qMax(1, server.pool.max);
    o.min = qBound(0, server.pool.min, o.max);
    o.idleTimeoutMs = server.pool.idleTimeoutMs;
    o.connectionTimeoutMs = server.pool.connectionTimeoutMs;
    o.statementTimeoutMs = server.pool.statementTimeoutMs;
    o.validateAfterIdleMs = server.pool.validateAfterIdleMs;
    if (profile.connectTimeoutSec > 0)
        o.connectTimeoutMs = profile.connectTimeoutSec * 1000;
    if (!profile.applicationName.isEmpty())
        o.applicationName = profile.applicationName;
    o.readOnly = profile.readOnly;
    return o;
}

void splitIntoProfile(const ConnParams &params, core::Profile &profile, core::ProfileServer &server)
{
    ConnParams serverPart;
    ConnParams extra;
    for (const auto &kv : params.pairs()) {
        const QByteArray &k = kv.first;
        if (k == "password" || k == "target_session_attrs")
            continue;
        if (isServerKeyword(k))
            serverPart.set(k, kv.second);
        else if (k == "sslmode")
            profile.sslMode = kv.second;
        else if (k == "sslrootcert")
            profile.sslRootCert = kv.second;
        else if (k == "sslcert")
            profile.sslCert = kv.second;
        else if (k == "sslkey")
            profile.sslKey = kv.second;
        else if (k == "sslcrl")
            profile.sslCrl = kv.second;
        else if (k == "passfile")
            profile.passfile = kv.second;
        else if (k == "application_name")
            profile.applicationName = kv.second;
        else if (k == "connect_timeout")
            profile.connectTimeoutSec = kv.second.toInt();
        else
            extra.set(k, kv.second);
    }
    server.conninfo = serverPart.toConninfo(false);
    profile.extraOptions = extra.toConninfo(false);
}

core::Result<core::Profile> profileFromConn(const QString &name, const QString &conn, QString *password)
{
    auto parsed = ConnParams::parse(conn);
    if (!parsed.ok())
        return parsed.error();
    ConnParams params = *parsed;
    // service=name: read the service as libpq would, so hosts and ports are known.
    if (params.has("service")) {
        auto expanded = ServiceFile::expand(params);
        if (!expanded.ok())
            return expanded.error();
        params = *expanded;
    }
    if (password)
        *password = params.value("password");
    core::Profile profile;
    profile.name = name;
    profile.connectTimeoutSec = 10;
    const QList<ConnParams> hosts = params.splitHosts();
    for (int i = 0; i < hosts.size(); ++i) {
        core::ProfileServer server;
        splitIntoProfile(hosts[i], profile, server);
        server.name = serverLabel(hosts[i]);
        profile.servers.append(server);
    }
    if (hosts.size() > 1 && params.value("target_session_attrs") == QLatin1String("read-write"))
        profile.comment = QStringLiteral("from a multi-host string with target_session_attrs=read-write");
    return profile;
}

QString serverLabel(const ConnParams &params)
{
    QString host = params.hosts().value(0);
    if (host.isEmpty())
        host = QStringLiteral("localhost");
    const QString port = params.ports().value(0, QStringLiteral("5432"));
    if (host.startsWith(QLatin1Char('/')))
        return QStringLiteral("%1 (socket %2)").arg(port, host);
    return host + QLatin1Char(':') + port;
}

bool isLocalHost(const QString &host)
{
    if (host.isEmpty() || host.startsWith(QLatin1Char('/')) || host.startsWith(QLatin1Char('@'))
        || host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    return isLoopbackAddress(host);
}

int knownCoreCount(const ConnParams &params)
{
    const QStringList hosts = params.hosts();
    const QString host = hosts.value(0);
    if (hosts.size() > 1 || !isLocalHost(host))
        return 0;
    if (params.has("hostaddr") && !isLoopbackAddress(params.value("hostaddr")))
        return 0;
    return QThread::idealThreadCount();
}

bool isPasswordMissing(const core::Error &error)
{
    return error.detail.contains(QLatin1String("no password supplied")) || error.message.contains(QLatin1String("no password supplied"));
}

bool isPasswordRejected(const core::Error &error)
{
    return error.detail.contains(QLatin1String("password authentication failed"))
           || error.message.contains(QLatin1String("password authentication failed"));
}

void setProtection(QObject *server, const core::Protection &p)
{
    if (!server)
        return;
    QVariantMap m;
    m.insert(QStringLiteral("profile"), p.profile);
    m.insert(QStringLiteral("readOnly"), p.readOnly);
    m.insert(QStringLiteral("production"), p.production);
    m.insert(QStringLiteral("colour"), p.colour);
    server->setProperty(kProtectionProperty, m);
}

core::Protection protectionOf(const QObject *server)
{
    core::Protection p;
    if (!server)
        return p;
    const QVariantMap m = server->property(kProtectionProperty).toMap();
    p.profile = m.value(QStringLiteral("profile")).toString();
    p.readOnly = m.value(QStringLiteral("readOnly")).toBool();
    p.production = m.value(QStringLiteral("production")).toBool();
    p.colour = m.value(QStringLiteral("colour")).toString();
    return p;
}

QString keychainKey(const QString &profile, const QString &user)
{
    return QStringLiteral("profile/%1/%2").arg(profile, user.isEmpty() ? QStringLiteral("(default user)") : user);
}

QStringList keychainKeys(const core::Profile &profile)
{
    QStringList keys;
    for (const core::ProfileServer &s : profile.servers) {
        const auto params = paramsFor(profile, s);
        const QString key = keychainKey(profile.name, params.ok() ? params->value("user") : QString());
        if (!keys.contains(key))
            keys << key;
    }
    return keys;
}

} // namespace pgdeck::pg
