#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace pgdeck::monitor {

// The Prometheus text exposition format (version 0.0.4), as an application's
// /metrics endpoint serves it: "# HELP"/"# TYPE" comments and lines
//   name{label="value",…} value [timestamp]
// Outside input: every malformed line is reported, nothing is trusted to be well
// formed, and a body that is not text at all yields errors, never a crash.
class PrometheusParser
{
public:
    struct Metric
    {
        QString name;
        QMap<QString, QString> labels;
        double value = 0;
    };
    struct Result
    {
        QList<Metric> metrics;
        QStringList errors; // "line N: what"; empty when the body parsed cleanly
        int lines = 0;
    };

    static Result parse(const QByteArray &body, int maxMetrics = 100000);

    // Sums the samples of `name` over every label set; nullopt-like NaN when absent.
    // Also matches names that end in "_" + name (an application's own prefix, as in
    // myapi_db_pool_size).
    static double sum(const Result &r, const QString &name, bool *found = nullptr);
};

} // namespace pgdeck::monitor
