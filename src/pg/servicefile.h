#pragma once

#include "connparams.h"
#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace pgdeck::pg {

// True for every keyword this libpq understands (asked from libpq itself).
bool isLibpqKeyword(const QByteArray &keyword);

// One [section] of a pg_service.conf file.
struct ServiceEntry
{
    QString name;
    QList<QPair<QByteArray, QString>> params; // in file order, first occurrence of a key only
    QString file;
    int line = 0;                             // line of the [name] header
};

// pg_service.conf read with libpq's own rules (libpq 15, parseServiceInfo):
// PGSERVICEFILE (else ~/.pg_service.conf) first, then PGSYSCONFDIR/pg_service.conf
// (else libpq's compiled-in sysconfdir); the first file holding the service wins;
// lines are trimmed, '#' starts a comment, `key=value` with no spaces around '='
// and only libpq keywords; `service=` inside a service is an error; values of the
// service never override what the connection string already sets.
class ServiceFile
{
public:
    // The files libpq would read, in order (whether they exist or not).
    static QStringList searchPath();
    // Every service of one file (for import). Errors name the file and line.
    static core::Result<QList<ServiceEntry>> parseFile(const QString &fileName);
    static core::Result<QList<ServiceEntry>> parse(const QByteArray &text, const QString &fileName);
    // Looks `service` up as libpq does at connect time.
    static core::Result<ServiceEntry> lookup(const QString &service);
    // Fills in the keywords of params' `service` (or PGSERVICE when `useEnv`) where
    // params leaves them unset and drops the `service` keyword. Params without a
    // service come back unchanged.
    static core::Result<ConnParams> expand(const ConnParams &params, bool useEnv = false);
};

} // namespace pgdeck::pg
