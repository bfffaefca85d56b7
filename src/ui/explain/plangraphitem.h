#pragma once

#include "explain/plan.h"
#include "explain/planlayout.h"

#include <QGraphicsItem>

#include <memory>

namespace pgdeck::ui {

// The whole plan graph as one scene item: painting visits only the nodes in the
// exposed rectangle (PlanLayout answers that in O(log n)), so scrolling and zooming a
// 10,000-node plan costs what is on screen, not the plan's size.
class PlanGraphItem : public QGraphicsItem
{
public:
    PlanGraphItem();

    void setPlan(std::shared_ptr<const explain::Plan> plan, const explain::PlanLayout *layout);
    void setSelected(int node);
    int selectedNode() const { return m_selected; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    std::shared_ptr<const explain::Plan> m_plan;
    const explain::PlanLayout *m_layout = nullptr;
    std::vector<int> m_severity;
    int m_selected = -1;
    QRectF m_bounds;
};

} // namespace pgdeck::ui
