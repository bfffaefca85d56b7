#include "sample.h"

#include <QDateTime>
#include <QJsonArray>

#include <cmath>

namespace pgdeck::monitor {

QJsonObject Sample::toJson() const
{
    QJsonObject metrics;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        if (std::isfinite(it.value()))
            metrics.insert(it.key(), it.value());
    QJsonObject o{
        {QStringLiteral("t"), double(timestampMs)},
        {QStringLiteral("time"), QDateTime::fromMSecsSinceEpoch(timestampMs, Qt::UTC).toString(Qt::ISODateWithMs)},
        {QStringLiteral("source"), source},
        {QStringLiteral("server"), server},
        {QStringLiteral("up"), up},
        {QStringLiteral("role"), role},
        {QStringLiteral("state"), state},
        {QStringLiteral("metrics"), metrics},
    };
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    if (!notes.isEmpty())
        o.insert(QStringLiteral("notes"), QJsonArray::fromStringList(notes));
    return o;
}

} // namespace pgdeck::monitor
