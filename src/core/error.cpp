#include "error.h"

namespace pgdeck::core {

QString Error::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None: return QStringLiteral("none");
    case Kind::Server: return QStringLiteral("server");
    case Kind::Connection: return QStringLiteral("connection");
    case Kind::Timeout: return QStringLiteral("timeout");
    case Kind::Cancelled: return QStringLiteral("cancelled");
    case Kind::PoolExhausted: return QStringLiteral("pool-exhausted");
    case Kind::Input: return QStringLiteral("input");
    case Kind::Io: return QStringLiteral("io");
    case Kind::Internal: return QStringLiteral("internal");
    }
    return QStringLiteral("unknown");
}

QString Error::toString() const
{
    QString out = message;
    if (!sqlstate.isEmpty())
        out += QStringLiteral(" (SQLSTATE %1)").arg(sqlstate);
    if (!detail.isEmpty())
        out += QStringLiteral("\nDETAIL: ") + detail;
    if (!hint.isEmpty())
        out += QStringLiteral("\nHINT: ") + hint;
    if (!context.isEmpty())
        out += QStringLiteral("\nCONTEXT: ") + context;
    return out;
}

} // namespace pgdeck::core
