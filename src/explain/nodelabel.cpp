#include "nodelabel.h"

#include "keys.h"
#include "scan.h"

namespace pgdeck::explain {

namespace {

// How the text after " on " names its target, per node type.
enum class Target { Relation, Function, TableFunction, Cte, Tuplestore, AliasOnly };

struct ScanType
{
    QLatin1String text; // as printed, and PostgreSQL's "Node Type"
    Target target;
};

// Longest names first so "Index Only Scan" wins over "Index Scan".
constexpr ScanType kScans[] = {
    {QLatin1String("Named Tuplestore Scan"), Target::Tuplestore},
    {QLatin1String("Table Function Scan"), Target::TableFunction},
    {QLatin1String("Bitmap Index Scan"), Target::Relation},
    {QLatin1String("Bitmap Heap Scan"), Target::Relation},
    {QLatin1String("Index Only Scan"), Target::Relation},
    {QLatin1String("Tid Range Scan"), Target::Relation},
    {QLatin1String("Function Scan"), Target::Function},
    {QLatin1String("Subquery Scan"), Target::AliasOnly},
    {QLatin1String("WorkTable Scan"), Target::Cte},
    {QLatin1String("Foreign Scan"), Target::Relation},
    {QLatin1String("Sample Scan"), Target::Relation},
    {QLatin1String("Values Scan"), Target::AliasOnly},
    {QLatin1String("Index Scan"), Target::Relation},
    {QLatin1String("Seq Scan"), Target::Relation},
    {QLatin1String("Tid Scan"), Target::Relation},
    {QLatin1String("CTE Scan"), Target::Cte},
};

// Nodes printed by name alone (or name + " on target" for the few that have one).
constexpr QLatin1String kPlain[] = {
    QLatin1String("Result"), QLatin1String("ProjectSet"), QLatin1String("Append"), QLatin1String("Merge Append"),
    QLatin1String("Recursive Union"), QLatin1String("BitmapAnd"), QLatin1String("BitmapOr"), QLatin1String("Gather Merge"),
    QLatin1String("Gather"), QLatin1String("Materialize"), QLatin1String("Memoize"), QLatin1String("Result Cache"),
    QLatin1String("Incremental Sort"), QLatin1String("Sort"), QLatin1String("Group"), QLatin1String("WindowAgg"),
    QLatin1String("Unique"), QLatin1String("LockRows"), QLatin1String("Limit"), QLatin1String("Hash"),
    QLatin1String("Custom Scan"), QLatin1String("Window Aggregate"),
};

constexpr QLatin1String kJoinTypes[] = {QLatin1String("Right Semi"), QLatin1String("Right Anti"), QLatin1String("Left"),
                                        QLatin1String("Right"), QLatin1String("Full"), QLatin1String("Semi"), QLatin1String("Anti")};

// One shared QString per name, so a plan's nodes do not each allocate their "Node Type".
template<size_t N>
std::vector<QString> toStrings(const QLatin1String (&names)[N])
{
    return std::vector<QString>(std::begin(names), std::end(names));
}

const QString &sharedPlain(size_t i)
{
    static const std::vector<QString> strings = toStrings(kPlain);
    return strings[i];
}

const QString &sharedJoinType(size_t i)
{
    static const std::vector<QString> strings = toStrings(kJoinTypes);
    return strings[i];
}

const QString &sharedScanName(size_t i)
{
    static const std::vector<QString> strings = [] {
        std::vector<QString> v;
        for (const ScanType &st : kScans)
            v.push_back(QString(st.text));
        return v;
    }();
    return strings[i];
}

bool takePrefix(QStringView &s, QLatin1String prefix)
{
    if (scan::startsWith(s, prefix)) {
        s = s.mid(prefix.size());
        return true;
    }
    return false;
}

bool startsWithWord(QStringView s, QLatin1String word)
{
    return scan::startsWith(s, word) && (s.size() == word.size() || s.at(word.size()) == QLatin1Char(' '));
}

void addTarget(QList<Property> &out, QStringView text, Target kind)
{
    const QStringView trimmed = scan::trimmed(text);
    QString name, schema, alias;
    if (!trimmed.contains(QLatin1Char('"'))) {
        // The usual unquoted "[schema.]name [alias]": read in place, the alias sharing
        // the name's string when they are the same.
        const qsizetype space = trimmed.indexOf(QLatin1Char(' '));
        const QStringView first = space < 0 ? trimmed : trimmed.first(space);
        QStringView aliasText;
        if (space >= 0) {
            const QStringView rest = scan::trimmed(trimmed.sliced(space + 1));
            const qsizetype next = rest.indexOf(QLatin1Char(' '));
            aliasText = next < 0 ? rest : rest.first(next);
        }
        QStringView last, beforeLast;
        for (QStringView part : first.tokenize(QLatin1Char('.'), Qt::SkipEmptyParts)) {
            beforeLast = last;
            last = part;
        }
        name = last.toString();
        if (!beforeLast.isEmpty())
            schema = beforeLast.toString();
        if (!aliasText.isEmpty())
            alias = aliasText == last ? name : aliasText.toString();
    } else {
        const QStringList parts = NodeLabel::splitIdentifiers(trimmed, QLatin1Char(' '));
        if (parts.isEmpty())
            return;
        const QStringList qualified = NodeLabel::splitIdentifiers(QStringView(parts.first()), QLatin1Char('.'));
        // splitIdentifiers unquotes; the first part was kept quoted for the dot split.
        name = qualified.isEmpty() ? QString() : qualified.last();
        schema = qualified.size() >= 2 ? qualified.at(qualified.size() - 2) : QString();
        alias = parts.size() >= 2 ? NodeLabel::unquote(parts.at(1)) : QString();
    }
    switch (kind) {
    case Target::Relation:
        out.push_back({keys::RelationName, PlanValue(name)});
        break;
    case Target::Function:
        out.push_back({keys::FunctionName, PlanValue(name)});
        break;
    case Target::TableFunction:
        out.push_back({keys::TableFunctionName, PlanValue(name)});
        break;
    case Target::Cte:
        out.push_back({keys::CteName, PlanValue(name)});
        break;
    case Target::Tuplestore:
        out.push_back({keys::TuplestoreName, PlanValue(name)});
        break;
    case Target::AliasOnly:
        // The printed name is the alias itself.
        out.push_back({keys::Alias, PlanValue(name)});
        return;
    }
    if (!schema.isEmpty())
        out.push_back({keys::Schema, PlanValue(schema)});
    out.push_back({keys::Alias, PlanValue(alias.isEmpty() ? name : alias)});
}

void addFlags(QList<Property> &out, bool parallel, bool async)
{
    out.push_back({keys::ParallelAware, PlanValue(parallel)});
    out.push_back({keys::AsyncCapable, PlanValue(async)});
}

} // namespace

QString NodeLabel::unquote(QStringView ident)
{
    if (ident.size() >= 2 && ident.front() == QLatin1Char('"') && ident.back() == QLatin1Char('"')) {
        QString s = ident.mid(1, ident.size() - 2).toString();
        s.replace(QLatin1String("\"\""), QLatin1String("\""));
        return s;
    }
    return ident.toString();
}

QStringList NodeLabel::splitIdentifiers(QStringView text, QChar separator)
{
    QStringList out;
    bool quoted = false;
    qsizetype start = 0;
    auto take = [&](qsizetype end) {
        if (end > start)
            out << (separator == QLatin1Char('.') ? unquote(text.sliced(start, end - start)) : text.sliced(start, end - start).toString());
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        else if (c == separator && !quoted) {
            take(i);
            start = i + 1;
        }
    }
    take(text.size());
    return out;
}

bool NodeLabel::isKnown(QStringView label)
{
    bool recognized = false;
    parse(label, &recognized);
    return recognized;
}

QList<Property> NodeLabel::parse(QStringView label, bool *recognized)
{
    QList<Property> out;
    parse(label, out, recognized);
    return out;
}

void NodeLabel::parse(QStringView label, QList<Property> &out, bool *recognized)
{
    QStringView s = scan::trimmed(label);
    bool parallel = false, async = false;
    for (bool again = true; again;) {
        again = false;
        if (takePrefix(s, QLatin1String("Parallel "))) {
            parallel = again = true;
        }
        if (takePrefix(s, QLatin1String("Async "))) {
            async = again = true;
        }
    }
    if (recognized)
        *recognized = true;

    // Custom Scan (Provider) [on target]
    if (takePrefix(s, QLatin1String("Custom Scan ("))) {
        const qsizetype close = s.indexOf(QLatin1Char(')'));
        const QStringView provider = close < 0 ? s : s.first(close);
        out.push_back({keys::NodeType, PlanValue(QStringLiteral("Custom Scan"))});
        out.push_back({keys::CustomPlanProvider, PlanValue(provider.toString())});
        addFlags(out, parallel, async);
        QStringView rest = close < 0 ? QStringView() : s.mid(close + 1).trimmed();
        if (takePrefix(rest, QLatin1String("on ")))
            addTarget(out, rest, Target::Relation);
        return;
    }

    // Aggregates: [Partial |Finalize ](Aggregate|GroupAggregate|HashAggregate|MixedAggregate)
    {
        QStringView t = s;
        QString partial = QStringLiteral("Simple");
        if (takePrefix(t, QLatin1String("Partial ")))
            partial = QStringLiteral("Partial");
        else if (takePrefix(t, QLatin1String("Finalize ")))
            partial = QStringLiteral("Finalize");
        const char *strategy = nullptr;
        if (t == QLatin1String("Aggregate"))
            strategy = "Plain";
        else if (t == QLatin1String("GroupAggregate"))
            strategy = "Sorted";
        else if (t == QLatin1String("HashAggregate"))
            strategy = "Hashed";
        else if (t == QLatin1String("MixedAggregate"))
            strategy = "Mixed";
        if (strategy) {
            out.push_back({keys::NodeType, PlanValue(QStringLiteral("Aggregate"))});
            out.push_back({keys::Strategy, PlanValue(QString::fromLatin1(strategy))});
            out.push_back({keys::PartialMode, PlanValue(partial)});
            addFlags(out, parallel, async);
            return;
        }
    }

    // SetOp / HashSetOp <command>
    if (startsWithWord(s, QLatin1String("SetOp")) || startsWithWord(s, QLatin1String("HashSetOp"))) {
        const bool hashed = scan::startsWith(s, QLatin1String("Hash"));
        QStringView cmd = s.mid(hashed ? 9 : 5).trimmed();
        out.push_back({keys::NodeType, PlanValue(QStringLiteral("SetOp"))});
        out.push_back({keys::Strategy, PlanValue(hashed ? QStringLiteral("Hashed") : QStringLiteral("Sorted"))});
        addFlags(out, parallel, async);
        if (!cmd.isEmpty())
            out.push_back({keys::Command, PlanValue(cmd.toString())});
        return;
    }

    // ModifyTable: Insert|Update|Delete|Merge on target; foreign ones are Foreign Scans.
    {
        QStringView t = s;
        const bool foreign = takePrefix(t, QLatin1String("Foreign "));
        for (const char *op : {"Insert", "Update", "Delete", "Merge"}) {
            const QLatin1String word(op);
            if (t.startsWith(word) && (t.size() == word.size() || t.mid(word.size()).startsWith(QLatin1String(" on ")))) {
                out.push_back({keys::NodeType, PlanValue(foreign ? QStringLiteral("Foreign Scan") : QStringLiteral("ModifyTable"))});
                out.push_back({keys::Operation, PlanValue(QString::fromLatin1(op))});
                addFlags(out, parallel, async);
                if (t.size() > word.size())
                    addTarget(out, t.mid(word.size() + 4), Target::Relation);
                return;
            }
        }
    }

    // Joins: "Nested Loop", "Hash Join", "Merge Left Join", "Nested Loop Right Anti Join" …
    for (const QLatin1String b : {QLatin1String("Nested Loop"), QLatin1String("Hash"), QLatin1String("Merge")}) {
        if (!scan::startsWith(s, b))
            continue;
        QStringView rest = s.mid(b.size());
        const bool nestLoop = b == QLatin1String("Nested Loop");
        if (nestLoop && rest.isEmpty()) {
            out.push_back({keys::NodeType, PlanValue(QStringLiteral("Nested Loop"))});
            addFlags(out, parallel, async);
            out.push_back({keys::JoinType, PlanValue(QStringLiteral("Inner"))});
            return;
        }
        if (!rest.startsWith(QLatin1Char(' ')))
            continue;
        rest = rest.mid(1);
        QString joinType = QStringLiteral("Inner");
        for (size_t k = 0; k < std::size(kJoinTypes); ++k) {
            const QLatin1String j = kJoinTypes[k];
            if (scan::startsWith(rest, j) && scan::startsWith(rest.mid(j.size()), QLatin1String(" Join"))) {
                joinType = sharedJoinType(k);
                rest = rest.mid(j.size() + 1);
                break;
            }
        }
        if (rest != QLatin1String("Join"))
            continue;
        out.push_back({keys::NodeType, PlanValue(nestLoop ? QStringLiteral("Nested Loop") : QString(b) + QStringLiteral(" Join"))});
        addFlags(out, parallel, async);
        out.push_back({keys::JoinType, PlanValue(joinType)});
        return;
    }

    // Scans.
    for (size_t k = 0; k < std::size(kScans); ++k) {
        const ScanType &st = kScans[k];
        const QLatin1String name = st.text;
        if (!scan::startsWith(s, name))
            continue;
        QStringView rest = s.mid(name.size());
        if (!rest.isEmpty() && rest.front() != QLatin1Char(' '))
            continue;
        rest = scan::trimmed(rest);
        out.push_back({keys::NodeType, PlanValue(sharedScanName(k))});
        addFlags(out, parallel, async);
        const bool indexScan = name == QLatin1String("Index Scan") || name == QLatin1String("Index Only Scan");
        if (indexScan) {
            const bool backward = takePrefix(rest, QLatin1String("Backward"));
            rest = scan::trimmed(rest);
            out.push_back({keys::ScanDirection, PlanValue(backward ? QStringLiteral("Backward") : QStringLiteral("Forward"))});
            if (takePrefix(rest, QLatin1String("using "))) {
                // The index name may be quoted and contain " on ": split honouring quotes.
                const QStringList words = splitIdentifiers(rest, QLatin1Char(' '));
                if (!words.isEmpty()) {
                    out.push_back({keys::IndexName, PlanValue(unquote(words.first()))});
                    qsizetype pos = rest.indexOf(words.first()) + words.first().size();
                    rest = rest.mid(pos).trimmed();
                }
            }
        }
        if (name == QLatin1String("Bitmap Index Scan")) {
            if (takePrefix(rest, QLatin1String("on ")))
                out.push_back({keys::IndexName, PlanValue(unquote(scan::trimmed(rest)))});
            return;
        }
        if (takePrefix(rest, QLatin1String("on ")))
            addTarget(out, rest, st.target);
        else if (!rest.isEmpty() && !rest.front().isUpper() && !rest.contains(QLatin1Char(':')))
            addTarget(out, rest, st.target); // servers before 9.0: "Subquery Scan alias"
        else if (!rest.isEmpty() && recognized)
            *recognized = false;
        return;
    }

    for (size_t k = 0; k < std::size(kPlain); ++k) {
        const QLatin1String p = kPlain[k];
        if (s == p || (scan::startsWith(s, p) && scan::startsWith(s.mid(p.size()), QLatin1String(" on ")))) {
            // PostgreSQL 14 named Memoize "Result Cache".
            const QString &type = p == QLatin1String("Result Cache") ? sharedPlain(10) : sharedPlain(k);
            out.push_back({keys::NodeType, PlanValue(type)});
            addFlags(out, parallel, async);
            if (s.size() > p.size())
                addTarget(out, s.mid(p.size() + 4), Target::Relation);
            return;
        }
    }

    if (recognized)
        *recognized = false;
    out.push_back({keys::NodeType, PlanValue(s.toString())});
    addFlags(out, parallel, async);
}

} // namespace pgdeck::explain
