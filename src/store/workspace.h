#pragma once

#include "core/result.h"
#include "migration.h"

#include <QSqlDatabase>
#include <QString>

namespace pgdeck::store {

// The local workspace database: one SQLite file under core::Paths::dataDir() shared
// by every area of pgdeck. Each area owns its tables and a MigrationList; the
// `schema_migrations` table records which steps of which area were applied, so areas
// evolve independently and a newer pgdeck upgrades an older file in place.
//
// Qt Sql connections belong to the thread that opened them: open one per thread
// (the metric writer has its own), each under a distinct connection name.
class Workspace
{
public:
    static QString defaultPath(); // <dataDir>/workspace.sqlite

    // Opens (creating when needed) `path` under `connectionName` for the calling
    // thread, in WAL mode with a busy timeout so several pgdeck processes can share it.
    static core::Result<QSqlDatabase> open(const QString &path, const QString &connectionName);
    static void close(const QString &connectionName);

    // Applies the steps of `area` newer than its recorded version, each in its own
    // transaction. Returns the area's version afterwards. A failed step rolls back
    // and stops; earlier steps stay applied.
    static core::Result<int> migrate(QSqlDatabase &db, const QString &area, const MigrationList &steps);
    static int version(QSqlDatabase &db, const QString &area); // 0 = never migrated
};

} // namespace pgdeck::store
