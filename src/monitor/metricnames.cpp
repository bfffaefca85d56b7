#include "metricnames.h"

namespace pgdeck::monitor::metric {

QString keyed(const QString &group, const QString &name, const QString &field)
{
    QString n = name;
    n.replace(QLatin1Char(']'), QLatin1Char(')')); // keeps the name splittable
    return group + QLatin1Char('[') + n + QStringLiteral("].") + field;
}

bool splitKeyed(const QString &metric, QString *group, QString *name, QString *field)
{
    const qsizetype open = metric.indexOf(QLatin1Char('['));
    const qsizetype close = metric.lastIndexOf(QStringLiteral("]."));
    if (open <= 0 || close < open)
        return false;
    if (group)
        *group = metric.left(open);
    if (name)
        *name = metric.mid(open + 1, close - open - 1);
    if (field)
        *field = metric.mid(close + 2);
    return true;
}

} // namespace pgdeck::monitor::metric
