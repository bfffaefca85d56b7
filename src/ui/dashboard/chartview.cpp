#include "chartview.h"

#include <QAreaSeries>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFile>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsTextItem>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMap>
#include <QMouseEvent>
#include <QTextDocument>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace pgdeck::ui {

namespace {

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

// Bytes are plotted in the largest binary unit that keeps the axis readable.
struct Scale
{
    double divisor = 1;
    QString suffix;
};

// Large counts and rates get k / M so the axis reads 40k, not 4e+04.
Scale siScale(double maxValue)
{
    if (maxValue >= 2e6)
        return {1e6, QStringLiteral("M")};
    if (maxValue >= 2e4)
        return {1e3, QStringLiteral("k")};
    return {};
}

Scale byteScale(double maxValue)
{
    static const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int u = 0;
    double d = 1;
    while (u < 4 && maxValue / d >= 1024 * 0.9) {
        d *= 1024;
        ++u;
    }
    return {d, QString::fromLatin1(units[u])};
}

QString unitTitle(ChartView::Unit u)
{
    switch (u) {
    case ChartView::Unit::Count: return {};
    case ChartView::Unit::PerSecond: return QObject::tr("per second");
    case ChartView::Unit::Bytes: return {};
    case ChartView::Unit::Seconds: return QObject::tr("seconds");
    case ChartView::Unit::Milliseconds: return QObject::tr("ms");
    case ChartView::Unit::Percent: return QStringLiteral("%");
    case ChartView::Unit::PerMinute: return QObject::tr("per minute");
    }
    return {};
}

} // namespace

ChartView::ChartView(QWidget *parent) : QChartView(parent), m_chart(new QChart), m_x(new QDateTimeAxis), m_y(new QValueAxis)
{
    setChart(m_chart); // the view owns the chart
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundRoundness(4);
    m_chart->setMargins(QMargins(2, 2, 2, 2));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    QFont small = font();
    small.setPointSizeF(std::max(7.0, small.pointSizeF() * 0.85));
    m_chart->legend()->setFont(small);
    m_x->setTickCount(5);
    m_x->setFormat(QStringLiteral("HH:mm:ss"));
    m_x->setLabelsFont(small);
    m_y->setLabelsFont(small);
    m_y->setTickCount(5);
    m_y->setLabelFormat(QStringLiteral("%.4g"));
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::HorizontalRubberBand);
    setMouseTracking(true);
    setMinimumHeight(180);
    setFrameShape(QFrame::NoFrame);
    setBackgroundRole(QPalette::Base);

    m_cross = new QGraphicsLineItem(m_chart);
    m_cross->setZValue(100);
    m_tipBox = new QGraphicsRectItem(m_chart);
    m_tipBox->setZValue(101);
    m_tip = new QGraphicsTextItem(m_chart);
    m_tip->setZValue(102);
    m_tip->document()->setDocumentMargin(4);
    m_tip->setFont(small);
    m_empty = new QGraphicsTextItem(m_chart);
    m_empty->setZValue(50);
    hideCrosshair();
    applyPalette();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    setWindow(now - 300000, now);
}

ChartView::~ChartView() = default;

void ChartView::applyPalette()
{
    if (!m_cross)
        return; // still constructing
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const QColor mid = mix(base, text, 0.35);
    const QColor grid = mix(base, text, 0.12);
    m_chart->setBackgroundBrush(base);
    m_chart->setBackgroundPen(Qt::NoPen);
    m_chart->setTitleBrush(text);
    m_chart->legend()->setLabelColor(text);
    m_chart->legend()->setBrush(Qt::NoBrush);
    for (QAbstractAxis *a : {static_cast<QAbstractAxis *>(m_x), static_cast<QAbstractAxis *>(m_y)}) {
        a->setLabelsColor(text);
        a->setTitleBrush(text);
        a->setLinePen(QPen(mid));
        a->setGridLinePen(QPen(grid));
    }
    if (m_y2) {
        m_y2->setLabelsColor(text);
        m_y2->setTitleBrush(text);
        m_y2->setLinePen(QPen(mid));
        m_y2->setGridLineVisible(false);
    }
    m_cross->setPen(QPen(mid, 1, Qt::DashLine));
    QColor tipBg = pal.color(QPalette::ToolTipBase);
    tipBg.setAlpha(235);
    m_tipBox->setBrush(tipBg);
    m_tipBox->setPen(QPen(mid));
    m_tip->setDefaultTextColor(pal.color(QPalette::ToolTipText));
    m_empty->setDefaultTextColor(mid);
    for (int i = 0; i < m_built.size(); ++i) {
        for (QXYSeries *s : m_built[i].lines)
            s->setPen(penFor(m_specs[i]));
    }
}

QPen ChartView::penFor(const Spec &s) const
{
    QPen p(s.color, s.style == Style::StackedArea ? 1.0 : 1.8);
    if (s.style == Style::Dashed)
        p.setStyle(Qt::DashLine);
    return p;
}

void ChartView::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyPalette();
}

void ChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    const QRectF plot = m_chart->plotArea();
    m_empty->setTextWidth(plot.width() * 0.8);
    m_empty->setPos(plot.center().x() - plot.width() * 0.4, plot.center().y() - m_empty->boundingRect().height() / 2);
}

void ChartView::setSpecs(const QList<Spec> &specs)
{
    for (Built &b : m_built) {
        for (QXYSeries *s : b.lines) {
            m_chart->removeSeries(s);
            delete s;
        }
        for (QAreaSeries *a : b.areas) {
            m_chart->removeSeries(a);
            delete a;
        }
    }
    m_built.clear();
    m_specs = specs;
    m_data = QList<store::MetricSeries>(specs.size());
    m_built.resize(specs.size());
    bool right = false;
    for (const Spec &s : specs)
        right = right || s.rightAxis;
    if (right && !m_y2) {
        m_y2 = new QValueAxis;
        m_y2->setLabelsFont(m_y->labelsFont());
        m_y2->setTickCount(5);
        m_y2->setLabelFormat(QStringLiteral("%.4g"));
        m_chart->addAxis(m_y2, Qt::AlignRight);
        applyPalette();
    }
    // Every spec gets its (first) series now, so the legend lists it even before data.
    for (int i = 0; i < specs.size(); ++i)
        rebuildSeries(i, {store::MetricSeries{}}, {store::MetricSeries{}});
}

void ChartView::setData(int i, store::MetricSeries points)
{
    if (i >= 0 && i < m_data.size())
        m_data[i] = std::move(points);
}

void ChartView::setUnit(Unit left, Unit right)
{
    m_unit = left;
    m_unit2 = right;
}

void ChartView::setRightAxisTitle(const QString &title)
{
    if (m_y2)
        m_y2->setTitleText(title);
}

void ChartView::setThresholdLines(double warning, double critical)
{
    m_hasWarn = std::isfinite(warning);
    m_hasCrit = std::isfinite(critical);
    m_warn = warning;
    m_crit = critical;
}

void ChartView::setWindow(qint64 fromMs, qint64 toMs)
{
    m_from = fromMs;
    m_to = toMs;
    const qint64 span = toMs - fromMs;
    // Ticks on round steps of the window: 1 min, 10 min, 4 h, 1 day.
    m_x->setFormat(span <= 15 * 60000 ? QStringLiteral("HH:mm:ss")
                                      : span <= 26 * 3600000LL ? QStringLiteral("HH:mm") : QStringLiteral("ddd HH:mm"));
    m_x->setTickCount(span <= 15 * 60000 ? 6 : span <= 2 * 3600000LL ? 7 : span <= 26 * 3600000LL ? 7 : 8);
    if (!m_zoomed)
        m_x->setRange(QDateTime::fromMSecsSinceEpoch(fromMs), QDateTime::fromMSecsSinceEpoch(toMs));
}

void ChartView::setEmptyText(const QString &text)
{
    m_empty->setPlainText(text);
    QResizeEvent ev(size(), size());
    resizeEvent(&ev);
}

QList<store::MetricSeries> ChartView::split(const store::MetricSeries &points) const
{
    QList<store::MetricSeries> out;
    store::MetricSeries cur;
    for (const QPointF &p : points) {
        if (!cur.isEmpty() && p.x() - cur.last().x() > double(m_gapMs)) {
            out.append(std::move(cur));
            cur = {};
        }
        cur.append(p);
    }
    if (!cur.isEmpty())
        out.append(std::move(cur));
    return out;
}

store::MetricSeries ChartView::decimate(const store::MetricSeries &points, int buckets)
{
    if (points.size() <= buckets * 2 || buckets < 2)
        return points;
    // Min and max of each bucket, in time order: peaks survive, the line stays cheap.
    store::MetricSeries out;
    out.reserve(buckets * 2);
    const double per = double(points.size()) / buckets;
    for (int b = 0; b < buckets; ++b) {
        const int lo = int(b * per), hi = std::min<int>(int(points.size()), int((b + 1) * per));
        if (lo >= hi)
            continue;
        int mn = lo, mx = lo;
        for (int i = lo; i < hi; ++i) {
            if (points[i].y() < points[mn].y())
                mn = i;
            if (points[i].y() > points[mx].y())
                mx = i;
        }
        out.append(points[std::min(mn, mx)]);
        if (mn != mx)
            out.append(points[std::max(mn, mx)]);
    }
    return out;
}

void ChartView::rebuildSeries(int i, const QList<store::MetricSeries> &segments, const QList<store::MetricSeries> &lowers)
{
    const Spec &spec = m_specs[i];
    Built &b = m_built[i];
    QValueAxis *y = spec.rightAxis && m_y2 ? m_y2 : m_y;
    const int want = std::max<int>(1, int(segments.size()));
    if (spec.style == Style::StackedArea) {
        while (b.areas.size() < want) {
            auto *upper = new QLineSeries;
            auto *lower = new QLineSeries;
            auto *area = new QAreaSeries(upper, lower);
            upper->setParent(area);
            lower->setParent(area);
            area->setName(spec.label);
            QColor fill = spec.color;
            fill.setAlphaF(0.75f);
            area->setBrush(fill);
            area->setPen(QPen(spec.color.darker(115), 1));
            m_chart->addSeries(area);
            area->attachAxis(m_x);
            area->attachAxis(y);
            if (!b.areas.isEmpty())
                for (QLegendMarker *m : m_chart->legend()->markers(area))
                    m->setVisible(false);
            b.areas.append(area);
        }
        while (b.areas.size() > want) {
            QAreaSeries *a = b.areas.takeLast();
            m_chart->removeSeries(a);
            delete a;
        }
        for (int s = 0; s < want; ++s) {
            b.areas[s]->upperSeries()->replace(s < segments.size() ? segments[s] : store::MetricSeries{});
            b.areas[s]->lowerSeries()->replace(s < lowers.size() ? lowers[s] : store::MetricSeries{});
        }
        return;
    }
    while (b.lines.size() < want) {
        auto *line = new QLineSeries;
        line->setName(spec.label);
        line->setPen(penFor(spec));
        m_chart->addSeries(line);
        line->attachAxis(m_x);
        line->attachAxis(y);
        if (!b.lines.isEmpty())
            for (QLegendMarker *m : m_chart->legend()->markers(line))
                m->setVisible(false);
        b.lines.append(line);
    }
    while (b.lines.size() > want) {
        QXYSeries *l = b.lines.takeLast();
        m_chart->removeSeries(l);
        delete l;
    }
    for (int s = 0; s < want; ++s)
        b.lines[s]->replace(s < segments.size() ? segments[s] : store::MetricSeries{});
}

void ChartView::refresh()
{
    const int buckets = std::max(100, int(m_chart->plotArea().width()));
    // Scale bytes to a readable unit on each axis.
    double maxLeft = 0, maxRight = 0;
    bool any = false;
    QMap<double, double> stack; // x -> cumulative value of the stacked areas so far
    QList<store::MetricSeries> shown(m_specs.size());
    QList<store::MetricSeries> lowersAll(m_specs.size());
    for (int i = 0; i < m_specs.size(); ++i) {
        const store::MetricSeries &pts = m_data[i];
        any = any || !pts.isEmpty();
        if (m_specs[i].style == Style::StackedArea) {
            store::MetricSeries upper, lower;
            upper.reserve(pts.size());
            lower.reserve(pts.size());
            for (const QPointF &p : pts) {
                double &cum = stack[p.x()];
                lower.append(QPointF(p.x(), cum));
                cum += p.y();
                upper.append(QPointF(p.x(), cum));
            }
            shown[i] = upper;
            lowersAll[i] = lower;
        } else {
            shown[i] = pts;
        }
        for (const QPointF &p : shown[i]) {
            if (p.x() < double(m_from) && !m_zoomed)
                continue;
            (m_specs[i].rightAxis ? maxRight : maxLeft) = std::max(m_specs[i].rightAxis ? maxRight : maxLeft, p.y());
        }
    }
    auto scaleFor = [](Unit u, double max) {
        if (u == Unit::Bytes)
            return byteScale(max);
        if (u == Unit::Count || u == Unit::PerSecond)
            return siScale(max);
        if (u == Unit::Seconds && max < 1)
            return Scale{0.001, QStringLiteral("ms")}; // sub-second lag reads better in ms
        return Scale{};
    };
    const Scale left = scaleFor(m_unit, maxLeft);
    const Scale right = scaleFor(m_unit2, maxRight);
    for (int i = 0; i < m_specs.size(); ++i) {
        const Scale &sc = m_specs[i].rightAxis ? right : left;
        QList<store::MetricSeries> segs = split(shown[i]);
        QList<store::MetricSeries> lows;
        if (m_specs[i].style == Style::StackedArea) {
            // Lower edges follow the same breaks as the upper ones.
            int at = 0;
            for (const auto &seg : segs) {
                lows.append(lowersAll[i].mid(at, seg.size()));
                at += int(seg.size());
            }
        }
        for (int s = 0; s < segs.size(); ++s) {
            if (m_specs[i].style != Style::StackedArea)
                segs[s] = decimate(segs[s], buckets);
            if (sc.divisor != 1) {
                for (QPointF &p : segs[s])
                    p.setY(p.y() / sc.divisor);
                if (s < lows.size())
                    for (QPointF &p : lows[s])
                        p.setY(p.y() / sc.divisor);
            }
        }
        rebuildSeries(i, segs, lows);
    }
    auto title = [](Unit u, const Scale &sc) {
        if (u == Unit::Bytes || (u == Unit::Seconds && !sc.suffix.isEmpty()))
            return sc.suffix;
        const QString base = unitTitle(u);
        if (sc.suffix.isEmpty())
            return base;
        return base.isEmpty() ? sc.suffix : QStringLiteral("%1 %2").arg(sc.suffix, base);
    };
    m_y->setTitleText(title(m_unit, left));
    if (m_y2)
        m_y2->setTitleText(title(m_unit2, right));
    m_empty->setVisible(!any);

    // Value range: from zero to a little over the data, threshold guides included
    // only when the data comes near them (a 10 s guide must not flatten 20 ms).
    double top = maxLeft / left.divisor;
    auto guide = [&](QLineSeries *&line, bool has, double value, const QColor &color) {
        const bool show = has && !m_specs.isEmpty() && top >= value * 0.4;
        if (!show) {
            if (line)
                line->hide();
            return;
        }
        if (!line) {
            line = new QLineSeries;
            m_chart->addSeries(line);
            line->attachAxis(m_x);
            line->attachAxis(m_y);
            for (QLegendMarker *m : m_chart->legend()->markers(line))
                m->setVisible(false);
        }
        line->setPen(QPen(color, 1.2, Qt::DotLine));
        line->replace({QPointF(double(m_from - 86400000LL * 30), value), QPointF(double(m_to + 86400000LL * 30), value)});
        line->show();
        top = std::max(top, value);
    };
    // Guides are in the metric's own unit; the axis may be scaled (ms, KiB, k).
    guide(m_warnLine, m_hasWarn, m_warn / left.divisor, QColor(0xd9, 0x9a, 0x06));
    guide(m_critLine, m_hasCrit, m_crit / left.divisor, QColor(0xd6, 0x3c, 0x3c));
    if (m_warnLine)
        for (QLegendMarker *m : m_chart->legend()->markers(m_warnLine))
            m->setVisible(false);
    if (m_critLine)
        for (QLegendMarker *m : m_chart->legend()->markers(m_critLine))
            m->setVisible(false);
    m_y->setRange(0, top > 0 ? top * 1.12 : (m_unit == Unit::Percent ? 100 : 1));
    m_y->applyNiceNumbers();
    if (m_y2) {
        const double top2 = maxRight / right.divisor;
        m_y2->setRange(0, top2 > 0 ? top2 * 1.12 : 1);
        m_y2->applyNiceNumbers();
    }
    if (!m_zoomed)
        m_x->setRange(QDateTime::fromMSecsSinceEpoch(m_from), QDateTime::fromMSecsSinceEpoch(m_to));
}

void ChartView::resetZoom()
{
    if (!m_zoomed)
        return;
    m_zoomed = false;
    m_chart->zoomReset();
    m_x->setRange(QDateTime::fromMSecsSinceEpoch(m_from), QDateTime::fromMSecsSinceEpoch(m_to));
    refresh();
    Q_EMIT zoomChanged(false);
}

void ChartView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_pressed = true;
        m_pressPos = event->pos();
        hideCrosshair();
    }
    if (event->button() == Qt::RightButton) {
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void ChartView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::RightButton) {
        resetZoom();
        event->accept();
        return;
    }
    const bool dragged = m_pressed && (event->pos() - m_pressPos).manhattanLength() > 6;
    m_pressed = false;
    QChartView::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton && dragged) {
        m_zoomed = true;
        Q_EMIT zoomChanged(true);
    }
}

void ChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    resetZoom();
    event->accept();
}

void ChartView::leaveEvent(QEvent *event)
{
    hideCrosshair();
    QChartView::leaveEvent(event);
}

void ChartView::hideCrosshair()
{
    m_cross->hide();
    m_tipBox->hide();
    m_tip->hide();
}

void ChartView::mouseMoveEvent(QMouseEvent *event)
{
    QChartView::mouseMoveEvent(event);
    if (m_pressed)
        return;
    showCrosshair(m_chart->mapFromScene(mapToScene(event->pos())));
}

QString ChartView::formatValue(double v, Unit unit)
{
    if (!std::isfinite(v))
        return QStringLiteral("–");
    switch (unit) {
    case Unit::Bytes: {
        const Scale s = byteScale(std::abs(v));
        return QStringLiteral("%1 %2").arg(v / s.divisor, 0, 'f', s.divisor == 1 ? 0 : 1).arg(s.suffix);
    }
    case Unit::Seconds:
        return v < 1 ? QStringLiteral("%1 ms").arg(v * 1000, 0, 'f', 0) : QStringLiteral("%1 s").arg(v, 0, 'f', v < 10 ? 2 : 0);
    case Unit::Milliseconds: return QStringLiteral("%1 ms").arg(v, 0, 'f', v < 10 ? 2 : 0);
    case Unit::Percent: return QStringLiteral("%1 %").arg(v, 0, 'f', 1);
    case Unit::PerSecond: return QObject::tr("%1/s").arg(v, 0, 'f', v < 10 ? 2 : 0);
    case Unit::PerMinute: return QObject::tr("%1/min").arg(v, 0, 'f', v < 10 ? 1 : 0);
    case Unit::Count: break;
    }
    return QString::number(v, 'f', std::floor(v) == v ? 0 : 1);
}

void ChartView::showCrosshair(const QPointF &pos)
{
    const QRectF plot = m_chart->plotArea();
    if (!plot.contains(pos) || m_specs.isEmpty()) {
        hideCrosshair();
        return;
    }
    const double from = double(m_x->min().toMSecsSinceEpoch());
    const double to = double(m_x->max().toMSecsSinceEpoch());
    const double t = from + (pos.x() - plot.left()) / plot.width() * (to - from);
    // Snap to the nearest sample time of any series within a few pixels (or a tick).
    double best = std::nan(""), bestDist = std::max(double(m_gapMs), 12.0 * (to - from) / plot.width());
    for (const auto &pts : m_data) {
        auto it = std::lower_bound(pts.begin(), pts.end(), t, [](const QPointF &p, double x) { return p.x() < x; });
        for (auto c : {it, it == pts.begin() ? it : it - 1})
            if (c != pts.end() && std::abs(c->x() - t) < bestDist) {
                bestDist = std::abs(c->x() - t);
                best = c->x();
            }
    }
    if (!std::isfinite(best)) {
        hideCrosshair();
        return;
    }
    QString html = QStringLiteral("<b>%1</b>").arg(QDateTime::fromMSecsSinceEpoch(qint64(best)).toString(
        to - from > 26 * 3600000.0 ? QStringLiteral("ddd HH:mm") : QStringLiteral("HH:mm:ss")));
    for (int i = 0; i < m_specs.size(); ++i) {
        const auto &pts = m_data[i];
        auto it = std::lower_bound(pts.begin(), pts.end(), best, [](const QPointF &p, double x) { return p.x() < x; });
        if (it == pts.end() || it->x() != best)
            continue;
        const Unit u = m_specs[i].rightAxis ? m_unit2 : m_unit;
        html += QStringLiteral("<br><span style='color:%1'>&#9632;</span> %2: %3")
                    .arg(m_specs[i].color.name(), m_specs[i].label.toHtmlEscaped(), formatValue(it->y(), u));
    }
    const double x = plot.left() + (best - from) / (to - from) * plot.width();
    m_cross->setLine(x, plot.top(), x, plot.bottom());
    m_cross->show();
    m_tip->setHtml(html);
    const QRectF r = m_tip->boundingRect();
    double tx = x + 10;
    if (tx + r.width() > plot.right())
        tx = x - 10 - r.width();
    const double ty = std::max(plot.top(), std::min(pos.y() - r.height() / 2, plot.bottom() - r.height()));
    m_tip->setPos(tx, ty);
    m_tipBox->setRect(QRectF(tx, ty, r.width(), r.height()));
    m_tip->show();
    m_tipBox->show();
}

QString ChartView::toCsv() const
{
    QMap<double, QList<double>> rows;
    for (int i = 0; i < m_specs.size(); ++i)
        for (const QPointF &p : m_data[i]) {
            auto &row = rows[p.x()];
            if (row.isEmpty())
                row = QList<double>(m_specs.size(), std::nan(""));
            row[i] = p.y();
        }
    QString out = QStringLiteral("time");
    for (const Spec &s : m_specs) {
        QString label = s.label;
        label.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        out += QStringLiteral(",\"%1\"").arg(label);
    }
    out += QLatin1Char('\n');
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        out += QDateTime::fromMSecsSinceEpoch(qint64(it.key()), Qt::UTC).toString(Qt::ISODateWithMs);
        for (double v : it.value())
            out += QLatin1Char(',') + (std::isfinite(v) ? QString::number(v, 'g', 12) : QString());
        out += QLatin1Char('\n');
    }
    return out;
}

QString ChartView::hoverText() const
{
    return m_tip->isVisible() ? m_tip->toPlainText() : QString();
}

int ChartView::segmentCount(int i) const
{
    if (i < 0 || i >= m_built.size())
        return 0;
    int n = 0;
    for (QXYSeries *s : m_built[i].lines)
        n += s->count() > 0 ? 1 : 0;
    for (QAreaSeries *a : m_built[i].areas)
        n += a->upperSeries()->count() > 0 ? 1 : 0;
    return n;
}

bool ChartView::exportPng(const QString &path)
{
    hideCrosshair();
    return grab().save(path, "PNG");
}

} // namespace pgdeck::ui
