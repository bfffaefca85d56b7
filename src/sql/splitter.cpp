#include "splitter.h"

#include "pgquery.h"

#include <pg_query.h>

namespace pgdeck::sql {

namespace {

// Leading whitespace and comments are not part of the statement.
int skipLeadingNoise(const QString &s, int from, int to)
{
    int i = from;
    while (i < to) {
        if (s.at(i).isSpace()) {
            ++i;
        } else if (s.mid(i, 2) == QLatin1String("--")) {
            while (i < to && s.at(i) != QLatin1Char('\n'))
                ++i;
        } else if (s.mid(i, 2) == QLatin1String("/*")) {
            const int end = int(s.indexOf(QLatin1String("*/"), i + 2));
            i = end < 0 || end + 2 > to ? to : end + 2;
        } else {
            break;
        }
    }
    return i;
}

void push(QList<ScriptStatement> &out, const QString &script, int from, int to)
{
    from = skipLeadingNoise(script, from, to);
    while (to > from && (script.at(to - 1).isSpace() || script.at(to - 1) == QLatin1Char(';')))
        --to;
    if (to <= from)
        return;
    ScriptStatement s;
    s.offset = from;
    s.length = to - from;
    s.text = script.mid(from, to - from);
    out.push_back(s);
}

// For scripts the parser refuses: split at semicolons outside quotes, comments,
// dollar quotes and brackets, so each broken statement still comes out alone.
QList<ScriptStatement> lexicalSplit(const QString &s)
{
    QList<ScriptStatement> out;
    const int n = int(s.size());
    int start = 0, depth = 0;
    int i = 0;
    while (i < n) {
        const QChar c = s.at(i);
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            const QChar q = c;
            ++i;
            while (i < n) {
                if (s.at(i) == q) {
                    if (i + 1 < n && s.at(i + 1) == q) {
                        i += 2;
                        continue;
                    }
                    break;
                }
                ++i;
            }
            ++i;
        } else if (c == QLatin1Char('-') && i + 1 < n && s.at(i + 1) == QLatin1Char('-')) {
            while (i < n && s.at(i) != QLatin1Char('\n'))
                ++i;
        } else if (c == QLatin1Char('/') && i + 1 < n && s.at(i + 1) == QLatin1Char('*')) {
            const int end = int(s.indexOf(QLatin1String("*/"), i + 2));
            i = end < 0 ? n : end + 2;
        } else if (c == QLatin1Char('$')) {
            // $tag$ … $tag$
            int j = i + 1;
            while (j < n && (s.at(j).isLetterOrNumber() || s.at(j) == QLatin1Char('_')))
                ++j;
            if (j < n && s.at(j) == QLatin1Char('$') && !(j > i + 1 && s.at(i + 1).isDigit())) {
                const QString tag = s.mid(i, j - i + 1);
                const int end = int(s.indexOf(tag, j + 1));
                i = end < 0 ? n : end + int(tag.size());
            } else {
                i = j;
            }
        } else if (c == QLatin1Char('(')) {
            ++depth;
            ++i;
        } else if (c == QLatin1Char(')')) {
            depth = qMax(0, depth - 1);
            ++i;
        } else if (c == QLatin1Char(';') && depth == 0) {
            push(out, s, start, i);
            start = ++i;
        } else {
            ++i;
        }
    }
    push(out, s, start, n);
    return out;
}

} // namespace

QList<ScriptStatement> Splitter::split(const QString &script)
{
    const QByteArray utf8 = script.toUtf8();
    PgQuerySplitResult r = pg_query_split_with_parser(utf8.constData());
    if (r.error) {
        pg_query_free_split_result(r);
        return lexicalSplit(script);
    }
    QList<ScriptStatement> out;
    for (int i = 0; i < r.n_stmts; ++i) {
        const int b0 = r.stmts[i]->stmt_location;
        const int b1 = b0 + r.stmts[i]->stmt_len;
        push(out, script, detail::utf16Index(utf8, b0), detail::utf16Index(utf8, b1));
    }
    pg_query_free_split_result(r);
    return out;
}

} // namespace pgdeck::sql
