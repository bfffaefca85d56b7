#include "textproperty.h"

#include "keys.h"
#include "scan.h"

#include <QJsonArray>
#include <QJsonObject>

#include <charconv>

namespace pgdeck::explain {

namespace {

void put(QList<Property> &out, const QString &key, PlanValue v)
{
    for (Property &p : out)
        if (keys::same(p.key, key)) {
            p.value = std::move(v);
            return;
        }
    out.push_back(Property{key, std::move(v)});
}

// A key as the text names it: the shared copy when PostgreSQL's JSON knows it.
void put(QList<Property> &out, QStringView key, PlanValue v)
{
    QString storage;
    put(out, keys::intern(key, &storage), std::move(v));
}

// Splits "A: x  B: y  C: z" at the known sub-keys that follow two (or one) spaces.
QList<std::pair<QStringView, QStringView>> splitPairs(QStringView first, QStringView rest,
                                                      std::initializer_list<QLatin1String> subKeys)
{
    QList<std::pair<QStringView, QStringView>> pairs;
    QStringView key = first;
    QStringView text = rest;
    for (;;) {
        qsizetype best = -1;
        QLatin1String bestKey;
        for (const QLatin1String &k : subKeys) {
            qsizetype from = 0;
            for (;;) {
                const qsizetype at = text.indexOf(k, from);
                if (at < 0)
                    break;
                const bool boundary = at > 0 && text.at(at - 1) == QLatin1Char(' ') && at + k.size() < text.size()
                    && text.at(at + k.size()) == QLatin1Char(':');
                if (boundary) {
                    if (best < 0 || at < best) {
                        best = at;
                        bestKey = k;
                    }
                    break;
                }
                from = at + 1;
            }
        }
        if (best < 0) {
            pairs.push_back({key, scan::trimmed(text)});
            return pairs;
        }
        pairs.push_back({key, text.first(best).trimmed()});
        key = text.mid(best, bestKey.size()); // the key as it appears in the text

        text = text.mid(best + bestKey.size() + 1);
    }
}

// "shared hit=1 read=2, local read=3, temp read=4 written=5"
bool parseBuffers(QList<Property> &out, QStringView value, QString *error)
{
    double v[10] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    enum { SH, SR, SD, SW, LH, LR, LD, LW, TR, TW };
    for (QStringView g : value.tokenize(QLatin1Char(','), Qt::SkipEmptyParts)) {
        int base = -1;
        for (QStringView w : g.tokenize(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (base < 0) {
                if (w == QLatin1String("shared"))
                    base = SH;
                else if (w == QLatin1String("local"))
                    base = LH;
                else if (w == QLatin1String("temp"))
                    base = TR;
                else {
                    *error = QStringLiteral("unknown buffer group '%1'").arg(w);
                    return false;
                }
                continue;
            }
            const qsizetype eq = w.indexOf(QLatin1Char('='));
            if (eq < 0) {
                *error = QStringLiteral("cannot read '%1' in Buffers").arg(w);
                return false;
            }
            const QStringView name = w.first(eq);
            PlanValue n;
            if (!TextProperty::toNumber(w.mid(eq + 1), &n)) {
                *error = QStringLiteral("'%1' in Buffers is not a number").arg(w);
                return false;
            }
            int slot = -1;
            if (base == TR) {
                if (name == QLatin1String("read")) slot = TR;
                else if (name == QLatin1String("written")) slot = TW;
                else if (name == QLatin1String("hit") || name == QLatin1String("dirtied")) continue; // not in PostgreSQL's JSON
            } else {
                if (name == QLatin1String("hit")) slot = base + 0;
                else if (name == QLatin1String("read")) slot = base + 1;
                else if (name == QLatin1String("dirtied")) slot = base + 2;
                else if (name == QLatin1String("written")) slot = base + 3;
            }
            if (slot < 0) {
                *error = QStringLiteral("cannot read '%1' in Buffers").arg(w);
                return false;
            }
            v[slot] = n.toDouble();
        }
    }
    const QString *names[10] = {&keys::SharedHitBlocks, &keys::SharedReadBlocks, &keys::SharedDirtiedBlocks,
                                &keys::SharedWrittenBlocks, &keys::LocalHitBlocks, &keys::LocalReadBlocks,
                                &keys::LocalDirtiedBlocks, &keys::LocalWrittenBlocks, &keys::TempReadBlocks,
                                &keys::TempWrittenBlocks};
    for (int i = 0; i < 10; ++i)
        put(out, *names[i], PlanValue(qint64(v[i])));
    return true;
}

// "read=1.2 write=0.5" (<= 14), "shared read=1.2, temp read=0.1 write=0.2" (15),
// "shared/local read=1.2, temp …" (16), "shared read=1.2, local write=0.1, temp read=0.3" (17+).
bool parseIoTimings(QList<Property> &out, QStringView value, QString *error)
{
    const QStringList groups = value.toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    enum Shape { Old, V15, V17 } shape = Old;
    for (const QString &g : groups) {
        const QString first = g.trimmed().section(QLatin1Char(' '), 0, 0);
        // PostgreSQL 15 prints "shared", 16 "shared/local", 17 splits "shared" and "local":
        // only a "local" group tells 17 apart (a shared-only line reads as 15/16 keys).
        if (first == QLatin1String("local"))
            shape = V17;
        else if ((first == QLatin1String("shared/local") || first == QLatin1String("shared") || first == QLatin1String("temp"))
                 && shape == Old)
            shape = V15;
    }
    double sharedR = 0, sharedW = 0, localR = 0, localW = 0, tempR = 0, tempW = 0, plainR = 0, plainW = 0;
    for (const QString &g : groups) {
        const QStringList words = g.trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        int start = 0;
        double *r = &plainR, *w = &plainW;
        if (!words.isEmpty() && !words.first().contains(QLatin1Char('='))) {
            start = 1;
            const QString &grp = words.first();
            if (grp == QLatin1String("shared/local") || grp == QLatin1String("shared")) { r = &sharedR; w = &sharedW; }
            else if (grp == QLatin1String("local")) { r = &localR; w = &localW; }
            else if (grp == QLatin1String("temp")) { r = &tempR; w = &tempW; }
            else {
                *error = QStringLiteral("unknown I/O timing group '%1'").arg(grp);
                return false;
            }
        }
        for (int i = start; i < words.size(); ++i) {
            const QString &wd = words.at(i);
            const qsizetype eq = wd.indexOf(QLatin1Char('='));
            PlanValue n;
            if (eq < 0 || !TextProperty::toNumber(QStringView(wd).mid(eq + 1), &n)) {
                *error = QStringLiteral("cannot read '%1' in I/O Timings").arg(wd);
                return false;
            }
            const QStringView name = QStringView(wd).first(eq);
            if (name == QLatin1String("read"))
                *r = n.toDouble();
            else if (name == QLatin1String("write"))
                *w = n.toDouble();
        }
    }
    switch (shape) {
    case Old:
        put(out, keys::IoReadTime, PlanValue(plainR));
        put(out, keys::IoWriteTime, PlanValue(plainW));
        break;
    case V15:
        put(out, keys::IoReadTime, PlanValue(sharedR + plainR));
        put(out, keys::IoWriteTime, PlanValue(sharedW + plainW));
        put(out, keys::TempIoReadTime, PlanValue(tempR));
        put(out, keys::TempIoWriteTime, PlanValue(tempW));
        break;
    case V17:
        put(out, keys::SharedIoReadTime, PlanValue(sharedR));
        put(out, keys::SharedIoWriteTime, PlanValue(sharedW));
        put(out, keys::LocalIoReadTime, PlanValue(localR));
        put(out, keys::LocalIoWriteTime, PlanValue(localW));
        put(out, keys::TempIoReadTime, PlanValue(tempR));
        put(out, keys::TempIoWriteTime, PlanValue(tempW));
        break;
    }
    return true;
}

// "key=value key=value" with known names -> JSON keys.
bool parseEquals(QList<Property> &out, QStringView value, std::initializer_list<std::pair<const char *, const QString *>> names,
                 const char *what, QString *error)
{
    for (const auto &n : names)
        put(out, *n.second, PlanValue(qint64(0)));
    const QStringList words = value.toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (int i = 0; i < words.size(); ++i) {
        QString word = words.at(i);
        // "buffers full=3" is two words.
        if (!word.contains(QLatin1Char('=')) && i + 1 < words.size()) {
            word += QLatin1Char(' ') + words.at(i + 1);
            ++i;
        }
        const qsizetype eq = word.indexOf(QLatin1Char('='));
        PlanValue n;
        if (eq < 0 || !TextProperty::toNumber(QStringView(word).mid(eq + 1), &n)) {
            *error = QStringLiteral("cannot read '%1' in %2").arg(word, QString::fromLatin1(what));
            return false;
        }
        const QString name = word.left(eq);
        bool known = false;
        for (const auto &nm : names) {
            if (name == QLatin1String(nm.first)) {
                put(out, *nm.second, n);
                known = true;
            }
        }
        if (!known)
            put(out, QString::fromLatin1(what) + QLatin1Char(' ') + name, n);
    }
    return true;
}

// Incremental sort groups: "1  Sort Method: quicksort  Average Memory: 26kB  Peak Memory: 26kB"
QJsonObject sortGroups(QStringView count, const QList<std::pair<QStringView, QStringView>> &pairs)
{
    QJsonObject g;
    PlanValue n;
    if (TextProperty::toNumber(count, &n))
        g.insert(QStringLiteral("Group Count"), n.toJson());
    QJsonObject memory, disk;
    for (const auto &[k, v] : pairs) {
        if (k == QLatin1String("Sort Method") || k == QLatin1String("Sort Methods")) {
            g.insert(QStringLiteral("Sort Methods Used"), QJsonArray::fromStringList(TextProperty::splitList(v)));
        } else {
            PlanValue kb;
            TextProperty::toKilobytes(v, &kb);
            if (k == QLatin1String("Average Memory"))
                memory.insert(QStringLiteral("Average Sort Space Used"), kb.toJson());
            else if (k == QLatin1String("Peak Memory"))
                memory.insert(QStringLiteral("Peak Sort Space Used"), kb.toJson());
            else if (k == QLatin1String("Average Disk"))
                disk.insert(QStringLiteral("Average Sort Space Used"), kb.toJson());
            else if (k == QLatin1String("Peak Disk"))
                disk.insert(QStringLiteral("Peak Sort Space Used"), kb.toJson());
        }
    }
    if (!memory.isEmpty())
        g.insert(QStringLiteral("Sort Space Memory"), memory);
    if (!disk.isEmpty())
        g.insert(QStringLiteral("Sort Space Disk"), disk);
    return g;
}

// "1.234 ms"
bool toMs(QStringView s, PlanValue *out)
{
    s = scan::trimmed(s);
    if (scan::endsWith(s, QLatin1String("ms")))
        s.chop(2);
    return TextProperty::toNumber(scan::trimmed(s), out);
}

bool isConditionKey(QStringView key)
{
    static constexpr QLatin1String conds[] = {
        QLatin1String("Index Cond"), QLatin1String("Order By"), QLatin1String("Recheck Cond"),
        QLatin1String("TID Cond"), QLatin1String("Join Filter"), QLatin1String("Filter"), QLatin1String("Merge Cond"),
        QLatin1String("Hash Cond"), QLatin1String("One-Time Filter"), QLatin1String("Run Condition"),
        QLatin1String("Conflict Filter"), QLatin1String("Cache Key"), QLatin1String("Cache Mode"),
        QLatin1String("Function Call"), QLatin1String("Table Function Call"), QLatin1String("Remote SQL"),
        QLatin1String("Relations"), QLatin1String("Conflict Resolution"), QLatin1String("Window"),
        QLatin1String("Repeatable Seed"),
    };
    for (const QLatin1String &c : conds)
        if (key == c)
            return true;
    return false;
}

bool isListKey(QStringView key)
{
    return key == QLatin1String("Output") || key == QLatin1String("Sort Key") || key == QLatin1String("Presorted Key")
        || key == QLatin1String("Group Key") || key == QLatin1String("Hash Key") || key == QLatin1String("Params Evaluated")
        || key == QLatin1String("Conflict Arbiter Indexes");
}

bool isNumberKey(QStringView key)
{
    static constexpr QLatin1String nums[] = {
        QLatin1String("Rows Removed by Filter"), QLatin1String("Rows Removed by Join Filter"),
        QLatin1String("Rows Removed by Index Recheck"), QLatin1String("Heap Fetches"), QLatin1String("Workers Planned"),
        QLatin1String("Workers Launched"), QLatin1String("Tuples Inserted"), QLatin1String("Conflicting Tuples"),
        QLatin1String("Subplans Removed"), QLatin1String("Index Searches"), QLatin1String("Disabled Nodes"),
        QLatin1String("Functions"),
    };
    for (const QLatin1String &n : nums)
        if (key == n)
            return true;
    return false;
}

} // namespace

bool TextProperty::toNumber(QStringView s, PlanValue *out)
{
    s = scan::trimmed(s);
    if (s.isEmpty() || s.size() > 40)
        return false;
    {
        // Fast path for what EXPLAIN prints ("12", "0.412", "62.51"): up to 15 digits
        // are exact in a double and one division by an exact power of ten rounds
        // correctly, so this is the value from_chars would give.
        static constexpr double kPow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
        qsizetype i = 0;
        const bool negative = s[0] == QLatin1Char('-');
        if (negative)
            i = 1;
        qint64 mantissa = 0;
        int digits = 0, fraction = -1;
        bool simple = i < s.size();
        for (; i < s.size() && simple; ++i) {
            const char16_t c = s[i].unicode();
            if (c >= u'0' && c <= u'9') {
                if (++digits > 15) {
                    simple = false; // from_chars below
                    break;
                }
                mantissa = mantissa * 10 + (c - u'0');
                if (fraction >= 0)
                    ++fraction;
            } else if (c == u'.' && fraction < 0 && digits > 0 && i + 1 < s.size()) {
                fraction = 0;
            } else {
                simple = false;
            }
        }
        if (simple && digits > 0 && digits <= 15) {
            if (fraction < 0)
                *out = PlanValue(negative ? -mantissa : mantissa);
            else
                *out = PlanValue((negative ? -double(mantissa) : double(mantissa)) / kPow10[fraction]);
            return true;
        }
    }
    char buf[48];
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = s.at(i).unicode();
        if (c > 0x7f)
            return false;
        buf[i] = char(c);
    }
    const char *b = buf, *e = buf + s.size();
    if (*b == '+')
        ++b;
    bool isFloat = false;
    for (const char *p = b; p < e; ++p)
        if (*p == '.' || *p == 'e' || *p == 'E')
            isFloat = true;
    if (!isFloat) {
        qint64 i = 0;
        auto r = std::from_chars(b, e, i);
        if (r.ec == std::errc() && r.ptr == e) {
            *out = PlanValue(i);
            return true;
        }
    }
    double d = 0;
    auto r = std::from_chars(b, e, d);
    if (r.ec != std::errc() || r.ptr != e)
        return false;
    *out = PlanValue(d);
    return true;
}

bool TextProperty::toKilobytes(QStringView s, PlanValue *out)
{
    s = scan::trimmed(s);
    if (scan::endsWith(s, QLatin1String("kB")))
        s.chop(2);
    return toNumber(s, out);
}

QStringList TextProperty::splitList(QStringView value)
{
    QStringList out;
    int depth = 0;
    bool single = false, dbl = false;
    qsizetype start = 0;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (single) {
            if (c == QLatin1Char('\''))
                single = false;
            continue;
        }
        if (dbl) {
            if (c == QLatin1Char('"'))
                dbl = false;
            continue;
        }
        switch (c.unicode()) {
        case '\'': single = true; break;
        case '"': dbl = true; break;
        case '(': case '[': case '{': ++depth; break;
        case ')': case ']': case '}': --depth; break;
        case ',':
            if (depth == 0 && i + 1 < value.size() && value.at(i + 1) == QLatin1Char(' ')) {
                out << value.mid(start, i - start).trimmed().toString();
                start = i + 2;
            }
            break;
        default: break;
        }
    }
    const QStringView last = value.mid(start).trimmed();
    if (!last.isEmpty() || !out.isEmpty())
        out << last.toString();
    return out;
}

bool TextProperty::applyActuals(QList<Property> &out, QStringView text, bool timed, QString *error)
{
    QStringView t = scan::trimmed(text);
    if (t.startsWith(QLatin1Char('(')) && t.endsWith(QLatin1Char(')')))
        t = t.mid(1, t.size() - 2);
    if (t == QLatin1String("never executed")) {
        if (timed) {
            put(out, keys::ActualStartupTime, PlanValue(0.0));
            put(out, keys::ActualTotalTime, PlanValue(0.0));
        }
        put(out, keys::ActualRows, PlanValue(qint64(0)));
        put(out, keys::ActualLoops, PlanValue(qint64(0)));
        return true;
    }
    if (!scan::startsWith(t, QLatin1String("actual"))) {
        *error = QStringLiteral("expected 'actual …' or 'never executed'");
        return false;
    }
    t = t.mid(6).trimmed();
    bool sawRows = false, sawLoops = false;
    for (QStringView w : t.tokenize(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const qsizetype eq = w.indexOf(QLatin1Char('='));
        if (eq < 0) {
            *error = QStringLiteral("cannot read '%1' in the actual figures").arg(w);
            return false;
        }
        const QStringView name = w.first(eq);
        const QStringView val = w.mid(eq + 1);
        if (name == QLatin1String("time")) {
            const qsizetype dots = val.indexOf(QLatin1String(".."));
            PlanValue a, b;
            if (dots < 0 || !toNumber(val.first(dots), &a) || !toNumber(val.mid(dots + 2), &b)) {
                *error = QStringLiteral("cannot read the actual time '%1'").arg(val.toString());
                return false;
            }
            put(out, keys::ActualStartupTime, PlanValue(a.toDouble()));
            put(out, keys::ActualTotalTime, PlanValue(b.toDouble()));
        } else if (name == QLatin1String("rows") || name == QLatin1String("loops")) {
            PlanValue n;
            if (!toNumber(val, &n)) {
                *error = QStringLiteral("'%1' is not a number").arg(w);
                return false;
            }
            if (name == QLatin1String("rows")) {
                put(out, keys::ActualRows, n);
                sawRows = true;
            } else {
                put(out, keys::ActualLoops, n);
                sawLoops = true;
            }
        } else {
            // Unknown figure from a newer server: keep it under its own name.
            PlanValue n;
            if (toNumber(val, &n))
                put(out, QStringLiteral("Actual ") + name.toString(), n);
        }
    }
    if (!sawRows || !sawLoops) {
        *error = QStringLiteral("the actual figures need rows= and loops=");
        return false;
    }
    return true;
}

bool TextProperty::apply(QList<Property> &out, QStringView key, QStringView value, const Context &ctx, QString *error)
{
    value = scan::trimmed(value);
    if (key == QLatin1String("Buffers"))
        return parseBuffers(out, value, error);
    if (key == QLatin1String("I/O Timings"))
        return parseIoTimings(out, value, error);
    if (key == QLatin1String("WAL"))
        return parseEquals(out, value,
                           {{"records", &keys::WalRecords}, {"fpi", &keys::WalFpi}, {"bytes", &keys::WalBytes},
                            {"buffers full", &keys::WalBuffersFull}},
                           "WAL", error);
    if (key == QLatin1String("Heap Blocks"))
        return parseEquals(out, value, {{"exact", &keys::ExactHeapBlocks}, {"lossy", &keys::LossyHeapBlocks}}, "Heap Blocks",
                           error);
    if (key == QLatin1String("Sort Method")) {
        // "quicksort  Memory: 25kB" / "external merge  Disk: 1024kB"
        const auto pairs = splitPairs(key, value, {QLatin1String("Memory"), QLatin1String("Disk")});
        put(out, keys::SortMethod, PlanValue(pairs.first().second.toString()));
        for (int i = 1; i < pairs.size(); ++i) {
            PlanValue kb;
            if (!toKilobytes(pairs.at(i).second, &kb)) {
                *error = QStringLiteral("cannot read the sort space '%1'").arg(pairs.at(i).second.toString());
                return false;
            }
            put(out, keys::SortSpaceUsed, kb);
            put(out, keys::SortSpaceType, PlanValue(pairs.at(i).first.toString()));
        }
        return true;
    }
    if (key == QLatin1String("Buckets")) {
        // "1024 (originally 512)  Batches: 2 (originally 1)  Memory Usage: 9kB"
        const auto pairs = splitPairs(key, value, {QLatin1String("Batches"), QLatin1String("Memory Usage")});
        for (const auto &[k, v] : pairs) {
            QStringView now = v, orig = v;
            const qsizetype o = v.indexOf(QLatin1String("(originally "));
            if (o >= 0) {
                now = v.first(o).trimmed();
                orig = v.mid(o + 12);
                if (orig.endsWith(QLatin1Char(')')))
                    orig.chop(1);
            }
            PlanValue n, on;
            if (k == QLatin1String("Memory Usage")) {
                if (!toKilobytes(v, &n)) {
                    *error = QStringLiteral("cannot read the memory usage '%1'").arg(v.toString());
                    return false;
                }
                put(out, keys::PeakMemoryUsage, n);
                continue;
            }
            if (!toNumber(now, &n) || !toNumber(orig, &on)) {
                *error = QStringLiteral("cannot read '%1: %2'").arg(k.toString(), v.toString());
                return false;
            }
            if (k == QLatin1String("Buckets")) {
                put(out, keys::HashBuckets, n);
                put(out, keys::OriginalHashBuckets, on);
            } else {
                put(out, keys::HashBatches, n);
                put(out, keys::OriginalHashBatches, on);
            }
        }
        return true;
    }
    if (key == QLatin1String("Planned Partitions") || key == QLatin1String("Batches")) {
        // Hash aggregate (13+): "Planned Partitions: 4  Batches: 5  Memory Usage: 4153kB  Disk Usage: 31752kB"
        const auto pairs = splitPairs(key, value,
                                      {QLatin1String("Batches"), QLatin1String("Memory Usage"), QLatin1String("Disk Usage")});
        for (const auto &[k, v] : pairs) {
            PlanValue n;
            if (!(scan::endsWith(k, QLatin1String("Usage")) ? toKilobytes(v, &n) : toNumber(v, &n))) {
                *error = QStringLiteral("cannot read '%1: %2'").arg(k.toString(), v.toString());
                return false;
            }
            if (k == QLatin1String("Planned Partitions"))
                put(out, keys::PlannedPartitions, n);
            else if (k == QLatin1String("Batches"))
                put(out, keys::HashAggBatches, n);
            else if (k == QLatin1String("Memory Usage"))
                put(out, keys::PeakMemoryUsage, n);
            else
                put(out, keys::DiskUsage, n);
        }
        return true;
    }
    if (key == QLatin1String("Hits")) {
        // Memoize: "Hits: 1  Misses: 2  Evictions: 0  Overflows: 0  Memory Usage: 1kB"
        const auto pairs = splitPairs(key, value,
                                      {QLatin1String("Misses"), QLatin1String("Evictions"), QLatin1String("Overflows"),
                                       QLatin1String("Memory Usage")});
        for (const auto &[k, v] : pairs) {
            PlanValue n;
            if (!(k == QLatin1String("Memory Usage") ? toKilobytes(v, &n) : toNumber(v, &n))) {
                *error = QStringLiteral("cannot read '%1: %2'").arg(k.toString(), v.toString());
                return false;
            }
            put(out, k == QLatin1String("Memory Usage") ? keys::PeakMemoryUsage : QStringLiteral("Cache ") + k.toString(), n);
        }
        return true;
    }
    if (key == QLatin1String("Full-sort Groups") || key == QLatin1String("Pre-sorted Groups")) {
        const auto pairs = splitPairs(QStringView(), value,
                                      {QLatin1String("Sort Method"), QLatin1String("Sort Methods"),
                                       QLatin1String("Average Memory"), QLatin1String("Peak Memory"),
                                       QLatin1String("Average Disk"), QLatin1String("Peak Disk")});
        put(out, key, PlanValue(QJsonValue(sortGroups(pairs.first().second, pairs.mid(1)))));
        return true;
    }
    if (key == QLatin1String("Storage")) {
        // 17+: "Memory  Maximum Storage: 17kB"
        const auto pairs = splitPairs(key, value, {QLatin1String("Maximum Storage")});
        put(out, QStringLiteral("Storage"), PlanValue(pairs.first().second.toString()));
        if (pairs.size() > 1) {
            PlanValue kb;
            toKilobytes(pairs.at(1).second, &kb);
            put(out, QStringLiteral("Maximum Storage"), kb);
        }
        return true;
    }
    if (key == QLatin1String("Memory") && ctx.nodeType.isEmpty()) {
        // Planning (17+): "used=5kB  allocated=8kB"
        for (const QString &w : value.toString().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            const qsizetype eq = w.indexOf(QLatin1Char('='));
            PlanValue kb;
            if (eq < 0 || !toKilobytes(QStringView(w).mid(eq + 1), &kb))
                continue;
            const QString name = w.left(eq);
            put(out, name == QLatin1String("used") ? QStringLiteral("Memory Used") : QStringLiteral("Memory Allocated"), kb);
        }
        return true;
    }
    if (key == QLatin1String("Sampling")) {
        // "system ('10'::real) REPEATABLE ('1'::double precision)"
        const qsizetype open = value.indexOf(QLatin1Char('('));
        QStringView method = open < 0 ? value : value.first(open).trimmed();
        put(out, QStringLiteral("Sampling Method"), PlanValue(method.toString()));
        if (open >= 0) {
            int depth = 0;
            qsizetype close = -1;
            for (qsizetype i = open; i < value.size(); ++i) {
                if (value.at(i) == QLatin1Char('(')) ++depth;
                else if (value.at(i) == QLatin1Char(')') && --depth == 0) { close = i; break; }
            }
            if (close > open) {
                put(out, QStringLiteral("Sampling Parameters"), PlanValue(splitList(value.mid(open + 1, close - open - 1))));
                QStringView rest = value.mid(close + 1).trimmed();
                if (scan::startsWith(rest, QLatin1String("REPEATABLE"))) {
                    rest = rest.mid(10).trimmed();
                    if (rest.startsWith(QLatin1Char('(')) && rest.endsWith(QLatin1Char(')')))
                        rest = rest.mid(1, rest.size() - 2);
                    put(out, QStringLiteral("Repeatable Seed"), PlanValue(rest.toString()));
                }
            }
        }
        return true;
    }
    if (key == QLatin1String("Options") && ctx.nodeType == QLatin1String("JIT")) {
        QJsonObject o;
        for (const QString &part : splitList(value)) {
            const QString p = part.trimmed();
            const qsizetype sp = p.lastIndexOf(QLatin1Char(' '));
            if (sp > 0)
                o.insert(p.left(sp), p.mid(sp + 1) == QLatin1String("true"));
        }
        put(out, QStringLiteral("Options"), PlanValue(QJsonValue(o)));
        return true;
    }
    if (key == QLatin1String("Timing") && ctx.nodeType == QLatin1String("JIT")) {
        // "Generation 0.340 ms (Deform 0.100 ms), Inlining 0.000 ms, …, Total 2.414 ms"
        QJsonObject o;
        for (const QString &part : splitList(value)) {
            QString p = part.trimmed();
            QJsonObject sub;
            const qsizetype paren = p.indexOf(QLatin1Char('('));
            if (paren > 0) {
                const QString inner = p.mid(paren + 1).chopped(1).trimmed(); // "Deform 0.100 ms"
                const qsizetype sp = inner.indexOf(QLatin1Char(' '));
                PlanValue ms;
                if (sp > 0 && toMs(QStringView(inner).mid(sp + 1), &ms))
                    sub.insert(inner.left(sp), ms.toDouble());
                p = p.left(paren).trimmed();
            }
            const qsizetype sp = p.indexOf(QLatin1Char(' '));
            PlanValue ms;
            if (sp <= 0 || !toMs(QStringView(p).mid(sp + 1), &ms)) {
                *error = QStringLiteral("cannot read the JIT timing '%1'").arg(part);
                return false;
            }
            if (sub.isEmpty()) {
                o.insert(p.left(sp), ms.toDouble());
            } else {
                sub.insert(QStringLiteral("Total"), ms.toDouble());
                o.insert(p.left(sp), sub);
            }
        }
        put(out, QStringLiteral("Timing"), PlanValue(QJsonValue(o)));
        return true;
    }
    if (isListKey(key)) {
        put(out, key, PlanValue(splitList(value)));
        return true;
    }
    if (isConditionKey(key)) {
        put(out, key, PlanValue(value.toString()));
        return true;
    }
    if (isNumberKey(key)) {
        PlanValue n;
        if (!toNumber(value, &n)) {
            *error = QStringLiteral("'%1' should be a number").arg(value.toString());
            return false;
        }
        put(out, key, n);
        return true;
    }
    // Anything else from this or a newer server: a number, a boolean, or text.
    PlanValue n;
    if (toNumber(value, &n))
        put(out, key, n);
    else if (value == QLatin1String("true") || value == QLatin1String("false"))
        put(out, key, PlanValue(value == QLatin1String("true")));
    else
        put(out, key, PlanValue(value.toString()));
    return true;
}

} // namespace pgdeck::explain
