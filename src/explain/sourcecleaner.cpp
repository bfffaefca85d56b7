#include "sourcecleaner.h"

#include "scan.h"

#include <QRegularExpression>

namespace pgdeck::explain {

namespace {

bool isFrameChar(QChar c)
{
    switch (c.unicode()) {
    case '-': case '+': case '=': case '|': case ' ': case ':':
    case 0x2500: case 0x2501: case 0x2502: case 0x2503: // ─ ━ │ ┃
    case 0x250C: case 0x2510: case 0x2514: case 0x2518: // ┌ ┐ └ ┘
    case 0x251C: case 0x2524: case 0x252C: case 0x2534: case 0x253C: // ├ ┤ ┬ ┴ ┼
    case 0x2550: case 0x2551: case 0x2554: case 0x2557: case 0x255A: case 0x255D: // ═ ║ ╔ ╗ ╚ ╝
    case 0x2560: case 0x2563: case 0x2566: case 0x2569: case 0x256C: // ╠ ╣ ╦ ╩ ╬
    case 0x255E: case 0x2561: case 0x256A: case 0x2564: case 0x2567: // ╞ ╡ ╪ ╤ ╧
    case 0x253F: case 0x251D: case 0x2525: // ┿ ┝ ┥
        return true;
    default:
        return false;
    }
}

bool isDash(QChar c)
{
    return c == QLatin1Char('-') || c == QChar(0x2500) || c == QChar(0x2501) || c == QChar(0x2550);
}

bool isBar(QChar c)
{
    return c == QLatin1Char('|') || c == QChar(0x2502) || c == QChar(0x2503) || c == QChar(0x2551);
}

using scan::rtrimmed;

// psql's "+" (ascii) or "↵" (unicode) at the end of a line that continues in the same cell.
bool isContinuationMark(QChar c)
{
    return c == QLatin1Char('+') || c == QChar(0x21B5);
}

// A cheap test before a pass: does any line end (before trailing spaces) in such a character?
bool anyLineEndsWith(const std::vector<SourceLine> &lines, bool (*test)(QChar))
{
    for (const SourceLine &l : lines) {
        const QStringView t = rtrimmed(l.text);
        if (!t.isEmpty() && test(t.back()))
            return true;
    }
    return false;
}

bool isNodeLooking(QStringView t)
{
    return t.contains(QLatin1String("(cost=")) || t.contains(QLatin1String("(actual ")) || t.contains(QLatin1String("(never executed)"));
}

} // namespace

SourceCleaner::SourceCleaner(const QString &input) : m_input(input)
{
    splitLines();
    stripAutoExplain();
    stripExpanded();
    stripHeaderAndFooter();
    stripFrame();
    stripContinuations();
    stripQuotes();
    expandTabs();
}

QStringView SourceCleaner::store(QString s)
{
    m_storage.push_back(std::move(s));
    return QStringView(m_storage.back());
}

bool SourceCleaner::isRuleLine(QStringView line)
{
    int dashes = 0;
    for (QChar c : line) {
        if (!isFrameChar(c))
            return false;
        if (isDash(c))
            ++dashes;
    }
    return dashes >= 3;
}

bool SourceCleaner::isRowCountFooter(QStringView t)
{
    if (t.size() < 5 || t.front() != QLatin1Char('(') || t.back() != QLatin1Char(')'))
        return false;
    qsizetype i = 1;
    while (i < t.size() && t.at(i).isDigit())
        ++i;
    if (i == 1 || i >= t.size() || t.at(i) != QLatin1Char(' '))
        return false;
    ++i;
    if (i >= t.size() - 1)
        return false;
    for (; i < t.size() - 1; ++i) {
        const QChar c = t.at(i);
        if (!c.isLetter() && !c.isMark() && c != QLatin1Char(' ') && c != QLatin1Char('-'))
            return false;
    }
    return true;
}

void SourceCleaner::splitLines()
{
    const QStringView all(m_input);
    const bool onlyCr = !all.contains(QLatin1Char('\n')) && all.contains(QLatin1Char('\r'));
    const QChar sep = onlyCr ? QLatin1Char('\r') : QLatin1Char('\n');
    qsizetype start = 0;
    int number = 1;
    m_lines.reserve(size_t(all.size() / 32 + 16));
    while (start <= all.size()) {
        qsizetype end = all.indexOf(sep, start);
        if (end < 0)
            end = all.size();
        QStringView line = all.mid(start, end - start);
        if (!line.isEmpty() && line.back() == QLatin1Char('\r'))
            line.chop(1);
        m_lines.push_back(SourceLine{line, number++});
        start = end + 1;
    }
    // A BOM from an editor.
    if (!m_lines.empty() && !m_lines.front().text.isEmpty() && m_lines.front().text.front() == QChar(0xFEFF))
        m_lines.front().text = m_lines.front().text.mid(1);
}

void SourceCleaner::stripAutoExplain()
{
    // "… LOG:  duration: 12.345 ms  plan:" then the plan, tab-indented in a log file.
    int at = -1;
    for (size_t i = 0; i < m_lines.size(); ++i) {
        const QStringView t = rtrimmed(m_lines[i].text);
        if (scan::endsWith(t, QLatin1String("plan:")) && t.contains(QLatin1String("duration: "))) {
            at = int(i);
            const QStringView rest = t.mid(t.indexOf(QLatin1String("duration: ")) + 10);
            const qsizetype sp = rest.indexOf(QLatin1Char(' '));
            bool ok = false;
            const double ms = rest.first(sp < 0 ? rest.size() : sp).toDouble(&ok);
            if (ok)
                m_logDurationMs = ms;
            break;
        }
    }
    if (at < 0)
        return;
    std::vector<SourceLine> kept;
    bool tabbed = false;
    for (size_t i = size_t(at) + 1; i < m_lines.size(); ++i) {
        if (!m_lines[i].text.isEmpty()) {
            tabbed = m_lines[i].text.front() == QLatin1Char('\t');
            break;
        }
    }
    for (size_t i = size_t(at) + 1; i < m_lines.size(); ++i) {
        SourceLine l = m_lines[i];
        if (tabbed) {
            if (l.text.isEmpty())
                continue;
            if (l.text.front() != QLatin1Char('\t'))
                break; // the next log entry
            l.text = l.text.mid(1);
        }
        kept.push_back(l);
    }
    // "Query Text: …" may span lines, up to the first plan line.
    size_t first = 0;
    while (first < kept.size() && scan::trimmed(kept[first].text).isEmpty())
        ++first;
    if (first < kept.size() && scan::trimmed(kept[first].text).startsWith(QLatin1String("Query Text:"))) {
        QStringList query{scan::trimmed(kept[first].text).mid(11).trimmed().toString()};
        size_t j = first + 1;
        for (; j < kept.size(); ++j) {
            const QStringView t = scan::trimmed(kept[j].text);
            if (isNodeLooking(t) || t.startsWith(QLatin1Char('{')) || t.startsWith(QLatin1Char('[')))
                break;
            query << kept[j].text.toString();
        }
        // Without costs a plan line has no marker: keep the last line when nothing matched.
        if (j == kept.size() && kept.size() > first + 1) {
            query.removeLast();
            j = kept.size() - 1;
        }
        m_queryText = query.join(QLatin1Char('\n')).trimmed();
        kept.erase(kept.begin() + qsizetype(first), kept.begin() + qsizetype(j));
    }
    m_lines = std::move(kept);
}

void SourceCleaner::stripExpanded()
{
    if (!m_input.contains(QChar(u'[')))
        return;
    // psql \x: "-[ RECORD 1 ]---" then "QUERY PLAN | Seq Scan …" and "           | …".
    static const QRegularExpression record(QStringLiteral(R"(^-\[ RECORD \d+ \][-+]*$)"));
    int at = -1;
    for (size_t i = 0; i < m_lines.size(); ++i)
        if (scan::trimmed(m_lines[i].text).startsWith(QLatin1String("-[ RECORD ")) && record.match(scan::trimmed(m_lines[i].text)).hasMatch()) {
            at = int(i);
            break;
        }
    if (at < 0 || size_t(at) + 1 >= m_lines.size())
        return;
    const QStringView head = m_lines[size_t(at) + 1].text;
    const qsizetype bar = head.indexOf(QLatin1Char('|'));
    if (bar < 0)
        return;
    std::vector<SourceLine> kept;
    for (size_t i = size_t(at) + 1; i < m_lines.size(); ++i) {
        SourceLine l = m_lines[i];
        if (l.text.size() <= bar || l.text.at(bar) != QLatin1Char('|'))
            break;
        l.text = l.text.mid(bar + 1);
        if (!l.text.isEmpty() && l.text.front() == QLatin1Char(' '))
            l.text = l.text.mid(1);
        kept.push_back(l);
    }
    m_lines = std::move(kept);
}

void SourceCleaner::stripHeaderAndFooter()
{
    // The header rule: the first rule line before any plan line. With border 2 the
    // header row sits between two rules: cut after the second one.
    int rule = -1;
    for (size_t i = 0; i < m_lines.size() && i < 4000; ++i) {
        const QStringView t = scan::trimmed(m_lines[i].text);
        if (isNodeLooking(t))
            break;
        if (isRuleLine(t) && !t.isEmpty()) {
            rule = int(i);
            break;
        }
    }
    int cut = -1;
    if (rule >= 0) {
        cut = rule;
        const QStringView first = scan::trimmed(m_lines[size_t(rule)].text);
        const bool topBorder = first.front() == QLatin1Char('+') || first.front() == QChar(0x250C) || first.front() == QChar(0x2554);
        if (topBorder) {
            for (size_t j = size_t(rule) + 1; j < m_lines.size() && j <= size_t(rule) + 4; ++j)
                if (isRuleLine(scan::trimmed(m_lines[j].text))) {
                    cut = int(j);
                    break;
                }
        }
        // A rule wrapped by a narrow terminal continues on the next lines.
        while (size_t(cut) + 1 < m_lines.size() && isRuleLine(scan::trimmed(m_lines[size_t(cut) + 1].text)))
            ++cut;
    } else {
        // Unaligned output (\a): a bare "QUERY PLAN" line.
        for (size_t i = 0; i < m_lines.size() && i < 4000; ++i) {
            const QStringView t = scan::trimmed(m_lines[i].text);
            if (isNodeLooking(t))
                break;
            if (t == QLatin1String("QUERY PLAN")) {
                cut = int(i);
                break;
            }
        }
    }
    if (cut >= 0)
        m_lines.erase(m_lines.begin(), m_lines.begin() + cut + 1);
    // The footer ends the plan; psql's "Time: …" and the next prompt follow it.
    for (size_t i = 0; i < m_lines.size(); ++i) {
        const QStringView r = rtrimmed(m_lines[i].text);
        if (r.isEmpty() || r.back() != QLatin1Char(')'))
            continue;
        if (isRowCountFooter(scan::trimmed(r))) {
            m_lines.resize(i);
            break;
        }
    }
}

void SourceCleaner::stripFrame()
{
    // No line ending in a bar: no border-2 frame (rule lines stay for the parser to skip).
    if (!anyLineEndsWith(m_lines, isBar))
        return;
    // Border 2: "| Seq Scan …   |" / "│ … │" / "║ … ║"; the bottom rule goes too.
    int framed = 0, content = 0;
    for (const SourceLine &l : m_lines) {
        const QStringView t = rtrimmed(l.text);
        if (t.isEmpty() || isRuleLine(t))
            continue;
        ++content;
        if (t.size() >= 2 && isBar(t.front()) && isBar(t.back()))
            ++framed;
    }
    const bool border2 = content > 0 && framed * 2 >= content;
    std::vector<SourceLine> kept;
    kept.reserve(m_lines.size());
    for (SourceLine l : m_lines) {
        QStringView t = rtrimmed(l.text);
        if (!t.isEmpty() && isRuleLine(t) && border2)
            continue;
        if (border2 && t.size() >= 2 && isBar(t.front()) && isBar(t.back())) {
            t = t.mid(1, t.size() - 2);
            if (!t.isEmpty() && t.front() == QLatin1Char(' '))
                t = t.mid(1);
            l.text = rtrimmed(t);
        }
        kept.push_back(l);
    }
    m_lines = std::move(kept);
}

void SourceCleaner::stripContinuations()
{
    if (!anyLineEndsWith(m_lines, isContinuationMark))
        return;
    // psql marks a line that continues in the same cell with "+" (ascii) or "↵"
    // (unicode), aligned at the right. Only strip them when most lines carry one.
    int lastNonEmpty = -1;
    for (size_t i = 0; i < m_lines.size(); ++i)
        if (!scan::trimmed(m_lines[i].text).isEmpty())
            lastNonEmpty = int(i);
    int candidates = 0, marked = 0;
    for (int i = 0; i < lastNonEmpty; ++i) {
        const QStringView t = rtrimmed(m_lines[size_t(i)].text);
        if (t.isEmpty())
            continue;
        ++candidates;
        if (isContinuationMark(t.back()))
            ++marked;
    }
    if (candidates == 0 || marked * 2 < candidates)
        return;
    for (SourceLine &l : m_lines) {
        QStringView t = rtrimmed(l.text);
        if (!t.isEmpty() && isContinuationMark(t.back()))
            l.text = rtrimmed(t.first(t.size() - 1));
        else
            l.text = t;
    }
}

void SourceCleaner::stripQuotes()
{
    // pgAdmin 3 copies each line as 'line' or "line"; pgAdmin 4 CSV doubles inner
    // double quotes and may quote the whole plan as one field.
    int ends[2] = {0, 0}, starts[2] = {0, 0}, content = 0;
    // Line ends first (cheap): without enough closing quotes nothing below applies.
    for (const SourceLine &l : m_lines) {
        const QStringView t = rtrimmed(l.text);
        if (t.isEmpty())
            continue;
        ++content;
        if (t.back() == QLatin1Char('"'))
            ++ends[0];
        if (t.back() == QLatin1Char('\''))
            ++ends[1];
    }
    if (ends[0] * 2 <= content && ends[1] * 2 <= content && ends[0] != 1)
        return;
    for (const SourceLine &l : m_lines) {
        const QStringView t = scan::trimmed(l.text);
        if (t.isEmpty())
            continue;
        if (t.front() == QLatin1Char('"'))
            ++starts[0];
        if (t.front() == QLatin1Char('\''))
            ++starts[1];
    }
    if (content == 0)
        return;
    int q = -1;
    if (ends[0] * 2 > content)
        q = 0;
    else if (ends[1] * 2 > content && starts[1] * 2 > content)
        q = 1;
    bool wholeField = false;
    if (q < 0 && content > 1) {
        // One quoted field over several lines: only the first line opens, only the last closes.
        size_t first = 0, last = m_lines.size() - 1;
        while (first < m_lines.size() && scan::trimmed(m_lines[first].text).isEmpty())
            ++first;
        while (last > first && scan::trimmed(m_lines[last].text).isEmpty())
            --last;
        const QStringView f = scan::trimmed(m_lines[first].text);
        const QStringView b = scan::trimmed(m_lines[last].text);
        if (f.front() == QLatin1Char('"') && b.back() == QLatin1Char('"') && starts[0] == 1 && ends[0] == 1) {
            q = 0;
            wholeField = true;
        }
    }
    if (q < 0)
        return;
    const QChar quote = q == 0 ? QLatin1Char('"') : QLatin1Char('\'');
    const QString doubled = QString(2, quote);
    for (SourceLine &l : m_lines) {
        QStringView t = rtrimmed(l.text);
        if (t.isEmpty())
            continue;
        bool changed = false;
        if (t.back() == quote) {
            t.chop(1);
            changed = true;
        }
        qsizetype lead = 0;
        while (lead < t.size() && t.at(lead).isSpace())
            ++lead;
        if (lead < t.size() && t.at(lead) == quote) {
            t = t.mid(lead + 1);
            changed = true;
        }
        if (!changed && !wholeField)
            continue;
        if (q == 0 && t.contains(doubled)) {
            QString s = t.toString();
            s.replace(doubled, QString(quote));
            l.text = store(std::move(s));
        } else {
            l.text = t;
        }
    }
}

void SourceCleaner::expandTabs()
{
    if (!m_input.contains(QLatin1Char('\t')))
        return;
    for (SourceLine &l : m_lines) {
        if (!l.text.contains(QLatin1Char('\t')))
            continue;
        QString s;
        s.reserve(l.text.size() + 16);
        for (QChar c : l.text) {
            if (c == QLatin1Char('\t')) {
                const qsizetype spaces = 8 - (s.size() % 8);
                s.append(QString(spaces, QLatin1Char(' ')));
            } else {
                s.append(c);
            }
        }
        l.text = store(std::move(s));
    }
}

bool SourceCleaner::looksLikeJson() const
{
    for (const SourceLine &l : m_lines) {
        const QStringView t = scan::trimmed(l.text);
        if (t.isEmpty())
            continue;
        return t.front() == QLatin1Char('{') || t.front() == QLatin1Char('[');
    }
    return false;
}

QByteArray SourceCleaner::joinedUtf8(std::vector<int> *lineNumbers) const
{
    QString all;
    qsizetype total = 0;
    for (const SourceLine &l : m_lines)
        total += l.text.size() + 1;
    all.reserve(total);
    if (lineNumbers)
        lineNumbers->clear();
    for (const SourceLine &l : m_lines) {
        all.append(l.text);
        all.append(QLatin1Char('\n'));
        if (lineNumbers)
            lineNumbers->push_back(l.number);
    }
    return all.toUtf8();
}

} // namespace pgdeck::explain
