#pragma once

#include "explain/plan.h"
#include "explain/planlayout.h"

#include <QPalette>
#include <QString>

namespace pgdeck::ui {

// Writes the whole plan graph as PNG (scaled down to at most 8192 px on its long side)
// or SVG (vector, full size), drawn by the same painter as the screen.
class PlanExporter
{
public:
    static bool png(const explain::Plan &plan, const explain::PlanLayout &layout, const QPalette &palette, const QString &path,
                    QString *error);
    static bool svg(const explain::Plan &plan, const explain::PlanLayout &layout, const QPalette &palette, const QString &path,
                    QString *error);
};

} // namespace pgdeck::ui
