#pragma once

#include "capabilities.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace pgdeck::pg {
class ResultSet;
}

namespace pgdeck::monitor {

// Every catalog query the monitor sends, in one place, with the server versions
// each supports. The tick is ONE prepared statement: a UNION ALL of the sections
// below, each row tagged by its section and shaped (sec, k1, k2, k3, a … h) so
// one plan serves primary and replica alike. The two costlier sections are gated
// by parameters ($1 statements, $2 disk): the planner turns "WHERE $n" into a
// one-time filter, so a skipped section is never executed.
class CatalogQueries
{
public:
    static constexpr int kOldestSupported = 120000; // PostgreSQL 12
    static constexpr int kNewestTested = 179999;    // PostgreSQL 17

    struct Section
    {
        QString name;      // the `sec` tag of its rows
        int minVersion;    // server_version_num, inclusive
        int maxVersion;    // inclusive; 0 = no known upper bound
        QString reads;     // views and functions, for the reader
    };
    static const QList<Section> &sections();

    // Run once per connection (simple protocol); parse with parseCapabilities().
    static QString capabilitiesSql();
    static Capabilities parseCapabilities(const pg::ResultSet &set);

    // The tick statement for this server, prepared once per connection. Parameters:
    // $1 boolean = read pg_stat_statements, $2 boolean = read disk sizes.
    static QString tickSql(const Capabilities &caps);
    // The same sections as separate statements with the gates inlined, for the
    // simple-protocol comparison in bench/monitor.
    static QStringList tickStatements(const Capabilities &caps, bool statements, bool disk);

    // What is missing on this server and how to fix it, for the dashboard.
    static QStringList notes(const Capabilities &caps);

    // PgBouncer's admin console takes one command per query.
    static QString bouncerPoolsSql() { return QStringLiteral("SHOW POOLS"); }
    static QString bouncerStatsSql() { return QStringLiteral("SHOW STATS"); }

    // Server-side options of the monitor session: short statement_timeout, generic
    // plans (so the gates above stay one-time filters), no JIT for a tiny query.
    static QList<QPair<QString, QString>> sessionSettings(int statementTimeoutMs);

private:
    static QStringList sectionSql(const Capabilities &caps, const QString &statementsGate, const QString &diskGate);
};

} // namespace pgdeck::monitor
