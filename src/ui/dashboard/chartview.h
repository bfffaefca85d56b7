#pragma once

#include "store/metricpoint.h"

#include <QChartView>
#include <QColor>
#include <QList>
#include <QPointer>

class QAreaSeries;
class QDateTimeAxis;
class QGraphicsLineItem;
class QGraphicsRectItem;
class QGraphicsTextItem;
class QLineSeries;
class QValueAxis;
class QXYSeries;

namespace pgdeck::ui {

// A time chart for the dashboard on top of Qt Charts: lines or stacked areas per
// metric, gaps where the server was unreachable (the line breaks: one series per
// unbroken stretch), hover crosshair with every series' value, rubber-band zoom on
// the time axis (double-click or right-click resets), threshold lines, palette
// colours (light and dark), PNG and CSV export. Data is replaced in one batch per
// refresh; nothing is laid out again.
class ChartView : public QChartView
{
    Q_OBJECT
public:
    enum class Style { Line, Dashed, StackedArea };
    enum class Unit { Count, PerSecond, Bytes, Seconds, Milliseconds, Percent, PerMinute };

    struct Spec
    {
        QString label;
        QColor color;
        Style style = Style::Line;
        bool rightAxis = false;
    };

    explicit ChartView(QWidget *parent = nullptr);
    ~ChartView() override;

    void setSpecs(const QList<Spec> &specs);
    int specCount() const { return int(m_specs.size()); }
    // Points of spec `i` (x = epoch ms); applied by refresh().
    void setData(int i, store::MetricSeries points);
    const store::MetricSeries &data(int i) const { return m_data[i]; }
    void setUnit(Unit left, Unit right = Unit::Count);
    void setRightAxisTitle(const QString &title);
    // Horizontal guides (warning / critical); NaN hides one.
    void setThresholdLines(double warning, double critical);
    // Lines break where neighbouring points are further apart than this.
    void setGapMs(qint64 ms) { m_gapMs = ms; }
    void setWindow(qint64 fromMs, qint64 toMs);
    // Rebuilds the series from the data set since the last refresh.
    void refresh();
    void setEmptyText(const QString &text);

    bool isZoomed() const { return m_zoomed; }
    // What the hover box says now (empty when hidden); for tests.
    QString hoverText() const;
    // Unbroken stretches drawn for spec `i` (a gap makes two).
    int segmentCount(int i) const;
    void resetZoom();
    QString toCsv() const;
    bool exportPng(const QString &path);
    static QString formatValue(double v, Unit unit);

Q_SIGNALS:
    void zoomChanged(bool zoomed);

protected:
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Built
    {
        QList<QXYSeries *> lines;    // one per unbroken stretch (the first is in the legend)
        QList<QAreaSeries *> areas;  // stacked areas: one per stretch
    };
    void applyPalette();
    void rebuildSeries(int i, const QList<store::MetricSeries> &segments, const QList<store::MetricSeries> &lowers);
    QList<store::MetricSeries> split(const store::MetricSeries &points) const;
    void updateRanges();
    void hideCrosshair();
    void showCrosshair(const QPointF &pos);
    QPen penFor(const Spec &s) const;
    static store::MetricSeries decimate(const store::MetricSeries &points, int buckets);

    QChart *m_chart;
    QDateTimeAxis *m_x;
    QValueAxis *m_y;
    QValueAxis *m_y2 = nullptr;
    QList<Spec> m_specs;
    QList<store::MetricSeries> m_data;
    QList<Built> m_built;
    QLineSeries *m_warnLine = nullptr;
    QLineSeries *m_critLine = nullptr;
    double m_warn = 0, m_crit = 0;
    bool m_hasWarn = false, m_hasCrit = false;
    Unit m_unit = Unit::Count;
    Unit m_unit2 = Unit::Count;
    qint64 m_gapMs = 3000;
    qint64 m_from = 0, m_to = 0;
    bool m_zoomed = false;
    bool m_pressed = false;
    QPoint m_pressPos;
    QGraphicsLineItem *m_cross = nullptr;
    QGraphicsRectItem *m_tipBox = nullptr;
    QGraphicsTextItem *m_tip = nullptr;
    QGraphicsTextItem *m_empty = nullptr;
};

} // namespace pgdeck::ui
