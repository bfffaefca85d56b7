#pragma once

#include "explain/insightanalyzer.h"
#include "explain/metrics.h"
#include "explain/planjsonwriter.h"
#include "explain/planlayout.h"
#include "explain/planparser.h"
#include "explain/plantreewriter.h"

#include <cstdlib>

namespace pgdeck::fuzz {

// Everything a parsed plan goes through in pgdeck: metrics, insights (libpg_query on
// the plan's conditions), both writers, the graph layout; then the JSON written must
// read back to the same JSON.
inline void exercise(std::vector<explain::Plan> &plans)
{
    for (explain::Plan &p : plans) {
        explain::Metrics::compute(p);
        explain::InsightAnalyzer::analyze(p);
        (void)explain::PlanTreeWriter::write(p);
        explain::PlanLayout layout;
        layout.compute(p, {});
        if (layout.size() > 0)
            (void)layout.nodeAt(layout.box(layout.size() - 1).center());
        const QByteArray once = explain::PlanJsonWriter::write(p, {false, false});
        auto again = explain::PlanParser::parseAll(once, explain::PlanParser::Format::Json);
        if (!again.ok() || again->size() != 1)
            std::abort(); // what pgdeck writes it must read
        if (explain::PlanJsonWriter::write(again->front(), {false, false}) != once)
            std::abort();
    }
}

} // namespace pgdeck::fuzz
