#include "prometheusparser.h"

#include <cmath>
#include <limits>

namespace pgdeck::monitor {

namespace {

bool isNameStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}
bool isNameChar(char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9');
}

struct LineParser
{
    const char *p;
    const char *end;

    void skipSpaces()
    {
        while (p < end && (*p == ' ' || *p == '\t'))
            ++p;
    }
    bool name(QString *out, bool labelName)
    {
        const char *start = p;
        if (p >= end || !(labelName ? (isNameStart(*p) && *p != ':') : isNameStart(*p)))
            return false;
        ++p;
        while (p < end && isNameChar(*p))
            ++p;
        *out = QString::fromLatin1(start, int(p - start));
        return true;
    }
    bool quoted(QString *out, QString *error)
    {
        if (p >= end || *p != '"') {
            *error = QStringLiteral("expected '\"'");
            return false;
        }
        ++p;
        QByteArray value;
        while (p < end && *p != '"') {
            if (*p == '\\') {
                ++p;
                if (p >= end)
                    break;
                switch (*p) {
                case 'n': value.append('\n'); break;
                case '\\': value.append('\\'); break;
                case '"': value.append('"'); break;
                default:
                    *error = QStringLiteral("invalid escape \\%1").arg(QChar::fromLatin1(*p));
                    return false;
                }
                ++p;
                continue;
            }
            value.append(*p++);
        }
        if (p >= end) {
            *error = QStringLiteral("unterminated label value");
            return false;
        }
        ++p;
        *out = QString::fromUtf8(value);
        return true;
    }
    bool number(double *out)
    {
        const char *start = p;
        while (p < end && *p != ' ' && *p != '\t')
            ++p;
        const QByteArray tok(start, int(p - start));
        if (tok == "+Inf" || tok == "Inf") {
            *out = std::numeric_limits<double>::infinity();
            return true;
        }
        if (tok == "-Inf") {
            *out = -std::numeric_limits<double>::infinity();
            return true;
        }
        if (tok == "NaN") {
            *out = std::numeric_limits<double>::quiet_NaN();
            return true;
        }
        bool ok = false;
        *out = tok.toDouble(&ok);
        return ok && !tok.isEmpty();
    }
};

} // namespace

PrometheusParser::Result PrometheusParser::parse(const QByteArray &body, int maxMetrics)
{
    Result r;
    const char *data = body.constData();
    const qsizetype size = body.size();
    qsizetype pos = 0;
    int lineNo = 0;
    auto fail = [&r](int line, const QString &what) {
        if (r.errors.size() < 20)
            r.errors << QStringLiteral("line %1: %2").arg(line).arg(what);
    };
    while (pos < size) {
        qsizetype nl = body.indexOf('\n', pos);
        if (nl < 0)
            nl = size;
        const char *b = data + pos;
        const char *e = data + nl;
        pos = nl + 1;
        ++lineNo;
        if (e > b && e[-1] == '\r')
            --e;
        LineParser lp{b, e};
        lp.skipSpaces();
        if (lp.p >= e || *lp.p == '#')
            continue;
        ++r.lines;
        if (r.metrics.size() >= maxMetrics) {
            fail(lineNo, QStringLiteral("too many samples"));
            break;
        }
        Metric m;
        if (!lp.name(&m.name, false)) {
            fail(lineNo, QStringLiteral("expected a metric name"));
            continue;
        }
        lp.skipSpaces();
        bool bad = false;
        if (lp.p < e && *lp.p == '{') {
            ++lp.p;
            for (;;) {
                lp.skipSpaces();
                if (lp.p < e && *lp.p == '}') {
                    ++lp.p;
                    break;
                }
                QString key, value, err;
                if (!lp.name(&key, true)) {
                    fail(lineNo, QStringLiteral("expected a label name"));
                    bad = true;
                    break;
                }
                lp.skipSpaces();
                if (lp.p >= e || *lp.p != '=') {
                    fail(lineNo, QStringLiteral("expected '=' after label %1").arg(key));
                    bad = true;
                    break;
                }
                ++lp.p;
                lp.skipSpaces();
                if (!lp.quoted(&value, &err)) {
                    fail(lineNo, err);
                    bad = true;
                    break;
                }
                m.labels.insert(key, value);
                lp.skipSpaces();
                if (lp.p < e && *lp.p == ',')
                    ++lp.p;
                else if (lp.p < e && *lp.p == '}')
                    continue;
                else {
                    fail(lineNo, QStringLiteral("expected ',' or '}'"));
                    bad = true;
                    break;
                }
            }
            if (bad)
                continue;
        }
        lp.skipSpaces();
        if (!lp.number(&m.value)) {
            fail(lineNo, QStringLiteral("expected a number after %1").arg(m.name));
            continue;
        }
        lp.skipSpaces();
        if (lp.p < e) { // optional timestamp, an integer
            double ts = 0;
            if (!lp.number(&ts) || std::floor(ts) != ts) {
                fail(lineNo, QStringLiteral("unexpected text after the value"));
                continue;
            }
            lp.skipSpaces();
            if (lp.p < e) {
                fail(lineNo, QStringLiteral("unexpected text after the timestamp"));
                continue;
            }
        }
        r.metrics.append(std::move(m));
    }
    return r;
}

double PrometheusParser::sum(const Result &r, const QString &name, bool *found)
{
    double total = 0;
    bool any = false;
    const QString suffix = QLatin1Char('_') + name;
    for (const Metric &m : r.metrics) {
        if (m.name == name || m.name.endsWith(suffix)) {
            if (std::isfinite(m.value))
                total += m.value;
            any = true;
        }
    }
    if (found)
        *found = any;
    return any ? total : std::numeric_limits<double>::quiet_NaN();
}

} // namespace pgdeck::monitor
