// libFuzzer: the TEXT plan parser (and the paste cleaner in front of it) on any bytes.
#include "fuzzexplain.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 512 * 1024)
        return 0;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    auto plans = pgdeck::explain::PlanParser::parseAll(text, pgdeck::explain::PlanParser::Format::Text);
    if (plans.ok())
        pgdeck::fuzz::exercise(*plans);
    return 0;
}
