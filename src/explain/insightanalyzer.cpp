#include "insightanalyzer.h"

#include "format.h"
#include "keys.h"
#include "sql/conditioncolumns.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace pgdeck::explain {

namespace {

QString qualifiedTable(const NodeFacts &f)
{
    if (f.relation.isEmpty())
        return {};
    return f.schema.isEmpty() ? Format::ident(f.relation) : Format::ident(f.schema) + QLatin1Char('.') + Format::ident(f.relation);
}

double share(const PlanNode &n)
{
    return isSet(n.metrics.percentOfTotal) ? n.metrics.percentOfTotal : 0;
}

// Columns of `cond` that belong to the scanned relation (a qualifier, when present,
// must name it).
QStringList indexableColumns(const QString &cond, const NodeFacts &f, QList<sql::ColumnUse> *usesOut = nullptr)
{
    auto uses = sql::ConditionColumns::extract(cond);
    if (!uses.ok())
        return {};
    QList<sql::ColumnUse> own;
    for (const sql::ColumnUse &u : *uses)
        if (u.qualifier.isEmpty() || u.qualifier == f.alias || u.qualifier == f.relation)
            own.push_back(u);
    if (usesOut)
        *usesOut = own;
    return sql::ConditionColumns::indexColumns(own);
}

// True when `n` produced fewer rows than planned only because a Limit above it stopped
// asking: the chain up to the Limit streams rows on demand (a Sort, Hash or hashed
// Aggregate in between reads all of its input, so nodes below it ran to the end).
bool stoppedEarlyByLimit(const Plan &plan, const PlanNode &n)
{
    for (int p = n.parent; p >= 0; p = plan.nodes[size_t(p)].parent) {
        const NodeFacts &pf = plan.nodes[size_t(p)].facts;
        if (pf.nodeType == QLatin1String("Limit"))
            return true;
        const bool consumesAll = pf.nodeType == QLatin1String("Sort") || pf.nodeType == QLatin1String("Hash")
            || pf.nodeType == QLatin1String("SetOp")
            || (pf.nodeType == QLatin1String("Aggregate") && pf.strategy != QLatin1String("Sorted"));
        if (consumesAll)
            return false;
    }
    return false;
}

} // namespace

void InsightAnalyzer::analyze(Plan &plan)
{
    plan.insights.clear();
    const PlanTotals &t = plan.totals;
    std::vector<Insight> &out = plan.insights;

    for (const PlanNode &n : plan.nodes) {
        const NodeFacts &f = n.facts;
        const NodeMetrics &m = n.metrics;
        // The label is only needed for the evidence of an insight: most nodes have none.
        QString labelCache;
        auto nodeLabel = [&]() -> const QString & {
            if (labelCache.isEmpty())
                labelCache = n.label();
            return labelCache;
        };

        // 1. Seq scan throwing away most of a big table -> index.
        if (f.nodeType == QLatin1String("Seq Scan") && isSet(f.rowsRemovedByFilter) && isSet(m.filterRemovedRatio)
            && isSet(m.rowsTotal)) {
            const double loops = qMax(1.0, f.actualLoops);
            const double read = (qMax(0.0, f.actualRows) + f.rowsRemovedByFilter) * loops;
            const QString filter = read >= kIndexMinRowsRead && m.filterRemovedRatio >= kIndexMinRemovedRatio ? n.text(keys::Filter) : QString();
            if (!filter.isEmpty()) {
                const QStringList cols = indexableColumns(filter, f);
                if (!cols.isEmpty()) {
                    Insight i;
                    i.kind = Insight::Kind::IndexProposal;
                    i.node = n.index;
                    i.severity = share(n) >= 50 ? Insight::Severity::Critical : Insight::Severity::Warning;
                    i.table = qualifiedTable(f);
                    i.columns = cols;
                    QStringList quoted;
                    for (const QString &c : cols)
                        quoted << Format::ident(c);
                    i.title = tr("Index %1 (%2) to avoid reading the whole table").arg(i.table, quoted.join(QLatin1String(", ")));
                    i.evidence = tr("%1 read %2 rows and kept %3 (%4 removed by the filter %5)%6")
                                     .arg(nodeLabel(), Format::count(read), Format::count(m.rowsTotal),
                                          Format::percent(100.0 * m.filterRemovedRatio), filter,
                                          isSet(m.percentOfTotal) ? tr(", %1 of the time").arg(Format::percent(m.percentOfTotal))
                                                                  : QString());
                    i.fix = tr("Create an index on the filtered columns (equality columns first); "
                               "hypopg shows whether the planner would use it before you build it.");
                    i.fixSql = QStringLiteral("CREATE INDEX CONCURRENTLY ON %1 (%2);").arg(i.table, quoted.join(QLatin1String(", ")));
                    out.push_back(i);
                }
            }
        }

        // 2. Misestimates, reported where they start (no child already off by 10x).
        // Fewer rows than planned under a Limit is the Limit at work, not a misestimate.
        if (isSet(m.estimateFactor) && m.estimateFactor >= 10 && qMax(f.actualRows, f.planRows) >= kMisestimateMinRows
            && !(m.estimate != NodeMetrics::Estimate::Under && stoppedEarlyByLimit(plan, n))) {
            bool childOff = false;
            for (int c : n.children) {
                const NodeMetrics &cm = plan.nodes[size_t(c)].metrics;
                if (isSet(cm.estimateFactor) && cm.estimateFactor >= 10 && !plan.nodes[size_t(c)].facts.isSubplan())
                    childOff = true;
            }
            if (!childOff) {
                Insight i;
                i.kind = Insight::Kind::Misestimate;
                i.node = n.index;
                i.severity = m.estimateFactor >= 1000 ? Insight::Severity::Critical
                    : m.estimateFactor >= 100        ? Insight::Severity::Warning
                                                     : Insight::Severity::Info;
                const bool under = m.estimate == NodeMetrics::Estimate::Under;
                i.title = under ? tr("Row count under-estimated %1 at %2").arg(Format::factor(m.estimateFactor), n.title())
                                : tr("Row count over-estimated %1 at %2").arg(Format::factor(m.estimateFactor), n.title());
                i.evidence = tr("%1: the planner expected %2 rows, got %3 (per loop, %4 loops)")
                                 .arg(nodeLabel(), Format::count(f.planRows), Format::count(f.actualRows), Format::count(f.actualLoops));
                const QString table = qualifiedTable(f);
                QString cond = n.text(keys::Filter);
                if (cond.isEmpty())
                    cond = n.text(keys::IndexCond);
                if (cond.isEmpty())
                    cond = n.text(keys::RecheckCond);
                QList<sql::ColumnUse> uses;
                const QStringList cols = cond.isEmpty() ? QStringList() : indexableColumns(cond, f, &uses);
                if (!table.isEmpty() && cols.size() >= 2) {
                    QStringList quoted;
                    for (const QString &c : cols)
                        quoted << Format::ident(c);
                    i.fix = tr("The columns %1 are probably correlated: extended statistics let the planner see it.")
                                .arg(quoted.join(QLatin1String(", ")));
                    i.fixSql = QStringLiteral("CREATE STATISTICS ON %1 FROM %2;\nANALYZE %2;").arg(quoted.join(QLatin1String(", ")), table);
                } else if (!table.isEmpty()) {
                    i.fix = tr("Refresh the table's statistics; if it stays wrong, raise the column's statistics target.");
                    i.fixSql = QStringLiteral("ANALYZE %1;").arg(table);
                } else {
                    i.fix = tr("Check the estimates of this node's inputs and refresh their statistics (ANALYZE); "
                               "correlated columns need extended statistics (CREATE STATISTICS).");
                }
                out.push_back(i);
            }
        }

        // 3. Sorts spilling to disk.
        if (f.nodeType == QLatin1String("Sort") || f.nodeType == QLatin1String("Incremental Sort")) {
            double diskKb = 0;
            if (n.text(keys::SortSpaceType) == QLatin1String("Disk"))
                diskKb = qMax(0.0, n.number(keys::SortSpaceUsed));
            if (const PlanValue *w = n.find(keys::Workers); w && w->jsonPtr()) {
                for (const QJsonValue &wv : w->jsonPtr()->toArray()) {
                    const QJsonObject wo = wv.toObject();
                    if (wo.value(keys::SortSpaceType).toString() == QLatin1String("Disk"))
                        diskKb = qMax(diskKb, wo.value(keys::SortSpaceUsed).toDouble());
                }
            }
            for (const QString &g : {QStringLiteral("Full-sort Groups"), QStringLiteral("Pre-sorted Groups")}) {
                if (const PlanValue *gv = n.find(g); gv && gv->jsonPtr()) {
                    const QJsonObject disk = gv->jsonPtr()->toObject().value(QLatin1String("Sort Space Disk")).toObject();
                    diskKb = qMax(diskKb, disk.value(QLatin1String("Peak Sort Space Used")).toDouble());
                }
            }
            if (diskKb > 0) {
                Insight i;
                i.kind = Insight::Kind::SortSpill;
                i.node = n.index;
                i.severity = share(n) >= 30 ? Insight::Severity::Critical : Insight::Severity::Warning;
                i.title = tr("Sort spilled %1 to disk").arg(Format::kilobytes(diskKb));
                i.evidence = tr("%1: Sort Method %2, %3 written to temporary files")
                                 .arg(nodeLabel(), n.text(keys::SortMethod).isEmpty() ? tr("external") : n.text(keys::SortMethod),
                                      Format::kilobytes(diskKb));
                // An in-memory sort needs more room than its on-disk runs.
                const QString mem = Format::memorySetting(diskKb * 2);
                i.fix = tr("Give this query about %1 of work_mem (for the session or the role, not globally), "
                           "or sort fewer rows / narrower rows.").arg(mem);
                i.fixSql = QStringLiteral("SET work_mem = '%1';").arg(mem);
                out.push_back(i);
            }
        }

        // 4. Hash tables in batches on disk.
        if (f.nodeType == QLatin1String("Hash") || f.nodeType == QLatin1String("Aggregate")) {
            const double batches = n.number(keys::HashBatches);
            const double origBatches = n.number(keys::OriginalHashBatches);
            const double aggBatches = n.number(keys::HashAggBatches);
            const double aggDisk = n.number(keys::DiskUsage);
            const double peak = n.number(keys::PeakMemoryUsage);
            double neededKb = 0;
            QString evidence;
            if (f.nodeType == QLatin1String("Hash") && isSet(batches) && qMax(batches, isSet(origBatches) ? origBatches : 0) > 1) {
                neededKb = (isSet(peak) ? peak : 0) * batches;
                evidence = tr("%1: %2 batches (planned %3), %4 of memory per batch")
                               .arg(nodeLabel(), Format::count(batches), Format::count(isSet(origBatches) ? origBatches : batches),
                                    Format::kilobytes(isSet(peak) ? peak : 0));
            } else if (f.nodeType == QLatin1String("Aggregate") && ((isSet(aggBatches) && aggBatches > 1) || (isSet(aggDisk) && aggDisk > 0))) {
                neededKb = (isSet(peak) ? peak : 0) + (isSet(aggDisk) ? aggDisk : 0);
                evidence = tr("%1: %2 batches, %3 in memory and %4 on disk")
                               .arg(nodeLabel(), Format::count(isSet(aggBatches) ? aggBatches : 0), Format::kilobytes(isSet(peak) ? peak : 0),
                                    Format::kilobytes(isSet(aggDisk) ? aggDisk : 0));
            }
            if (!evidence.isEmpty()) {
                Insight i;
                i.kind = Insight::Kind::HashSpill;
                i.node = n.index;
                i.severity = share(n) >= 30 ? Insight::Severity::Critical : Insight::Severity::Warning;
                i.title = tr("Hash table spilled to disk at %1").arg(n.title());
                i.evidence = evidence;
                const QString mem = Format::memorySetting(neededKb);
                i.fix = tr("Hash tables may use work_mem x hash_mem_multiplier; about %1 in total keeps this one in one batch.")
                            .arg(Format::kilobytes(neededKb));
                i.fixSql = QStringLiteral("SET work_mem = '%1';").arg(mem);
                out.push_back(i);
            }
        }

        // 5. Lossy bitmaps.
        if (f.nodeType == QLatin1String("Bitmap Heap Scan")) {
            const double lossy = n.number(keys::LossyHeapBlocks);
            if (isSet(lossy) && lossy > 0) {
                const double exact = qMax(0.0, n.number(keys::ExactHeapBlocks));
                Insight i;
                i.kind = Insight::Kind::LossyBitmap;
                i.node = n.index;
                i.severity = Insight::Severity::Warning;
                i.title = tr("Bitmap turned lossy on %1 pages").arg(Format::count(lossy));
                i.evidence = tr("%1: %2 exact and %3 lossy heap blocks; every row of a lossy page is rechecked (%4 rows removed by the recheck)")
                                 .arg(nodeLabel(), Format::count(isSet(exact) ? exact : 0), Format::count(lossy),
                                      Format::count(isSet(f.rowsRemovedByRecheck) ? f.rowsRemovedByRecheck : 0));
                // An exact bitmap costs roughly 64 bytes per heap page.
                const QString mem = Format::memorySetting((exact + lossy) * 64.0 / 1024.0 * 2.0);
                i.fix = tr("The bitmap did not fit in work_mem; about %1 keeps it exact.").arg(mem);
                i.fixSql = QStringLiteral("SET work_mem = '%1';").arg(mem);
                out.push_back(i);
            }
        }

        // 6. Nested loops whose inner side runs very often.
        if (f.nodeType == QLatin1String("Nested Loop") && n.children.size() >= 2) {
            const PlanNode *inner = nullptr;
            for (int c : n.children)
                if (plan.nodes[size_t(c)].facts.relationship == QLatin1String("Inner"))
                    inner = &plan.nodes[size_t(c)];
            if (inner && isSet(inner->facts.actualLoops) && inner->facts.actualLoops >= kNestedLoopMinLoops) {
                const double innerShare = isSet(inner->metrics.inclusiveMs) && isSet(t.totalMs) && t.totalMs > 0
                    ? 100.0 * inner->metrics.inclusiveMs / t.totalMs
                    : 0;
                if (innerShare >= kNestedLoopMinShare) {
                    const PlanNode *outer = nullptr;
                    for (int c : n.children)
                        if (plan.nodes[size_t(c)].facts.relationship == QLatin1String("Outer"))
                            outer = &plan.nodes[size_t(c)];
                    Insight i;
                    i.kind = Insight::Kind::NestedLoopIterations;
                    i.node = n.index;
                    i.severity = innerShare >= 50 ? Insight::Severity::Critical : Insight::Severity::Warning;
                    i.title = tr("Nested loop ran its inner side %1 times").arg(Format::count(inner->facts.actualLoops));
                    i.evidence = tr("%1 ran %2 times, %3 of the time")
                                     .arg(inner->label(), Format::count(inner->facts.actualLoops), Format::percent(innerShare));
                    if (outer && isSet(outer->metrics.estimateFactor) && outer->metrics.estimateFactor >= 10)
                        i.fix = tr("The outer side returned %1 rows where the planner expected %2: with the right estimate "
                                   "it would pick a hash or merge join. Fix that estimate first (ANALYZE, extended statistics).")
                                    .arg(Format::count(outer->metrics.rowsTotal), Format::count(outer->metrics.planRowsTotal));
                    else
                        i.fix = tr("Make each inner lookup cheap (an index on the join columns of the inner table), "
                                   "or let the planner choose a hash join (check enable_hashjoin, work_mem).");
                    out.push_back(i);
                }
            }
        }

        // 7. Workers launched < planned.
        if (isSet(f.workersPlanned) && isSet(f.workersLaunched) && f.workersLaunched < f.workersPlanned) {
            Insight i;
            i.kind = Insight::Kind::WorkersShort;
            i.node = n.index;
            i.severity = f.workersLaunched == 0 ? Insight::Severity::Warning : Insight::Severity::Info;
            i.title = tr("%1 of %2 parallel workers launched").arg(Format::count(f.workersLaunched), Format::count(f.workersPlanned));
            i.evidence = tr("%1 planned %2 workers and got %3: the rest of the work fell on the leader")
                             .arg(nodeLabel(), Format::count(f.workersPlanned), Format::count(f.workersLaunched));
            i.fix = tr("The server ran out of worker slots: raise max_parallel_workers (and max_worker_processes, "
                       "which needs a restart), or run fewer parallel queries at once.");
            i.fixSql = QStringLiteral("SHOW max_parallel_workers;\nSHOW max_worker_processes;");
            out.push_back(i);
        }

        // 8. Heap fetches on index-only scans.
        if (f.nodeType == QLatin1String("Index Only Scan") && isSet(f.heapFetches) && f.heapFetches >= kHeapFetchMin) {
            const double rows = isSet(m.rowsTotal) && m.rowsTotal > 0 ? m.rowsTotal : 1;
            const double ratio = f.heapFetches / rows;
            if (ratio >= kHeapFetchMinRatio) {
                Insight i;
                i.kind = Insight::Kind::HeapFetches;
                i.node = n.index;
                i.severity = ratio >= 0.5 ? Insight::Severity::Warning : Insight::Severity::Info;
                i.title = tr("Index-only scan visited the heap %1 times").arg(Format::count(f.heapFetches));
                i.evidence = tr("%1: %2 heap fetches for %3 rows returned: pages not marked all-visible")
                                 .arg(nodeLabel(), Format::count(f.heapFetches), Format::count(m.rowsTotal));
                const QString table = qualifiedTable(f);
                i.fix = tr("VACUUM the table so the visibility map is up to date; if it changes often, "
                           "tune autovacuum for it (autovacuum_vacuum_scale_factor).");
                if (!table.isEmpty())
                    i.fixSql = QStringLiteral("VACUUM (ANALYZE) %1;").arg(table);
                out.push_back(i);
            }
        }
    }

    // 9. JIT compilation dominating.
    if (isSet(t.jitMs) && isSet(t.executionMs) && t.executionMs > 0) {
        const double pct = 100.0 * t.jitMs / t.executionMs;
        if (pct >= kJitMinShare) {
            Insight i;
            i.kind = Insight::Kind::JitDominates;
            i.severity = pct >= 50 ? Insight::Severity::Warning : Insight::Severity::Info;
            i.title = tr("JIT compilation took %1 of the execution").arg(Format::percent(pct));
            i.evidence = tr("JIT: %1 of %2 execution time").arg(Format::ms(t.jitMs), Format::ms(t.executionMs));
            i.fix = tr("For short queries JIT costs more than it saves: raise jit_above_cost "
                       "(and jit_inline_above_cost, jit_optimize_above_cost), or turn jit off for this workload.");
            i.fixSql = QStringLiteral("SET jit = off;");
            out.push_back(i);
        }
    }

    std::stable_sort(out.begin(), out.end(), [](const Insight &a, const Insight &b) { return int(a.severity) > int(b.severity); });
}

} // namespace pgdeck::explain
