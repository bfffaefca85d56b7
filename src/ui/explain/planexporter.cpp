#include "planexporter.h"

#include "planpainter.h"

#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

namespace pgdeck::ui {

namespace {

std::vector<int> severities(const explain::Plan &plan)
{
    std::vector<int> s(plan.nodes.size(), -1);
    for (const explain::Insight &i : plan.insights)
        if (i.node >= 0 && i.node < int(s.size()))
            s[size_t(i.node)] = qMax(s[size_t(i.node)], int(i.severity));
    return s;
}

} // namespace

bool PlanExporter::png(const explain::Plan &plan, const explain::PlanLayout &layout, const QPalette &palette, const QString &path,
                       QString *error)
{
    const QRectF b = layout.bounds().adjusted(-20, -20, 20, 20);
    if (b.isEmpty()) {
        *error = QObject::tr("there is no plan to export");
        return false;
    }
    const qreal scale = qMin<qreal>(1.0, 8192.0 / qMax(b.width(), b.height()));
    QImage image(QSize(qMax(1, int(b.width() * scale)), qMax(1, int(b.height() * scale))), QImage::Format_ARGB32_Premultiplied);
    image.fill(palette.color(QPalette::Base));
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.setRenderHint(QPainter::TextAntialiasing);
        p.scale(scale, scale);
        p.translate(-b.topLeft());
        const std::vector<int> sev = severities(plan);
        PlanPainter::Style style;
        style.palette = palette;
        style.severity = &sev;
        style.forExport = true;
        PlanPainter::paint(&p, plan, layout, b, scale, style);
    }
    if (!image.save(path, "PNG")) {
        *error = QObject::tr("could not write %1").arg(path);
        return false;
    }
    return true;
}

bool PlanExporter::svg(const explain::Plan &plan, const explain::PlanLayout &layout, const QPalette &palette, const QString &path,
                       QString *error)
{
    const QRectF b = layout.bounds().adjusted(-20, -20, 20, 20);
    if (b.isEmpty()) {
        *error = QObject::tr("there is no plan to export");
        return false;
    }
    QSvgGenerator gen;
    gen.setFileName(path);
    gen.setSize(b.size().toSize());
    gen.setViewBox(QRectF(QPointF(0, 0), b.size()));
    gen.setTitle(QObject::tr("Query plan"));
    gen.setDescription(QObject::tr("Query plan drawn by pgdeck"));
    QPainter p;
    if (!p.begin(&gen)) {
        *error = QObject::tr("could not write %1").arg(path);
        return false;
    }
    p.fillRect(QRectF(QPointF(0, 0), b.size()), palette.color(QPalette::Base));
    p.translate(-b.topLeft());
    const std::vector<int> sev = severities(plan);
    PlanPainter::Style style;
    style.palette = palette;
    style.severity = &sev;
    style.forExport = true;
    PlanPainter::paint(&p, plan, layout, b, 1.0, style);
    p.end();
    return true;
}

} // namespace pgdeck::ui
