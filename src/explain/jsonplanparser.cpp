#include "jsonplanparser.h"

#include "keys.h"

#include <QJsonArray>
#include <QJsonObject>

#include <charconv>
#include <string>
#include <string_view>

namespace pgdeck::explain {

namespace {

class Reader
{
public:
    Reader(const char *data, qsizetype size, const std::vector<int> *lines)
        : m_begin(data), m_p(data), m_end(data + size), m_lines(lines)
    {
    }

    core::Result<std::vector<Plan>> run()
    {
        std::vector<Plan> plans;
        skipWs();
        if (m_p >= m_end)
            return fail("the input is empty");
        if (*m_p == '[') {
            ++m_p;
            skipWs();
            if (peek() == ']')
                return fail("the JSON array holds no plan");
            for (;;) {
                skipWs();
                if (peek() != '{')
                    return fail("expected a plan object ({\"Plan\": …})");
                Plan plan;
                if (!readPlanObject(plan))
                    return error();
                plans.push_back(std::move(plan));
                skipWs();
                if (peek() == ',') {
                    ++m_p;
                    continue;
                }
                if (peek() == ']') {
                    ++m_p;
                    break;
                }
                return fail("expected ',' or ']' after a plan");
            }
        } else if (*m_p == '{') {
            Plan plan;
            if (!readPlanObject(plan))
                return error();
            plans.push_back(std::move(plan));
        } else {
            return fail("expected '[' or '{' to start EXPLAIN JSON");
        }
        skipWs();
        if (m_p < m_end)
            return fail("unexpected text after the plan");
        return plans;
    }

private:
    const char *m_begin;
    const char *m_p;
    const char *m_end;
    const std::vector<int> *m_lines;
    QString m_error;
    int m_depth = 0;
    std::string m_scratch;

    char peek() const { return m_p < m_end ? *m_p : '\0'; }

    void skipWs()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool setError(const char *what)
    {
        if (m_error.isEmpty()) {
            int line = 1;
            const char *lineStart = m_begin;
            for (const char *q = m_begin; q < m_p && q < m_end; ++q)
                if (*q == '\n') {
                    ++line;
                    lineStart = q + 1;
                }
            const int col = int(QString::fromUtf8(lineStart, qsizetype(qMin(m_p, m_end) - lineStart)).size()) + 1;
            if (m_lines && line - 1 < int(m_lines->size()))
                line = (*m_lines)[size_t(line - 1)];
            m_error = QStringLiteral("line %1, column %2: %3").arg(line).arg(col).arg(QString::fromUtf8(what));
        }
        return false;
    }

    core::Result<std::vector<Plan>> fail(const char *what)
    {
        setError(what);
        return error();
    }

    core::Error error() const
    {
        return core::Error::make(core::Error::Kind::Input, QStringLiteral("invalid EXPLAIN JSON: %1").arg(m_error));
    }

    // Reads a string; `m_p` is on the opening quote.
    bool readRawString(std::string_view *out, bool *escaped)
    {
        if (peek() != '"')
            return setError("expected a string");
        ++m_p;
        const char *start = m_p;
        while (m_p < m_end && *m_p != '"' && *m_p != '\\') {
            if (static_cast<unsigned char>(*m_p) < 0x20)
                return setError("control character inside a string");
            ++m_p;
        }
        if (m_p < m_end && *m_p == '"') {
            *out = std::string_view(start, size_t(m_p - start));
            *escaped = false;
            ++m_p;
            return true;
        }
        // Slow path with escapes.
        m_scratch.assign(start, size_t(m_p - start));
        while (m_p < m_end && *m_p != '"') {
            const char c = *m_p++;
            if (static_cast<unsigned char>(c) < 0x20)
                return setError("control character inside a string");
            if (c != '\\') {
                m_scratch.push_back(c);
                continue;
            }
            if (m_p >= m_end)
                return setError("unterminated string");
            const char e = *m_p++;
            switch (e) {
            case '"': m_scratch.push_back('"'); break;
            case '\\': m_scratch.push_back('\\'); break;
            case '/': m_scratch.push_back('/'); break;
            case 'b': m_scratch.push_back('\b'); break;
            case 'f': m_scratch.push_back('\f'); break;
            case 'n': m_scratch.push_back('\n'); break;
            case 'r': m_scratch.push_back('\r'); break;
            case 't': m_scratch.push_back('\t'); break;
            case 'u': {
                auto hex4 = [this](unsigned *v) {
                    if (m_end - m_p < 4)
                        return false;
                    unsigned r = 0;
                    for (int i = 0; i < 4; ++i) {
                        const char h = m_p[i];
                        r <<= 4;
                        if (h >= '0' && h <= '9') r |= unsigned(h - '0');
                        else if (h >= 'a' && h <= 'f') r |= unsigned(h - 'a' + 10);
                        else if (h >= 'A' && h <= 'F') r |= unsigned(h - 'A' + 10);
                        else return false;
                    }
                    m_p += 4;
                    *v = r;
                    return true;
                };
                unsigned cp = 0;
                if (!hex4(&cp))
                    return setError("bad \\u escape");
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    unsigned lo = 0;
                    if (m_end - m_p >= 6 && m_p[0] == '\\' && m_p[1] == 'u') {
                        m_p += 2;
                        if (!hex4(&lo) || lo < 0xDC00 || lo > 0xDFFF)
                            return setError("bad surrogate pair");
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    } else {
                        cp = 0xFFFD;
                    }
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    cp = 0xFFFD;
                }
                char buf[4];
                int n = 0;
                if (cp < 0x80) { buf[n++] = char(cp); }
                else if (cp < 0x800) { buf[n++] = char(0xC0 | (cp >> 6)); buf[n++] = char(0x80 | (cp & 0x3F)); }
                else if (cp < 0x10000) { buf[n++] = char(0xE0 | (cp >> 12)); buf[n++] = char(0x80 | ((cp >> 6) & 0x3F)); buf[n++] = char(0x80 | (cp & 0x3F)); }
                else { buf[n++] = char(0xF0 | (cp >> 18)); buf[n++] = char(0x80 | ((cp >> 12) & 0x3F)); buf[n++] = char(0x80 | ((cp >> 6) & 0x3F)); buf[n++] = char(0x80 | (cp & 0x3F)); }
                m_scratch.append(buf, size_t(n));
                break;
            }
            default:
                return setError("bad escape in a string");
            }
        }
        if (m_p >= m_end)
            return setError("unterminated string");
        ++m_p;
        *out = std::string_view(m_scratch);
        *escaped = true;
        return true;
    }

    bool readString(QString *out)
    {
        std::string_view sv;
        bool escaped = false;
        if (!readRawString(&sv, &escaped))
            return false;
        *out = QString::fromUtf8(sv.data(), qsizetype(sv.size()));
        return true;
    }

    bool readKey(QString *out)
    {
        std::string_view sv;
        bool escaped = false;
        if (!readRawString(&sv, &escaped))
            return false;
        if (const QString *known = keys::find(sv))
            *out = *known;
        else
            *out = QString::fromUtf8(sv.data(), qsizetype(sv.size()));
        skipWs();
        if (peek() != ':')
            return setError("expected ':' after a key");
        ++m_p;
        skipWs();
        return true;
    }

    bool readNumber(PlanValue *out)
    {
        const char *start = m_p;
        if (peek() == '-')
            ++m_p;
        bool isFloat = false;
        if (m_p >= m_end || !(*m_p >= '0' && *m_p <= '9'))
            return setError("expected a value");
        while (m_p < m_end) {
            const char c = *m_p;
            if (c >= '0' && c <= '9') {
                ++m_p;
            } else if (c == '.' || c == 'e' || c == 'E' || ((c == '+' || c == '-') && (m_p[-1] == 'e' || m_p[-1] == 'E'))) {
                isFloat = true;
                ++m_p;
            } else {
                break;
            }
        }
        if (!isFloat) {
            qint64 i = 0;
            auto r = std::from_chars(start, m_p, i);
            if (r.ec == std::errc() && r.ptr == m_p) {
                *out = PlanValue(i);
                return true;
            }
        }
        double d = 0;
        auto r = std::from_chars(start, m_p, d);
        if (r.ec != std::errc() || r.ptr != m_p)
            return setError("malformed number");
        *out = PlanValue(d);
        return true;
    }

    bool readLiteral(const char *word, size_t len)
    {
        if (size_t(m_end - m_p) < len || std::string_view(m_p, len) != std::string_view(word, len))
            return setError("expected a value");
        m_p += len;
        return true;
    }

    // Any JSON value as QJsonValue (nested groups: Workers, JIT, Settings …).
    bool readJson(QJsonValue *out)
    {
        if (++m_depth > 200)
            return setError("nesting is too deep");
        skipWs();
        const char c = peek();
        bool ok = true;
        if (c == '{') {
            ++m_p;
            QJsonObject o;
            skipWs();
            if (peek() == '}') {
                ++m_p;
            } else {
                for (;;) {
                    skipWs();
                    QString k;
                    QJsonValue v;
                    if (!readKey(&k) || !readJson(&v)) {
                        ok = false;
                        break;
                    }
                    o.insert(k, v);
                    skipWs();
                    if (peek() == ',') { ++m_p; continue; }
                    if (peek() == '}') { ++m_p; break; }
                    ok = setError("expected ',' or '}'");
                    break;
                }
            }
            *out = o;
        } else if (c == '[') {
            ++m_p;
            QJsonArray a;
            skipWs();
            if (peek() == ']') {
                ++m_p;
            } else {
                for (;;) {
                    QJsonValue v;
                    if (!readJson(&v)) {
                        ok = false;
                        break;
                    }
                    a.append(v);
                    skipWs();
                    if (peek() == ',') { ++m_p; continue; }
                    if (peek() == ']') { ++m_p; break; }
                    ok = setError("expected ',' or ']'");
                    break;
                }
            }
            *out = a;
        } else if (c == '"') {
            QString s;
            ok = readString(&s);
            *out = s;
        } else if (c == 't') {
            ok = readLiteral("true", 4);
            *out = true;
        } else if (c == 'f') {
            ok = readLiteral("false", 5);
            *out = false;
        } else if (c == 'n') {
            ok = readLiteral("null", 4);
            *out = QJsonValue(QJsonValue::Null);
        } else {
            PlanValue n;
            ok = readNumber(&n);
            *out = n.isInteger() ? QJsonValue(n.toInteger()) : QJsonValue(n.toDouble());
        }
        --m_depth;
        return ok;
    }

    // A property value: scalars and string lists typed directly, groups as QJsonValue.
    bool readValue(PlanValue *out)
    {
        const char c = peek();
        if (c == '"') {
            QString s;
            if (!readString(&s))
                return false;
            *out = PlanValue(std::move(s));
            return true;
        }
        if (c == 't') {
            *out = PlanValue(true);
            return readLiteral("true", 4);
        }
        if (c == 'f') {
            *out = PlanValue(false);
            return readLiteral("false", 5);
        }
        if (c == 'n') {
            *out = PlanValue();
            return readLiteral("null", 4);
        }
        if (c == '[') {
            // Lists of strings ("Sort Key", "Output") are common: read them without QJsonArray.
            const char *save = m_p;
            ++m_p;
            QStringList list;
            skipWs();
            bool plain = true;
            if (peek() == ']') {
                ++m_p;
            } else {
                for (;;) {
                    skipWs();
                    if (peek() != '"') {
                        plain = false;
                        break;
                    }
                    QString s;
                    if (!readString(&s))
                        return false;
                    list << s;
                    skipWs();
                    if (peek() == ',') { ++m_p; continue; }
                    if (peek() == ']') { ++m_p; break; }
                    return setError("expected ',' or ']'");
                }
            }
            if (plain) {
                *out = PlanValue(std::move(list));
                return true;
            }
            m_p = save;
        }
        if (c == '[' || c == '{') {
            QJsonValue j;
            if (!readJson(&j))
                return false;
            *out = PlanValue(j);
            return true;
        }
        return readNumber(out);
    }

    static void mergeWorkers(PlanValue &existing, const PlanValue &more)
    {
        // Servers before 13 could print "Workers" twice in one node (instrumentation,
        // then sort details): merge them worker by worker.
        const QJsonValue *a = existing.jsonPtr();
        const QJsonValue *b = more.jsonPtr();
        if (!a || !b || !a->isArray() || !b->isArray()) {
            existing = more;
            return;
        }
        QJsonArray merged = a->toArray();
        const QJsonArray extra = b->toArray();
        for (int i = 0; i < extra.size(); ++i) {
            if (i < merged.size() && merged.at(i).isObject() && extra.at(i).isObject()) {
                QJsonObject o = merged.at(i).toObject();
                const QJsonObject e = extra.at(i).toObject();
                for (auto it = e.begin(); it != e.end(); ++it)
                    o.insert(it.key(), it.value());
                merged[i] = o;
            } else {
                merged.append(extra.at(i));
            }
        }
        existing = PlanValue(QJsonValue(merged));
    }

    bool readNode(Plan &plan, int parent)
    {
        if (++m_depth > 1000)
            return setError("the plan is nested too deeply");
        if (peek() != '{')
            return setError("expected a plan node object");
        ++m_p;
        const int me = plan.addNode(parent);
        skipWs();
        if (peek() == '}') {
            ++m_p;
            --m_depth;
            return true;
        }
        for (;;) {
            skipWs();
            QString key;
            if (!readKey(&key))
                return false;
            if (key == keys::Plans) {
                if (peek() != '[')
                    return setError("\"Plans\" must be an array");
                ++m_p;
                skipWs();
                if (peek() == ']') {
                    ++m_p;
                } else {
                    for (;;) {
                        skipWs();
                        if (!readNode(plan, me))
                            return false;
                        skipWs();
                        if (peek() == ',') { ++m_p; continue; }
                        if (peek() == ']') { ++m_p; break; }
                        return setError("expected ',' or ']' between plan nodes");
                    }
                }
            } else {
                PlanValue v;
                if (!readValue(&v))
                    return false;
                if (key == QLatin1String("pgdeck"))
                    ; // pgdeck's own derived metrics from `pgdeck explain --format json`: recomputed, not read
                else {
                    PlanNode &node = plan.nodes[size_t(me)];
                    bool duplicate = false;
                    for (Property &p : node.props) {
                        if (p.key == key) {
                            duplicate = true;
                            if (key == keys::Workers)
                                mergeWorkers(p.value, v);
                            else
                                p.value = std::move(v);
                            break;
                        }
                    }
                    if (!duplicate)
                        node.props.push_back(Property{key, std::move(v)});
                }
            }
            skipWs();
            if (peek() == ',') {
                ++m_p;
                continue;
            }
            if (peek() == '}') {
                ++m_p;
                break;
            }
            return setError("expected ',' or '}' in a plan node");
        }
        --m_depth;
        return true;
    }

    bool readPlanObject(Plan &plan)
    {
        ++m_p; // '{'
        skipWs();
        bool sawPlan = false;
        if (peek() != '}') {
            for (;;) {
                skipWs();
                QString key;
                if (!readKey(&key))
                    return false;
                if (key == keys::Plan) {
                    if (sawPlan)
                        return setError("two \"Plan\" keys in one plan");
                    sawPlan = true;
                    if (!readNode(plan, -1))
                        return false;
                } else {
                    PlanValue v;
                    if (!readValue(&v))
                        return false;
                    if (key != QLatin1String("pgdeck"))
                        plan.setTop(key, std::move(v));
                }
                skipWs();
                if (peek() == ',') {
                    ++m_p;
                    continue;
                }
                if (peek() == '}') {
                    ++m_p;
                    break;
                }
                return setError("expected ',' or '}'");
            }
        } else {
            ++m_p;
        }
        if (!sawPlan)
            return setError("no \"Plan\" key: this JSON is not EXPLAIN output");
        return true;
    }
};

} // namespace

core::Result<std::vector<Plan>> JsonPlanParser::parse(const char *data, qsizetype size, const std::vector<int> *lineNumbers)
{
    Reader r(data, size, lineNumbers);
    auto plans = r.run();
    if (!plans.ok())
        return plans;
    for (Plan &p : *plans) {
        p.source = Plan::Source::Json;
        p.finalize();
    }
    return plans;
}

} // namespace pgdeck::explain
