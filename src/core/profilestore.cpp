#include "profilestore.h"

#include "logging.h"
#include "paths.h"

#include <QFile>
#include <QSettings>

namespace pgdeck::core {

namespace {
constexpr int kFormat = 1;

void writePool(QSettings &s, const PoolSettings &p)
{
    s.setValue(QStringLiteral("poolMax"), p.max);
    s.setValue(QStringLiteral("poolMin"), p.min);
    s.setValue(QStringLiteral("poolIdleTimeoutMs"), p.idleTimeoutMs);
    s.setValue(QStringLiteral("poolConnectionTimeoutMs"), p.connectionTimeoutMs);
    s.setValue(QStringLiteral("poolStatementTimeoutMs"), p.statementTimeoutMs);
    s.setValue(QStringLiteral("poolValidateAfterIdleMs"), p.validateAfterIdleMs);
}

PoolSettings readPool(const QSettings &s)
{
    PoolSettings d;
    PoolSettings p;
    p.max = s.value(QStringLiteral("poolMax"), d.max).toInt();
    p.min = s.value(QStringLiteral("poolMin"), d.min).toInt();
    p.idleTimeoutMs = s.value(QStringLiteral("poolIdleTimeoutMs"), d.idleTimeoutMs).toInt();
    p.connectionTimeoutMs = s.value(QStringLiteral("poolConnectionTimeoutMs"), d.connectionTimeoutMs).toInt();
    p.statementTimeoutMs = s.value(QStringLiteral("poolStatementTimeoutMs"), d.statementTimeoutMs).toInt();
    p.validateAfterIdleMs = s.value(QStringLiteral("poolValidateAfterIdleMs"), d.validateAfterIdleMs).toInt();
    return p;
}

Profile readProfile(QSettings &s, const QString &name)
{
    Profile p;
    s.beginGroup(name);
    p.name = s.value(QStringLiteral("name"), name).toString();
    p.group = s.value(QStringLiteral("group")).toString();
    p.readOnly = s.value(QStringLiteral("readOnly"), false).toBool();
    p.production = s.value(QStringLiteral("production"), false).toBool();
    p.colour = s.value(QStringLiteral("colour")).toString();
    p.connectTimeoutSec = s.value(QStringLiteral("connectTimeoutSec"), 10).toInt();
    p.sslMode = s.value(QStringLiteral("sslmode")).toString();
    p.sslRootCert = s.value(QStringLiteral("sslrootcert")).toString();
    p.sslCert = s.value(QStringLiteral("sslcert")).toString();
    p.sslKey = s.value(QStringLiteral("sslkey")).toString();
    p.sslCrl = s.value(QStringLiteral("sslcrl")).toString();
    p.passfile = s.value(QStringLiteral("passfile")).toString();
    p.applicationName = s.value(QStringLiteral("applicationName")).toString();
    p.extraOptions = s.value(QStringLiteral("extraOptions")).toString();
    p.savePassword = s.value(QStringLiteral("savePassword"), false).toBool();
    p.comment = s.value(QStringLiteral("comment")).toString();
    const int n = s.beginReadArray(QStringLiteral("servers"));
    for (int i = 0; i < n; ++i) {
        s.setArrayIndex(i);
        ProfileServer srv;
        srv.name = s.value(QStringLiteral("name")).toString();
        srv.conninfo = s.value(QStringLiteral("conninfo")).toString();
        srv.declaredRole = ProfileServer::roleFromName(s.value(QStringLiteral("role")).toString());
        srv.note = s.value(QStringLiteral("note")).toString();
        srv.pool = readPool(s);
        p.servers.append(srv);
    }
    s.endArray();
    s.endGroup();
    return p;
}

void writeProfile(QSettings &s, const Profile &p)
{
    s.beginGroup(p.name);
    s.setValue(QStringLiteral("name"), p.name);
    s.setValue(QStringLiteral("group"), p.group);
    s.setValue(QStringLiteral("readOnly"), p.readOnly);
    s.setValue(QStringLiteral("production"), p.production);
    s.setValue(QStringLiteral("colour"), p.colour);
    s.setValue(QStringLiteral("connectTimeoutSec"), p.connectTimeoutSec);
    s.setValue(QStringLiteral("sslmode"), p.sslMode);
    s.setValue(QStringLiteral("sslrootcert"), p.sslRootCert);
    s.setValue(QStringLiteral("sslcert"), p.sslCert);
    s.setValue(QStringLiteral("sslkey"), p.sslKey);
    s.setValue(QStringLiteral("sslcrl"), p.sslCrl);
    s.setValue(QStringLiteral("passfile"), p.passfile);
    s.setValue(QStringLiteral("applicationName"), p.applicationName);
    s.setValue(QStringLiteral("extraOptions"), stripPasswords(p.extraOptions));
    s.setValue(QStringLiteral("savePassword"), p.savePassword);
    s.setValue(QStringLiteral("comment"), p.comment);
    s.beginWriteArray(QStringLiteral("servers"), int(p.servers.size()));
    for (int i = 0; i < p.servers.size(); ++i) {
        const ProfileServer &srv = p.servers[i];
        s.setArrayIndex(i);
        s.setValue(QStringLiteral("name"), srv.name);
        s.setValue(QStringLiteral("conninfo"), stripPasswords(srv.conninfo));
        s.setValue(QStringLiteral("role"), ProfileServer::roleName(srv.declaredRole));
        s.setValue(QStringLiteral("note"), srv.note);
        writePool(s, srv.pool);
    }
    s.endArray();
    s.endGroup();
}

Error ioError(const QSettings &s)
{
    return Error::make(Error::Kind::Io, QStringLiteral("could not write the profiles file %1").arg(s.fileName()),
                       s.status() == QSettings::FormatError ? QStringLiteral("the file is not a valid INI file")
                                                            : QStringLiteral("the file or its folder is not writable"));
}

Result<void> finish(QSettings &s)
{
    s.sync();
    if (s.status() != QSettings::NoError)
        return ioError(s);
    // Nothing secret is in here, but connection details are nobody else's business.
    QFile::setPermissions(s.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}
} // namespace

ProfileStore::ProfileStore(QString fileName) : m_file(std::move(fileName)) {}

QString ProfileStore::defaultFileName()
{
    return Paths::configDir() + QStringLiteral("/profiles.ini");
}

QList<Profile> ProfileStore::load() const
{
    QSettings s(m_file, QSettings::IniFormat);
    QList<Profile> out;
    const QStringList groups = s.childGroups();
    for (const QString &g : groups) {
        if (g == QLatin1String("pgdeck"))
            continue;
        out.append(readProfile(s, g));
    }
    return out;
}

std::optional<Profile> ProfileStore::find(const QString &name) const
{
    QSettings s(m_file, QSettings::IniFormat);
    if (name.isEmpty() || name == QLatin1String("pgdeck") || !s.childGroups().contains(name))
        return std::nullopt;
    return readProfile(s, name);
}

Result<void> ProfileStore::save(const Profile &profile)
{
    if (!isValidProfileName(profile.name) || profile.name == QLatin1String("pgdeck"))
        return Error::make(Error::Kind::Input, QStringLiteral("invalid profile name '%1'").arg(profile.name),
                           {}, QStringLiteral("Use letters, digits, '.', '_' or '-' (up to 63 characters)."));
    for (const ProfileServer &srv : profile.servers)
        if (stripPasswords(srv.conninfo) != srv.conninfo.trimmed())
            logger("profiles")->warn("profile {}: a password in the connection string was not saved",
                                     profile.name.toStdString());
    QSettings s(m_file, QSettings::IniFormat);
    s.setValue(QStringLiteral("pgdeck/format"), kFormat);
    s.remove(profile.name);
    writeProfile(s, profile);
    return finish(s);
}

Result<void> ProfileStore::remove(const QString &name)
{
    QSettings s(m_file, QSettings::IniFormat);
    if (name.isEmpty() || name == QLatin1String("pgdeck") || !s.childGroups().contains(name))
        return Error::make(Error::Kind::Input, QStringLiteral("no profile named '%1'").arg(name));
    s.remove(name);
    return finish(s);
}

} // namespace pgdeck::core
