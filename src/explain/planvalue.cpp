#include "planvalue.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pgdeck::explain {

QString PlanValue::toString() const
{
    if (auto s = std::get_if<QString>(&m_v))
        return *s;
    if (auto l = std::get_if<QStringList>(&m_v))
        return l->join(QLatin1String(", "));
    if (auto b = std::get_if<bool>(&m_v))
        return *b ? QStringLiteral("true") : QStringLiteral("false");
    if (auto i = std::get_if<qint64>(&m_v))
        return QString::number(*i);
    if (auto d = std::get_if<double>(&m_v))
        return QString::number(*d, 'g', 15);
    if (auto j = std::get_if<QJsonValue>(&m_v)) {
        if (j->isObject())
            return QString::fromUtf8(QJsonDocument(j->toObject()).toJson(QJsonDocument::Compact));
        if (j->isArray())
            return QString::fromUtf8(QJsonDocument(j->toArray()).toJson(QJsonDocument::Compact));
        return j->toVariant().toString();
    }
    return {};
}

QStringList PlanValue::toList() const
{
    if (auto l = std::get_if<QStringList>(&m_v))
        return *l;
    if (auto s = std::get_if<QString>(&m_v))
        return {*s};
    return {};
}

QJsonValue PlanValue::toJson() const
{
    switch (m_v.index()) {
    case 0: return QJsonValue(QJsonValue::Null);
    case 1: return QJsonValue(std::get<bool>(m_v));
    case 2: return QJsonValue(std::get<double>(m_v));
    case 3: return QJsonValue(std::get<qint64>(m_v));
    case 4: return QJsonValue(std::get<QString>(m_v));
    case 5: return QJsonValue(QJsonArray::fromStringList(std::get<QStringList>(m_v)));
    case 6: return std::get<QJsonValue>(m_v);
    }
    return {};
}

PlanValue PlanValue::fromJson(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool: return PlanValue(v.toBool());
    case QJsonValue::Double: {
        const double d = v.toDouble();
        const qint64 i = v.toInteger(std::numeric_limits<qint64>::min());
        if (i != std::numeric_limits<qint64>::min() && double(i) == d)
            return PlanValue(i);
        return PlanValue(d);
    }
    case QJsonValue::String: return PlanValue(v.toString());
    case QJsonValue::Array: {
        const QJsonArray a = v.toArray();
        bool allStrings = true;
        for (const QJsonValue &e : a)
            allStrings = allStrings && e.isString();
        if (allStrings) {
            QStringList l;
            l.reserve(a.size());
            for (const QJsonValue &e : a)
                l << e.toString();
            return PlanValue(l);
        }
        return PlanValue(v);
    }
    case QJsonValue::Object: return PlanValue(v);
    default: return PlanValue();
    }
}

bool PlanValue::operator==(const PlanValue &o) const
{
    if (isNumber() && o.isNumber()) {
        if (isInteger() && o.isInteger())
            return toInteger() == o.toInteger();
        return toDouble() == o.toDouble();
    }
    if (isList() || o.isList())
        return toList() == o.toList();
    if (m_v.index() != o.m_v.index())
        return false;
    return m_v == o.m_v;
}

} // namespace pgdeck::explain
