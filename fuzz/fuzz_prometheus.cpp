// libFuzzer target: the Prometheus text parser (an application's /metrics body is
// outside input the monitor scrapes).
#include "monitor/prometheusparser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto r = pgdeck::monitor::PrometheusParser::parse(body, 1000);
    (void)pgdeck::monitor::PrometheusParser::sum(r, QStringLiteral("db_pool_size"));
    return 0;
}
