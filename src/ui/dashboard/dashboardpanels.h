#pragma once

#include "chartview.h"
#include "monitor/thresholds.h"
#include "store/metricpoint.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pgdeck::ui {

// What each dashboard card shows, for one server or for a whole cluster: which
// metrics of which server, labels, colours, units, threshold guides and the summary
// line. Pure functions of the latest values, so the widget only plots.
class DashboardPanels
{
public:
    struct Server
    {
        QString source;   // MetricStore key
        QString name;     // host:port
        QString role;     // primary, replica, pooler
        bool up = false;
        store::MetricValues latest;
        QStringList notes;
    };
    struct Series
    {
        QString source;
        QString metric;
        ChartView::Spec spec;
    };
    struct Panel
    {
        QString id;
        QString title;
        QString tooltip;
        QString summary;
        QString emptyText;
        ChartView::Unit unit = ChartView::Unit::Count;
        ChartView::Unit unit2 = ChartView::Unit::Count;
        std::optional<monitor::KeyMetric> guides;
        QList<Series> series;
        bool table = false;
    };

    // The cards for this scope, in reading order.
    static QStringList ids(const QList<Server> &servers, bool cluster);
    static Panel define(const QString &id, const QList<Server> &servers, bool cluster, const monitor::Thresholds &t,
                        const QString &group);

    static QColor color(int i);
    static QString title(const QString &id);
    // How slow queries and p95 are estimated (the tooltip of those cards).
    static QString statementsMethod(double slowMs);
};

} // namespace pgdeck::ui
