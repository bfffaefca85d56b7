#pragma once

#include "store/metricpoint.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace pgdeck::monitor {

// One tick of one server: what the charts plot, what the history keeps and what
// `pgdeck monitor --format json` prints. Values are named by metricnames.h.
struct Sample
{
    QString source;        // stable key of the server: "<profile>/<server>"
    QString server;        // display name (host:port)
    qint64 timestampMs = 0; // client clock when the answer arrived
    bool up = false;
    QString role;          // primary, replica, pooler; empty when unknown
    QString state;         // up, connecting, down
    QString error;         // why it is not up
    QStringList notes;     // views or extensions missing, with what to run
    store::MetricValues values;

    double value(const QString &metric, double fallback) const { return values.value(metric, fallback); }
    bool has(const QString &metric) const { return values.contains(metric); }

    // {"t":…, "time":"…Z", "source":…, "server":…, "up":…, "role":…, "state":…,
    //  "error":…, "notes":[…], "metrics":{name: value, …}} with keys sorted.
    QJsonObject toJson() const;
};

} // namespace pgdeck::monitor
