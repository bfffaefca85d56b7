#include "plangraphitem.h"

#include "planpainter.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QWidget>

namespace pgdeck::ui {

PlanGraphItem::PlanGraphItem()
{
    setFlag(QGraphicsItem::ItemUsesExtendedStyleOption);
}

void PlanGraphItem::setPlan(std::shared_ptr<const explain::Plan> plan, const explain::PlanLayout *layout)
{
    prepareGeometryChange();
    m_plan = std::move(plan);
    m_layout = layout;
    m_selected = -1;
    m_severity.clear();
    if (m_plan) {
        m_severity.assign(m_plan->nodes.size(), -1);
        for (const explain::Insight &i : m_plan->insights)
            if (i.node >= 0 && i.node < int(m_severity.size()))
                m_severity[size_t(i.node)] = qMax(m_severity[size_t(i.node)], int(i.severity));
    }
    m_bounds = m_layout ? m_layout->bounds().adjusted(-40, -40, 40, 40) : QRectF();
    update();
}

void PlanGraphItem::setSelected(int node)
{
    if (node == m_selected)
        return;
    const int old = m_selected;
    m_selected = node;
    if (!m_layout)
        return;
    // Only the two boxes change: repaint just them.
    for (int n : {old, node})
        if (n >= 0 && n < m_layout->size())
            update(m_layout->box(n).adjusted(-4, -4, 4, 4));
}

QRectF PlanGraphItem::boundingRect() const
{
    return m_bounds;
}

void PlanGraphItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    if (!m_plan || !m_layout)
        return;
    PlanPainter::Style style;
    style.palette = widget ? widget->palette() : QApplication::palette();
    style.selected = m_selected;
    style.severity = &m_severity;
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing, lod >= 0.35);
    PlanPainter::paint(painter, *m_plan, *m_layout, option->exposedRect, lod, style);
}

} // namespace pgdeck::ui
