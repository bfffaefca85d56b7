#pragma once

#include <QString>
#include <QStringView>

#include <string_view>
#include <vector>

// PostgreSQL's own EXPLAIN (FORMAT JSON) key names, shared so every copy of a key
// is the same implicitly shared string.
namespace pgdeck::explain::keys {

inline const QString Plan = QStringLiteral("Plan");
inline const QString Plans = QStringLiteral("Plans");
inline const QString NodeType = QStringLiteral("Node Type");
inline const QString Strategy = QStringLiteral("Strategy");
inline const QString PartialMode = QStringLiteral("Partial Mode");
inline const QString Operation = QStringLiteral("Operation");
inline const QString ParentRelationship = QStringLiteral("Parent Relationship");
inline const QString SubplanName = QStringLiteral("Subplan Name");
inline const QString CustomPlanProvider = QStringLiteral("Custom Plan Provider");
inline const QString ParallelAware = QStringLiteral("Parallel Aware");
inline const QString AsyncCapable = QStringLiteral("Async Capable");
inline const QString ScanDirection = QStringLiteral("Scan Direction");
inline const QString IndexName = QStringLiteral("Index Name");
inline const QString RelationName = QStringLiteral("Relation Name");
inline const QString FunctionName = QStringLiteral("Function Name");
inline const QString TableFunctionName = QStringLiteral("Table Function Name");
inline const QString CteName = QStringLiteral("CTE Name");
inline const QString TuplestoreName = QStringLiteral("Tuplestore Name");
inline const QString Schema = QStringLiteral("Schema");
inline const QString Alias = QStringLiteral("Alias");
inline const QString JoinType = QStringLiteral("Join Type");
inline const QString Command = QStringLiteral("Command");
inline const QString InnerUnique = QStringLiteral("Inner Unique");
inline const QString StartupCost = QStringLiteral("Startup Cost");
inline const QString TotalCost = QStringLiteral("Total Cost");
inline const QString PlanRows = QStringLiteral("Plan Rows");
inline const QString PlanWidth = QStringLiteral("Plan Width");
inline const QString ActualStartupTime = QStringLiteral("Actual Startup Time");
inline const QString ActualTotalTime = QStringLiteral("Actual Total Time");
inline const QString ActualRows = QStringLiteral("Actual Rows");
inline const QString ActualLoops = QStringLiteral("Actual Loops");
inline const QString Output = QStringLiteral("Output");
inline const QString Filter = QStringLiteral("Filter");
inline const QString JoinFilter = QStringLiteral("Join Filter");
inline const QString IndexCond = QStringLiteral("Index Cond");
inline const QString RecheckCond = QStringLiteral("Recheck Cond");
inline const QString HashCond = QStringLiteral("Hash Cond");
inline const QString MergeCond = QStringLiteral("Merge Cond");
inline const QString RowsRemovedByFilter = QStringLiteral("Rows Removed by Filter");
inline const QString RowsRemovedByJoinFilter = QStringLiteral("Rows Removed by Join Filter");
inline const QString RowsRemovedByIndexRecheck = QStringLiteral("Rows Removed by Index Recheck");
inline const QString HeapFetches = QStringLiteral("Heap Fetches");
inline const QString ExactHeapBlocks = QStringLiteral("Exact Heap Blocks");
inline const QString LossyHeapBlocks = QStringLiteral("Lossy Heap Blocks");
inline const QString WorkersPlanned = QStringLiteral("Workers Planned");
inline const QString WorkersLaunched = QStringLiteral("Workers Launched");
inline const QString Workers = QStringLiteral("Workers");
inline const QString WorkerNumber = QStringLiteral("Worker Number");
inline const QString SingleCopy = QStringLiteral("Single Copy");
inline const QString SortKey = QStringLiteral("Sort Key");
inline const QString PresortedKey = QStringLiteral("Presorted Key");
inline const QString SortMethod = QStringLiteral("Sort Method");
inline const QString SortSpaceUsed = QStringLiteral("Sort Space Used");
inline const QString SortSpaceType = QStringLiteral("Sort Space Type");
inline const QString GroupKey = QStringLiteral("Group Key");
inline const QString HashBuckets = QStringLiteral("Hash Buckets");
inline const QString OriginalHashBuckets = QStringLiteral("Original Hash Buckets");
inline const QString HashBatches = QStringLiteral("Hash Batches");
inline const QString OriginalHashBatches = QStringLiteral("Original Hash Batches");
inline const QString PeakMemoryUsage = QStringLiteral("Peak Memory Usage");
inline const QString DiskUsage = QStringLiteral("Disk Usage");
inline const QString HashAggBatches = QStringLiteral("HashAgg Batches");
inline const QString PlannedPartitions = QStringLiteral("Planned Partitions");
inline const QString SharedHitBlocks = QStringLiteral("Shared Hit Blocks");
inline const QString SharedReadBlocks = QStringLiteral("Shared Read Blocks");
inline const QString SharedDirtiedBlocks = QStringLiteral("Shared Dirtied Blocks");
inline const QString SharedWrittenBlocks = QStringLiteral("Shared Written Blocks");
inline const QString LocalHitBlocks = QStringLiteral("Local Hit Blocks");
inline const QString LocalReadBlocks = QStringLiteral("Local Read Blocks");
inline const QString LocalDirtiedBlocks = QStringLiteral("Local Dirtied Blocks");
inline const QString LocalWrittenBlocks = QStringLiteral("Local Written Blocks");
inline const QString TempReadBlocks = QStringLiteral("Temp Read Blocks");
inline const QString TempWrittenBlocks = QStringLiteral("Temp Written Blocks");
inline const QString IoReadTime = QStringLiteral("I/O Read Time");
inline const QString IoWriteTime = QStringLiteral("I/O Write Time");
inline const QString TempIoReadTime = QStringLiteral("Temp I/O Read Time");
inline const QString TempIoWriteTime = QStringLiteral("Temp I/O Write Time");
inline const QString SharedIoReadTime = QStringLiteral("Shared I/O Read Time");
inline const QString SharedIoWriteTime = QStringLiteral("Shared I/O Write Time");
inline const QString LocalIoReadTime = QStringLiteral("Local I/O Read Time");
inline const QString LocalIoWriteTime = QStringLiteral("Local I/O Write Time");
inline const QString WalRecords = QStringLiteral("WAL Records");
inline const QString WalFpi = QStringLiteral("WAL FPI");
inline const QString WalBytes = QStringLiteral("WAL Bytes");
inline const QString WalBuffersFull = QStringLiteral("WAL Buffers Full");
inline const QString TargetTables = QStringLiteral("Target Tables");

// Top level
inline const QString QueryText = QStringLiteral("Query Text");
inline const QString Planning = QStringLiteral("Planning");
inline const QString PlanningTime = QStringLiteral("Planning Time");
inline const QString ExecutionTime = QStringLiteral("Execution Time");
inline const QString TotalRuntime = QStringLiteral("Total Runtime");
inline const QString Triggers = QStringLiteral("Triggers");
inline const QString Jit = QStringLiteral("JIT");
inline const QString Settings = QStringLiteral("Settings");
inline const QString QueryIdentifier = QStringLiteral("Query Identifier");
inline const QString Serialization = QStringLiteral("Serialization");

// Key equality with the shortcut that makes shared keys cheap: the same data is the same key.
inline bool same(QStringView a, QStringView b)
{
    return a.size() == b.size() && (a.data() == b.data() || a == b);
}

// Every key above, for lookup tables.
const std::vector<QString> &all();
// The shared copy of a known key; an unknown key is copied into `storage`.
const QString &intern(QStringView key, QString *storage);
// The same for a key read as UTF-8 (JSON): nullptr when it is not a known key.
const QString *find(std::string_view utf8);

} // namespace pgdeck::explain::keys
