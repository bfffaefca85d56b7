#include "keys.h"

#include <QHash>

#include <unordered_map>

namespace pgdeck::explain::keys {

const std::vector<QString> &all()
{
    static const std::vector<QString> list = {
        keys::Plan, keys::Plans, keys::NodeType, keys::Strategy, keys::PartialMode, keys::Operation,
        keys::ParentRelationship, keys::SubplanName, keys::CustomPlanProvider, keys::ParallelAware, keys::AsyncCapable,
        keys::ScanDirection, keys::IndexName, keys::RelationName, keys::FunctionName, keys::TableFunctionName,
        keys::CteName, keys::TuplestoreName, keys::Schema, keys::Alias, keys::JoinType, keys::Command, keys::InnerUnique,
        keys::StartupCost, keys::TotalCost, keys::PlanRows, keys::PlanWidth, keys::ActualStartupTime,
        keys::ActualTotalTime, keys::ActualRows, keys::ActualLoops, keys::Output, keys::Filter, keys::JoinFilter,
        keys::IndexCond, keys::RecheckCond, keys::HashCond, keys::MergeCond, keys::RowsRemovedByFilter,
        keys::RowsRemovedByJoinFilter, keys::RowsRemovedByIndexRecheck, keys::HeapFetches, keys::ExactHeapBlocks,
        keys::LossyHeapBlocks, keys::WorkersPlanned, keys::WorkersLaunched, keys::Workers, keys::WorkerNumber,
        keys::SingleCopy, keys::SortKey, keys::PresortedKey, keys::SortMethod, keys::SortSpaceUsed,
        keys::SortSpaceType, keys::GroupKey, keys::HashBuckets, keys::OriginalHashBuckets, keys::HashBatches,
        keys::OriginalHashBatches, keys::PeakMemoryUsage, keys::DiskUsage, keys::HashAggBatches,
        keys::PlannedPartitions, keys::SharedHitBlocks, keys::SharedReadBlocks, keys::SharedDirtiedBlocks,
        keys::SharedWrittenBlocks, keys::LocalHitBlocks, keys::LocalReadBlocks, keys::LocalDirtiedBlocks,
        keys::LocalWrittenBlocks, keys::TempReadBlocks, keys::TempWrittenBlocks, keys::IoReadTime, keys::IoWriteTime,
        keys::TempIoReadTime, keys::TempIoWriteTime, keys::SharedIoReadTime, keys::SharedIoWriteTime,
        keys::LocalIoReadTime, keys::LocalIoWriteTime, keys::WalRecords, keys::WalFpi, keys::WalBytes,
        keys::WalBuffersFull, keys::TargetTables, keys::QueryText, keys::Planning, keys::PlanningTime,
        keys::ExecutionTime, keys::TotalRuntime, keys::Triggers, keys::Jit, keys::Settings, keys::QueryIdentifier,
        keys::Serialization
    };
    return list;
}

const QString &intern(QStringView key, QString *storage)
{
    static const QHash<QStringView, const QString *> table = [] {
        QHash<QStringView, const QString *> t;
        t.reserve(qsizetype(all().size()));
        for (const QString &k : all())
            t.insert(QStringView(k), &k);
        return t;
    }();
    if (const QString *k = table.value(key, nullptr))
        return *k;
    *storage = key.toString();
    return *storage;
}

const QString *find(std::string_view utf8)
{
    static const std::unordered_map<std::string_view, const QString *> table = [] {
        std::unordered_map<std::string_view, const QString *> t;
        static std::vector<QByteArray> storage; // the UTF-8 the views point into
        storage.reserve(all().size());
        for (const QString &k : all()) {
            storage.push_back(k.toUtf8());
            t.emplace(std::string_view(storage.back().constData(), size_t(storage.back().size())), &k);
        }
        return t;
    }();
    const auto it = table.find(utf8);
    return it == table.end() ? nullptr : it->second;
}

} // namespace pgdeck::explain::keys
