#include "profile.h"

#include <QRegularExpression>

#include <cmath>

namespace pgdeck::core {

QString ProfileServer::roleName(Role role)
{
    switch (role) {
    case Role::Primary: return QStringLiteral("primary");
    case Role::Replica: return QStringLiteral("replica");
    case Role::Auto: break;
    }
    return QStringLiteral("auto");
}

ProfileServer::Role ProfileServer::roleFromName(const QString &name)
{
    if (name.compare(QLatin1String("primary"), Qt::CaseInsensitive) == 0)
        return Role::Primary;
    if (name.compare(QLatin1String("replica"), Qt::CaseInsensitive) == 0
        || name.compare(QLatin1String("standby"), Qt::CaseInsensitive) == 0)
        return Role::Replica;
    return Role::Auto;
}

QString Profile::bandColour() const
{
    if (!colour.isEmpty())
        return colour;
    if (production)
        return QStringLiteral("#c62828");
    if (readOnly)
        return QStringLiteral("#ef8f00");
    return {};
}

QString Profile::mark() const
{
    QStringList parts;
    if (production)
        parts << QStringLiteral("PRODUCTION");
    if (readOnly)
        parts << QStringLiteral("READ-ONLY");
    return parts.join(QStringLiteral(" · "));
}

int Profile::primaryIndex() const
{
    if (servers.isEmpty())
        return -1;
    for (int i = 0; i < servers.size(); ++i)
        if (servers[i].declaredRole == ProfileServer::Role::Primary)
            return i;
    for (int i = 0; i < servers.size(); ++i)
        if (servers[i].declaredRole != ProfileServer::Role::Replica)
            return i;
    return 0;
}

bool isValidProfileName(const QString &name)
{
    // Letters, digits and a few separators: safe as INI group, keychain key and CLI word.
    static const QRegularExpression re(QStringLiteral(R"(^[\p{L}\p{N}][\p{L}\p{N}_.\-]{0,62}$)"));
    return re.match(name).hasMatch();
}

QString stripPasswords(const QString &conninfo)
{
    static const QRegularExpression keyword(
        QStringLiteral(R"(\s*\b(?:ssl)?password\s*=\s*(?:'(?:[^'\\]|\\.)*'|(?:[^\s\\]|\\.)+))"));
    static const QRegularExpression uriUserinfo(
        QStringLiteral(R"(^((?:postgres|postgresql)://[^:/@\s?]*):[^@/\s?]*@)"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression uriParam(QStringLiteral(R"([?&]password=[^&\s]*)"),
                                             QRegularExpression::CaseInsensitiveOption);
    QString out = conninfo.trimmed();
    const bool uri = out.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive)
                     || out.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive);
    if (uri) {
        out.replace(uriUserinfo, QStringLiteral("\\1@"));
        if (out.contains(uriParam)) {
            out.replace(uriParam, QString());
            // Keep the query string well-formed when the first parameter went.
            const int amp = out.indexOf(QLatin1Char('&'));
            if (amp >= 0 && !out.contains(QLatin1Char('?')))
                out[amp] = QLatin1Char('?');
        }
        return out;
    }
    out.replace(keyword, QString());
    return out.trimmed();
}

int poolSizeHint(int cores, int spindles)
{
    if (cores <= 0)
        return 0;
    return int(std::lround((cores * 2 + std::max(0, spindles)) * 1.5));
}

QString poolSizeFormula()
{
    return QStringLiteral("(cores × 2 + spindles) × 1.5");
}

} // namespace pgdeck::core
