#include "plantreewriter.h"

#include "format.h"
#include "keys.h"

namespace pgdeck::explain {

namespace {

QString figures(const Plan &plan, const PlanNode &n)
{
    const NodeFacts &f = n.facts;
    const NodeMetrics &m = n.metrics;
    QStringList parts;
    if (f.neverExecuted()) {
        parts << QStringLiteral("never executed");
    } else {
        if (isSet(m.exclusiveMs))
            parts << QStringLiteral("excl %1 (%2)").arg(Format::ms(m.exclusiveMs), Format::percent(m.percentOfTotal));
        if (isSet(m.inclusiveMs))
            parts << QStringLiteral("incl %1").arg(Format::ms(m.inclusiveMs));
        if (isSet(f.actualRows))
            parts << QStringLiteral("rows %1 est %2").arg(Format::count(f.actualRows), Format::count(f.planRows));
        else if (isSet(f.planRows))
            parts << QStringLiteral("rows est %1").arg(Format::count(f.planRows));
        if (isSet(f.actualLoops) && f.actualLoops != 1)
            parts << QStringLiteral("loops %1").arg(Format::count(f.actualLoops));
        if (isSet(m.estimateFactor) && m.estimateFactor >= 10)
            parts << QStringLiteral("misestimate %1 %2")
                         .arg(Format::factor(m.estimateFactor),
                              m.estimate == NodeMetrics::Estimate::Under ? QStringLiteral("under") : QStringLiteral("over"));
        if (isSet(m.filterRemovedRatio) && m.filterRemovedRatio > 0)
            parts << QStringLiteral("filter removed %1").arg(Format::percent(100.0 * m.filterRemovedRatio));
        if (f.buffers.present) {
            const Buffers &b = m.exclusiveBuffers;
            QString s = QStringLiteral("buffers hit %1 read %2").arg(Format::count(b.sharedHit + b.localHit),
                                                                       Format::count(b.sharedRead + b.localRead));
            if (b.tempRead + b.tempWritten > 0)
                s += QStringLiteral(" temp %1").arg(Format::count(b.tempRead + b.tempWritten));
            parts << s;
        }
    }
    if (!plan.totals.analyzed && isSet(m.exclusiveCost))
        parts << QStringLiteral("cost %1 (excl %2)").arg(Format::cost(f.totalCost), Format::cost(m.exclusiveCost));
    return parts.join(QLatin1String("  "));
}

void writeNode(const Plan &plan, int index, const QString &prefix, bool last, bool root, QString &out)
{
    const PlanNode &n = plan.nodes[size_t(index)];
    QString line = prefix;
    if (!root)
        line += last ? QStringLiteral("└─ ") : QStringLiteral("├─ ");
    if (!n.facts.subplanName.isEmpty())
        line += QStringLiteral("[%1] ").arg(n.facts.subplanName);
    line += n.label();
    const QString figs = figures(plan, n);
    if (!figs.isEmpty())
        line += QStringLiteral("  ") + figs;
    out += line + QLatin1Char('\n');
    const QString childPrefix = root ? prefix : prefix + (last ? QStringLiteral("   ") : QStringLiteral("│  "));
    for (size_t i = 0; i < n.children.size(); ++i)
        writeNode(plan, n.children[i], childPrefix, i + 1 == n.children.size(), false, out);
}

} // namespace

QString PlanTreeWriter::write(const Plan &plan)
{
    QString out;
    const PlanTotals &t = plan.totals;
    QStringList head;
    head << QStringLiteral("%1 plan, %2 nodes")
                .arg(plan.source == Plan::Source::Text ? QStringLiteral("TEXT") : QStringLiteral("JSON"))
                .arg(plan.nodes.size());
    if (isSet(t.executionMs))
        head << QStringLiteral("execution %1").arg(Format::ms(t.executionMs));
    else if (isSet(t.rootInclusiveMs))
        head << QStringLiteral("root %1").arg(Format::ms(t.rootInclusiveMs));
    if (isSet(t.planningMs))
        head << QStringLiteral("planning %1").arg(Format::ms(t.planningMs));
    if (isSet(t.totalCost))
        head << QStringLiteral("cost %1").arg(Format::cost(t.totalCost));
    if (isSet(t.jitMs))
        head << QStringLiteral("JIT %1").arg(Format::ms(t.jitMs));
    out += head.join(QLatin1String(", ")) + QLatin1Char('\n');
    if (!plan.nodes.empty())
        writeNode(plan, 0, QString(), true, true, out);
    if (t.triggerMs > 0)
        out += QStringLiteral("triggers %1\n").arg(Format::ms(t.triggerMs));
    for (const QString &w : plan.warnings)
        out += QStringLiteral("warning: %1\n").arg(w);
    if (plan.insights.empty()) {
        out += QStringLiteral("\nNo insights.\n");
        return out;
    }
    out += QStringLiteral("\nInsights:\n");
    for (const Insight &i : plan.insights) {
        out += QStringLiteral("  [%1] %2\n").arg(Insight::severityName(i.severity), i.title);
        out += QStringLiteral("      evidence: %1\n").arg(i.evidence);
        out += QStringLiteral("      fix: %1\n").arg(i.fix);
        for (const QString &sqlLine : i.fixSql.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            out += QStringLiteral("        %1\n").arg(sqlLine);
        if (i.proof.tried) {
            if (!i.proof.error.isEmpty())
                out += QStringLiteral("      hypopg: not tried (%1)\n").arg(i.proof.error);
            else if (i.proof.used)
                out += QStringLiteral("      hypopg: the planner uses %1: cost %2 -> %3\n")
                           .arg(i.proof.indexName, Format::cost(i.proof.costBefore), Format::cost(i.proof.costAfter));
            else
                out += QStringLiteral("      hypopg: the planner would not use this index (cost %1 -> %2)\n")
                           .arg(Format::cost(i.proof.costBefore), Format::cost(i.proof.costAfter));
        }
    }
    return out;
}

} // namespace pgdeck::explain
