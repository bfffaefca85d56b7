#include "planjsonwriter.h"

#include "keys.h"

#include <QJsonArray>
#include <QJsonObject>

#include <charconv>
#include <cstdio>
#include <limits>
#include <cmath>

namespace pgdeck::explain {

namespace {

class Writer
{
public:
    explicit Writer(const PlanJsonWriter::Options &o) : m_o(o) { m_out.reserve(1 << 16); }
    QByteArray take() { return std::move(m_out); }

    void newline(int depth)
    {
        if (!m_o.pretty)
            return;
        m_out.append('\n');
        m_out.append(QByteArray(depth * 2, ' '));
    }

    void string(const QString &s)
    {
        m_out.append('"');
        const QByteArray u = s.toUtf8();
        for (char c : u) {
            switch (c) {
            case '"': m_out.append("\\\""); break;
            case '\\': m_out.append("\\\\"); break;
            case '\n': m_out.append("\\n"); break;
            case '\r': m_out.append("\\r"); break;
            case '\t': m_out.append("\\t"); break;
            case '\b': m_out.append("\\b"); break;
            case '\f': m_out.append("\\f"); break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(static_cast<unsigned char>(c)));
                    m_out.append(buf);
                } else {
                    m_out.append(c);
                }
            }
        }
        m_out.append('"');
    }

    void number(double d)
    {
        if (!std::isfinite(d)) {
            m_out.append("null");
            return;
        }
        // JSON has one zero: "-0" would read back as the integer 0 (a pasted "-0.00").
        if (d == 0)
            d = 0;
        char buf[64];
        auto r = std::to_chars(buf, buf + sizeof buf, d);
        m_out.append(buf, int(r.ptr - buf));
    }

    void integer(qint64 i)
    {
        char buf[32];
        auto r = std::to_chars(buf, buf + sizeof buf, i);
        m_out.append(buf, int(r.ptr - buf));
    }

    void json(const QJsonValue &v, int depth)
    {
        switch (v.type()) {
        case QJsonValue::Null:
        case QJsonValue::Undefined: m_out.append("null"); break;
        case QJsonValue::Bool: m_out.append(v.toBool() ? "true" : "false"); break;
        case QJsonValue::Double: {
            const double d = v.toDouble();
            const qint64 i = v.toInteger(std::numeric_limits<qint64>::min());
            if (i != std::numeric_limits<qint64>::min() && double(i) == d)
                integer(i);
            else
                number(d);
            break;
        }
        case QJsonValue::String: string(v.toString()); break;
        case QJsonValue::Array: {
            const QJsonArray a = v.toArray();
            m_out.append('[');
            for (int i = 0; i < a.size(); ++i) {
                if (i)
                    m_out.append(',');
                newline(depth + 1);
                json(a.at(i), depth + 1);
            }
            if (!a.isEmpty())
                newline(depth);
            m_out.append(']');
            break;
        }
        case QJsonValue::Object: {
            const QJsonObject o = v.toObject();
            m_out.append('{');
            bool first = true;
            for (auto it = o.begin(); it != o.end(); ++it) {
                if (!first)
                    m_out.append(',');
                first = false;
                newline(depth + 1);
                key(it.key());
                json(it.value(), depth + 1);
            }
            if (!o.isEmpty())
                newline(depth);
            m_out.append('}');
            break;
        }
        }
    }

    void value(const PlanValue &v, int depth)
    {
        if (v.isNull())
            m_out.append("null");
        else if (v.isBool())
            m_out.append(v.toBool() ? "true" : "false");
        else if (v.isInteger())
            integer(v.toInteger());
        else if (v.isNumber())
            number(v.toDouble());
        else if (const QString *s = v.stringPtr())
            string(*s);
        else if (v.isList()) {
            const QStringList l = v.toList();
            m_out.append('[');
            for (int i = 0; i < l.size(); ++i) {
                if (i)
                    m_out.append(',');
                newline(depth + 1);
                string(l.at(i));
            }
            if (!l.isEmpty())
                newline(depth);
            m_out.append(']');
        } else if (const QJsonValue *j = v.jsonPtr())
            json(*j, depth);
        else
            m_out.append("null");
    }

    void key(const QString &k)
    {
        string(k);
        m_out.append(m_o.pretty ? ": " : ":");
    }

    void buffers(const Buffers &b, int depth)
    {
        const std::pair<const char *, double> fields[] = {
            {"Shared Hit Blocks", b.sharedHit}, {"Shared Read Blocks", b.sharedRead},
            {"Shared Dirtied Blocks", b.sharedDirtied}, {"Shared Written Blocks", b.sharedWritten},
            {"Local Hit Blocks", b.localHit}, {"Local Read Blocks", b.localRead},
            {"Local Dirtied Blocks", b.localDirtied}, {"Local Written Blocks", b.localWritten},
            {"Temp Read Blocks", b.tempRead}, {"Temp Written Blocks", b.tempWritten},
            {"I/O Read Time", b.ioReadMs}, {"I/O Write Time", b.ioWriteMs},
        };
        m_out.append('{');
        bool first = true;
        for (const auto &[name, v] : fields) {
            if (!first)
                m_out.append(',');
            first = false;
            newline(depth + 1);
            key(QString::fromLatin1(name));
            number(v);
        }
        newline(depth);
        m_out.append('}');
    }

    void metrics(const PlanNode &n, int depth)
    {
        const NodeMetrics &m = n.metrics;
        m_out.append('{');
        bool first = true;
        auto field = [&](const char *name, double v) {
            if (!isSet(v))
                return;
            if (!first)
                m_out.append(',');
            first = false;
            newline(depth + 1);
            key(QString::fromLatin1(name));
            number(std::round(v * 1e6) / 1e6); // derived figures: no float noise past the microsecond
        };
        field("Node Id", n.index);
        field("Exclusive Time", m.exclusiveMs);
        field("Inclusive Time", m.inclusiveMs);
        field("Percent of Total Time", m.percentOfTotal);
        field("Exclusive Cost", m.exclusiveCost);
        field("Rows x Loops", m.rowsTotal);
        field("Planned Rows x Loops", m.planRowsTotal);
        field("Estimate Factor", m.estimateFactor);
        if (m.estimate != NodeMetrics::Estimate::Unknown) {
            m_out.append(',');
            newline(depth + 1);
            key(QStringLiteral("Estimate"));
            string(m.estimate == NodeMetrics::Estimate::Under ? QStringLiteral("under")
                   : m.estimate == NodeMetrics::Estimate::Over ? QStringLiteral("over")
                                                               : QStringLiteral("exact"));
        }
        field("Filter Removed Ratio", m.filterRemovedRatio);
        field("Parallel Divisor", m.parallelDivisor);
        if (n.facts.buffers.present) {
            m_out.append(',');
            newline(depth + 1);
            key(QStringLiteral("Exclusive Buffers"));
            buffers(m.exclusiveBuffers, depth + 1);
        }
        newline(depth);
        m_out.append('}');
    }

    void node(const Plan &plan, int index, int depth)
    {
        const PlanNode &n = plan.nodes[size_t(index)];
        m_out.append('{');
        bool first = true;
        auto sep = [&]() {
            if (!first)
                m_out.append(',');
            first = false;
            newline(depth + 1);
        };
        for (const Property &p : n.props) {
            sep();
            key(p.key);
            value(p.value, depth + 1);
        }
        if (m_o.metrics) {
            sep();
            key(QStringLiteral("pgdeck"));
            metrics(n, depth + 1);
        }
        if (!n.children.empty()) {
            sep();
            key(keys::Plans);
            m_out.append('[');
            for (size_t i = 0; i < n.children.size(); ++i) {
                if (i)
                    m_out.append(',');
                newline(depth + 2);
                node(plan, n.children[i], depth + 2);
            }
            newline(depth + 1);
            m_out.append(']');
        }
        newline(depth);
        m_out.append('}');
    }

    void insight(const Plan &plan, const Insight &i, int depth)
    {
        QJsonObject o;
        o.insert(QStringLiteral("kind"), Insight::kindId(i.kind));
        o.insert(QStringLiteral("severity"), Insight::severityName(i.severity));
        if (i.node >= 0) {
            o.insert(QStringLiteral("node"), i.node);
            o.insert(QStringLiteral("nodeLabel"), plan.nodes[size_t(i.node)].label());
        }
        o.insert(QStringLiteral("title"), i.title);
        o.insert(QStringLiteral("evidence"), i.evidence);
        o.insert(QStringLiteral("fix"), i.fix);
        if (!i.fixSql.isEmpty())
            o.insert(QStringLiteral("fixSql"), i.fixSql);
        if (!i.table.isEmpty()) {
            o.insert(QStringLiteral("table"), i.table);
            o.insert(QStringLiteral("columns"), QJsonArray::fromStringList(i.columns));
        }
        if (i.proof.tried) {
            QJsonObject p;
            p.insert(QStringLiteral("used"), i.proof.used);
            if (isSet(i.proof.costBefore))
                p.insert(QStringLiteral("costBefore"), i.proof.costBefore);
            if (isSet(i.proof.costAfter))
                p.insert(QStringLiteral("costAfter"), i.proof.costAfter);
            if (!i.proof.indexName.isEmpty())
                p.insert(QStringLiteral("indexName"), i.proof.indexName);
            if (!i.proof.error.isEmpty())
                p.insert(QStringLiteral("error"), i.proof.error);
            o.insert(QStringLiteral("hypopg"), p);
        }
        json(o, depth);
    }

    void plan(const Plan &p, int depth)
    {
        m_out.append('{');
        newline(depth + 1);
        key(keys::Plan);
        if (p.nodes.empty())
            m_out.append("null");
        else
            node(p, 0, depth + 1);
        for (const Property &t : p.top) {
            m_out.append(',');
            newline(depth + 1);
            key(t.key);
            value(t.value, depth + 1);
        }
        if (m_o.metrics) {
            m_out.append(',');
            newline(depth + 1);
            key(QStringLiteral("pgdeck"));
            m_out.append('{');
            newline(depth + 2);
            key(QStringLiteral("Source Format"));
            string(p.source == Plan::Source::Text ? QStringLiteral("text") : QStringLiteral("json"));
            const PlanTotals &t = p.totals;
            auto field = [&](const char *name, double v) {
                if (!isSet(v))
                    return;
                m_out.append(',');
                newline(depth + 2);
                key(QString::fromLatin1(name));
                number(v);
            };
            field("Total Time", t.totalMs);
            field("Root Inclusive Time", t.rootInclusiveMs);
            field("JIT Time", t.jitMs);
            field("Trigger Time", t.triggerMs);
            field("Log Duration", p.logDurationMs);
            field("Node Count", double(p.nodes.size()));
            if (!p.warnings.isEmpty()) {
                m_out.append(',');
                newline(depth + 2);
                key(QStringLiteral("Warnings"));
                json(QJsonArray::fromStringList(p.warnings), depth + 2);
            }
            for (auto it = m_o.extra.begin(); it != m_o.extra.end(); ++it) {
                m_out.append(',');
                newline(depth + 2);
                key(it.key());
                json(it.value(), depth + 2);
            }
            m_out.append(',');
            newline(depth + 2);
            key(QStringLiteral("Insights"));
            m_out.append('[');
            for (size_t i = 0; i < p.insights.size(); ++i) {
                if (i)
                    m_out.append(',');
                newline(depth + 3);
                insight(p, p.insights[i], depth + 3);
            }
            if (!p.insights.empty())
                newline(depth + 2);
            m_out.append(']');
            newline(depth + 1);
            m_out.append('}');
        }
        newline(depth);
        m_out.append('}');
    }

private:
    const PlanJsonWriter::Options &m_o;
    QByteArray m_out;
};

} // namespace

QByteArray PlanJsonWriter::write(const std::vector<Plan> &plans, const Options &options)
{
    QByteArray result("[");
    for (size_t i = 0; i < plans.size(); ++i) {
        Writer one(options);
        if (options.pretty)
            one.newline(1);
        one.plan(plans[i], 1);
        if (i)
            result.append(',');
        result.append(one.take());
    }
    if (options.pretty)
        result.append('\n');
    result.append("]\n");
    return result;
}

QByteArray PlanJsonWriter::write(const Plan &plan, const Options &options)
{
    Writer one(options);
    QByteArray result("[");
    if (options.pretty)
        one.newline(1);
    one.plan(plan, 1);
    result.append(one.take());
    if (options.pretty)
        result.append('\n');
    result.append("]\n");
    return result;
}

} // namespace pgdeck::explain
