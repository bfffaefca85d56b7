#include "errors.h"

#include <libpq-fe.h>

namespace pgdeck::pg {

namespace {
QString field(const PGresult *res, int code)
{
    const char *v = PQresultErrorField(res, code);
    return v ? QString::fromUtf8(v) : QString();
}
} // namespace

core::Error errorFromResult(const PGresult *res)
{
    core::Error e;
    e.kind = core::Error::Kind::Server;
    e.sqlstate = field(res, PG_DIAG_SQLSTATE);
    e.message = field(res, PG_DIAG_MESSAGE_PRIMARY);
    if (e.message.isEmpty())
        e.message = QString::fromUtf8(PQresultErrorMessage(res)).trimmed();
    e.detail = field(res, PG_DIAG_MESSAGE_DETAIL);
    e.hint = field(res, PG_DIAG_MESSAGE_HINT);
    e.context = field(res, PG_DIAG_CONTEXT);
    e.position = field(res, PG_DIAG_STATEMENT_POSITION).toInt();
    if (e.sqlstate == QLatin1String("25006") && e.hint.isEmpty()) {
        // The server refused a write in a read-only transaction: say why it is read-only.
        e.hint = QStringLiteral("This session is read-only: the profile is read-only (default_transaction_read_only=on) "
                                "or the server is a replica. Writes are refused by the server itself.");
    }
    if (e.sqlstate == QLatin1String("57014")) {
        e.kind = core::Error::Kind::Timeout;
    } else if (e.isConnectionLoss()) {
        e.kind = core::Error::Kind::Connection;
    }
    return e;
}

core::Error errorFromConnection(const PGconn *conn, core::Error::Kind kind)
{
    core::Error e;
    e.kind = kind;
    e.message = conn ? QString::fromUtf8(PQerrorMessage(conn)).trimmed() : QStringLiteral("out of memory");
    // libpq prefixes multi-line messages; keep the first line as the message.
    const int nl = e.message.indexOf(QLatin1Char('\n'));
    if (nl > 0) {
        e.detail = e.message.mid(nl + 1).trimmed();
        e.message = e.message.left(nl).trimmed();
    }
    if (e.message.isEmpty())
        e.message = QStringLiteral("the connection to the server was lost");
    return e;
}

core::Error explainConnectFailure(const QString &libpqMessage, const QString &endpoint)
{
    using K = core::Error::Kind;
    const QString m = libpqMessage.trimmed();
    auto make = [&](const QString &sqlstate, const QString &msg, const QString &hint) {
        core::Error e = core::Error::make(K::Connection, msg, m, hint);
        e.sqlstate = sqlstate;
        return e;
    };
    if (m.contains(QLatin1String("password authentication failed")))
        return make(QStringLiteral("28P01"), QStringLiteral("Wrong password for this user on %1.").arg(endpoint),
                    QStringLiteral("Check the password (or ~/.pgpass) for this user."));
    if (m.contains(QLatin1String("no password supplied")) || m.contains(QLatin1String("fe_sendauth")))
        return make(QStringLiteral("28P01"), QStringLiteral("The server at %1 wants a password and none was given.").arg(endpoint),
                    QStringLiteral("Enter the password, store it in the keychain, or add it to ~/.pgpass."));
    if (m.contains(QLatin1String("could not translate host name")) || m.contains(QLatin1String("Name or service not known")))
        return make(QStringLiteral("08001"), QStringLiteral("Unknown host: %1 could not be resolved.").arg(endpoint),
                    QStringLiteral("Check the host name for typos, or use an IP address."));
    if (m.contains(QLatin1String("Connection refused")))
        return make(QStringLiteral("08001"), QStringLiteral("Connection refused at %1: nothing is listening there.").arg(endpoint),
                    QStringLiteral("Is the server running, and is the port right? Check listen_addresses and port."));
    if (m.contains(QLatin1String("server does not support SSL")) || m.contains(QLatin1String("SSL was required")))
        return make(QStringLiteral("08P01"), QStringLiteral("TLS is required but the server at %1 does not offer it.").arg(endpoint),
                    QStringLiteral("Enable ssl on the server, or lower sslmode if you accept an unencrypted connection."));
    if (m.contains(QLatin1String("no pg_hba.conf entry")))
        return make(QStringLiteral("28000"), QStringLiteral("The server at %1 does not allow this connection (pg_hba.conf).").arg(endpoint),
                    QStringLiteral("Ask for a pg_hba.conf entry for this user, database and address."));
    if (m.contains(QLatin1String("does not exist")) && m.contains(QLatin1String("database")))
        return make(QStringLiteral("3D000"), QStringLiteral("The database does not exist on %1.").arg(endpoint), {});
    if (m.contains(QLatin1String("role")) && m.contains(QLatin1String("does not exist")))
        return make(QStringLiteral("28000"), QStringLiteral("The user does not exist on %1.").arg(endpoint), {});
    if (m.contains(QLatin1String("too many clients")) || m.contains(QLatin1String("remaining connection slots")))
        return make(QStringLiteral("53300"), QStringLiteral("The server at %1 has no free connection slots.").arg(endpoint),
                    QStringLiteral("Raise max_connections or close idle sessions."));
    if (m.contains(QLatin1String("the database system is starting up")) || m.contains(QLatin1String("shutting down")))
        return make(QStringLiteral("57P03"), QStringLiteral("The server at %1 is starting up or shutting down.").arg(endpoint),
                    QStringLiteral("Try again in a moment."));
    return make(QStringLiteral("08001"), QStringLiteral("Could not connect to %1.").arg(endpoint), {});
}

} // namespace pgdeck::pg
