// libFuzzer: the pgAdmin 4 servers.json importer on any bytes, and export of what it read.
#include "pg/pgadminservers.h"
#include "pg/profileparams.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 512 * 1024)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto imported = pgdeck::pg::PgAdminServers::parse(bytes);
    if (!imported.ok())
        return 0;
    for (const auto &p : imported->profiles)
        for (const auto &s : p.servers)
            (void)pgdeck::pg::paramsFor(p, s);
    const QByteArray again = pgdeck::pg::PgAdminServers::write(imported->profiles);
    // What pgdeck writes, pgdeck reads.
    if (!pgdeck::pg::PgAdminServers::parse(again).ok() && !imported->profiles.isEmpty())
        __builtin_trap();
    return 0;
}
