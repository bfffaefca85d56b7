#pragma once

#include <QHash>
#include <QList>
#include <QPointF>
#include <QString>

namespace pgdeck::store {

// A metric's points, ready for a chart: x = milliseconds since the epoch (exact in a
// double up to year 287396), y = the value. Missing ticks are simply absent; a
// reader finds gaps by the spacing of x.
using MetricSeries = QList<QPointF>;

// One tick of one source (a server): every value shares the timestamp.
using MetricValues = QHash<QString, double>;

} // namespace pgdeck::store
