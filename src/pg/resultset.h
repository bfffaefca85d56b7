#pragma once

#include <QString>
#include <QVariant>

#include <memory>
#include <vector>

struct pg_result;

namespace pgdeck::pg {

// One PGresult, shared and freed with PQclear when the last copy dies.
// Values are text-format; helpers convert the common types.
class ResultSet
{
public:
    ResultSet() = default;
    explicit ResultSet(pg_result *res); // takes ownership

    bool isNull() const { return !m_res; }
    int rowCount() const;
    int columnCount() const;
    QString columnName(int col) const;
    int columnIndex(const char *name) const; // -1 when absent
    unsigned int columnType(int col) const;  // type OID

    bool isNullAt(int row, int col) const;
    const char *rawValue(int row, int col) const;
    int rawLength(int row, int col) const;
    QString text(int row, int col) const;
    QString text(int row, const char *column) const;
    qint64 toInt64(int row, int col, qint64 fallback = 0) const;
    double toDouble(int row, int col, double fallback = 0.0) const;
    bool toBool(int row, int col) const;

    QString commandTag() const;
    qint64 affectedRows() const; // -1 when the command reports none

    pg_result *raw() const { return m_res.get(); }

private:
    std::shared_ptr<pg_result> m_res;
};

// Everything one request returned: one ResultSet per statement (multi-statement
// queries return several).
struct QueryResult
{
    std::vector<ResultSet> sets;
    qint64 elapsedUs = 0;     // send to last result, measured on the client
    qint64 rowsStreamed = 0;  // Session::stream(): rows handed to the batch callback

    const ResultSet &last() const { return sets.back(); }
    const ResultSet &first() const { return sets.front(); }
    bool empty() const { return sets.empty(); }
};

} // namespace pgdeck::pg
