#pragma once

#include <QImage>
#include <QWidget>

namespace pgdeck::ui {

class PlanGraphView;

// A small overview of a big plan in the graph's corner: the whole layout as coloured
// dots and the part on screen as a frame. Click or drag to move there.
class PlanMinimap : public QWidget
{
    Q_OBJECT
public:
    explicit PlanMinimap(PlanGraphView *view);

    void rebuild();        // after a new plan or metric
    void viewportMoved();  // after scroll or zoom

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    void moveTo(const QPointF &widgetPos);
    QRectF mapped(const QRectF &sceneRect) const;

    PlanGraphView *m_view;
    QImage m_image;
    double m_scale = 1;
    QPointF m_offset;
};

} // namespace pgdeck::ui
