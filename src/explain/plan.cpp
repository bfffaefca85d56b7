#include "plan.h"

#include <functional>

namespace pgdeck::explain {

QString Insight::kindId(Kind kind)
{
    switch (kind) {
    case Kind::IndexProposal: return QStringLiteral("index-proposal");
    case Kind::Misestimate: return QStringLiteral("misestimate");
    case Kind::SortSpill: return QStringLiteral("sort-spill");
    case Kind::HashSpill: return QStringLiteral("hash-spill");
    case Kind::LossyBitmap: return QStringLiteral("lossy-bitmap");
    case Kind::NestedLoopIterations: return QStringLiteral("nested-loop-iterations");
    case Kind::WorkersShort: return QStringLiteral("workers-short");
    case Kind::HeapFetches: return QStringLiteral("heap-fetches");
    case Kind::JitDominates: return QStringLiteral("jit-dominates");
    }
    return {};
}

QString Insight::severityName(Severity s)
{
    switch (s) {
    case Severity::Info: return QStringLiteral("info");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Critical: return QStringLiteral("critical");
    }
    return {};
}

const PlanValue *Plan::findTop(QStringView key) const
{
    for (const Property &p : top)
        if (p.key == key)
            return &p.value;
    return nullptr;
}

double Plan::topNumber(QStringView key) const
{
    const PlanValue *v = findTop(key);
    return v && v->isNumber() ? v->toDouble() : kNaN;
}

void Plan::setTop(const QString &key, PlanValue value)
{
    for (Property &p : top)
        if (p.key == key) {
            p.value = std::move(value);
            return;
        }
    top.push_back(Property{key, std::move(value)});
}

int Plan::addNode(int parent)
{
    PlanNode n;
    n.index = int(nodes.size());
    n.parent = parent;
    if (parent >= 0) {
        n.depth = nodes[size_t(parent)].depth + 1;
        nodes[size_t(parent)].children.push_back(n.index);
    }
    nodes.push_back(std::move(n));
    return int(nodes.size()) - 1;
}

void Plan::finalize(Facts facts)
{
    if (nodes.empty())
        return;
    // Already in pre-order when every child comes after its parent and subtrees are
    // contiguous; rebuild otherwise (cheap, and the builders rarely need it).
    bool preorder = true;
    {
        int expected = 0;
        std::vector<int> stack{0};
        while (!stack.empty() && preorder) {
            const int i = stack.back();
            stack.pop_back();
            if (i != expected++)
                preorder = false;
            const auto &ch = nodes[size_t(i)].children;
            for (auto it = ch.rbegin(); it != ch.rend(); ++it)
                stack.push_back(*it);
        }
        preorder = preorder && expected == int(nodes.size());
    }
    if (!preorder) {
        std::vector<PlanNode> ordered;
        ordered.reserve(nodes.size());
        std::vector<std::pair<int, int>> stack{{0, -1}}; // old index, new parent
        while (!stack.empty()) {
            auto [old, newParent] = stack.back();
            stack.pop_back();
            PlanNode n = std::move(nodes[size_t(old)]);
            const std::vector<int> oldChildren = std::move(n.children);
            n.children.clear();
            n.parent = newParent;
            n.index = int(ordered.size());
            if (newParent >= 0)
                ordered[size_t(newParent)].children.push_back(n.index);
            ordered.push_back(std::move(n));
            const int me = int(ordered.size()) - 1;
            for (auto it = oldChildren.rbegin(); it != oldChildren.rend(); ++it)
                stack.push_back({*it, me});
        }
        nodes = std::move(ordered);
    }
    for (PlanNode &n : nodes) {
        n.depth = n.parent >= 0 ? nodes[size_t(n.parent)].depth + 1 : 0;
        if (facts == Facts::Refresh)
            n.refreshFacts();
    }
}

} // namespace pgdeck::explain
