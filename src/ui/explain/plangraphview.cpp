#include "plangraphview.h"

#include "plangraphitem.h"
#include "planminimap.h"

#include <QGraphicsScene>
#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace pgdeck::ui {

PlanGraphView::PlanGraphView(QWidget *parent) : QGraphicsView(parent)
{
    setObjectName(QStringLiteral("planGraph"));
    auto *scene = new QGraphicsScene(this);
    scene->setItemIndexMethod(QGraphicsScene::NoIndex); // one item: no BSP tree to keep
    setScene(scene);
    m_item = new PlanGraphItem;
    scene->addItem(m_item);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    setOptimizationFlags(QGraphicsView::DontSavePainterState);
    setRenderHint(QPainter::Antialiasing);
    setRenderHint(QPainter::TextAntialiasing);
    setBackgroundBrush(palette().brush(QPalette::Base));
    setFocusPolicy(Qt::StrongFocus);
    setToolTip(tr("Click a node for all its properties. Ctrl+wheel or +/- to zoom, 0 to fit, drag to pan."));
    m_minimap = new PlanMinimap(this);
    m_minimap->hide();
}

PlanGraphView::~PlanGraphView() = default;

void PlanGraphView::setPlan(std::shared_ptr<const explain::Plan> plan)
{
    m_plan = std::move(plan);
    relayout();
    // Small plans fit the window; big ones open at a readable zoom on the root.
    resetTransform();
    if (m_plan && !m_plan->nodes.empty()) {
        const QRectF b = m_layout.bounds();
        const qreal fit = qMin(viewport()->width() / qMax<qreal>(1, b.width() + 80), viewport()->height() / qMax<qreal>(1, b.height() + 80));
        const qreal z = qBound<qreal>(0.6, fit, 1.0);
        scale(z, z);
        centerOn(QPointF(m_layout.box(0).center().x(), m_layout.box(0).top() - 30 + viewport()->height() / (2 * z)));
    }
    placeMinimap();
    Q_EMIT zoomChanged(zoom());
}

void PlanGraphView::setMetric(explain::PlanLayout::Metric metric)
{
    if (metric == m_options.metric)
        return;
    const int selected = selectedNode();
    const QPointF center = mapToScene(viewport()->rect().center());
    const int anchorNode = selected >= 0 ? selected : m_layout.nodeAt(center);
    m_options.metric = metric;
    relayout();
    if (selected >= 0)
        m_item->setSelected(selected);
    if (anchorNode >= 0)
        centerOn(m_layout.box(anchorNode).center());
}

void PlanGraphView::relayout()
{
    if (m_plan)
        m_layout.compute(*m_plan, m_options);
    else
        m_layout = explain::PlanLayout();
    m_item->setPlan(m_plan, &m_layout);
    scene()->setSceneRect(m_item->boundingRect());
    m_minimap->rebuild();
}

int PlanGraphView::selectedNode() const
{
    return m_item->selectedNode();
}

void PlanGraphView::selectNode(int node, bool ensureVisibleToo)
{
    if (!m_plan || node < -1 || node >= m_layout.size())
        return;
    m_item->setSelected(node);
    if (node >= 0 && ensureVisibleToo)
        ensureVisible(m_layout.box(node), 60, 60);
    m_minimap->viewportMoved();
}

qreal PlanGraphView::zoom() const
{
    return transform().m11();
}

void PlanGraphView::setZoom(qreal z)
{
    z = qBound<qreal>(0.02, z, 4.0);
    const qreal f = z / zoom();
    scale(f, f);
    m_minimap->viewportMoved();
    placeMinimap();
    Q_EMIT zoomChanged(zoom());
}

void PlanGraphView::zoomBy(qreal factor)
{
    setZoom(zoom() * factor);
}

void PlanGraphView::fitToWindow()
{
    if (!m_plan)
        return;
    fitInView(m_layout.bounds().adjusted(-20, -20, 20, 20), Qt::KeepAspectRatio);
    if (zoom() > 1.0)
        setZoom(1.0);
    m_minimap->viewportMoved();
    placeMinimap();
    Q_EMIT zoomChanged(zoom());
}

bool PlanGraphView::minimapVisible() const
{
    return m_minimap->isVisible();
}

void PlanGraphView::placeMinimap()
{
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    const bool needed = m_plan && m_layout.size() > 1
        && (m_layout.bounds().width() > visible.width() * 1.05 || m_layout.bounds().height() > visible.height() * 1.05);
    m_minimap->setVisible(needed && viewport()->width() > 400 && viewport()->height() > 260);
    const QRect vp = viewport()->geometry();
    m_minimap->move(vp.right() - m_minimap->width() - 8, vp.bottom() - m_minimap->height() - 8);
    m_minimap->raise();
}

void PlanGraphView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const qreal steps = event->angleDelta().y() / 120.0;
        zoomBy(std::pow(1.15, steps));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void PlanGraphView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_plan) {
        const int node = m_layout.nodeAt(mapToScene(event->position().toPoint()));
        if (node >= 0) {
            selectNode(node, false);
            Q_EMIT nodeSelected(node);
        }
    }
    QGraphicsView::mousePressEvent(event);
}

void PlanGraphView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.25);
        return;
    case Qt::Key_Minus:
        zoomBy(0.8);
        return;
    case Qt::Key_0:
        fitToWindow();
        return;
    case Qt::Key_1:
        setZoom(1.0);
        return;
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_Left:
    case Qt::Key_Right: {
        // Walk the tree: up to the parent, down to the first child, left/right to siblings.
        if (!m_plan || m_plan->nodes.empty())
            break;
        int node = selectedNode();
        if (node < 0) {
            node = 0;
        } else {
            const explain::PlanNode &n = m_plan->nodes[size_t(node)];
            if (event->key() == Qt::Key_Up && n.parent >= 0)
                node = n.parent;
            else if (event->key() == Qt::Key_Down && !n.children.empty())
                node = n.children.front();
            else if ((event->key() == Qt::Key_Left || event->key() == Qt::Key_Right) && n.parent >= 0) {
                const auto &sib = m_plan->nodes[size_t(n.parent)].children;
                const auto it = std::find(sib.begin(), sib.end(), node);
                const qsizetype pos = it - sib.begin() + (event->key() == Qt::Key_Left ? -1 : 1);
                if (pos >= 0 && pos < qsizetype(sib.size()))
                    node = sib[size_t(pos)];
            }
        }
        selectNode(node);
        Q_EMIT nodeSelected(node);
        return;
    }
    default:
        break;
    }
    QGraphicsView::keyPressEvent(event);
}

void PlanGraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    placeMinimap();
}

void PlanGraphView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    if (m_minimap->isVisible())
        m_minimap->viewportMoved();
}

} // namespace pgdeck::ui
