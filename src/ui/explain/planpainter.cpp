#include "planpainter.h"

#include "explain/format.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace pgdeck::ui {

using explain::Format;
using explain::isSet;
using Metric = explain::PlanLayout::Metric;

namespace {

QColor mix(const QColor &a, const QColor &b, double t)
{
    t = qBound(0.0, t, 1.0);
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t), float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

QString rowsText(double rows)
{
    return rows == 1 ? QObject::tr("1 row") : QObject::tr("%1 rows").arg(Format::count(rows));
}

QString estimatedRowsText(double rows)
{
    return rows == 1 ? QObject::tr("est 1 row") : QObject::tr("est %1 rows").arg(Format::count(rows));
}

QColor severityColor(int s)
{
    switch (s) {
    case 2: return QColor(0xc6, 0x28, 0x28);
    case 1: return QColor(0xef, 0x8a, 0x00);
    default: return QColor(0x1e, 0x88, 0xe5);
    }
}

} // namespace

QColor PlanPainter::heat(double share, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const bool dark = base.lightnessF() < 0.5;
    // Yellow at a quarter, orange at half, red at the top: the eye goes to the hot ones.
    const QColor warm = dark ? QColor(0x8a, 0x6d, 0x1f) : QColor(0xff, 0xe0, 0x82);
    const QColor hot = dark ? QColor(0xa3, 0x2b, 0x2b) : QColor(0xef, 0x6c, 0x5a);
    if (share <= 0)
        return base;
    if (share < 0.35)
        return mix(base, warm, share / 0.35);
    return mix(warm, hot, (share - 0.35) / 0.65);
}

QString PlanPainter::valueText(const explain::Plan &plan, const explain::PlanLayout &layout, int node)
{
    const explain::PlanNode &n = plan.nodes[size_t(node)];
    if (n.facts.neverExecuted())
        return QObject::tr("never executed");
    const double v = layout.value(node);
    switch (layout.metric()) {
    case Metric::Time:
        if (isSet(n.metrics.exclusiveMs))
            return QStringLiteral("%1 · %2").arg(Format::ms(n.metrics.exclusiveMs), Format::percent(n.metrics.percentOfTotal));
        return QObject::tr("cost %1").arg(Format::cost(v));
    case Metric::Cost:
        return QObject::tr("cost %1").arg(Format::cost(v));
    case Metric::Rows: {
        QString s = rowsText(v);
        if (isSet(n.metrics.estimateFactor) && n.metrics.estimateFactor >= 10)
            s += QStringLiteral(" %1%2").arg(n.metrics.estimate == explain::NodeMetrics::Estimate::Under ? QStringLiteral("↓") : QStringLiteral("↑"),
                                             Format::factor(n.metrics.estimateFactor));
        return s;
    }
    case Metric::Buffers:
        return QObject::tr("%1 blocks").arg(Format::count(v));
    }
    return {};
}

void PlanPainter::paint(QPainter *p, const explain::Plan &plan, const explain::PlanLayout &layout, const QRectF &region,
                        qreal lod, const Style &style)
{
    if (plan.nodes.empty() || layout.size() != int(plan.nodes.size()))
        return;
    const QPalette &pal = style.palette;
    const bool detailed = lod >= 0.35;
    // Edges of every node whose parent or itself is in view: look a level above too.
    const QRectF grown = region.adjusted(0, -120, 0, 120);
    const std::vector<int> visible = layout.nodesIn(grown);
    const double maxFlow = layout.maxFlowRows();
    const double logMax = std::log10(maxFlow + 1.0);

    p->save();
    QColor edgeColor = pal.color(QPalette::Text);
    edgeColor.setAlphaF(0.35f);
    auto edgePen = [&edgeColor](qreal width, bool cosmetic, bool dashed) {
        QPen pen(edgeColor, width);
        pen.setCosmetic(cosmetic);
        pen.setCapStyle(Qt::FlatCap);
        if (dashed)
            pen.setStyle(Qt::DashLine); // a subplan's edge
        return pen;
    };
    std::vector<QList<QLineF>> batches; // zoomed out: edges by pen width and dash
    for (int i : visible) {
        const explain::PlanNode &n = plan.nodes[size_t(i)];
        if (n.parent < 0)
            continue;
        const QRectF &c = layout.box(i);
        const QRectF &pb = layout.box(n.parent);
        const QPointF from(c.center().x(), c.top());
        const QPointF to(pb.center().x(), pb.bottom());
        const double w = logMax > 0 ? 1.0 + 9.0 * std::log10(layout.flowRows(i) + 1.0) / logMax : 1.5;
        if (!detailed) {
            // Zoomed out, a pen as wide in scene units would be stroked as a shape per
            // edge: a cosmetic pen of that width on screen is a line. And one drawLines
            // per pen (the raster engine hands every call to its thread pool, which
            // costs more than the line).
            const size_t bucket = size_t(std::lround(qBound(1.0, w * lod, 6.0))) * 2 + (n.facts.isSubplan() ? 1 : 0);
            if (bucket >= batches.size())
                batches.resize(bucket + 1);
            batches[bucket].push_back(QLineF(from, to));
            continue;
        }
        p->setPen(edgePen(w, false, n.facts.isSubplan()));
        p->setBrush(Qt::NoBrush);
        const double dy = (from.y() - to.y()) / 2;
        const QPointF c1(from.x(), from.y() - dy), c2(to.x(), to.y() + dy), end = to + QPointF(0, 6);
        // The curve stays within the box of its end points (the control points share
        // their x with one end and their y lies between the ends).
        const QRectF view = region.adjusted(-w, -w, w, w);
        if (view.contains(from) && view.contains(end)) {
            QPainterPath path(from);
            path.cubicTo(c1, c2, end);
            p->drawPath(path);
        } else {
            // An edge reaching far out of view (a parent with thousands of children):
            // stroking the whole curve costs its full length, so draw only the pieces
            // of it that cross the view, as a fine polyline.
            const double deviceLength = (std::abs(end.x() - from.x()) + std::abs(end.y() - from.y())) * lod;
            const int steps = int(qBound(16.0, deviceLength / 12.0, 2000.0));
            QPolygonF run;
            QPointF prev = from;
            for (int k = 1; k <= steps; ++k) {
                const double t = double(k) / steps, u = 1 - t;
                const QPointF pt = u * u * u * from + 3 * u * u * t * c1 + 3 * u * t * t * c2 + t * t * t * end;
                // Inflated: a vertical or horizontal piece has an empty box.
                if (QRectF(prev, pt).normalized().adjusted(-1, -1, 1, 1).intersects(view)) {
                    if (run.isEmpty())
                        run << prev;
                    run << pt;
                } else if (!run.isEmpty()) {
                    p->drawPolyline(run);
                    run.clear();
                }
                prev = pt;
            }
            if (!run.isEmpty())
                p->drawPolyline(run);
        }
        // Rows flow up to the parent: an arrow head at the parent's edge.
        if (region.contains(to)) {
            QPolygonF head;
            head << to << to + QPointF(-5, 8) << to + QPointF(5, 8);
            p->setPen(Qt::NoPen);
            p->setBrush(edgeColor);
            p->drawPolygon(head);
        }
    }
    for (size_t bucket = 0; bucket < batches.size(); ++bucket) {
        if (batches[bucket].isEmpty())
            continue;
        p->setPen(edgePen(qreal(bucket / 2), true, bucket % 2 == 1));
        p->drawLines(batches[bucket]);
    }

    QFont titleFont = p->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(9.0);
    QFont smallFont = p->font();
    smallFont.setPointSizeF(8.0);
    const QFontMetricsF titleMetrics(titleFont), smallMetrics(smallFont);
    for (int i : visible) {
        const QRectF &b = layout.box(i);
        if (!b.intersects(region))
            continue;
        const explain::PlanNode &n = plan.nodes[size_t(i)];
        const bool never = n.facts.neverExecuted();
        const bool selected = i == style.selected;
        QColor fill = heat(layout.share(i), pal);
        if (never)
            fill = pal.color(QPalette::Window);
        QPen border(selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid), selected ? 3.0 : 1.0);
        if (never)
            border.setStyle(Qt::DashLine);
        if (!detailed) {
            // A box a few pixels wide is its colour; a border only where it can be seen.
            if (b.width() * lod < 6 && !selected) {
                p->fillRect(b, fill);
                continue;
            }
            border.setCosmetic(true);
            border.setWidthF(selected ? 2.0 : 1.0);
            p->setPen(border);
            p->setBrush(fill);
            p->drawRect(b);
            continue;
        }
        p->setPen(border);
        p->setBrush(fill);
        p->drawRoundedRect(b, 6, 6);
        const QRectF inner = b.adjusted(8, 5, -8, -4);
        QColor text = pal.color(never ? QPalette::Disabled : QPalette::Active, QPalette::Text);
        p->setPen(text);
        p->setFont(titleFont);
        QString title = n.title();
        if (!n.facts.subplanName.isEmpty())
            title = n.facts.subplanName.section(QLatin1Char(' '), 0, 1) + QStringLiteral(": ") + title;
        p->drawText(QRectF(inner.left(), inner.top(), inner.width(), titleMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                    titleMetrics.elidedText(title, Qt::ElideRight, inner.width()));
        p->setFont(smallFont);
        QStringList second;
        QString target = n.target();
        if (!n.facts.index.isEmpty())
            target = target.isEmpty() ? n.facts.index : target + QStringLiteral(" · ") + n.facts.index;
        if (!target.isEmpty())
            second << target;
        if (layout.metric() != Metric::Rows && !never) {
            if (isSet(n.metrics.rowsTotal))
                second << rowsText(n.metrics.rowsTotal);
            else if (isSet(n.metrics.planRowsTotal))
                second << estimatedRowsText(n.metrics.planRowsTotal);
        }
        const double lineH = smallMetrics.height();
        double y = inner.top() + titleMetrics.height();
        if (!second.isEmpty()) {
            p->drawText(QRectF(inner.left(), y, inner.width(), lineH), Qt::AlignLeft | Qt::AlignVCenter,
                        smallMetrics.elidedText(second.join(QStringLiteral(" · ")), Qt::ElideMiddle, inner.width()));
        }
        y += lineH;
        p->drawText(QRectF(inner.left(), y, inner.width(), lineH), Qt::AlignLeft | Qt::AlignVCenter,
                    smallMetrics.elidedText(valueText(plan, layout, i), Qt::ElideRight, inner.width()));
        // Insight badge.
        if (style.severity && i < int(style.severity->size()) && (*style.severity)[size_t(i)] >= 0) {
            const QRectF dot(b.right() - 16, b.top() + 4, 12, 12);
            p->setPen(Qt::NoPen);
            p->setBrush(severityColor((*style.severity)[size_t(i)]));
            p->drawEllipse(dot);
            p->setPen(Qt::white);
            QFont bang = smallFont;
            bang.setBold(true);
            p->setFont(bang);
            p->drawText(dot, Qt::AlignCenter, QStringLiteral("!"));
        }
    }
    p->restore();
}

} // namespace pgdeck::ui
