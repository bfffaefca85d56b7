#include "plannode.h"

#include "keys.h"

#include <QJsonArray>
#include <QJsonObject>

namespace pgdeck::explain {

Buffers Buffers::minus(const Buffers &o) const
{
    Buffers b = *this;
    b.sharedHit -= o.sharedHit;
    b.sharedRead -= o.sharedRead;
    b.sharedDirtied -= o.sharedDirtied;
    b.sharedWritten -= o.sharedWritten;
    b.localHit -= o.localHit;
    b.localRead -= o.localRead;
    b.localDirtied -= o.localDirtied;
    b.localWritten -= o.localWritten;
    b.tempRead -= o.tempRead;
    b.tempWritten -= o.tempWritten;
    b.ioReadMs -= o.ioReadMs;
    b.ioWriteMs -= o.ioWriteMs;
    return b;
}

Buffers Buffers::plus(const Buffers &o) const
{
    Buffers b = *this;
    b.sharedHit += o.sharedHit;
    b.sharedRead += o.sharedRead;
    b.sharedDirtied += o.sharedDirtied;
    b.sharedWritten += o.sharedWritten;
    b.localHit += o.localHit;
    b.localRead += o.localRead;
    b.localDirtied += o.localDirtied;
    b.localWritten += o.localWritten;
    b.tempRead += o.tempRead;
    b.tempWritten += o.tempWritten;
    b.ioReadMs += o.ioReadMs;
    b.ioWriteMs += o.ioWriteMs;
    b.present = present || o.present;
    b.ioPresent = ioPresent || o.ioPresent;
    return b;
}

Buffers Buffers::clampedAtZero() const
{
    Buffers b = *this;
    for (double *v : {&b.sharedHit, &b.sharedRead, &b.sharedDirtied, &b.sharedWritten, &b.localHit, &b.localRead,
                      &b.localDirtied, &b.localWritten, &b.tempRead, &b.tempWritten, &b.ioReadMs, &b.ioWriteMs})
        *v = qMax(0.0, *v);
    return b;
}

const PlanValue *PlanNode::find(QStringView key) const
{
    for (const Property &p : props)
        if (keys::same(p.key, key))
            return &p.value;
    return nullptr;
}

PlanValue PlanNode::value(QStringView key) const
{
    const PlanValue *v = find(key);
    return v ? *v : PlanValue();
}

double PlanNode::number(QStringView key) const
{
    const PlanValue *v = find(key);
    if (!v)
        return kNaN;
    if (v->isNumber())
        return v->toDouble();
    if (const QString *s = v->stringPtr()) { // a few plans carry numbers as strings
        bool ok = false;
        const double d = s->toDouble(&ok);
        return ok ? d : kNaN;
    }
    return kNaN;
}

QString PlanNode::text(QStringView key) const
{
    const PlanValue *v = find(key);
    return v ? v->toString() : QString();
}

void PlanNode::set(const QString &key, PlanValue v)
{
    for (Property &p : props)
        if (p.key == key) {
            p.value = std::move(v);
            return;
        }
    props.push_back(Property{key, std::move(v)});
}

void PlanNode::remove(QStringView key)
{
    for (qsizetype i = 0; i < props.size(); ++i)
        if (props.at(i).key == key) {
            props.removeAt(i);
            return;
        }
}

void PlanNode::refreshFacts()
{
    NodeFacts f;
    Buffers &b = f.buffers;
    for (const Property &p : props) {
        const QString &k = p.key;
        const PlanValue &v = p.value;
        auto num = [&v]() {
            if (v.isNumber())
                return v.toDouble();
            bool ok = false;
            const double d = v.toString().toDouble(&ok);
            return ok ? d : kNaN;
        };
        auto count = [&](double &field) {
            const double d = num();
            if (isSet(d)) {
                field = d;
                b.present = true;
            }
        };
        auto io = [&](double &field) {
            const double d = num();
            if (isSet(d)) {
                field += d;
                b.ioPresent = true;
            }
        };
        if (k.isEmpty())
            continue;
        switch (k.at(0).unicode()) {
        case 'A':
            if (keys::same(k, keys::ActualStartupTime)) f.actualStartup = num();
            else if (keys::same(k, keys::ActualTotalTime)) f.actualTotal = num();
            else if (keys::same(k, keys::ActualRows)) f.actualRows = num();
            else if (keys::same(k, keys::ActualLoops)) f.actualLoops = num();
            else if (keys::same(k, keys::Alias)) f.alias = v.toString();
            else if (keys::same(k, keys::AsyncCapable)) f.asyncCapable = v.toBool();
            break;
        case 'C':
            if (keys::same(k, keys::CteName)) f.cteName = v.toString();
            break;
        case 'F':
            if (keys::same(k, keys::FunctionName)) f.function = v.toString();
            break;
        case 'H':
            if (keys::same(k, keys::HeapFetches)) f.heapFetches = num();
            break;
        case 'I':
            if (keys::same(k, keys::IndexName)) f.index = v.toString();
            else if (keys::same(k, keys::IoReadTime)) io(b.ioReadMs);
            else if (keys::same(k, keys::IoWriteTime)) io(b.ioWriteMs);
            break;
        case 'J':
            if (keys::same(k, keys::JoinType)) f.joinType = v.toString();
            break;
        case 'L':
            if (keys::same(k, keys::LocalHitBlocks)) count(b.localHit);
            else if (keys::same(k, keys::LocalReadBlocks)) count(b.localRead);
            else if (keys::same(k, keys::LocalDirtiedBlocks)) count(b.localDirtied);
            else if (keys::same(k, keys::LocalWrittenBlocks)) count(b.localWritten);
            else if (keys::same(k, keys::LocalIoReadTime)) io(b.ioReadMs);
            else if (keys::same(k, keys::LocalIoWriteTime)) io(b.ioWriteMs);
            break;
        case 'N':
            if (keys::same(k, keys::NodeType)) f.nodeType = v.toString();
            break;
        case 'O':
            if (keys::same(k, keys::Operation)) f.operation = v.toString();
            else if (keys::same(k, keys::Output)) f.hasOutput = true;
            break;
        case 'P':
            if (keys::same(k, keys::PlanRows)) f.planRows = num();
            else if (keys::same(k, keys::PlanWidth)) f.planWidth = num();
            else if (keys::same(k, keys::ParentRelationship)) f.relationship = v.toString();
            else if (keys::same(k, keys::ParallelAware)) f.parallelAware = v.toBool();
            else if (keys::same(k, keys::PartialMode)) f.partialMode = v.toString();
            break;
        case 'R':
            if (keys::same(k, keys::RelationName)) f.relation = v.toString();
            else if (keys::same(k, keys::RowsRemovedByFilter)) f.rowsRemovedByFilter = num();
            else if (keys::same(k, keys::RowsRemovedByJoinFilter)) f.rowsRemovedByJoinFilter = num();
            else if (keys::same(k, keys::RowsRemovedByIndexRecheck)) f.rowsRemovedByRecheck = num();
            break;
        case 'S':
            if (keys::same(k, keys::StartupCost)) f.startupCost = num();
            else if (keys::same(k, keys::SubplanName)) f.subplanName = v.toString();
            else if (keys::same(k, keys::Schema)) f.schema = v.toString();
            else if (keys::same(k, keys::Strategy)) f.strategy = v.toString();
            else if (keys::same(k, keys::SharedHitBlocks)) count(b.sharedHit);
            else if (keys::same(k, keys::SharedReadBlocks)) count(b.sharedRead);
            else if (keys::same(k, keys::SharedDirtiedBlocks)) count(b.sharedDirtied);
            else if (keys::same(k, keys::SharedWrittenBlocks)) count(b.sharedWritten);
            else if (keys::same(k, keys::SharedIoReadTime)) io(b.ioReadMs);
            else if (keys::same(k, keys::SharedIoWriteTime)) io(b.ioWriteMs);
            break;
        case 'T':
            if (keys::same(k, keys::TotalCost)) f.totalCost = num();
            else if (keys::same(k, keys::TempReadBlocks)) count(b.tempRead);
            else if (keys::same(k, keys::TempWrittenBlocks)) count(b.tempWritten);
            else if (keys::same(k, keys::TempIoReadTime)) io(b.ioReadMs);
            else if (keys::same(k, keys::TempIoWriteTime)) io(b.ioWriteMs);
            break;
        case 'W':
            if (keys::same(k, keys::WorkersPlanned)) f.workersPlanned = num();
            else if (keys::same(k, keys::WorkersLaunched)) f.workersLaunched = num();
            break;
        default:
            break;
        }
    }
    facts = std::move(f);
}

QString PlanNode::target() const
{
    const NodeFacts &f = facts;
    QString t;
    if (!f.relation.isEmpty())
        t = f.schema.isEmpty() ? f.relation : f.schema + QLatin1Char('.') + f.relation;
    else if (!f.cteName.isEmpty())
        t = f.cteName;
    else if (!f.function.isEmpty())
        t = f.schema.isEmpty() ? f.function : f.schema + QLatin1Char('.') + f.function;
    else if (const PlanValue *tf = find(keys::TableFunctionName))
        t = tf->toString();
    else if (const PlanValue *ts = find(keys::TuplestoreName))
        t = ts->toString();
    const QString base = f.relation.isEmpty() ? (f.cteName.isEmpty() ? f.function : f.cteName) : f.relation;
    if (!f.alias.isEmpty() && f.alias != base)
        t = t.isEmpty() ? f.alias : t + QLatin1Char(' ') + f.alias;
    return t;
}

QString PlanNode::title() const
{
    // The node type as the TEXT format names it, without the target.
    const NodeFacts &f = facts;
    QString name;
    if (f.nodeType == QLatin1String("Aggregate")) {
        if (f.strategy == QLatin1String("Sorted"))
            name = QStringLiteral("GroupAggregate");
        else if (f.strategy == QLatin1String("Hashed"))
            name = QStringLiteral("HashAggregate");
        else if (f.strategy == QLatin1String("Mixed"))
            name = QStringLiteral("MixedAggregate");
        else
            name = QStringLiteral("Aggregate");
        if (f.partialMode == QLatin1String("Partial") || f.partialMode == QLatin1String("Finalize"))
            name = f.partialMode + QLatin1Char(' ') + name;
    } else if (f.nodeType == QLatin1String("ModifyTable")) {
        name = f.operation.isEmpty() ? f.nodeType : f.operation;
    } else if (f.nodeType == QLatin1String("SetOp")) {
        name = f.strategy == QLatin1String("Hashed") ? QStringLiteral("HashSetOp") : QStringLiteral("SetOp");
        const QString cmd = text(keys::Command);
        if (!cmd.isEmpty())
            name += QLatin1Char(' ') + cmd;
    } else if (f.nodeType == QLatin1String("Custom Scan")) {
        name = QStringLiteral("Custom Scan (%1)").arg(text(keys::CustomPlanProvider));
    } else if (f.nodeType == QLatin1String("Foreign Scan") && !f.operation.isEmpty()
               && f.operation != QLatin1String("Select")) {
        name = QStringLiteral("Foreign ") + f.operation;
    } else if (f.nodeType == QLatin1String("Nested Loop") || f.nodeType == QLatin1String("Hash Join")
               || f.nodeType == QLatin1String("Merge Join")) {
        if (f.joinType.isEmpty() || f.joinType == QLatin1String("Inner")) {
            name = f.nodeType;
        } else {
            QString base = f.nodeType;
            if (base.endsWith(QLatin1String(" Join")))
                base.chop(5);
            name = base + QLatin1Char(' ') + f.joinType + QStringLiteral(" Join");
        }
    } else {
        name = f.nodeType;
    }
    if (f.parallelAware)
        name = QStringLiteral("Parallel ") + name;
    if (f.asyncCapable)
        name = QStringLiteral("Async ") + name;
    if (f.nodeType == QLatin1String("Index Scan") || f.nodeType == QLatin1String("Index Only Scan")) {
        if (text(keys::ScanDirection) == QLatin1String("Backward"))
            name += QStringLiteral(" Backward");
    }
    return name;
}

QString PlanNode::label() const
{
    QString name = title();
    const NodeFacts &f = facts;
    if (f.nodeType == QLatin1String("Bitmap Index Scan"))
        return name + QStringLiteral(" on ") + f.index;
    if (!f.index.isEmpty())
        name += QStringLiteral(" using ") + f.index;
    const QString t = target();
    if (!t.isEmpty())
        name += QStringLiteral(" on ") + t;
    return name;
}

} // namespace pgdeck::explain
