#pragma once

#include <QString>
#include <QUrl>

namespace pgdeck::monitor {

// An application's Prometheus endpoint, charted beside the server's view of the
// sessions that application opens (matched by application_name).
struct Endpoint
{
    QUrl url;
    QString application;

    bool operator==(const Endpoint &o) const { return url == o.url && application == o.application; }
};

} // namespace pgdeck::monitor
