#pragma once

#include "core/result.h"

#include <QList>
#include <QString>

#include <functional>

namespace pgdeck::sandbox {

struct ServerStatus
{
    QString name;     // "primary", "replica1", "pgbouncer"
    QString role;     // "primary", "replica", "pooler"
    int port = 0;
    bool running = false;
    QString conninfo; // works from this machine
};

struct Options
{
    QString baseDir;            // empty = default (XDG data dir, or /var/lib/pgdeck as root)
    bool withLoad = true;       // light pgbench load so charts move
    bool withPgbouncer = true;  // when pgbouncer is installed
    bool fresh = false;         // wipe an existing sandbox first
    int scale = 1;              // sample data size multiplier
    std::function<void(const QString &)> progress; // one line per step
};

// The local sandbox: a primary, a streaming replica (pg_basebackup -R), pgbouncer in
// front when installed, pg_stat_statements and hypopg preloaded, WAL archived to a
// local folder, a sample schema with flaws to discover, and a light load.
//
// Methods block while external tools run (initdb, pg_ctl, psql): call them from the
// CLI or a worker thread, never the GUI thread. Tests start their fixture with the
// very same code (`pgdeck demo --no-gui --dir …`).
class Sandbox
{
public:
    explicit Sandbox(Options options);

    core::Result<void> start();
    core::Result<void> stop(bool purge = false);
    QList<ServerStatus> status() const;
    bool isInitialized() const;

    QString baseDir() const { return m_base; }
    // Conninfo of a member ("primary", "replica1", "pgbouncer"); empty when unknown.
    QString conninfo(const QString &name, const QString &dbname = QStringLiteral("pgdeck_demo")) const;

    static QString defaultBaseDir();
    static QString postgresBinDir();

private:
    struct Ports
    {
        int primary = 0, replica = 0, bouncer = 0;
    };
    core::Result<void> initPrimary();
    core::Result<void> createReplica();
    core::Result<void> loadSampleSchema();
    core::Result<void> startServer(const QString &dataDir, const QString &logFile);
    core::Result<void> waitForStreaming();
    core::Result<void> startPgbouncer();
    core::Result<void> startLoad();
    void stopLoad();
    void stopPgbouncer();
    bool serverRunning(const QString &dataDir) const;
    core::Result<QString> run(const QString &program, const QStringList &args, bool asServerUser,
                              int timeoutMs = 120000) const;
    core::Result<QString> psql(int port, const QString &db, const QString &sql) const;
    void prepareDir(const QString &dir) const;
    void saveState() const;
    bool loadState();
    void say(const QString &line) const;

    Options m_options;
    QString m_base;
    Ports m_ports;
    qint64 m_loadPid = 0;
};

} // namespace pgdeck::sandbox
