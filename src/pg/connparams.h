#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <vector>

namespace pgdeck::pg {

// libpq connection parameters as keyword/value pairs, in order. Parsed by libpq itself
// (PQconninfoParse), so keyword strings, postgres:// URIs (multi-host too) and
// service=name all mean exactly what they mean to psql.
class ConnParams
{
public:
    ConnParams() = default;

    // Parses a keyword string or URI. Errors carry libpq's own message.
    static core::Result<ConnParams> parse(const QString &conninfo);

    QString value(const QByteArray &keyword) const;
    bool has(const QByteArray &keyword) const;
    void set(const QByteArray &keyword, const QString &value); // empty value removes
    void remove(const QByteArray &keyword);
    // Appends "-c name=value" to the `options` keyword (server-side GUCs at connect).
    void addServerOption(const QString &name, const QString &value);

    const QList<QPair<QByteArray, QString>> &pairs() const { return m_pairs; }

    // host/port lists split on commas, as libpq reads them (multi-host profiles).
    QStringList hosts() const;
    QStringList ports() const;
    // One ConnParams per host of a multi-host string; a single host returns itself.
    QList<ConnParams> splitHosts() const;

    // "host=… port=… dbname=… user=…" with secrets left out; safe to show and log.
    QString toDisplayString() const;
    // A keyword string libpq accepts again (values quoted and escaped). Includes the
    // password when `withSecrets`: only for handing to libpq, never for storing.
    QString toConninfo(bool withSecrets = false) const;
    // "host:port" of the first host, for messages.
    QString endpoint() const;

    bool operator==(const ConnParams &o) const { return m_pairs == o.m_pairs; }

private:
    QList<QPair<QByteArray, QString>> m_pairs;
};

// Null-terminated keyword/value arrays for PQconnectStartParams; owns the storage.
class ConnParamArrays
{
public:
    explicit ConnParamArrays(const ConnParams &params);
    const char *const *keywords() const { return m_keys.data(); }
    const char *const *values() const { return m_vals.data(); }

private:
    std::vector<QByteArray> m_storage;
    std::vector<const char *> m_keys;
    std::vector<const char *> m_vals;
};

} // namespace pgdeck::pg
