#include "planminimap.h"

#include "plangraphview.h"
#include "planpainter.h"

#include <QMouseEvent>
#include <QPainter>

namespace pgdeck::ui {

PlanMinimap::PlanMinimap(PlanGraphView *view) : QWidget(view), m_view(view)
{
    setObjectName(QStringLiteral("planMinimap"));
    setFixedSize(220, 140);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Overview: click or drag to move around the plan"));
}

void PlanMinimap::rebuild()
{
    const explain::PlanLayout &layout = m_view->planLayout();
    const auto plan = m_view->plan();
    m_image = QImage(size() * devicePixelRatioF(), QImage::Format_ARGB32_Premultiplied);
    m_image.setDevicePixelRatio(devicePixelRatioF());
    m_image.fill(Qt::transparent);
    if (!plan || layout.size() == 0)
        return;
    const QRectF b = layout.bounds();
    const QRectF area = QRectF(rect()).adjusted(6, 6, -6, -6);
    m_scale = qMin(area.width() / qMax(1.0, b.width()), area.height() / qMax(1.0, b.height()));
    m_offset = QPointF(area.left() + (area.width() - b.width() * m_scale) / 2, area.top() + (area.height() - b.height() * m_scale) / 2);
    QPainter p(&m_image);
    const QPalette pal = palette();
    for (int i = 0; i < layout.size(); ++i) {
        QRectF r = mapped(layout.box(i));
        if (r.width() < 1.5)
            r.setWidth(1.5);
        if (r.height() < 1.5)
            r.setHeight(1.5);
        const double share = layout.share(i);
        p.fillRect(r, share > 0.02 ? PlanPainter::heat(qMax(0.3, share), pal) : pal.color(QPalette::Mid));
    }
    update();
}

void PlanMinimap::viewportMoved()
{
    update();
}

QRectF PlanMinimap::mapped(const QRectF &r) const
{
    return QRectF(m_offset.x() + r.x() * m_scale, m_offset.y() + r.y() * m_scale, r.width() * m_scale, r.height() * m_scale);
}

void PlanMinimap::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    QColor bg = palette().color(QPalette::Window);
    bg.setAlphaF(0.92f);
    p.setPen(palette().color(QPalette::Mid));
    p.setBrush(bg);
    p.drawRect(rect().adjusted(0, 0, -1, -1));
    p.drawImage(QPointF(0, 0), m_image);
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    QRectF v = mapped(visible).intersected(QRectF(rect()).adjusted(1, 1, -1, -1));
    if (v.width() < 3)
        v.setWidth(3);
    if (v.height() < 3)
        v.setHeight(3);
    p.setPen(QPen(palette().color(QPalette::Highlight), 1.5));
    p.setBrush(Qt::NoBrush);
    p.drawRect(v);
}

void PlanMinimap::moveTo(const QPointF &pos)
{
    if (m_scale <= 0)
        return;
    m_view->centerOn(QPointF((pos.x() - m_offset.x()) / m_scale, (pos.y() - m_offset.y()) / m_scale));
}

void PlanMinimap::mousePressEvent(QMouseEvent *event)
{
    moveTo(event->position());
    event->accept();
}

void PlanMinimap::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        moveTo(event->position());
    event->accept();
}

} // namespace pgdeck::ui
