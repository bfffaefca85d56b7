#include "textplanparser.h"

#include "keys.h"
#include "scan.h"
#include "nodelabel.h"
#include "textproperty.h"

#include <QRegularExpression>
#include <QJsonArray>
#include <QJsonObject>

#include <array>
#include <deque>
#include <map>

namespace pgdeck::explain {

namespace {

struct Line
{
    QStringView text;
    int number = 0;
};

struct WorkerBuild
{
    qint64 number = 0;
    QList<Property> props;
};

struct NodeBuild
{
    QList<Property> head;           // the label's keys, then the actual figures
    std::array<Property, 4> estimates; // Startup Cost, Total Cost, Plan Rows, Plan Width
    int estimateCount = 0;
    qsizetype labelEnd = 0;         // where the label's keys end in `head`
    QList<Property> rest;           // the property lines
    std::vector<WorkerBuild> workers;
    QJsonArray targetTables;
    QList<std::pair<QString, QStringList>> groupingKeys;
    int groupingAt = -1; // index in `rest` where the grouping keys go
    QString relationship, subplanName;
    QString nodeType, strategy;
    int labelCol = 0;
    int line = 0;
    int parent = -1;
    std::vector<int> children;
    bool neverExecuted = false;
    bool hasActuals = false;
};

enum class FrameKind { Node, Worker, Group };

struct Frame
{
    FrameKind kind;
    int col;
    int node = -1;
    int worker = -1;
    QString group;
};

int indentOf(QStringView s)
{
    int n = 0;
    while (n < s.size() && s.at(n) == QLatin1Char(' '))
        ++n;
    return n;
}

bool isKeyChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char(' ') || c == QLatin1Char('-') || c == QLatin1Char('/') || c == QLatin1Char('_');
}

// "Key: value" with a key PostgreSQL could print (capitalised words).
bool splitKey(QStringView t, QStringView *key, QStringView *value)
{
    const qsizetype colon = t.indexOf(QLatin1Char(':'));
    if (colon <= 0 || colon > 60)
        return false;
    const QStringView k = t.first(colon);
    if (!k.front().isUpper() || k.back() == QLatin1Char(' '))
        return false;
    for (QChar c : k)
        if (!isKeyChar(c))
            return false;
    *key = k;
    *value = t.mid(colon + 1);
    return true;
}

// Balance of round brackets outside quotes; > 0 means the line was cut.
int openParens(QStringView s)
{
    // Nothing to count before the first bracket or quote (most lines have none).
    qsizetype from = s.size();
    for (QChar m : {QChar(u'('), QChar(u')'), QChar(u'\''), QChar(u'"')}) {
        const qsizetype at = s.first(from).indexOf(m);
        if (at >= 0)
            from = at;
    }
    int depth = 0;
    bool single = false, dbl = false;
    for (QChar c : s.sliced(from)) {
        if (single) {
            if (c == QLatin1Char('\''))
                single = false;
            continue;
        }
        if (dbl) {
            if (c == QLatin1Char('"'))
                dbl = false;
            continue;
        }
        if (c == QLatin1Char('\''))
            single = true;
        else if (c == QLatin1Char('"'))
            dbl = true;
        else if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')'))
            --depth;
    }
    return depth;
}

// Where the figures start: the first "(cost=", "(actual …" or "(never executed)".
qsizetype groupStart(QStringView content)
{
    for (qsizetype at = content.indexOf(QLatin1Char('(')); at >= 0; at = content.indexOf(QLatin1Char('('), at + 1)) {
        const QStringView r = content.mid(at + 1);
        if (scan::startsWith(r, QLatin1String("cost=")) || scan::startsWith(r, QLatin1String("actual ")) || scan::startsWith(r, QLatin1String("actual="))
            || scan::startsWith(r, QLatin1String("never executed)")))
            return at;
    }
    return -1;
}

bool isSubplanHeader(QStringView t)
{
    if (scan::startsWith(t, QLatin1String("CTE ")))
        return !t.contains(QLatin1String("(cost=")) && !t.contains(QLatin1Char(':'));
    QStringView rest;
    if (scan::startsWith(t, QLatin1String("InitPlan")))
        rest = t.mid(8);
    else if (scan::startsWith(t, QLatin1String("SubPlan")))
        rest = t.mid(7);
    else
        return false;
    rest = scan::trimmed(rest);
    qsizetype i = 0;
    while (i < rest.size() && rest.at(i).isDigit())
        ++i;
    rest = rest.mid(i).trimmed();
    return rest.isEmpty() || (scan::startsWith(rest, QLatin1String("(returns ")) && rest.endsWith(QLatin1Char(')')));
}

bool isWorkerLine(QStringView t, qint64 *number, QStringView *rest)
{
    if (!scan::startsWith(t, QLatin1String("Worker ")))
        return false;
    qsizetype i = 7;
    while (i < t.size() && t.at(i).isDigit())
        ++i;
    if (i == 7 || i >= t.size() || t.at(i) != QLatin1Char(':'))
        return false;
    *number = t.mid(7, i - 7).toLongLong();
    *rest = t.mid(i + 1).trimmed();
    return true;
}

bool isTargetTableLine(QStringView t)
{
    if (t.isEmpty() || !QStringView(u"IUDMF").contains(t.front()))
        return false;
    for (const char *op : {"Insert on ", "Update on ", "Delete on ", "Merge on ", "Foreign Insert on ", "Foreign Update on ",
                           "Foreign Delete on "})
        if (scan::startsWith(t, QLatin1String(op)))
            return groupStart(t) < 0;
    return false;
}

enum class TopKey { None, PlanningTime, ExecutionTime, TotalRuntime, QueryIdentifier, Settings, Planning, Jit, Serialization, QueryText };

TopKey topKey(QStringView key)
{
    if (key.isEmpty() || !QStringView(u"PETQSJ").contains(key.front().toUpper()))
        return TopKey::None;
    if (key.compare(QLatin1String("Planning Time"), Qt::CaseInsensitive) == 0)
        return TopKey::PlanningTime;
    if (key.compare(QLatin1String("Execution Time"), Qt::CaseInsensitive) == 0)
        return TopKey::ExecutionTime;
    if (key.compare(QLatin1String("Total runtime"), Qt::CaseInsensitive) == 0)
        return TopKey::TotalRuntime;
    if (key == QLatin1String("Query Identifier"))
        return TopKey::QueryIdentifier;
    if (key == QLatin1String("Settings"))
        return TopKey::Settings;
    if (key == QLatin1String("Planning"))
        return TopKey::Planning;
    if (key == QLatin1String("JIT"))
        return TopKey::Jit;
    if (key == QLatin1String("Serialization"))
        return TopKey::Serialization;
    if (key == QLatin1String("Query Text"))
        return TopKey::QueryText;
    return TopKey::None;
}

// "a = '1', b = 'x, y'" -> {"a": "1", "b": "x, y"}
QJsonObject parseSettings(QStringView value)
{
    QJsonObject o;
    qsizetype i = 0;
    const qsizetype n = value.size();
    while (i < n) {
        while (i < n && (value.at(i) == QLatin1Char(' ') || value.at(i) == QLatin1Char(',')))
            ++i;
        const qsizetype eq = value.indexOf(QLatin1String(" = "), i);
        if (eq < 0)
            break;
        const QString name = value.mid(i, eq - i).trimmed().toString();
        i = eq + 3;
        QString v;
        if (i < n && value.at(i) == QLatin1Char('\'')) {
            ++i;
            while (i < n) {
                if (value.at(i) == QLatin1Char('\'')) {
                    if (i + 1 < n && value.at(i + 1) == QLatin1Char('\'')) {
                        v += QLatin1Char('\'');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                v += value.at(i++);
            }
        } else {
            const qsizetype comma = value.indexOf(QLatin1String(", "), i);
            const qsizetype end = comma < 0 ? n : comma;
            v = value.mid(i, end - i).toString();
            i = end;
        }
        o.insert(name, v);
    }
    return o;
}

// "Trigger for constraint fk on t: time=0.1 calls=2" / "Trigger trg: calls=3"
bool parseTrigger(QStringView t, QJsonObject *out)
{
    if (!scan::startsWith(t, QLatin1String("Trigger ")))
        return false;
    const qsizetype colon = t.lastIndexOf(QLatin1String(": "));
    if (colon < 0)
        return false;
    QStringView head = t.mid(8, colon - 8).trimmed();
    const QStringView figures = t.mid(colon + 2);
    if (!figures.contains(QLatin1String("calls=")))
        return false;
    QJsonObject o;
    bool constraint = false;
    if (scan::startsWith(head, QLatin1String("for constraint "))) {
        head = head.mid(15);
        constraint = true;
    }
    QString name = head.toString(), relation;
    const QStringList words = NodeLabel::splitIdentifiers(head, QLatin1Char(' '));
    if (words.size() >= 3 && words.at(words.size() - 2) == QLatin1String("on")) {
        name = NodeLabel::unquote(words.first());
        relation = NodeLabel::unquote(words.last());
    } else if (!words.isEmpty()) {
        name = NodeLabel::unquote(words.first());
    }
    if (constraint)
        o.insert(QStringLiteral("Constraint Name"), name);
    else
        o.insert(QStringLiteral("Trigger Name"), name);
    if (!relation.isEmpty())
        o.insert(QStringLiteral("Relation"), relation);
    for (const QString &w : figures.toString().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const qsizetype eq = w.indexOf(QLatin1Char('='));
        PlanValue n;
        if (eq < 0 || !TextProperty::toNumber(QStringView(w).mid(eq + 1), &n))
            return false;
        o.insert(w.left(eq) == QLatin1String("time") ? QStringLiteral("Time") : QStringLiteral("Calls"), n.toJson());
    }
    *out = o;
    return true;
}

QJsonObject toObject(const QList<Property> &props)
{
    QJsonObject o;
    for (const Property &p : props)
        o.insert(p.key, p.value.toJson());
    return o;
}

// One bit of a 64-bit filter per key: a key whose bit is not set is not in the list,
// so the many "has it this key?" checks of a node with 25 keys rarely compare strings.
quint64 keyBit(const QString &k)
{
    const quint64 h = k.isEmpty() ? 0 : quint64(k.size()) * 7 + k.front().unicode() * 3 + k.back().unicode();
    return quint64(1) << (h % 64);
}

// A node's keys with that filter in front.
class KeyList
{
public:
    explicit KeyList(QList<Property> &l) : list(l)
    {
        for (const Property &p : list)
            m_mask |= keyBit(p.key);
    }

    bool has(const QString &key) const
    {
        if (!(m_mask & keyBit(key)))
            return false;
        for (const Property &p : list)
            if (keys::same(p.key, key))
                return true;
        return false;
    }
    void push(Property p)
    {
        m_mask |= keyBit(p.key);
        list.push_back(std::move(p));
    }
    void insert(qsizetype i, Property p)
    {
        m_mask |= keyBit(p.key);
        list.insert(i, std::move(p));
    }
    void prepend(Property p) { insert(0, std::move(p)); }
    void ensure(const QString &key, PlanValue v)
    {
        if (!has(key))
            push({key, std::move(v)});
    }
    // After `after`, or first when the node has no such key.
    void insertAfter(const QString &after, Property p)
    {
        for (qsizetype i = 0; i < list.size(); ++i)
            if (keys::same(list.at(i).key, after)) {
                insert(i + 1, std::move(p));
                return;
            }
        prepend(std::move(p));
    }

    QList<Property> &list;

private:
    quint64 m_mask = 0;
};

class Parser
{
public:
    explicit Parser(const SourceCleaner &src) : m_src(src) {}

    core::Result<Plan> run()
    {
        const auto &all = m_src.lines();
        // The plan starts at the first line that reads as a node.
        size_t start = all.size();
        for (size_t i = 0; i < all.size(); ++i) {
            QStringView t = all[i].text.trimmed();
            if (scan::startsWith(t, QLatin1String("->")))
                t = t.mid(2).trimmed();
            if (t.isEmpty())
                continue;
            const qsizetype g = groupStart(t);
            if ((g > 0 && t.front().isUpper()) || (g < 0 && NodeLabel::isKnown(t))) {
                start = i;
                break;
            }
        }
        if (start == all.size()) {
            int first = 0;
            for (const SourceLine &l : all)
                if (!l.text.trimmed().isEmpty()) {
                    first = l.number;
                    break;
                }
            if (first == 0)
                return fail(0, QStringLiteral("the input is empty"));
            return fail(first, QStringLiteral("no plan node found: expected a line like "
                                              "'Seq Scan on t  (cost=0.00..1.01 rows=1 width=4)'"));
        }
        for (size_t i = start; i < all.size(); ++i) {
            const QStringView t = all[i].text;
            m_hasCosts = m_hasCosts || t.contains(QLatin1String("(cost="));
            m_hasActuals = m_hasActuals || t.contains(QLatin1String("(actual")) || t.contains(QLatin1String("never executed"));
            m_timed = m_timed || t.contains(QLatin1String("actual time="));
        }
        joinWrapped(start);
        m_nodes.reserve(m_arrowLines + 1);
        if (!m_src.queryText().isEmpty())
            m_top.push_back({keys::QueryText, PlanValue(m_src.queryText())});

        for (size_t i = 0; i < m_lines.size() && !m_ended; ++i) {
            if (!handle(m_lines[i]))
                return fail(m_errorLine, m_error);
        }
        return build();
    }

private:
    const SourceCleaner &m_src;
    std::vector<Line> m_lines;
    std::deque<QString> m_storage;
    std::vector<NodeBuild> m_nodes;
    std::vector<Frame> m_stack;
    QList<Property> m_top;
    std::map<QString, QList<Property>> m_groups; // Planning, JIT, Serialization
    QJsonArray m_triggers;
    int m_triggersAt = -1;
    QStringList m_warnings;
    struct Pending
    {
        QString name;
        int parent = -1;
        int col = 0;
    } m_pending;
    bool m_hasCosts = false, m_hasActuals = false, m_timed = false, m_ended = false;
    size_t m_arrowLines = 0; // "->" lines: about as many nodes
    bool m_verbose = false, m_buffers = false, m_wal = false, m_walBuffersFull = false;
    int m_ioShape = 0; // 0 none, 14 read/write, 15 shared/local + temp, 17 shared/local/temp split
    QString m_error;
    int m_errorLine = 0;

    core::Error makeError(int line, const QString &what) const
    {
        return core::Error::make(core::Error::Kind::Input,
                                 line > 0 ? QStringLiteral("line %1: %2").arg(line).arg(what) : what);
    }
    core::Result<Plan> fail(int line, const QString &what) const { return makeError(line, what); }
    bool error(int line, const QString &what)
    {
        m_errorLine = line;
        m_error = what;
        return false;
    }

    // Lines a terminal or mail client cut are glued back: a line continues the previous
    // one when that one is unfinished (unbalanced brackets, a node missing the figures
    // the others have) or when it cannot start a plan line itself.
    void joinWrapped(size_t start)
    {
        const auto &all = m_src.lines();
        const int rootIndent = indentOf(all[start].text);
        // The current line is a view into the source until a continuation is glued on.
        QStringView current;
        QString joined;
        bool isJoined = false;
        int currentNumber = 0;
        bool open = false;
        m_lines.reserve(all.size() - start);
        auto flush = [&]() {
            if (!open)
                return;
            if (isJoined) {
                m_storage.push_back(joined);
                m_lines.push_back(Line{QStringView(m_storage.back()), currentNumber});
            } else {
                m_lines.push_back(Line{current, currentNumber});
            }
            open = false;
            isJoined = false;
        };
        bool currentIsRoot = false;
        auto unfinished = [&](QStringView s) {
            if (openParens(s) > 0)
                return true;
            const QStringView t = scan::trimmed(s);
            const bool arrow = scan::startsWith(t, QLatin1String("->"));
            if (!arrow && !currentIsRoot)
                return false;
            // A node line missing the figures every other node has was cut before them.
            const QStringView content = arrow ? t.mid(2).trimmed() : t;
            if (m_hasCosts && !content.contains(QLatin1String("(cost=")))
                return true;
            if (m_hasActuals && !content.contains(QLatin1String("(actual")) && !content.contains(QLatin1String("(never executed)")))
                return true;
            return false;
        };
        auto canStart = [&](QStringView s) {
            const QStringView t = scan::trimmed(s);
            if (t.isEmpty())
                return true;
            if (rootIndent > 0 && indentOf(s) == 0)
                return false; // psql output is indented: a line at column 0 was cut
            if (scan::startsWith(t, QLatin1String("->")))
                return true;
            QStringView k, v;
            if (splitKey(t, &k, &v))
                return true;
            qint64 n;
            QStringView rest;
            if (isSubplanHeader(t) || isWorkerLine(t, &n, &rest) || isTargetTableLine(t))
                return true;
            if (scan::startsWith(t, QLatin1String("Trigger ")))
                return true;
            return false;
        };
        for (size_t i = start; i < all.size(); ++i) {
            const QStringView text = all[i].text;
            const QStringView trimmedText = scan::trimmed(text);
            if (scan::startsWith(trimmedText, QLatin1String("->")))
                ++m_arrowLines;
            if (open && !trimmedText.isEmpty() && (unfinished(isJoined ? QStringView(joined) : current) || !canStart(text))) {
                if (!isJoined) {
                    joined = current.toString();
                    isJoined = true;
                }
                joined += text;
                continue;
            }
            flush();
            if (trimmedText.isEmpty())
                continue;
            currentIsRoot = i == start;
            current = text;
            currentNumber = all[i].number;
            open = true;
        }
        flush();
    }

    QList<Property> *frameSink(const Frame &f)
    {
        switch (f.kind) {
        case FrameKind::Node: return &m_nodes[size_t(f.node)].rest;
        case FrameKind::Worker: return &m_nodes[size_t(f.node)].workers[size_t(f.worker)].props;
        case FrameKind::Group: return &m_groups[f.group];
        }
        return nullptr;
    }

    void popTo(int col)
    {
        while (!m_stack.empty() && m_stack.back().col >= col)
            m_stack.pop_back();
    }

    int nearestNode() const
    {
        for (auto it = m_stack.rbegin(); it != m_stack.rend(); ++it)
            if (it->kind == FrameKind::Node)
                return it->node;
        return -1;
    }

    bool parseFigures(NodeBuild &n, QStringView groups, int line)
    {
        QStringView rest = scan::trimmed(groups);
        while (!rest.isEmpty()) {
            if (rest.front() != QLatin1Char('(')) {
                // Text after the figures (a newer server's addition): keep going, say so.
                m_warnings << QStringLiteral("line %1: ignored '%2' after the node's figures").arg(line).arg(rest.toString());
                break;
            }
            const qsizetype close = rest.indexOf(QLatin1Char(')'));
            if (close < 0)
                return error(line, QStringLiteral("unterminated '%1'").arg(rest.toString()));
            const QStringView inner = rest.mid(1, close - 1).trimmed();
            QString why;
            if (scan::startsWith(inner, QLatin1String("cost="))) {
                if (n.estimateCount > 0)
                    return error(line, QStringLiteral("two estimates '(cost=…)' on one node"));
                bool ok = true;
                int seen = 0; // cost, rows and width, each once: anything else is not an estimate
                for (QStringView w : inner.tokenize(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                    const qsizetype eq = w.indexOf(QLatin1Char('='));
                    if (eq < 0) {
                        ok = false;
                        break;
                    }
                    const QStringView name = w.first(eq), val = w.mid(eq + 1);
                    const int bit = name == QLatin1String("cost") ? 1 : name == QLatin1String("rows") ? 2 : name == QLatin1String("width") ? 4 : 0;
                    if (bit == 0 || (seen & bit)) {
                        ok = false;
                        break;
                    }
                    seen |= bit;
                    if (bit == 1) {
                        const qsizetype dots = val.indexOf(QLatin1String(".."));
                        PlanValue a, b;
                        if (dots < 0 || !TextProperty::toNumber(val.first(dots), &a) || !TextProperty::toNumber(val.mid(dots + 2), &b)) {
                            ok = false;
                            break;
                        }
                        n.estimates[size_t(n.estimateCount++)] = {keys::StartupCost, PlanValue(a.toDouble())};
                        n.estimates[size_t(n.estimateCount++)] = {keys::TotalCost, PlanValue(b.toDouble())};
                    } else {
                        PlanValue v;
                        if (!TextProperty::toNumber(val, &v)) {
                            ok = false;
                            break;
                        }
                        n.estimates[size_t(n.estimateCount++)] = {bit == 2 ? keys::PlanRows : keys::PlanWidth, v};
                    }
                }
                if (!ok || seen != 7)
                    return error(line, QStringLiteral("cannot read the estimate '(%1)'").arg(inner.toString()));
            } else if (scan::startsWith(inner, QLatin1String("actual")) || inner == QLatin1String("never executed")) {
                if (n.hasActuals)
                    return error(line, QStringLiteral("two sets of actual figures on one node"));
                if (!TextProperty::applyActuals(n.head, inner, m_timed, &why))
                    return error(line, QStringLiteral("%1 in '(%2)'").arg(why, inner.toString()));
                n.hasActuals = true;
                n.neverExecuted = inner == QLatin1String("never executed");
            } else {
                return error(line, QStringLiteral("cannot read '(%1)' after the node name").arg(inner.toString()));
            }
            rest = rest.mid(close + 1).trimmed();
        }
        return true;
    }

    bool addNode(QStringView content, int labelCol, int parent, int line)
    {
        NodeBuild n;
        n.labelCol = labelCol;
        n.line = line;
        n.parent = parent;
        const qsizetype g = groupStart(content);
        const QStringView label = (g < 0 ? content : content.first(g)).trimmed();
        if (label.isEmpty())
            return error(line, QStringLiteral("a node without a name"));
        // One allocation each for what most nodes print (label and actual figures; the
        // property lines); assemble() moves them into one list of the final size.
        n.head.reserve(12);
        n.rest.reserve(16);
        NodeLabel::parse(label, n.head);
        n.labelEnd = n.head.size();
        for (const Property &p : n.head) {
            if (p.key == keys::NodeType)
                n.nodeType = p.value.toString();
            else if (p.key == keys::Strategy)
                n.strategy = p.value.toString();
        }
        if (g >= 0 && !parseFigures(n, content.mid(g), line))
            return false;
        const int me = int(m_nodes.size());
        if (parent >= 0) {
            if (!m_pending.name.isEmpty() && m_pending.parent == parent && labelCol > m_pending.col) {
                n.subplanName = m_pending.name;
                n.relationship = m_pending.name.startsWith(QLatin1String("SubPlan")) ? QStringLiteral("SubPlan")
                                                                                      : QStringLiteral("InitPlan");
            }
            m_nodes[size_t(parent)].children.push_back(me);
        }
        m_nodes.push_back(std::move(n));
        m_stack.push_back(Frame{FrameKind::Node, labelCol, me, -1, {}});
        return true;
    }

    bool applyTo(QList<Property> &sink, QStringView key, QStringView value, const NodeBuild *node, int line)
    {
        TextProperty::Context ctx;
        if (node) {
            ctx.nodeType = node->nodeType;
            ctx.strategy = node->strategy;
        }
        QString why;
        if (key == QLatin1String("Output"))
            m_verbose = true;
        else if (key == QLatin1String("Buffers"))
            m_buffers = true;
        else if (key == QLatin1String("WAL")) {
            m_wal = true;
            m_walBuffersFull = m_walBuffersFull || value.contains(QLatin1String("buffers full"));
        } else if (key == QLatin1String("I/O Timings")) {
            // Only a separate "local" group is 17's; "shared" is 15's, "shared/local" 16's.
            const QString v = value.toString();
            static const QRegularExpression local17(QStringLiteral(R"((^|,)\s*local\s)"));
            const int shape = local17.match(v).hasMatch() ? 17
                : (v.contains(QLatin1String("shared")) || scan::trimmed(v).startsWith(QLatin1String("temp"))) ? 15
                                                                                                          : 14;
            m_ioShape = qMax(m_ioShape, shape);
        }
        if (!TextProperty::apply(sink, key, value, ctx, &why))
            return error(line, why);
        return true;
    }

    void setTop(const QString &key, PlanValue v)
    {
        for (Property &p : m_top)
            if (p.key == key) {
                p.value = std::move(v);
                return;
            }
        m_top.push_back({key, std::move(v)});
    }

    bool handleTop(TopKey k, QStringView key, QStringView value, int indent, int line)
    {
        m_stack.clear();
        PlanValue n;
        auto ms = [&](const QString &name) {
            QStringView v = scan::trimmed(value);
            if (scan::endsWith(v, QLatin1String("ms")))
                v.chop(2);
            if (!TextProperty::toNumber(scan::trimmed(v), &n))
                return error(line, QStringLiteral("'%1' should be a time in ms").arg(scan::trimmed(value).toString()));
            setTop(name, PlanValue(n.toDouble()));
            return true;
        };
        switch (k) {
        case TopKey::PlanningTime: return ms(keys::PlanningTime);
        case TopKey::ExecutionTime:
            m_ended = true;
            return ms(keys::ExecutionTime);
        case TopKey::TotalRuntime:
            m_ended = true;
            return ms(keys::TotalRuntime);
        case TopKey::QueryIdentifier:
            if (!TextProperty::toNumber(value, &n))
                return error(line, QStringLiteral("the query identifier should be a number"));
            setTop(keys::QueryIdentifier, n);
            return true;
        case TopKey::Settings:
            setTop(keys::Settings, PlanValue(QJsonValue(parseSettings(scan::trimmed(value)))));
            return true;
        case TopKey::QueryText:
            setTop(keys::QueryText, PlanValue(scan::trimmed(value).toString()));
            return true;
        case TopKey::Planning:
        case TopKey::Jit:
        case TopKey::Serialization: {
            const QString name = key.toString();
            setTop(name, PlanValue()); // filled in build()
            m_groups[name].clear();
            m_stack.push_back(Frame{FrameKind::Group, indent, -1, -1, name});
            if (k == TopKey::Serialization) {
                // "time=1.234 ms  output=12kB  format=text"
                QList<Property> &g = m_groups[name];
                const QStringList words = value.toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
                for (const QString &w : words) {
                    const qsizetype eq = w.indexOf(QLatin1Char('='));
                    if (eq < 0)
                        continue;
                    const QString nm = w.left(eq);
                    const QStringView v = QStringView(w).mid(eq + 1);
                    PlanValue num;
                    if (nm == QLatin1String("time") && TextProperty::toNumber(v, &num))
                        g.push_back({QStringLiteral("Time"), PlanValue(num.toDouble())});
                    else if (nm == QLatin1String("output") && TextProperty::toKilobytes(v, &num))
                        g.push_back({QStringLiteral("Output Volume"), num});
                    else if (nm == QLatin1String("format"))
                        g.push_back({QStringLiteral("Format"), PlanValue(v.toString())});
                }
            }
            return true;
        }
        case TopKey::None: break;
        }
        return true;
    }

    bool handle(const Line &l)
    {
        const QStringView raw = l.text;
        const QStringView t = scan::trimmed(raw);
        if (t.isEmpty())
            return true;
        const int indent = indentOf(raw);
        // An InitPlan/SubPlan header covers every node under it (old servers printed one
        // "InitPlan" for several), up to the next line at its own level.
        if (!m_pending.name.isEmpty() && indent <= m_pending.col)
            m_pending = Pending{};

        if (m_nodes.empty()) {
            QStringView content = scan::startsWith(t, QLatin1String("->")) ? t.mid(2).trimmed() : t;
            const int labelCol = indent + int(t.size() - content.size());
            return addNode(content, labelCol, -1, l.number);
        }

        if (scan::startsWith(t, QLatin1String("->"))) {
            const QStringView content = t.mid(2).trimmed();
            const int labelCol = indent + int(t.size() - content.size());
            popTo(indent);
            while (!m_stack.empty() && m_stack.back().kind != FrameKind::Node)
                m_stack.pop_back();
            if (m_stack.empty())
                return error(l.number, QStringLiteral("cannot place this node: its '->' is not indented below another node"));
            return addNode(content, labelCol, m_stack.back().node, l.number);
        }

        QStringView key, value;
        bool keyed = splitKey(t, &key, &value);
        // Keys that name the structure itself cannot come from a "Key: value" line.
        for (const QString *reserved : {&keys::Plans, &keys::Plan, &keys::Workers, &keys::TargetTables, &keys::Triggers})
            if (keyed && key == *reserved)
                keyed = false;
        if (keyed && (key == QLatin1String("pgdeck") || key == QLatin1String("Grouping Sets")))
            keyed = false;
        if (keyed) {
            const TopKey k = topKey(key);
            if (k != TopKey::None)
                return handleTop(k, key, value, indent, l.number);
        }
        QJsonObject trigger;
        if (parseTrigger(t, &trigger)) {
            m_stack.clear();
            if (m_triggersAt < 0) {
                m_triggersAt = int(m_top.size());
                m_top.push_back({keys::Triggers, PlanValue()});
            }
            m_triggers.append(trigger);
            return true;
        }
        if (isSubplanHeader(t)) {
            popTo(indent);
            const int parent = nearestNode();
            if (parent < 0)
                return error(l.number, QStringLiteral("'%1' is not indented below a node").arg(t.toString()));
            m_pending = Pending{t.toString(), parent, indent};
            return true;
        }
        qint64 workerNo = 0;
        QStringView workerRest;
        if (isWorkerLine(t, &workerNo, &workerRest)) {
            popTo(indent);
            const int node = nearestNode();
            if (node < 0)
                return error(l.number, QStringLiteral("a worker line outside any node"));
            NodeBuild &n = m_nodes[size_t(node)];
            int w = -1;
            for (size_t i = 0; i < n.workers.size(); ++i)
                if (n.workers[i].number == workerNo)
                    w = int(i);
            if (w < 0) {
                n.workers.push_back(WorkerBuild{workerNo, {{keys::WorkerNumber, PlanValue(workerNo)}}});
                w = int(n.workers.size()) - 1;
            }
            m_stack.push_back(Frame{FrameKind::Worker, indent, node, w, {}});
            if (workerRest.isEmpty())
                return true;
            QList<Property> &sink = n.workers[size_t(w)].props;
            if (scan::startsWith(workerRest, QLatin1String("actual")) || workerRest == QLatin1String("never executed")) {
                QString why;
                if (!TextProperty::applyActuals(sink, workerRest, m_timed, &why))
                    return error(l.number, why);
                return true;
            }
            QStringView wk, wv;
            if (!splitKey(workerRest, &wk, &wv))
                return error(l.number, QStringLiteral("cannot read the worker details '%1'").arg(workerRest.toString()));
            return applyTo(sink, wk, wv, &n, l.number);
        }
        if (scan::startsWith(t, QLatin1String("JIT for worker "))) {
            popTo(indent);
            const int node = nearestNode();
            const QString name = QStringLiteral("JIT@%1").arg(node);
            m_groups[name].push_back({keys::WorkerNumber, PlanValue(t.mid(15).chopped(1).toLongLong())});
            m_stack.push_back(Frame{FrameKind::Group, indent, node, -1, name});
            return true;
        }
        if (isTargetTableLine(t)) {
            popTo(indent);
            const int node = nearestNode();
            if (node >= 0) {
                const QList<Property> target = NodeLabel::parse(t);
                QJsonObject o;
                for (const Property &p : target)
                    if (p.key == keys::RelationName || p.key == keys::Schema || p.key == keys::Alias)
                        o.insert(p.key, p.value.toJson());
                m_nodes[size_t(node)].targetTables.append(o);
                return true;
            }
        }
        if (keyed) {
            popTo(indent);
            if (m_stack.empty()) {
                if (key == QLatin1String("Time"))
                    return true; // psql's \timing
                setTop(key.toString(), PlanValue(scan::trimmed(value).toString()));
                return true;
            }
            const Frame &f = m_stack.back();
            NodeBuild *node = f.node >= 0 ? &m_nodes[size_t(f.node)] : nullptr;
            if (f.kind == FrameKind::Group) {
                TextProperty::Context ctx;
                if (f.group == QLatin1String("JIT") || f.group.startsWith(QLatin1String("JIT@")))
                    ctx.nodeType = u"JIT";
                QString why;
                if (!TextProperty::apply(m_groups[f.group], key, value, ctx, &why))
                    return error(l.number, why);
                return true;
            }
            if (f.kind == FrameKind::Node && node->nodeType == QLatin1String("Aggregate")
                && (key == QLatin1String("Group Key") || key == QLatin1String("Hash Key")
                    || (key == QLatin1String("Sort Key") && !node->groupingKeys.isEmpty()))) {
                if (node->groupingAt < 0)
                    node->groupingAt = int(node->rest.size());
                node->groupingKeys.push_back({key.toString(), TextProperty::splitList(scan::trimmed(value))});
                return true;
            }
            return applyTo(*frameSink(f), key, value, node, l.number);
        }
        if (m_stack.empty()) {
            // Past the plan: comments, prompts, the next statement.
            m_ended = true;
            return true;
        }
        m_warnings << QStringLiteral("line %1: ignored '%2'").arg(l.number).arg(t.toString());
        return true;
    }

    void ensureBuffers(KeyList &list) const
    {
        if (m_buffers)
            for (const QString *k : {&keys::SharedHitBlocks, &keys::SharedReadBlocks, &keys::SharedDirtiedBlocks,
                                     &keys::SharedWrittenBlocks, &keys::LocalHitBlocks, &keys::LocalReadBlocks,
                                     &keys::LocalDirtiedBlocks, &keys::LocalWrittenBlocks, &keys::TempReadBlocks,
                                     &keys::TempWrittenBlocks})
                list.ensure(*k, PlanValue(qint64(0)));
        if (m_ioShape == 14)
            for (const QString *k : {&keys::IoReadTime, &keys::IoWriteTime})
                list.ensure(*k, PlanValue(0.0));
        else if (m_ioShape == 15)
            for (const QString *k : {&keys::IoReadTime, &keys::IoWriteTime, &keys::TempIoReadTime, &keys::TempIoWriteTime})
                list.ensure(*k, PlanValue(0.0));
        else if (m_ioShape == 17)
            for (const QString *k : {&keys::SharedIoReadTime, &keys::SharedIoWriteTime, &keys::LocalIoReadTime,
                                     &keys::LocalIoWriteTime, &keys::TempIoReadTime, &keys::TempIoWriteTime})
                list.ensure(*k, PlanValue(0.0));
        if (m_wal) {
            list.ensure(keys::WalRecords, PlanValue(qint64(0)));
            list.ensure(keys::WalFpi, PlanValue(qint64(0)));
            list.ensure(keys::WalBytes, PlanValue(qint64(0)));
            if (m_walBuffersFull)
                list.ensure(keys::WalBuffersFull, PlanValue(qint64(0)));
        }
    }

    QString relationshipFor(const NodeBuild &parent, int position) const
    {
        const QString &t = parent.nodeType;
        if (t == QLatin1String("Append") || t == QLatin1String("Merge Append") || t == QLatin1String("BitmapAnd")
            || t == QLatin1String("BitmapOr") || t == QLatin1String("Custom Scan"))
            return QStringLiteral("Member");
        if (t == QLatin1String("Subquery Scan"))
            return QStringLiteral("Subquery");
        if (position == 0)
            return QStringLiteral("Outer");
        if (position == 1)
            return QStringLiteral("Inner");
        return QStringLiteral("Member");
    }

    QList<Property> assemble(NodeBuild &n) const
    {
        KeyList rest(n.rest);
        if (!n.groupingKeys.isEmpty()) {
            const int hashKeys = int(std::count_if(n.groupingKeys.begin(), n.groupingKeys.end(),
                                                   [](const auto &g) { return g.first == QLatin1String("Hash Key"); }));
            if (n.groupingKeys.size() == 1 && hashKeys == 0) {
                rest.insert(qMin(qsizetype(n.groupingAt), rest.list.size()), {keys::GroupKey, PlanValue(n.groupingKeys.first().second)});
            } else {
                // Grouping sets: a Sort Key opens a sorted set, Hash Keys form hashed sets.
                QJsonArray sets;
                QJsonObject cur;
                QString curKind;
                auto close = [&]() {
                    if (!cur.isEmpty())
                        sets.append(cur);
                    cur = QJsonObject();
                    curKind.clear();
                };
                for (const auto &[k, list] : n.groupingKeys) {
                    const QStringList keysList = list.size() == 1 && list.first() == QLatin1String("()") ? QStringList() : list;
                    if (k == QLatin1String("Sort Key")) {
                        close();
                        cur.insert(QStringLiteral("Sort Key"), QJsonArray::fromStringList(keysList));
                        curKind = QStringLiteral("Group Keys");
                        continue;
                    }
                    const QString kind = k == QLatin1String("Hash Key") ? QStringLiteral("Hash Keys") : QStringLiteral("Group Keys");
                    // Each hashed set is its own grouping set; sorted sets share one.
                    if (!cur.isEmpty() && (curKind != kind || kind == QLatin1String("Hash Keys")))
                        close();
                    curKind = kind;
                    QJsonArray arr = cur.value(kind).toArray();
                    arr.append(QJsonArray::fromStringList(keysList));
                    cur.insert(kind, arr);
                }
                close();
                rest.insert(qMin(qsizetype(n.groupingAt), rest.list.size()), {QStringLiteral("Grouping Sets"), PlanValue(QJsonValue(sets))});
            }
        }
        if (!n.targetTables.isEmpty())
            rest.prepend({keys::TargetTables, PlanValue(QJsonValue(n.targetTables))});
        if (m_verbose && (n.nodeType == QLatin1String("Nested Loop") || n.nodeType == QLatin1String("Hash Join")
                          || n.nodeType == QLatin1String("Merge Join"))
            && !rest.has(keys::InnerUnique)) {
            if (rest.has(keys::Output))
                rest.insertAfter(keys::Output, {keys::InnerUnique, PlanValue(false)});
            else
                rest.prepend({keys::InnerUnique, PlanValue(false)});
        }
        if (n.nodeType == QLatin1String("Gather") && !rest.has(keys::SingleCopy))
            rest.insertAfter(keys::WorkersPlanned, {keys::SingleCopy, PlanValue(false)});
        if (n.hasActuals) {
            // Keys the TEXT format leaves out when they are zero.
            if (rest.has(keys::Filter) && !rest.has(keys::RowsRemovedByFilter))
                rest.insertAfter(keys::Filter, {keys::RowsRemovedByFilter, PlanValue(qint64(0))});
            if (rest.has(keys::JoinFilter) && !rest.has(keys::RowsRemovedByJoinFilter))
                rest.insertAfter(keys::JoinFilter, {keys::RowsRemovedByJoinFilter, PlanValue(qint64(0))});
            const bool recheck = (n.nodeType == QLatin1String("Bitmap Heap Scan") && rest.has(keys::RecheckCond))
                || (n.nodeType == QLatin1String("Index Scan") && (rest.has(keys::IndexCond) || rest.has(QStringLiteral("Order By"))))
                || (n.nodeType == QLatin1String("Index Only Scan") && rest.has(keys::IndexCond));
            if (recheck && !rest.has(keys::RowsRemovedByIndexRecheck)) {
                const QString &after = rest.has(keys::RecheckCond) ? keys::RecheckCond : keys::IndexCond;
                rest.insertAfter(rest.has(after) ? after : QStringLiteral("Order By"), {keys::RowsRemovedByIndexRecheck, PlanValue(qint64(0))});
            }
            if (n.nodeType == QLatin1String("Bitmap Heap Scan")) {
                rest.ensure(keys::ExactHeapBlocks, PlanValue(qint64(0)));
                rest.ensure(keys::LossyHeapBlocks, PlanValue(qint64(0)));
            }
            if (n.nodeType == QLatin1String("Aggregate")
                && (n.strategy == QLatin1String("Hashed") || n.strategy == QLatin1String("Mixed"))) {
                if (m_hasCosts && !rest.has(keys::PlannedPartitions))
                    rest.insertAfter(rest.has(keys::GroupKey) ? keys::GroupKey : QStringLiteral("Grouping Sets"),
                                {keys::PlannedPartitions, PlanValue(qint64(0))});
                if (rest.has(keys::HashAggBatches))
                    rest.ensure(keys::DiskUsage, PlanValue(qint64(0)));
            }
            ensureBuffers(rest);
        } else if (m_hasCosts && n.nodeType == QLatin1String("Aggregate")
                   && (n.strategy == QLatin1String("Hashed") || n.strategy == QLatin1String("Mixed"))
                   && !rest.has(keys::PlannedPartitions)) {
            rest.push({keys::PlannedPartitions, PlanValue(qint64(0))});
        }
        if ((n.nodeType == QLatin1String("Append") || n.nodeType == QLatin1String("Merge Append"))
            && !rest.has(QStringLiteral("Subplans Removed")))
            rest.push({QStringLiteral("Subplans Removed"), PlanValue(qint64(0))});
        // The node's keys in PostgreSQL's order, in one list of the final size: the
        // label's keys with Parent Relationship and Subplan Name before Custom Plan
        // Provider / Parallel Aware, the estimates, the actual figures, the property lines.
        QList<Property> props;
        props.reserve(n.head.size() + 2 + n.estimateCount + rest.list.size() + (n.workers.empty() ? 0 : 1));
        qsizetype at = 0;
        while (at < n.labelEnd && n.head.at(at).key != keys::CustomPlanProvider && n.head.at(at).key != keys::ParallelAware)
            ++at;
        for (qsizetype i = 0; i < at; ++i)
            props.push_back(std::move(n.head[i]));
        if (!n.relationship.isEmpty())
            props.push_back({keys::ParentRelationship, PlanValue(n.relationship)});
        if (!n.subplanName.isEmpty())
            props.push_back({keys::SubplanName, PlanValue(n.subplanName)});
        for (qsizetype i = at; i < n.labelEnd; ++i)
            props.push_back(std::move(n.head[i]));
        for (int i = 0; i < n.estimateCount; ++i)
            props.push_back(std::move(n.estimates[size_t(i)]));
        for (qsizetype i = n.labelEnd; i < n.head.size(); ++i)
            props.push_back(std::move(n.head[i]));
        n.head.clear();
        // A property line repeating a key of the node line (mangled or hand-edited input)
        // must not give the node the key twice: the node line's value stands.
        // The key filter keeps this linear for the usual, duplicate-free node.
        quint64 seenMask = 0;
        auto seen = [&](const QList<Property> &list, qsizetype upto, const QString &k) {
            if (!(seenMask & keyBit(k)))
                return false;
            for (qsizetype i = 0; i < upto; ++i)
                if (keys::same(list.at(i).key, k))
                    return true;
            return false;
        };
        qsizetype kept = 0;
        for (qsizetype i = 0; i < props.size(); ++i) {
            if (seen(props, kept, props.at(i).key))
                continue;
            seenMask |= keyBit(props.at(i).key);
            if (kept != i)
                props[kept] = std::move(props[i]);
            ++kept;
        }
        props.resize(kept);
        bool clash = false;
        for (const Property &p : rest.list)
            clash = clash || seen(props, props.size(), p.key);
        if (!clash) {
            props.append(std::move(rest.list));
        } else {
            for (Property &p : rest.list)
                if (!seen(props, props.size(), p.key)) {
                    seenMask |= keyBit(p.key);
                    props.push_back(std::move(p));
                }
        }
        if (!n.workers.empty()) {
            QJsonArray workers;
            for (WorkerBuild &w : n.workers) {
                KeyList wp(w.props);
                if (wp.has(keys::HashAggBatches))
                    wp.ensure(keys::DiskUsage, PlanValue(qint64(0)));
                if (n.hasActuals)
                    ensureBuffers(wp);
                workers.append(toObject(w.props));
            }
            props.push_back({keys::Workers, PlanValue(QJsonValue(workers))});
        }
        return props;
    }

    core::Result<Plan> build()
    {
        Plan plan;
        plan.source = Plan::Source::Text;
        plan.logDurationMs = m_src.logDurationMs();
        plan.warnings = m_warnings;
        // Relationships of ordinary children, by position.
        for (NodeBuild &n : m_nodes) {
            int position = 0;
            for (int c : n.children) {
                NodeBuild &child = m_nodes[size_t(c)];
                if (child.relationship.isEmpty())
                    child.relationship = relationshipFor(n, position++);
            }
        }
        // Nodes in pre-order (they were created in text order, which is pre-order).
        plan.nodes.resize(m_nodes.size());
        for (size_t i = 0; i < m_nodes.size(); ++i) {
            NodeBuild &b = m_nodes[i];
            PlanNode &n = plan.nodes[i];
            n.index = int(i);
            n.parent = b.parent;
            n.children = std::move(b.children);
            n.sourceLine = b.line;
            n.props = assemble(b);
            n.refreshFacts();
        }
        for (Property &p : m_top) {
            if (p.key == keys::Triggers)
                p.value = PlanValue(QJsonValue(m_triggers));
            else if (p.value.isNull() && m_groups.count(p.key))
                p.value = PlanValue(QJsonValue(toObject(m_groups[p.key])));
        }
        // Per-worker JIT of a node (VERBOSE parallel plans).
        for (const auto &[name, props] : m_groups) {
            if (!scan::startsWith(name, QLatin1String("JIT@")))
                continue;
            const int node = name.mid(4).toInt();
            if (node >= 0 && node < int(plan.nodes.size()))
                plan.nodes[size_t(node)].props.push_back({keys::Jit, PlanValue(QJsonValue(toObject(props)))});
        }
        plan.top = m_top;
        plan.finalize(Plan::Facts::Ready);
        return plan;
    }
};

} // namespace

core::Result<Plan> TextPlanParser::parse(const SourceCleaner &source)
{
    Parser p(source);
    return p.run();
}

core::Result<Plan> TextPlanParser::parse(const QString &text)
{
    const SourceCleaner cleaner(text);
    auto plan = parse(cleaner);
    if (plan.ok())
        plan->sourceText = text;
    return plan;
}

} // namespace pgdeck::explain
