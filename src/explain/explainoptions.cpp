#include "explainoptions.h"

namespace pgdeck::explain {

using Option = ExplainOptions::Option;

QString ExplainOptions::optionName(Option o)
{
    switch (o) {
    case Option::Analyze: return QStringLiteral("ANALYZE");
    case Option::Buffers: return QStringLiteral("BUFFERS");
    case Option::Verbose: return QStringLiteral("VERBOSE");
    case Option::Settings: return QStringLiteral("SETTINGS");
    case Option::Wal: return QStringLiteral("WAL");
    case Option::Timing: return QStringLiteral("TIMING");
    case Option::Costs: return QStringLiteral("COSTS");
    case Option::Summary: return QStringLiteral("SUMMARY");
    case Option::GenericPlan: return QStringLiteral("GENERIC_PLAN");
    case Option::Memory: return QStringLiteral("MEMORY");
    case Option::Serialize: return QStringLiteral("SERIALIZE");
    }
    return {};
}

int ExplainOptions::minimumVersion(Option o)
{
    switch (o) {
    case Option::Settings: return 120000;
    case Option::Wal: return 130000;
    case Option::GenericPlan: return 160000;
    case Option::Memory: return 170000;
    case Option::Serialize: return 170000;
    default: return 0;
    }
}

QList<Option> ExplainOptions::supported(int serverVersionNum)
{
    QList<Option> out;
    for (Option o : {Option::Analyze, Option::Buffers, Option::Verbose, Option::Settings, Option::Wal, Option::Timing,
                     Option::Costs, Option::Summary, Option::GenericPlan, Option::Memory, Option::Serialize})
        if (serverVersionNum <= 0 || serverVersionNum >= minimumVersion(o))
            out << o;
    return out;
}

bool ExplainOptions::isSet(Option o) const
{
    switch (o) {
    case Option::Analyze: return analyze;
    case Option::Buffers: return buffers;
    case Option::Verbose: return verbose;
    case Option::Settings: return settings;
    case Option::Wal: return wal;
    case Option::Timing: return timing;
    case Option::Costs: return costs;
    case Option::Summary: return summary;
    case Option::GenericPlan: return genericPlan;
    case Option::Memory: return memory;
    case Option::Serialize: return serialize;
    }
    return false;
}

void ExplainOptions::set(Option o, bool on)
{
    switch (o) {
    case Option::Analyze: analyze = on; break;
    case Option::Buffers: buffers = on; break;
    case Option::Verbose: verbose = on; break;
    case Option::Settings: settings = on; break;
    case Option::Wal: wal = on; break;
    case Option::Timing: timing = on; break;
    case Option::Costs: costs = on; break;
    case Option::Summary: summary = on; break;
    case Option::GenericPlan: genericPlan = on; break;
    case Option::Memory: memory = on; break;
    case Option::Serialize: serialize = on; break;
    }
}

core::Result<QString> ExplainOptions::statementFor(const QString &statement, int v) const
{
    auto refuse = [](const QString &why) { return core::Error::make(core::Error::Kind::Input, why); };
    for (Option o : {Option::Settings, Option::Wal, Option::GenericPlan, Option::Memory, Option::Serialize}) {
        if (isSet(o) && v > 0 && v < minimumVersion(o))
            return refuse(QStringLiteral("EXPLAIN %1 needs PostgreSQL %2 or later").arg(optionName(o)).arg(minimumVersion(o) / 10000));
    }
    if (wal && !analyze)
        return refuse(QStringLiteral("EXPLAIN WAL needs ANALYZE"));
    if (serialize && !analyze)
        return refuse(QStringLiteral("EXPLAIN SERIALIZE needs ANALYZE"));
    if (genericPlan && analyze)
        return refuse(QStringLiteral("EXPLAIN GENERIC_PLAN cannot be combined with ANALYZE"));
    if (buffers && !analyze && v > 0 && v < 130000)
        return refuse(QStringLiteral("EXPLAIN BUFFERS without ANALYZE needs PostgreSQL 13 or later"));
    QStringList opts;
    if (analyze)
        opts << QStringLiteral("ANALYZE");
    if (verbose)
        opts << QStringLiteral("VERBOSE");
    if (!costs)
        opts << QStringLiteral("COSTS OFF");
    if (settings)
        opts << QStringLiteral("SETTINGS");
    if (genericPlan)
        opts << QStringLiteral("GENERIC_PLAN");
    if (buffers)
        opts << QStringLiteral("BUFFERS");
    if (serialize)
        opts << QStringLiteral("SERIALIZE");
    if (wal)
        opts << QStringLiteral("WAL");
    if (analyze && !timing)
        opts << QStringLiteral("TIMING OFF");
    if (summary && !analyze)
        opts << QStringLiteral("SUMMARY");
    if (memory)
        opts << QStringLiteral("MEMORY");
    opts << (output == Output::Json ? QStringLiteral("FORMAT JSON") : QStringLiteral("FORMAT TEXT"));
    QString body = statement.trimmed();
    while (body.endsWith(QLatin1Char(';')))
        body = body.chopped(1).trimmed();
    return QStringLiteral("EXPLAIN (%1) %2").arg(opts.join(QLatin1String(", ")), body);
}

} // namespace pgdeck::explain
