#pragma once

#include "core/result.h"

#include <QList>
#include <QString>

namespace pgdeck::sql {

// One statement of a script, with where it sits in the script (QString indexes).
struct ScriptStatement
{
    QString text;   // the statement without the trailing semicolon, trimmed
    int offset = 0; // index of the first character in the script
    int length = 0; // characters covered in the script
};

// Splits a script into statements the way the server would read it (comments,
// dollar quotes, semicolons inside strings, CREATE RULE bodies). Falls back to the
// scanner when the script does not parse, so a broken statement still comes out alone.
class Splitter
{
public:
    static QList<ScriptStatement> split(const QString &script);
};

} // namespace pgdeck::sql
