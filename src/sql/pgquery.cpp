#include "pgquery.h"

#include <pg_query.h>

#include <QJsonDocument>

namespace pgdeck::sql::detail {

core::Result<QJsonObject> parseToJson(const QByteArray &utf8)
{
    PgQueryParseResult r = pg_query_parse(utf8.constData());
    if (r.error) {
        core::Error e = core::Error::make(core::Error::Kind::Input, QString::fromUtf8(r.error->message));
        e.position = r.error->cursorpos;
        pg_query_free_parse_result(r);
        return e;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(r.parse_tree), &pe);
    pg_query_free_parse_result(r);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return core::Error::make(core::Error::Kind::Internal, QStringLiteral("libpg_query returned an unreadable parse tree"));
    return doc.object();
}

int utf16Index(const QByteArray &utf8, int byteOffset)
{
    byteOffset = qBound(0, byteOffset, int(utf8.size()));
    int units = 0;
    for (int i = 0; i < byteOffset;) {
        const auto c = static_cast<unsigned char>(utf8.at(i));
        int len = 1;
        if (c >= 0xF0)
            len = 4;
        else if (c >= 0xE0)
            len = 3;
        else if (c >= 0xC0)
            len = 2;
        units += len == 4 ? 2 : 1; // code points above the BMP take a surrogate pair
        i += len;
    }
    return units;
}

QString nodeName(const QJsonObject &node)
{
    return node.isEmpty() ? QString() : node.constBegin().key();
}

} // namespace pgdeck::sql::detail
