#include "redact.h"

#include <QRegularExpression>

namespace pgdeck::core {

QString redactSecrets(const QString &text)
{
    static const QRegularExpression keyword(
        QStringLiteral(R"((\b(?:password|PGPASSWORD|sslpassword)\s*[=:]\s*)('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\S+))"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression uri(
        QStringLiteral(R"(((?:postgres|postgresql)://[^:/@\s]*:)([^@\s]*)@)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression uriParam(
        QStringLiteral(R"(([?&]password=)[^&\s]*)"), QRegularExpression::CaseInsensitiveOption);

    QString out = text;
    out.replace(keyword, QStringLiteral("\\1***"));
    out.replace(uri, QStringLiteral("\\1***@"));
    out.replace(uriParam, QStringLiteral("\\1***"));
    return out;
}

} // namespace pgdeck::core
