#pragma once

#include <QString>

namespace pgdeck::explain {

// How plan figures read in views, insights and `pgdeck explain --format tree`.
class Format
{
public:
    static QString ms(double ms);            // "0.042 ms", "12.3 ms", "4.56 s", "—" for NaN
    static QString count(double n);          // "12,345", "1.2 M" above ten million
    static QString blocks(double blocks);    // "1,234 (9.6 MB)" with 8 kB pages
    static QString kilobytes(double kb);     // "512 kB", "12.5 MB", "1.2 GB"
    static QString cost(double cost);        // "1,234.56"
    static QString factor(double f);         // "12x", "1,234x"
    static QString percent(double p);        // "12.3%", "<0.1%"
    // work_mem-style setting for at least `kb` kilobytes, rounded up to a power of two MB.
    static QString memorySetting(double kb);
    // Quotes an identifier the way PostgreSQL needs it ("Order Items", public.events).
    static QString ident(const QString &name);
};

} // namespace pgdeck::explain
