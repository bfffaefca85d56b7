#pragma once

#include "explain/plan.h"
#include "explain/planlayout.h"

#include <QGraphicsView>

#include <memory>

namespace pgdeck::ui {

class PlanGraphItem;
class PlanMinimap;

// The plan as a graph: boxes sized and coloured by the chosen metric, arrows as thick
// as the rows they carry, Ctrl+wheel / +/- to zoom, drag to pan, a minimap for plans
// larger than the window, click a box to select it.
class PlanGraphView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit PlanGraphView(QWidget *parent = nullptr);
    ~PlanGraphView() override;

    void setPlan(std::shared_ptr<const explain::Plan> plan);
    std::shared_ptr<const explain::Plan> plan() const { return m_plan; }
    void setMetric(explain::PlanLayout::Metric metric);
    explain::PlanLayout::Metric metric() const { return m_options.metric; }
    const explain::PlanLayout &planLayout() const { return m_layout; }

    int selectedNode() const;
    void selectNode(int node, bool ensureVisible = true);
    qreal zoom() const;
    void setZoom(qreal zoom);
    void zoomBy(qreal factor);
    void fitToWindow();
    bool minimapVisible() const;

Q_SIGNALS:
    void nodeSelected(int node);
    void zoomChanged(qreal zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void relayout();
    void placeMinimap();

    std::shared_ptr<const explain::Plan> m_plan;
    explain::PlanLayout m_layout;
    explain::PlanLayout::Options m_options;
    PlanGraphItem *m_item = nullptr;
    PlanMinimap *m_minimap = nullptr;
};

} // namespace pgdeck::ui
