#include "classifier.h"

#include "pgquery.h"

#include <QHash>
#include <QJsonArray>

namespace pgdeck::sql {

using Kind = StatementInfo::Kind;

QString StatementInfo::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Empty: return QStringLiteral("empty");
    case Kind::Select: return QStringLiteral("select");
    case Kind::Dml: return QStringLiteral("dml");
    case Kind::Ddl: return QStringLiteral("ddl");
    case Kind::Utility: return QStringLiteral("utility");
    case Kind::TransactionControl: return QStringLiteral("transaction");
    case Kind::Explain: return QStringLiteral("explain");
    case Kind::Invalid: return QStringLiteral("invalid");
    }
    return {};
}

namespace {

// True when a WITH clause holds INSERT/UPDATE/DELETE/MERGE (a data-modifying CTE).
bool hasModifyingCte(const QJsonObject &stmtBody)
{
    const QJsonArray ctes = stmtBody.value(QLatin1String("withClause")).toObject().value(QLatin1String("ctes")).toArray();
    for (const QJsonValue &c : ctes) {
        const QJsonObject cte = c.toObject().value(QLatin1String("CommonTableExpr")).toObject();
        const QString inner = detail::nodeName(cte.value(QLatin1String("ctequery")).toObject());
        if (inner == QLatin1String("InsertStmt") || inner == QLatin1String("UpdateStmt") || inner == QLatin1String("DeleteStmt")
            || inner == QLatin1String("MergeStmt"))
            return true;
    }
    return false;
}

struct Entry
{
    const char *node;
    Kind kind;
    const char *command;
    bool readOnly;
    bool explainable;
};

// Node names of libpg_query 15 that are not plain DDL; everything named Create*/Alter*/Drop* … is DDL.
const Entry kEntries[] = {
    {"SelectStmt", Kind::Select, "SELECT", true, true},
    {"InsertStmt", Kind::Dml, "INSERT", false, true},
    {"UpdateStmt", Kind::Dml, "UPDATE", false, true},
    {"DeleteStmt", Kind::Dml, "DELETE", false, true},
    {"MergeStmt", Kind::Dml, "MERGE", false, true},
    {"ExplainStmt", Kind::Explain, "EXPLAIN", true, false},
    {"TransactionStmt", Kind::TransactionControl, "TRANSACTION", true, false},
    {"VariableSetStmt", Kind::Utility, "SET", true, false},
    {"VariableShowStmt", Kind::Select, "SHOW", true, false},
    {"CopyStmt", Kind::Utility, "COPY", false, false},
    {"VacuumStmt", Kind::Utility, "VACUUM", false, false},
    {"ClusterStmt", Kind::Utility, "CLUSTER", false, false},
    {"ReindexStmt", Kind::Utility, "REINDEX", false, false},
    {"CheckPointStmt", Kind::Utility, "CHECKPOINT", true, false},
    {"LockStmt", Kind::Utility, "LOCK", true, false},
    {"ListenStmt", Kind::Utility, "LISTEN", true, false},
    {"UnlistenStmt", Kind::Utility, "UNLISTEN", true, false},
    {"NotifyStmt", Kind::Utility, "NOTIFY", true, false},
    {"DiscardStmt", Kind::Utility, "DISCARD", true, false},
    {"DeclareCursorStmt", Kind::Utility, "DECLARE CURSOR", true, true},
    {"FetchStmt", Kind::Utility, "FETCH", true, false},
    {"ClosePortalStmt", Kind::Utility, "CLOSE", true, false},
    {"PrepareStmt", Kind::Utility, "PREPARE", true, false},
    {"ExecuteStmt", Kind::Utility, "EXECUTE", false, true},
    {"DeallocateStmt", Kind::Utility, "DEALLOCATE", true, false},
    {"DoStmt", Kind::Utility, "DO", false, false},
    {"CallStmt", Kind::Utility, "CALL", false, false},
    {"LoadStmt", Kind::Utility, "LOAD", true, false},
    {"ConstraintsSetStmt", Kind::Utility, "SET CONSTRAINTS", true, false},
    {"VariableResetStmt", Kind::Utility, "RESET", true, false},
    {"TruncateStmt", Kind::Ddl, "TRUNCATE", false, false},
    {"IndexStmt", Kind::Ddl, "CREATE INDEX", false, false},
    {"ViewStmt", Kind::Ddl, "CREATE VIEW", false, false},
    {"CreateTableAsStmt", Kind::Ddl, "CREATE TABLE AS", false, true},
    {"RefreshMatViewStmt", Kind::Ddl, "REFRESH MATERIALIZED VIEW", false, false},
    {"GrantStmt", Kind::Ddl, "GRANT", false, false},
    {"GrantRoleStmt", Kind::Ddl, "GRANT ROLE", false, false},
    {"CommentStmt", Kind::Ddl, "COMMENT", false, false},
    {"RenameStmt", Kind::Ddl, "ALTER … RENAME", false, false},
    {"RuleStmt", Kind::Ddl, "CREATE RULE", false, false},
    {"DefineStmt", Kind::Ddl, "CREATE", false, false},
    {"CompositeTypeStmt", Kind::Ddl, "CREATE TYPE", false, false},
    {"SecLabelStmt", Kind::Ddl, "SECURITY LABEL", false, false},
    {"ReassignOwnedStmt", Kind::Ddl, "REASSIGN OWNED", false, false},
    {"ImportForeignSchemaStmt", Kind::Ddl, "IMPORT FOREIGN SCHEMA", false, false},
};

QString commandFromNode(const QString &node)
{
    // "CreateExtensionStmt" -> "CREATE EXTENSION"
    QString base = node;
    if (base.endsWith(QLatin1String("Stmt")))
        base.chop(4);
    QString out;
    for (int i = 0; i < base.size(); ++i) {
        const QChar c = base.at(i);
        if (i > 0 && c.isUpper() && !base.at(i - 1).isUpper())
            out += QLatin1Char(' ');
        out += c.toUpper();
    }
    return out;
}

} // namespace

StatementInfo Classifier::classify(const QString &statement)
{
    StatementInfo info;
    const QByteArray utf8 = statement.toUtf8();
    auto parsed = detail::parseToJson(utf8);
    if (!parsed.ok()) {
        info.kind = Kind::Invalid;
        info.readOnly = false;
        info.error = parsed.error().message;
        info.errorPosition = parsed.error().position;
        return info;
    }
    const QJsonArray stmts = parsed->value(QLatin1String("stmts")).toArray();
    if (stmts.isEmpty())
        return info; // Empty
    // A multi-statement string is classified by its most dangerous part.
    StatementInfo worst;
    bool first = true;
    for (const QJsonValue &sv : stmts) {
        const QJsonObject stmt = sv.toObject().value(QLatin1String("stmt")).toObject();
        StatementInfo one;
        one.node = detail::nodeName(stmt);
        const QJsonObject body = stmt.value(one.node).toObject();
        bool known = false;
        for (const Entry &e : kEntries) {
            if (one.node == QLatin1String(e.node)) {
                one.kind = e.kind;
                one.command = QString::fromLatin1(e.command);
                one.readOnly = e.readOnly;
                one.explainable = e.explainable;
                known = true;
                break;
            }
        }
        if (!known) {
            one.command = commandFromNode(one.node);
            const bool ddl = one.node.startsWith(QLatin1String("Create")) || one.node.startsWith(QLatin1String("Alter"))
                || one.node.startsWith(QLatin1String("Drop"));
            one.kind = ddl ? Kind::Ddl : Kind::Utility;
            one.readOnly = false;
        }
        if (one.node == QLatin1String("SelectStmt")) {
            if (body.contains(QLatin1String("intoClause"))) {
                one.kind = Kind::Dml;
                one.command = QStringLiteral("SELECT INTO");
                one.readOnly = false;
            } else if (hasModifyingCte(body)) {
                one.kind = Kind::Dml;
                one.readOnly = false;
            } else if (body.contains(QLatin1String("lockingClause"))) {
                one.readOnly = false; // FOR UPDATE takes row locks and writes xmax
            }
            if (body.contains(QLatin1String("valuesLists")))
                one.command = QStringLiteral("VALUES");
        } else if (one.node == QLatin1String("InsertStmt") || one.node == QLatin1String("UpdateStmt")
                   || one.node == QLatin1String("DeleteStmt")) {
            one.readOnly = false;
        } else if (one.node == QLatin1String("ExplainStmt")) {
            // EXPLAIN ANALYZE runs the statement: it writes when the statement does.
            const QJsonArray opts = body.value(QLatin1String("options")).toArray();
            bool analyze = false;
            for (const QJsonValue &o : opts) {
                const QJsonObject d = o.toObject().value(QLatin1String("DefElem")).toObject();
                if (d.value(QLatin1String("defname")).toString() == QLatin1String("analyze"))
                    analyze = true;
            }
            if (analyze) {
                const QString inner = detail::nodeName(body.value(QLatin1String("query")).toObject());
                one.readOnly = inner == QLatin1String("SelectStmt")
                    && !hasModifyingCte(body.value(QLatin1String("query")).toObject().value(inner).toObject());
            }
        } else if (one.node == QLatin1String("TransactionStmt")) {
            const QString kind = body.value(QLatin1String("kind")).toString();
            static const QHash<QString, QString> names{
                {QStringLiteral("TRANS_STMT_BEGIN"), QStringLiteral("BEGIN")},
                {QStringLiteral("TRANS_STMT_START"), QStringLiteral("START TRANSACTION")},
                {QStringLiteral("TRANS_STMT_COMMIT"), QStringLiteral("COMMIT")},
                {QStringLiteral("TRANS_STMT_ROLLBACK"), QStringLiteral("ROLLBACK")},
                {QStringLiteral("TRANS_STMT_SAVEPOINT"), QStringLiteral("SAVEPOINT")},
                {QStringLiteral("TRANS_STMT_RELEASE"), QStringLiteral("RELEASE")},
                {QStringLiteral("TRANS_STMT_ROLLBACK_TO"), QStringLiteral("ROLLBACK TO")},
                {QStringLiteral("TRANS_STMT_PREPARE"), QStringLiteral("PREPARE TRANSACTION")},
                {QStringLiteral("TRANS_STMT_COMMIT_PREPARED"), QStringLiteral("COMMIT PREPARED")},
                {QStringLiteral("TRANS_STMT_ROLLBACK_PREPARED"), QStringLiteral("ROLLBACK PREPARED")},
            };
            one.command = names.value(kind, one.command);
        } else if (one.node == QLatin1String("VacuumStmt")) {
            one.command = body.value(QLatin1String("is_vacuumcmd")).toBool() ? QStringLiteral("VACUUM") : QStringLiteral("ANALYZE");
        }
        auto rank = [](const StatementInfo &s) {
            if (!s.readOnly)
                return s.kind == Kind::Dml ? 3 : 2;
            return s.kind == Kind::Select ? 0 : 1;
        };
        if (first || rank(one) > rank(worst))
            worst = one;
        first = false;
    }
    return worst;
}

} // namespace pgdeck::sql
