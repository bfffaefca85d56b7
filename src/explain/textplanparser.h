#pragma once

#include "core/result.h"
#include "plan.h"
#include "sourcecleaner.h"

namespace pgdeck::explain {

// Reads EXPLAIN's TEXT format as people paste it (see SourceCleaner for the wrapping
// it removes) into the same tree and keys FORMAT JSON would have printed for that plan:
// node names become Node Type / Join Type / Strategy …, "Buffers:" becomes the ten
// block counters, "(never executed)" becomes zero loops, and the keys the TEXT format
// leaves out when they are zero (Rows Removed by Filter, Exact Heap Blocks, buffer
// counters …) come back as zeros, exactly as the JSON would show them.
// Hard-wrapped lines (a terminal or mail client breaking long lines) are joined
// first. Malformed input fails with an error that names the line.
class TextPlanParser
{
public:
    static core::Result<Plan> parse(const SourceCleaner &source);
    static core::Result<Plan> parse(const QString &text);
};

} // namespace pgdeck::explain
