#pragma once

#include "explain/plan.h"
#include "explain/planlayout.h"

#include <QColor>
#include <QPalette>
#include <QRectF>

class QPainter;

namespace pgdeck::ui {

// Draws the plan graph (node boxes and row-weighted arrows) for a region of the
// layout. Shared by the on-screen graph, the minimap and PNG/SVG export, so what a
// user exports is what they saw. Only the nodes inside the region are visited.
class PlanPainter
{
public:
    struct Style
    {
        QPalette palette;
        int selected = -1;
        const std::vector<int> *severity = nullptr; // per node, -1 none
        bool forExport = false;
    };

    // `lod` is the view's scale: below ~0.35 boxes are drawn without text.
    static void paint(QPainter *p, const explain::Plan &plan, const explain::PlanLayout &layout, const QRectF &region,
                      qreal lod, const Style &style);
    // The box fill for a node: the palette's base blended towards red by its share.
    static QColor heat(double share, const QPalette &palette);
    static QString valueText(const explain::Plan &plan, const explain::PlanLayout &layout, int node);
};

} // namespace pgdeck::ui
