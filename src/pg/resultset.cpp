#include "resultset.h"

#include <libpq-fe.h>

#include <cstdlib>
#include <cstring>

namespace pgdeck::pg {

ResultSet::ResultSet(pg_result *res) : m_res(res, &PQclear) {}

int ResultSet::rowCount() const { return m_res ? PQntuples(m_res.get()) : 0; }
int ResultSet::columnCount() const { return m_res ? PQnfields(m_res.get()) : 0; }

QString ResultSet::columnName(int col) const
{
    return m_res ? QString::fromUtf8(PQfname(m_res.get(), col)) : QString();
}

int ResultSet::columnIndex(const char *name) const
{
    if (!m_res)
        return -1;
    // PQfnumber folds unquoted names to lower case, like SQL; exact match first.
    const int n = PQnfields(m_res.get());
    for (int i = 0; i < n; ++i)
        if (std::strcmp(PQfname(m_res.get(), i), name) == 0)
            return i;
    return -1;
}

unsigned int ResultSet::columnType(int col) const { return m_res ? PQftype(m_res.get(), col) : 0; }

bool ResultSet::isNullAt(int row, int col) const
{
    return !m_res || col < 0 || PQgetisnull(m_res.get(), row, col);
}

const char *ResultSet::rawValue(int row, int col) const
{
    return (m_res && col >= 0) ? PQgetvalue(m_res.get(), row, col) : "";
}

int ResultSet::rawLength(int row, int col) const
{
    return (m_res && col >= 0) ? PQgetlength(m_res.get(), row, col) : 0;
}

QString ResultSet::text(int row, int col) const
{
    if (isNullAt(row, col))
        return {};
    return QString::fromUtf8(PQgetvalue(m_res.get(), row, col), PQgetlength(m_res.get(), row, col));
}

QString ResultSet::text(int row, const char *column) const { return text(row, columnIndex(column)); }

qint64 ResultSet::toInt64(int row, int col, qint64 fallback) const
{
    if (isNullAt(row, col))
        return fallback;
    const char *v = PQgetvalue(m_res.get(), row, col);
    char *end = nullptr;
    const long long n = std::strtoll(v, &end, 10);
    return end == v ? fallback : qint64(n);
}

double ResultSet::toDouble(int row, int col, double fallback) const
{
    if (isNullAt(row, col))
        return fallback;
    const char *v = PQgetvalue(m_res.get(), row, col);
    char *end = nullptr;
    const double d = std::strtod(v, &end);
    return end == v ? fallback : d;
}

bool ResultSet::toBool(int row, int col) const
{
    return !isNullAt(row, col) && PQgetvalue(m_res.get(), row, col)[0] == 't';
}

QString ResultSet::commandTag() const
{
    return m_res ? QString::fromUtf8(PQcmdStatus(m_res.get())) : QString();
}

qint64 ResultSet::affectedRows() const
{
    if (!m_res)
        return -1;
    const char *n = PQcmdTuples(m_res.get());
    return (n && *n) ? std::atoll(n) : -1;
}

} // namespace pgdeck::pg
