#pragma once

#include "pg/connparams.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>

namespace pgdeck::test {

// The servers `pgdeck demo --dir $PGDECK_FIXTURE_DIR` started for this ctest run.
struct Fixture
{
    QString primary;  // conninfo
    QString replica;
    QString pgbouncer;
    int primaryPort = 0;
    int replicaPort = 0;
    QString baseDir;
    QString binDir;   // PostgreSQL server binaries

    bool valid() const { return !primary.isEmpty(); }
    pg::ConnParams primaryParams() const;
    pg::ConnParams replicaParams() const;
};

// Reads the fixture's sandbox.json; QSKIP-worthy when absent.
Fixture fixture();

// Runs `sql` on a throwaway blocking connection (test code only, off the GUI path)
// and returns the first column of the first row.
QString scalar(const QString &conninfo, const QString &sql);

// Spins the event loop until `done()` or `timeoutMs`; returns done().
bool waitFor(const std::function<bool()> &done, int timeoutMs);

// Waits until the fixture's replica streams from the primary again (after a test
// restarted or killed the primary, the replica reconnects within a few seconds).
bool waitForStreaming(const Fixture &fx, int timeoutMs = 60000);

// Runs a server tool (pg_ctl, …) as the server user when root; returns exit code.
int runServerTool(const QString &program, const QStringList &args, QString *output = nullptr);

// One run of a command-line program (pgdeck's headless commands): exit code and output.
struct CliRun
{
    int code = -1;
    QByteArray out, err;
    QString outText() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }
};

// Runs `program` to its end while the event loop turns (a test's own servers keep
// answering), with `stdinData` on its standard input and `env` when one is given.
CliRun runCli(const QString &program, const QStringList &args, const QByteArray &stdinData = {},
              const QProcessEnvironment &env = {}, int timeoutMs = 60000);

// Every file under `dir` (hidden ones too) whose bytes contain `needle`: where a
// secret must never be.
QStringList filesContaining(const QString &dir, const QByteArray &needle);

} // namespace pgdeck::test
