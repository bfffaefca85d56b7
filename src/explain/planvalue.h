#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <cmath>
#include <limits>
#include <variant>

namespace pgdeck::explain {

// One value of an EXPLAIN property, typed the way PostgreSQL's JSON output types it:
// numbers (integers kept exact: "Query Identifier" is a 64-bit id), booleans, text,
// lists of text ("Sort Key", "Output"), and nested groups ("Workers", "JIT", …) held
// as QJsonValue because they are rare and small.
class PlanValue
{
public:
    PlanValue() = default;
    PlanValue(bool b) : m_v(b) {}
    PlanValue(double d) : m_v(d) {}
    PlanValue(qint64 i) : m_v(i) {}
    PlanValue(int i) : m_v(qint64(i)) {}
    PlanValue(QString s) : m_v(std::move(s)) {}
    PlanValue(const char *) = delete;
    PlanValue(QStringList l) : m_v(std::move(l)) {}
    PlanValue(QJsonValue j) : m_v(std::move(j)) {}

    bool isNull() const { return m_v.index() == 0; }
    bool isBool() const { return std::holds_alternative<bool>(m_v); }
    bool isNumber() const { return std::holds_alternative<double>(m_v) || std::holds_alternative<qint64>(m_v); }
    bool isInteger() const { return std::holds_alternative<qint64>(m_v); }
    bool isString() const { return std::holds_alternative<QString>(m_v); }
    bool isList() const { return std::holds_alternative<QStringList>(m_v); }
    bool isJson() const { return std::holds_alternative<QJsonValue>(m_v); }

    // NaN when not a number.
    double toDouble() const
    {
        if (auto d = std::get_if<double>(&m_v))
            return *d;
        if (auto i = std::get_if<qint64>(&m_v))
            return double(*i);
        return std::numeric_limits<double>::quiet_NaN();
    }
    qint64 toInteger() const
    {
        if (auto i = std::get_if<qint64>(&m_v))
            return *i;
        if (auto d = std::get_if<double>(&m_v))
            return qint64(*d);
        return 0;
    }
    bool toBool() const
    {
        if (auto b = std::get_if<bool>(&m_v))
            return *b;
        return false;
    }
    // Text as PostgreSQL's TEXT format shows it (lists joined by ", ").
    QString toString() const;
    const QString *stringPtr() const { return std::get_if<QString>(&m_v); }
    QStringList toList() const;
    const QJsonValue *jsonPtr() const { return std::get_if<QJsonValue>(&m_v); }
    QJsonValue toJson() const;
    static PlanValue fromJson(const QJsonValue &v);

    bool operator==(const PlanValue &o) const;
    bool operator!=(const PlanValue &o) const { return !(*this == o); }

private:
    std::variant<std::monostate, bool, double, qint64, QString, QStringList, QJsonValue> m_v;
};

inline bool isSet(double v) { return !std::isnan(v); }
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

} // namespace pgdeck::explain

// Every alternative is relocatable (Qt's shared types, scalars), so QList may move
// values with memmove when it grows or inserts.
Q_DECLARE_TYPEINFO(pgdeck::explain::PlanValue, Q_RELOCATABLE_TYPE);
