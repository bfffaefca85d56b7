#pragma once

#include "pg/connparams.h"

#include <QString>

#include <optional>

namespace pgdeck::monitor {

// Filesystem usage of a server's data directory, when the server runs on this
// machine (loopback or a Unix socket) and the directory's filesystem can be asked.
class LocalDisk
{
public:
    struct Usage
    {
        qint64 sizeBytes = 0;
        qint64 usedBytes = 0;
        qint64 availableBytes = 0; // for unprivileged users, as df shows
        double usedPct() const
        {
            const qint64 denom = usedBytes + availableBytes;
            return denom > 0 ? 100.0 * double(usedBytes) / double(denom) : 0;
        }
    };

    static bool isLocal(const pg::ConnParams &params);
    static std::optional<Usage> usage(const QString &path);
};

} // namespace pgdeck::monitor
