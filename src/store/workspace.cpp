#include "workspace.h"

#include "core/logging.h"
#include "core/paths.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace pgdeck::store {

namespace {
auto log() { return core::logger("store"); }

core::Error sqlError(const QString &what, const QSqlError &e)
{
    return core::Error::make(core::Error::Kind::Io, what, e.text());
}

bool execAll(QSqlDatabase &db, const QStringList &statements, QString *failed, QSqlError *error)
{
    for (const QString &sql : statements) {
        QSqlQuery q(db);
        if (!q.exec(sql)) {
            *failed = sql;
            *error = q.lastError();
            return false;
        }
    }
    return true;
}
} // namespace

QString Workspace::defaultPath()
{
    return core::Paths::dataDir() + QStringLiteral("/workspace.sqlite");
}

core::Result<QSqlDatabase> Workspace::open(const QString &path, const QString &connectionName)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSqlDatabase db = QSqlDatabase::contains(connectionName) ? QSqlDatabase::database(connectionName, false)
                                                               : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    if (!db.isValid())
        return core::Error::make(core::Error::Kind::Internal, QStringLiteral("the Qt SQLite driver is not available"));
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.isOpen() && !db.open())
        return sqlError(QStringLiteral("cannot open the workspace database %1").arg(path), db.lastError());
    QString failed;
    QSqlError err;
    // WAL lets the GUI's readers and the writer thread (and a second pgdeck) overlap;
    // NORMAL sync loses at most the last transaction on power loss, fine for metrics.
    if (!execAll(db,
                 {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=NORMAL"),
                  QStringLiteral("PRAGMA foreign_keys=ON"),
                  QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                 " area TEXT NOT NULL, version INTEGER NOT NULL, description TEXT NOT NULL,"
                                 " applied_at INTEGER NOT NULL, PRIMARY KEY (area, version))")},
                 &failed, &err))
        return sqlError(QStringLiteral("cannot prepare the workspace database %1").arg(path), err);
    return db;
}

void Workspace::close(const QString &connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

int Workspace::version(QSqlDatabase &db, const QString &area)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT max(version) FROM schema_migrations WHERE area = ?"));
    q.addBindValue(area);
    if (q.exec() && q.next())
        return q.value(0).toInt();
    return 0;
}

core::Result<int> Workspace::migrate(QSqlDatabase &db, const QString &area, const MigrationList &steps)
{
    int current = version(db, area);
    for (const Migration &m : steps) {
        if (m.version <= current)
            continue;
        // IMMEDIATE takes the write lock up front: two pgdeck processes starting at
        // once serialize here instead of both applying the same step.
        QSqlQuery begin(db);
        if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return sqlError(QStringLiteral("cannot start a transaction for %1 migration %2").arg(area).arg(m.version),
                            begin.lastError());
        if (version(db, area) >= m.version) {
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            current = m.version;
            continue;
        }
        QString failed;
        QSqlError err;
        bool ok = execAll(db, m.statements, &failed, &err);
        if (ok) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("INSERT INTO schema_migrations (area, version, description, applied_at) VALUES (?, ?, ?, ?)"));
            q.addBindValue(area);
            q.addBindValue(m.version);
            q.addBindValue(m.description);
            q.addBindValue(QDateTime::currentMSecsSinceEpoch());
            ok = q.exec();
            if (!ok)
                err = q.lastError();
        }
        if (ok) {
            QSqlQuery commit(db);
            ok = commit.exec(QStringLiteral("COMMIT"));
            if (!ok)
                err = commit.lastError();
        }
        if (!ok) {
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            log()->error("{} migration {} failed: {}", area.toStdString(), m.version, err.text().toStdString());
            return sqlError(QStringLiteral("%1 migration %2 (%3) failed").arg(area).arg(m.version).arg(m.description), err);
        }
        log()->info("{} schema now at version {} ({})", area.toStdString(), m.version, m.description.toStdString());
        current = m.version;
    }
    return current;
}

} // namespace pgdeck::store
