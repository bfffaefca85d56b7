#include "cli.h"

#include <cstdio>

namespace pgdeck::app {

int runDemo(const QStringList &args);
int runPing(const QStringList &args);
int runExplain(const QStringList &args);

const QList<Command> &commands()
{
    static const QList<Command> list{
        {"demo", "demo [--no-gui|--stop|--status] [--dir DIR] [--fresh] [--no-load] [--scale N]  local sandbox", runDemo},
        {"ping", "ping CONN                      version, role, latency (exit 2 when unreachable)", runPing},
        {"explain", "explain CONN \"SQL\" [--analyze] [--buffers] … [--format tree|json] | explain --file PLAN   query plans", runExplain},
    };
    return list;
}

core::Result<pg::ConnParams> resolveConn(const QString &conn)
{
    if (conn.startsWith(QLatin1Char('@')))
        return core::Error::make(core::Error::Kind::Input, QStringLiteral("unknown profile %1").arg(conn));
    return pg::ConnParams::parse(conn);
}

void out(const QString &text)
{
    const QByteArray b = text.toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stdout);
    if (!text.endsWith(QLatin1Char('\n')))
        std::fputc('\n', stdout);
    std::fflush(stdout);
}

void err(const QString &text)
{
    const QByteArray b = text.toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stderr);
    if (!text.endsWith(QLatin1Char('\n')))
        std::fputc('\n', stderr);
    std::fflush(stderr);
}

} // namespace pgdeck::app
