#pragma once

#include "planvalue.h"

#include <QString>
#include <QStringView>

#include <deque>
#include <vector>

namespace pgdeck::explain {

// One line of the user's input after cleaning, with its original 1-based number.
struct SourceLine
{
    QStringView text;
    int number = 0;
};

// Turns a plan as people paste it into bare plan lines: drops psql prompts, the
// "QUERY PLAN" header and its rule, the "(N rows)" footer in any language and what
// follows it, psql frames (ascii / unicode, border 0-2, expanded mode), "+" and "↵"
// continuation marks, pgAdmin's quoting (with doubled quotes), auto_explain's log
// prefix ("duration: … ms  plan:") and its "Query Text:", CR/CRLF line ends and tabs.
// Works on views into the input: only lines that change are copied.
class SourceCleaner
{
public:
    explicit SourceCleaner(const QString &input);

    const std::vector<SourceLine> &lines() const { return m_lines; }
    double logDurationMs() const { return m_logDurationMs; }
    const QString &queryText() const { return m_queryText; }
    // The first non-blank character after cleaning is '{' or '['.
    bool looksLikeJson() const;
    // The cleaned lines joined by '\n', UTF-8, with the original line number of each line.
    QByteArray joinedUtf8(std::vector<int> *lineNumbers) const;

    // A psql table rule: only frame characters, at least three dashes.
    static bool isRuleLine(QStringView line);
    // "(12 rows)", "(1 ligne)", "(3 Zeilen)", "(2 строки)" …
    static bool isRowCountFooter(QStringView trimmed);

private:
    QStringView store(QString s);
    void splitLines();
    void stripAutoExplain();
    void stripExpanded();
    void stripHeaderAndFooter();
    void stripFrame();
    void stripContinuations();
    void stripQuotes();
    void expandTabs();

    QString m_input;
    std::deque<QString> m_storage;
    std::vector<SourceLine> m_lines;
    double m_logDurationMs = kNaN;
    QString m_queryText;
};

} // namespace pgdeck::explain
