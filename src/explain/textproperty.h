#pragma once

#include "plannode.h"

#include <QStringView>

namespace pgdeck::explain {

// Turns one "Key: value" line of a TEXT plan into the keys FORMAT JSON prints for it:
// "Sort Method: external merge  Disk: 1024kB" -> Sort Method, Sort Space Used, Sort Space
// Type; "Buffers: shared hit=1 read=2, temp written=3" -> Shared Hit Blocks …;
// "Buckets: 1024 (originally 512)  Batches: 2" -> Hash Buckets, Original Hash Buckets …
class TextProperty
{
public:
    struct Context
    {
        QStringView nodeType; // the node the line belongs to ("" for top-level groups)
        QStringView strategy; // Aggregate strategy: "Hashed" lines read "Batches:" as HashAgg Batches
    };

    // Appends to `out`. Returns false with `error` set when a value that must be a
    // number is not one.
    static bool apply(QList<Property> &out, QStringView key, QStringView value, const Context &ctx, QString *error);
    // "actual time=0.01..0.02 rows=1 loops=1" / "actual rows=1 loops=1" / "never executed".
    static bool applyActuals(QList<Property> &out, QStringView text, bool timed, QString *error);
    // "a, b, (f(x, y))" -> ["a", "b", "(f(x, y))"]: commas outside brackets and quotes.
    static QStringList splitList(QStringView value);
    // Numbers as PostgreSQL prints them ("12", "0.123", "1.00", "-3"): integers stay exact.
    static bool toNumber(QStringView s, PlanValue *out);
    // "1024kB" -> 1024
    static bool toKilobytes(QStringView s, PlanValue *out);
};

} // namespace pgdeck::explain
