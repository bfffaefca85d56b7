#pragma once

#include "core/result.h"
#include "plan.h"
#include "planparser.h"

#include <QObject>

#include <functional>

namespace pgdeck::explain {

// Parses a plan, computes metrics and insights on a pool thread, and hands the result
// back on the receiver's thread, so a 10 MB paste never freezes the window. Nothing is
// delivered once the receiver is gone.
class PlanLoader
{
public:
    using Done = std::function<void(core::Result<Plan>)>;
    static void load(QObject *receiver, QString input, PlanParser::Format format, Done done);
    static void load(QObject *receiver, QByteArray utf8, PlanParser::Format format, Done done);
};

} // namespace pgdeck::explain
