#include "conditioncolumns.h"

#include "pgquery.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace pgdeck::sql {

namespace {

using Test = ColumnUse::Test;

struct Walker
{
    QList<ColumnUse> out;

    static QStringList columnRefFields(const QJsonObject &columnRef)
    {
        QStringList parts;
        for (const QJsonValue &f : columnRef.value(QLatin1String("fields")).toArray()) {
            const QJsonObject fo = f.toObject();
            if (fo.contains(QLatin1String("String")))
                parts << fo.value(QLatin1String("String")).toObject().value(QLatin1String("sval")).toString();
            else
                parts << QStringLiteral("*");
        }
        return parts;
    }

    // A plain column, possibly behind casts: (kind)::text
    static bool plainColumn(const QJsonObject &node, QStringList *fields)
    {
        QJsonObject cur = node;
        for (int guard = 0; guard < 16; ++guard) {
            const QString name = detail::nodeName(cur);
            if (name == QLatin1String("ColumnRef")) {
                *fields = columnRefFields(cur.value(name).toObject());
                return !fields->isEmpty() && fields->last() != QLatin1String("*");
            }
            if (name == QLatin1String("TypeCast") || name == QLatin1String("CollateClause")) {
                cur = cur.value(name).toObject().value(QLatin1String("arg")).toObject();
                continue;
            }
            return false;
        }
        return false;
    }

    // Does the expression depend on the row (contain a column)?
    static bool hasColumn(const QJsonValue &v)
    {
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            if (o.contains(QLatin1String("ColumnRef")))
                return true;
            for (auto it = o.begin(); it != o.end(); ++it)
                if (hasColumn(it.value()))
                    return true;
        } else if (v.isArray()) {
            for (const QJsonValue &e : v.toArray())
                if (hasColumn(e))
                    return true;
        }
        return false;
    }

    void add(const QStringList &fields, Test test, bool indexable, bool underOr)
    {
        ColumnUse u;
        u.column = fields.last();
        if (fields.size() >= 2)
            u.qualifier = fields.at(fields.size() - 2);
        u.test = test;
        u.indexable = indexable && !underOr;
        u.underOr = underOr;
        out.push_back(u);
    }

    // Every column inside an expression we do not understand as an indexable test.
    void collectOther(const QJsonValue &v, bool underOr)
    {
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            if (o.contains(QLatin1String("ColumnRef"))) {
                const QStringList f = columnRefFields(o.value(QLatin1String("ColumnRef")).toObject());
                if (!f.isEmpty() && f.last() != QLatin1String("*"))
                    add(f, Test::Other, false, underOr);
                return;
            }
            for (auto it = o.begin(); it != o.end(); ++it)
                collectOther(it.value(), underOr);
        } else if (v.isArray()) {
            for (const QJsonValue &e : v.toArray())
                collectOther(e, underOr);
        }
    }

    static Test testForOperator(const QString &op)
    {
        if (op == QLatin1String("="))
            return Test::Equality;
        if (op == QLatin1String("<") || op == QLatin1String("<=") || op == QLatin1String(">") || op == QLatin1String(">="))
            return Test::Range;
        if (op == QLatin1String("~~") || op == QLatin1String("~~*"))
            return Test::Pattern;
        return Test::Other;
    }

    void walk(const QJsonObject &node, bool underOr)
    {
        const QString name = detail::nodeName(node);
        const QJsonObject body = node.value(name).toObject();
        if (name == QLatin1String("BoolExpr")) {
            const QString op = body.value(QLatin1String("boolop")).toString();
            const bool orHere = op == QLatin1String("OR_EXPR") || op == QLatin1String("NOT_EXPR");
            for (const QJsonValue &a : body.value(QLatin1String("args")).toArray())
                walk(a.toObject(), underOr || orHere);
            return;
        }
        if (name == QLatin1String("A_Expr")) {
            const QString kind = body.value(QLatin1String("kind")).toString();
            const QJsonArray nameParts = body.value(QLatin1String("name")).toArray();
            const QString op = nameParts.isEmpty() ? QString()
                : nameParts.last().toObject().value(QLatin1String("String")).toObject().value(QLatin1String("sval")).toString();
            const QJsonObject l = body.value(QLatin1String("lexpr")).toObject();
            const QJsonValue r = body.value(QLatin1String("rexpr"));
            QStringList fields;
            Test test = Test::Other;
            if (kind == QLatin1String("AEXPR_OP"))
                test = testForOperator(op);
            else if (kind == QLatin1String("AEXPR_IN") || kind == QLatin1String("AEXPR_OP_ANY"))
                test = op == QLatin1String("=") ? Test::Equality : Test::Other;
            else if (kind == QLatin1String("AEXPR_LIKE") || kind == QLatin1String("AEXPR_ILIKE"))
                test = Test::Pattern;
            else if (kind.startsWith(QLatin1String("AEXPR_BETWEEN")))
                test = kind == QLatin1String("AEXPR_BETWEEN") ? Test::Range : Test::Other;
            if (test != Test::Other && plainColumn(l, &fields) && !hasColumn(r)) {
                add(fields, test, true, underOr);
                return;
            }
            // "const = col": the same test, mirrored.
            if (test != Test::Other && r.isObject() && plainColumn(r.toObject(), &fields) && !hasColumn(l)
                && kind == QLatin1String("AEXPR_OP")) {
                add(fields, test, true, underOr);
                return;
            }
            collectOther(QJsonValue(node), underOr);
            return;
        }
        if (name == QLatin1String("NullTest")) {
            QStringList fields;
            if (plainColumn(body.value(QLatin1String("arg")).toObject(), &fields)) {
                add(fields, Test::Null, true, underOr);
                return;
            }
        }
        if (name == QLatin1String("ColumnRef") || name == QLatin1String("TypeCast")) {
            // A bare boolean column: "WHERE active"
            QStringList fields;
            if (plainColumn(node, &fields)) {
                add(fields, Test::Equality, true, underOr);
                return;
            }
        }
        collectOther(QJsonValue(node), underOr);
    }
};

QString neutralise(QString cond)
{
    // Plan-only notation the SQL grammar does not know.
    static const QRegularExpression subplan(QStringLiteral(R"(\(\s*(?:hashed\s+)?(?:SubPlan|InitPlan)\s+\d+\s*\)(?:\.\w+)?)"));
    static const QRegularExpression hashedBare(QStringLiteral(R"((?:hashed\s+)?SubPlan\s+\d+)"));
    static const QRegularExpression initRef(QStringLiteral(R"(\(InitPlan\s+\d+\)\.\w+)"));
    static const QRegularExpression anyRows(QStringLiteral(R"(ANY\s*\(\s*\w+\s*=\s*\((?:hashed\s+)?SubPlan[^)]*\)\.col\d+\))"));
    cond.replace(anyRows, QStringLiteral("NULL"));
    cond.replace(initRef, QStringLiteral("NULL"));
    cond.replace(subplan, QStringLiteral("NULL"));
    cond.replace(hashedBare, QStringLiteral("NULL"));
    return cond;
}

} // namespace

core::Result<QList<ColumnUse>> ConditionColumns::extract(const QString &condition)
{
    const QString cond = neutralise(condition.trimmed());
    if (cond.isEmpty())
        return QList<ColumnUse>{};
    auto parsed = detail::parseToJson(QStringLiteral("SELECT 1 WHERE %1").arg(cond).toUtf8());
    if (!parsed.ok())
        return core::Error::make(core::Error::Kind::Input,
                                 QStringLiteral("cannot read the condition: %1").arg(parsed.error().message));
    const QJsonArray stmts = parsed->value(QLatin1String("stmts")).toArray();
    if (stmts.size() != 1)
        return core::Error::make(core::Error::Kind::Input, QStringLiteral("cannot read the condition: not a single expression"));
    const QJsonObject select =
        stmts.at(0).toObject().value(QLatin1String("stmt")).toObject().value(QLatin1String("SelectStmt")).toObject();
    if (!select.contains(QLatin1String("whereClause")))
        return core::Error::make(core::Error::Kind::Input, QStringLiteral("cannot read the condition: not a single expression"));
    Walker w;
    w.walk(select.value(QLatin1String("whereClause")).toObject(), false);
    return w.out;
}

QStringList ConditionColumns::indexColumns(const QList<ColumnUse> &uses)
{
    QStringList eq, range;
    for (const ColumnUse &u : uses) {
        if (!u.indexable)
            continue;
        if (u.test == Test::Equality || u.test == Test::Null) {
            if (!eq.contains(u.column))
                eq << u.column;
        } else if (u.test == Test::Range || u.test == Test::Pattern) {
            if (!range.contains(u.column))
                range << u.column;
        }
    }
    for (const QString &r : range) {
        if (!eq.contains(r)) {
            eq << r; // one range column after the equality ones
            break;
        }
    }
    return eq;
}

} // namespace pgdeck::sql
