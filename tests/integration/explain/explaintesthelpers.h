#pragma once

#include "core/result.h"
#include "pg/session.h"
#include "support/fixture.h"

#include <optional>

namespace pgdeck::test {

// Runs one request on `s` and waits for it (test code only).
inline core::Result<pg::QueryResult> run(pg::Session &s, const QString &sql, int timeoutMs = 0)
{
    std::optional<core::Result<pg::QueryResult>> out;
    s.exec(sql, [&](core::Result<pg::QueryResult> r) { out = std::move(r); }, timeoutMs);
    waitFor([&] { return out.has_value(); }, 120000);
    if (!out)
        return core::Error::make(core::Error::Kind::Internal, QStringLiteral("no answer within 120 s"));
    return std::move(*out);
}

inline bool connectSession(pg::Session &s, const pg::ConnParams &p)
{
    bool ok = false, failed = false;
    QObject guard;
    QObject::connect(&s, &pg::Session::connected, &guard, [&] { ok = true; });
    QObject::connect(&s, &pg::Session::connectFailed, &guard, [&] { failed = true; });
    s.connectToServer(p, 10000);
    waitFor([&] { return ok || failed; }, 15000);
    return ok;
}

inline QString cell(const core::Result<pg::QueryResult> &r)
{
    if (!r.ok() || r->empty() || r->last().rowCount() < 1)
        return {};
    QString out;
    for (int i = 0; i < r->last().rowCount(); ++i) {
        if (i)
            out += QLatin1Char('\n');
        out += r->last().text(i, 0);
    }
    return out;
}

} // namespace pgdeck::test
