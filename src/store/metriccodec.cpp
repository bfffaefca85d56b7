#include "metriccodec.h"

#include <QtEndian>

#include <cstring>

namespace pgdeck::store {

namespace {
void putU16(QByteArray &b, quint16 v)
{
    char buf[2];
    qToLittleEndian(v, buf);
    b.append(buf, 2);
}
void putU32(QByteArray &b, quint32 v)
{
    char buf[4];
    qToLittleEndian(v, buf);
    b.append(buf, 4);
}
void putF64(QByteArray &b, double v)
{
    quint64 bits;
    std::memcpy(&bits, &v, 8);
    char buf[8];
    qToLittleEndian(bits, buf);
    b.append(buf, 8);
}

// Bounds-checked reader: a truncated or foreign blob decodes to nullopt, never a crash.
struct Reader
{
    const QByteArray &b;
    qsizetype pos = 0;
    bool ok = true;
    bool need(qsizetype n)
    {
        if (pos + n > b.size())
            ok = false;
        return ok;
    }
    quint16 u16()
    {
        if (!need(2))
            return 0;
        const quint16 v = qFromLittleEndian<quint16>(b.constData() + pos);
        pos += 2;
        return v;
    }
    quint32 u32()
    {
        if (!need(4))
            return 0;
        const quint32 v = qFromLittleEndian<quint32>(b.constData() + pos);
        pos += 4;
        return v;
    }
    double f64()
    {
        if (!need(8))
            return 0;
        const quint64 bits = qFromLittleEndian<quint64>(b.constData() + pos);
        pos += 8;
        double v;
        std::memcpy(&v, &bits, 8);
        return v;
    }
};
} // namespace

QByteArray MetricCodec::encodeTick(const QList<Value> &values)
{
    QByteArray b;
    b.reserve(3 + values.size() * 10);
    b.append('T');
    putU16(b, quint16(values.size()));
    for (const Value &v : values) {
        putU16(b, v.id);
        putF64(b, v.value);
    }
    return b;
}

std::optional<QList<MetricCodec::Value>> MetricCodec::decodeTick(const QByteArray &blob)
{
    if (blob.isEmpty() || blob.at(0) != 'T')
        return std::nullopt;
    Reader r{blob, 1};
    const int n = r.u16();
    if (!r.ok || blob.size() != 3 + qsizetype(n) * 10)
        return std::nullopt;
    QList<Value> out;
    out.reserve(n);
    for (int i = 0; i < n; ++i) {
        Value v;
        v.id = r.u16();
        v.value = r.f64();
        out.append(v);
    }
    return out;
}

QByteArray MetricCodec::encodeMinute(const QList<Aggregate> &values)
{
    QByteArray b;
    b.reserve(3 + values.size() * 30);
    b.append('M');
    putU16(b, quint16(values.size()));
    for (const Aggregate &a : values) {
        putU16(b, a.id);
        putF64(b, a.avg);
        putF64(b, a.min);
        putF64(b, a.max);
        putU32(b, a.n);
    }
    return b;
}

std::optional<QList<MetricCodec::Aggregate>> MetricCodec::decodeMinute(const QByteArray &blob)
{
    if (blob.isEmpty() || blob.at(0) != 'M')
        return std::nullopt;
    Reader r{blob, 1};
    const int n = r.u16();
    if (!r.ok || blob.size() != 3 + qsizetype(n) * 30)
        return std::nullopt;
    QList<Aggregate> out;
    out.reserve(n);
    for (int i = 0; i < n; ++i) {
        Aggregate a;
        a.id = r.u16();
        a.avg = r.f64();
        a.min = r.f64();
        a.max = r.f64();
        a.n = r.u32();
        out.append(a);
    }
    return out;
}

} // namespace pgdeck::store
