#pragma once

#include "core/result.h"
#include "pg/connparams.h"

#include <QStringList>

#include <functional>

namespace pgdeck::app {

// Exit codes shared by every headless command.
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUnreachable = 2, ExitUsage = 64 };

struct Command
{
    const char *name;
    const char *synopsis; // one line for --help
    // Runs with a QCoreApplication already constructed; args exclude "pgdeck <name>".
    std::function<int(const QStringList &args)> run;
};

// Every headless command, in --help order. Each lives in its own cmd_*.cpp.
const QList<Command> &commands();

// CONN as the user wrote it: keyword string, postgres:// URI, service=name, or @profile.
core::Result<pg::ConnParams> resolveConn(const QString &conn);

// Writes to stdout / stderr (UTF-8, flushed).
void out(const QString &text);
void err(const QString &text);

} // namespace pgdeck::app
