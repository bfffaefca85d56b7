#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace pgdeck::sql::detail {

// Parses `sql` with libpg_query and returns the JSON parse tree
// ({"version": …, "stmts": [{"stmt": {...}, "stmt_location": …, "stmt_len": …}]}).
// Errors carry libpg_query's message and the 1-based cursor position.
core::Result<QJsonObject> parseToJson(const QByteArray &utf8);

// libpg_query reports byte offsets into UTF-8; QString indexes UTF-16 code units.
// Maps a byte offset of `utf8` to the matching index in QString::fromUtf8(utf8).
int utf16Index(const QByteArray &utf8, int byteOffset);

// The single key of a node object ({"SelectStmt": {...}} -> "SelectStmt").
QString nodeName(const QJsonObject &node);

} // namespace pgdeck::sql::detail
