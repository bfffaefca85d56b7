#pragma once

#include <QMetaType>
#include <QString>

namespace pgdeck::pg {

// A NOTICE/WARNING/… the server sent outside of an error.
struct Notice
{
    QString severity; // non-localized: NOTICE, WARNING, INFO, DEBUG, LOG, FATAL
    QString sqlstate;
    QString message;
    QString detail;
    QString hint;
};

} // namespace pgdeck::pg

Q_DECLARE_METATYPE(pgdeck::pg::Notice)
