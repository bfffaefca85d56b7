#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

namespace pgdeck::store {

// Packs one tick (or one minute) of a source into a BLOB: the metric ids are
// interned in metric_name, values are little-endian doubles. One row per tick keeps
// the table small (a server's ~100 metrics in one row instead of 100 rows).
//
// Tick:   'T' u16 count { u16 id, f64 value }*
// Minute: 'M' u16 count { u16 id, f64 avg, f64 min, f64 max, u32 n }*
class MetricCodec
{
public:
    struct Value
    {
        quint16 id = 0;
        double value = 0;
    };
    struct Aggregate
    {
        quint16 id = 0;
        double avg = 0, min = 0, max = 0;
        quint32 n = 0;
    };

    static QByteArray encodeTick(const QList<Value> &values);
    static std::optional<QList<Value>> decodeTick(const QByteArray &blob);
    static QByteArray encodeMinute(const QList<Aggregate> &values);
    static std::optional<QList<Aggregate>> decodeMinute(const QByteArray &blob);
};

} // namespace pgdeck::store
