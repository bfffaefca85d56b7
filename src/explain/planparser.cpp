#include "planparser.h"

#include "insightanalyzer.h"
#include "jsonplanparser.h"
#include "metrics.h"
#include "sourcecleaner.h"
#include "textplanparser.h"

namespace pgdeck::explain {

namespace {

template<typename View>
QChar firstNonSpace(const View &v)
{
    for (auto c : v) {
        const QChar q(c);
        if (!q.isSpace() && q != QChar(0xFEFF))
            return q;
    }
    return {};
}

core::Error unsupported(const QString &what)
{
    return core::Error::make(core::Error::Kind::Input,
                             QStringLiteral("%1 plans are not supported: use EXPLAIN (FORMAT JSON) or the default TEXT format").arg(what));
}

core::Result<std::vector<Plan>> parseCleaned(const QString &input, PlanParser::Format format)
{
    const SourceCleaner cleaner(input);
    const bool json = format == PlanParser::Format::Json || (format == PlanParser::Format::Auto && cleaner.looksLikeJson());
    if (json) {
        std::vector<int> lineNumbers;
        const QByteArray utf8 = cleaner.joinedUtf8(&lineNumbers);
        auto plans = JsonPlanParser::parse(utf8.constData(), utf8.size(), &lineNumbers);
        if (plans.ok())
            for (Plan &p : *plans) {
                p.sourceText = input;
                if (!isSet(p.logDurationMs))
                    p.logDurationMs = cleaner.logDurationMs();
            }
        return plans;
    }
    for (const SourceLine &l : cleaner.lines()) {
        const QStringView t = l.text.trimmed();
        if (t.startsWith(QLatin1String("<explain")) || t.startsWith(QLatin1String("<?xml")))
            return unsupported(QStringLiteral("XML"));
        if (t.startsWith(QLatin1String("- Plan:")))
            return unsupported(QStringLiteral("YAML"));
        if (!t.isEmpty())
            break;
    }
    auto plan = TextPlanParser::parse(cleaner);
    if (!plan.ok())
        return plan.error();
    plan->sourceText = input;
    std::vector<Plan> out;
    out.push_back(std::move(*plan));
    return out;
}

} // namespace

QString PlanParser::formatName(Format f)
{
    switch (f) {
    case Format::Auto: return QStringLiteral("auto");
    case Format::Text: return QStringLiteral("text");
    case Format::Json: return QStringLiteral("json");
    }
    return {};
}

PlanParser::Format PlanParser::detect(const QString &input)
{
    const QChar c = firstNonSpace(input);
    if (c == QLatin1Char('{') || c == QLatin1Char('['))
        return Format::Json;
    return SourceCleaner(input).looksLikeJson() ? Format::Json : Format::Text;
}

core::Result<std::vector<Plan>> PlanParser::parseAll(const QString &input, Format format)
{
    const QChar c = firstNonSpace(input);
    if (format != Format::Text && (c == QLatin1Char('{') || c == QLatin1Char('['))) {
        const QByteArray utf8 = input.toUtf8();
        auto plans = JsonPlanParser::parse(utf8);
        if (plans.ok()) {
            for (Plan &p : *plans)
                p.sourceText = input;
            return plans;
        }
        // "[…]" may also be a quoted or framed paste; if cleaning does not help, the
        // JSON error is the one to show.
        auto again = parseCleaned(input, Format::Json);
        return again.ok() ? again : plans;
    }
    return parseCleaned(input, format);
}

core::Result<std::vector<Plan>> PlanParser::parseAll(const QByteArray &utf8, Format format)
{
    const char *p = utf8.constData();
    const char *end = p + utf8.size();
    if (end - p >= 3 && static_cast<unsigned char>(p[0]) == 0xEF && static_cast<unsigned char>(p[1]) == 0xBB
        && static_cast<unsigned char>(p[2]) == 0xBF)
        p += 3;
    const char *q = p;
    while (q < end && (*q == ' ' || *q == '\n' || *q == '\r' || *q == '\t'))
        ++q;
    if (format != Format::Text && q < end && (*q == '{' || *q == '[')) {
        auto plans = JsonPlanParser::parse(p, qsizetype(end - p));
        if (plans.ok()) {
            const QString text = QString::fromUtf8(utf8);
            for (Plan &pl : *plans)
                pl.sourceText = text;
            return plans;
        }
        auto again = parseCleaned(QString::fromUtf8(utf8), Format::Json);
        return again.ok() ? again : plans;
    }
    return parseCleaned(QString::fromUtf8(utf8), format);
}

core::Result<Plan> PlanParser::parse(const QString &input, Format format)
{
    auto plans = parseAll(input, format);
    if (!plans.ok())
        return plans.error();
    if (plans->empty())
        return core::Error::make(core::Error::Kind::Input, QStringLiteral("no plan in the input"));
    return std::move(plans->front());
}

core::Result<Plan> PlanParser::parseAndAnalyze(const QString &input, Format format)
{
    auto plan = parse(input, format);
    if (!plan.ok())
        return plan;
    Metrics::compute(*plan);
    InsightAnalyzer::analyze(*plan);
    return plan;
}

} // namespace pgdeck::explain
