#pragma once

#include "planvalue.h"

#include <QList>
#include <QString>

#include <vector>

namespace pgdeck::explain {

// One key of a node or of the plan, in the order PostgreSQL printed it.
struct Property
{
    QString key;
    PlanValue value;
};

} // namespace pgdeck::explain

Q_DECLARE_TYPEINFO(pgdeck::explain::Property, Q_RELOCATABLE_TYPE);

namespace pgdeck::explain {

// Buffer counters and I/O time of a node (or of one part of it), in blocks and ms.
struct Buffers
{
    double sharedHit = 0, sharedRead = 0, sharedDirtied = 0, sharedWritten = 0;
    double localHit = 0, localRead = 0, localDirtied = 0, localWritten = 0;
    double tempRead = 0, tempWritten = 0;
    double ioReadMs = 0, ioWriteMs = 0; // every kind of I/O timing (shared, local, temp) summed
    bool present = false;
    bool ioPresent = false;

    double shared() const { return sharedHit + sharedRead + sharedDirtied + sharedWritten; }
    double reads() const { return sharedRead + localRead + tempRead; }
    double total() const
    {
        return shared() + localHit + localRead + localDirtied + localWritten + tempRead + tempWritten;
    }
    Buffers minus(const Buffers &o) const;
    Buffers plus(const Buffers &o) const;
    Buffers clampedAtZero() const;
};

// The typed facts the metrics, views and insights read most, cached from the properties.
struct NodeFacts
{
    QString nodeType;            // "Seq Scan", "Hash Join", "Aggregate" …
    QString relationship;        // "Outer", "Inner", "Member", "Subquery", "InitPlan", "SubPlan"
    QString subplanName;         // "SubPlan 1", "InitPlan 1 (returns $0)", "CTE x"
    QString relation, schema, alias, index, cteName, function;
    QString joinType, strategy, partialMode, operation;
    double startupCost = kNaN, totalCost = kNaN, planRows = kNaN, planWidth = kNaN;
    double actualStartup = kNaN, actualTotal = kNaN, actualRows = kNaN, actualLoops = kNaN;
    double workersPlanned = kNaN, workersLaunched = kNaN;
    double rowsRemovedByFilter = kNaN, rowsRemovedByJoinFilter = kNaN, rowsRemovedByRecheck = kNaN;
    double heapFetches = kNaN;
    bool parallelAware = false;
    bool asyncCapable = false;
    bool hasOutput = false;      // VERBOSE's "Output" key
    Buffers buffers;

    bool hasActuals() const { return isSet(actualLoops); }
    bool neverExecuted() const { return isSet(actualLoops) && actualLoops == 0; }
    bool isCte() const { return subplanName.startsWith(QLatin1String("CTE ")); }
    bool isSubplan() const
    {
        return relationship == QLatin1String("InitPlan") || relationship == QLatin1String("SubPlan");
    }
};

// What pgdeck derives from a node (never part of PostgreSQL's own keys).
struct NodeMetrics
{
    enum class Estimate { Unknown, Exact, Under, Over };

    double inclusiveMs = kNaN;  // wall time of the node and what it waits for, all loops
    double exclusiveMs = kNaN;  // inclusive minus the children whose time it includes, >= 0
    double percentOfTotal = kNaN;
    double exclusiveCost = kNaN;
    double rowsTotal = kNaN;    // actual rows x loops
    double planRowsTotal = kNaN; // estimated rows x loops
    double estimateFactor = kNaN; // >= 1
    Estimate estimate = Estimate::Unknown;
    double filterRemovedRatio = kNaN; // rows removed by (join) filter / rows read, 0..1
    double parallelDivisor = 1;       // launched workers + 1 under Gather / Gather Merge
    Buffers exclusiveBuffers;
};

class PlanNode
{
public:
    int index = 0;
    int parent = -1;
    int depth = 0;
    std::vector<int> children;
    QList<Property> props;   // PostgreSQL's keys in order, "Plans" excluded
    int sourceLine = 0;      // 1-based line of a TEXT plan, 0 when parsed from JSON
    NodeFacts facts;
    NodeMetrics metrics;

    const PlanValue *find(QStringView key) const;
    PlanValue value(QStringView key) const;
    double number(QStringView key) const; // NaN when absent or not a number
    QString text(QStringView key) const;
    bool has(QStringView key) const { return find(key) != nullptr; }
    // Replaces the value of an existing key, or appends it.
    void set(const QString &key, PlanValue value);
    void remove(QStringView key);

    // Re-reads NodeFacts from props (after parsing or editing).
    void refreshFacts();
    // The node as PostgreSQL's TEXT format names it: "Parallel Seq Scan on events e",
    // "Hash Left Join", "Finalize GroupAggregate", "Index Only Scan Backward using i on t".
    QString label() const;
    // Short form for graph boxes: "Seq Scan" + target on a second line.
    QString title() const;
    QString target() const;
};

} // namespace pgdeck::explain
