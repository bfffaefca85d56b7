#include "servicefile.h"

#include <libpq-fe.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <memory>

#ifndef PGDECK_LIBPQ_SYSCONFDIR
#define PGDECK_LIBPQ_SYSCONFDIR "/etc/postgresql-common"
#endif

namespace pgdeck::pg {

namespace {

// Every keyword this libpq understands, from libpq itself.
const QSet<QByteArray> &libpqKeywords()
{
    static const QSet<QByteArray> keys = [] {
        QSet<QByteArray> s;
        char *err = nullptr;
        PQconninfoOption *opts = PQconninfoParse("", &err);
        if (err)
            PQfreemem(err);
        if (opts) {
            for (PQconninfoOption *o = opts; o->keyword; ++o)
                s.insert(QByteArray(o->keyword));
            PQconninfoFree(opts);
        }
        return s;
    }();
    return keys;
}

core::Error fileError(const QString &msg, const QString &file, int line)
{
    core::Error e = core::Error::make(core::Error::Kind::Input, msg.arg(file).arg(line));
    e.context = QStringLiteral("%1:%2").arg(file).arg(line);
    return e;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

} // namespace

bool isLibpqKeyword(const QByteArray &keyword)
{
    return libpqKeywords().contains(keyword);
}

QStringList ServiceFile::searchPath()
{
    QStringList files;
    const QString user = qEnvironmentVariable("PGSERVICEFILE");
    files << (user.isEmpty() ? QDir::homePath() + QStringLiteral("/.pg_service.conf") : user);
    QString sys = qEnvironmentVariable("PGSYSCONFDIR");
    if (sys.isEmpty())
        sys = QStringLiteral(PGDECK_LIBPQ_SYSCONFDIR);
    files << sys + QStringLiteral("/pg_service.conf");
    return files;
}

namespace {
// One pass over the file, as libpq's parseServiceFile does it. With `only`, lines
// outside that section are not looked at (libpq ignores them) and reading stops
// where the section ends.
core::Result<QList<ServiceEntry>> parseImpl(const QByteArray &text, const QString &fileName, const QString *only)
{
    QList<ServiceEntry> out;
    bool inSection = false;
    QSet<QByteArray> seen;
    int lineNo = 0;
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype end = text.indexOf('\n', pos);
        if (end < 0)
            end = text.size();
        QByteArray line = text.mid(pos, end - pos);
        pos = end + 1;
        ++lineNo;
        // libpq trims trailing and leading whitespace, then skips blanks and comments.
        while (!line.isEmpty() && isSpace(line.back()))
            line.chop(1);
        qsizetype start = 0;
        while (start < line.size() && isSpace(line.at(start)))
            ++start;
        line = line.mid(start);
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        if (line.startsWith('[')) {
            if (only && inSection)
                break; // end of the wanted section
            const qsizetype close = line.indexOf(']');
            // An unclosed header can never match in libpq; it still ends a section.
            if (close < 0) {
                inSection = false;
                continue;
            }
            const QString name = QString::fromUtf8(line.mid(1, close - 1));
            if (only && name != *only) {
                inSection = false;
                continue;
            }
            out.append(ServiceEntry{name, {}, fileName, lineNo});
            inSection = true;
            seen.clear();
            continue;
        }
        if (!inSection)
            continue; // libpq ignores lines outside the section it looks for
        ServiceEntry &current = out.last();
        if (line.startsWith("ldap"))
            return fileError(QStringLiteral("LDAP lookups in service file \"%1\", line %2, are not supported by pgdeck"),
                             fileName, lineNo);
        const qsizetype eq = line.indexOf('=');
        if (eq < 0)
            return fileError(QStringLiteral("syntax error in service file \"%1\", line %2"), fileName, lineNo);
        const QByteArray key = line.left(eq);
        const QString value = QString::fromUtf8(line.mid(eq + 1));
        if (key == "service")
            return fileError(QStringLiteral("nested service specifications not supported in service file \"%1\", line %2"),
                             fileName, lineNo);
        if (!libpqKeywords().contains(key))
            return fileError(QStringLiteral("syntax error in service file \"%1\", line %2"), fileName, lineNo);
        // libpq keeps the first value of a key.
        if (!seen.contains(key)) {
            seen.insert(key);
            current.params.append({key, value});
        }
    }
    return out;
}
} // namespace

core::Result<QList<ServiceEntry>> ServiceFile::parse(const QByteArray &text, const QString &fileName)
{
    return parseImpl(text, fileName, nullptr);
}

core::Result<QList<ServiceEntry>> ServiceFile::parseFile(const QString &fileName)
{
    QFile f(fileName);
    if (!f.open(QIODevice::ReadOnly))
        return core::Error::make(core::Error::Kind::Io, QStringLiteral("cannot read %1: %2").arg(fileName, f.errorString()));
    return parse(f.readAll(), fileName);
}

core::Result<ServiceEntry> ServiceFile::lookup(const QString &service)
{
    for (const QString &file : searchPath()) {
        if (!QFileInfo::exists(file))
            continue; // libpq: a missing file is not an error, try the next one
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return core::Error::make(core::Error::Kind::Io, QStringLiteral("service file \"%1\" not found").arg(file));
        auto entries = parseImpl(f.readAll(), file, &service);
        if (!entries.ok())
            return entries.error();
        if (!entries->isEmpty())
            return entries->first();
    }
    return core::Error::make(core::Error::Kind::Input, QStringLiteral("definition of service \"%1\" not found").arg(service),
                             {}, QStringLiteral("Looked in %1.").arg(searchPath().join(QStringLiteral(" and "))));
}

core::Result<ConnParams> ServiceFile::expand(const ConnParams &params, bool useEnv)
{
    QString service = params.value("service");
    if (service.isEmpty() && useEnv)
        service = qEnvironmentVariable("PGSERVICE");
    if (service.isEmpty())
        return params;
    auto entry = lookup(service);
    if (!entry.ok())
        return entry.error();
    ConnParams out = params;
    out.remove("service");
    for (const auto &kv : entry->params)
        if (!out.has(kv.first) && !kv.second.isEmpty())
            out.set(kv.first, kv.second);
    return out;
}

} // namespace pgdeck::pg
