#pragma once

#include <QString>

namespace pgdeck::sql {

// What a statement is, as the server's parser sees it.
struct StatementInfo
{
    enum class Kind {
        Empty,              // only comments or whitespace
        Select,             // SELECT, VALUES, TABLE, SHOW-like reads
        Dml,                // INSERT, UPDATE, DELETE, MERGE (also data-modifying CTEs, SELECT INTO)
        Ddl,                // CREATE, ALTER, DROP, TRUNCATE, GRANT, COMMENT …
        Utility,            // SET, VACUUM, ANALYZE, COPY, LOCK, CHECKPOINT, DO, CALL …
        TransactionControl, // BEGIN, COMMIT, ROLLBACK, SAVEPOINT, PREPARE TRANSACTION …
        Explain,            // EXPLAIN <statement>
        Invalid,            // the parser refused it
    };

    Kind kind = Kind::Empty;
    QString node;       // libpg_query node name, e.g. "SelectStmt", "InsertStmt"
    QString command;    // the command tag a DBA knows: "SELECT", "INSERT", "CREATE INDEX" …
    bool readOnly = true;     // false when it can change data or schema
    bool explainable = false; // EXPLAIN accepts it (SELECT, DML, VALUES, EXECUTE, CREATE TABLE AS …)
    QString error;            // parser message when kind == Invalid
    int errorPosition = 0;    // 1-based character position of the error, 0 = none

    static QString kindName(Kind kind);
};

} // namespace pgdeck::sql
