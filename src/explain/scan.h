#pragma once

#include <QString>
#include <QStringView>

// Inline forms of the few QStringView operations the TEXT plan reader runs on every
// line (a 10,000-node plan is 100,000 lines): same results, no out-of-line calls for
// the ASCII that plans are made of.
namespace pgdeck::explain::scan {

inline bool isSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u == u' ' || (u >= 9 && u <= 13) || (u >= 0x80 && c.isSpace());
}

inline QStringView trimmed(QStringView s)
{
    qsizetype b = 0, e = s.size();
    while (b < e && isSpace(s[b]))
        ++b;
    while (e > b && isSpace(s[e - 1]))
        --e;
    return s.sliced(b, e - b);
}

inline QStringView rtrimmed(QStringView s)
{
    qsizetype e = s.size();
    while (e > 0 && isSpace(s[e - 1]))
        --e;
    return s.first(e);
}

inline bool startsWith(QStringView s, QLatin1StringView prefix)
{
    if (s.size() < prefix.size())
        return false;
    for (qsizetype i = 0; i < prefix.size(); ++i)
        if (s[i].unicode() != prefix[i].unicode())
            return false;
    return true;
}

inline bool endsWith(QStringView s, QLatin1StringView suffix)
{
    return s.size() >= suffix.size() && startsWith(s.last(suffix.size()), suffix);
}

} // namespace pgdeck::explain::scan
