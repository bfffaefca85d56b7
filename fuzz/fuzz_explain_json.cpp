// libFuzzer: the EXPLAIN JSON parser on any bytes, straight and through auto-detection
// (which also tries psql frames and quoting around JSON).
#include "fuzzexplain.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 512 * 1024)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto plans = pgdeck::explain::PlanParser::parseAll(bytes, pgdeck::explain::PlanParser::Format::Json);
    if (plans.ok())
        pgdeck::fuzz::exercise(*plans);
    auto detected = pgdeck::explain::PlanParser::parseAll(bytes, pgdeck::explain::PlanParser::Format::Auto);
    if (detected.ok())
        pgdeck::fuzz::exercise(*detected);
    return 0;
}
