#pragma once

#include <QString>

namespace pgdeck::core {

// What went wrong, as a value. Server errors carry libpq's error fields;
// client-side failures (timeouts, unreachable hosts, exhausted pools) use `kind`.
struct Error
{
    enum class Kind {
        None,
        Server,          // the server answered with an ERROR/FATAL
        Connection,      // could not connect, or the connection broke
        Timeout,         // a client- or server-side deadline passed
        Cancelled,       // the user (or pgdeck) cancelled the work
        PoolExhausted,   // no pooled session freed within connectionTimeout
        Input,           // bad input from the user or a file
        Io,              // local file or process failure
        Internal,
    };

    Kind kind = Kind::None;
    QString sqlstate;    // five characters, e.g. "57014"; empty when not from the server
    QString message;     // primary message, one line
    QString detail;
    QString hint;
    QString context;
    int position = 0;    // 1-based character position in the statement, 0 = none

    static Error make(Kind kind, QString message, QString detail = {}, QString hint = {})
    {
        Error e;
        e.kind = kind;
        e.message = std::move(message);
        e.detail = std::move(detail);
        e.hint = std::move(hint);
        return e;
    }

    bool isTimeout() const { return kind == Kind::Timeout || sqlstate == QLatin1String("57014"); }
    // Class 08 (connection exception) and 57P01-57P03 (admin shutdown, crash, cannot connect now).
    bool isConnectionLoss() const
    {
        return kind == Kind::Connection || sqlstate.startsWith(QLatin1String("08"))
            || sqlstate == QLatin1String("57P01") || sqlstate == QLatin1String("57P02")
            || sqlstate == QLatin1String("57P03");
    }

    // "message (SQLSTATE xxxxx)\nDETAIL: …\nHINT: …" as a user would read it.
    QString toString() const;
    static QString kindName(Kind kind);
};

} // namespace pgdeck::core
