// libFuzzer: the pg_service.conf reader (libpq's rules) and password stripping on any bytes.
#include "core/profile.h"
#include "pg/servicefile.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 256 * 1024)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto entries = pgdeck::pg::ServiceFile::parse(bytes, QStringLiteral("fuzz.conf"));
    if (entries.ok()) {
        for (const auto &e : *entries) {
            pgdeck::pg::ConnParams p;
            for (const auto &kv : e.params)
                p.set(kv.first, kv.second);
            (void)p.toConninfo(false);
            (void)p.splitHosts();
        }
    }
    const QString text = QString::fromUtf8(bytes);
    const QString stripped = pgdeck::core::stripPasswords(text);
    // Stripping twice changes nothing more.
    if (pgdeck::core::stripPasswords(stripped) != stripped)
        __builtin_trap();
    return 0;
}
