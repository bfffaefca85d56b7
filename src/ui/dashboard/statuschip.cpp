#include "statuschip.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace pgdeck::ui {

StatusChip::StatusChip(monitor::KeyMetric metric, QWidget *parent) : QWidget(parent), m_metric(metric), m_value(QStringLiteral("–"))
{
    setObjectName(QStringLiteral("chip_") + monitor::Thresholds::key(metric));
    setCursor(Qt::PointingHandCursor);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setAccessibleName(monitor::Thresholds::name(metric));
}

QColor StatusChip::levelColor(monitor::Level level, const QPalette &palette)
{
    switch (level) {
    case monitor::Level::Ok: return QColor(0x2e, 0x8b, 0x57);
    case monitor::Level::Warning: return QColor(0xc7, 0x8a, 0x00);
    case monitor::Level::Critical: return QColor(0xc9, 0x30, 0x30);
    case monitor::Level::Unknown: break;
    }
    const QColor a = palette.color(QPalette::Window), b = palette.color(QPalette::WindowText);
    return QColor::fromRgbF(float(a.redF() * 0.6 + b.redF() * 0.4), float(a.greenF() * 0.6 + b.greenF() * 0.4),
                            float(a.blueF() * 0.6 + b.blueF() * 0.4));
}

void StatusChip::setState(monitor::Level level, const QString &value, const QString &tooltip)
{
    if (level == m_level && value == m_value && toolTip() == tooltip)
        return;
    m_level = level;
    m_value = value;
    setToolTip(tooltip);
    setAccessibleDescription(QStringLiteral("%1 %2").arg(value, monitor::Thresholds::levelName(level)));
    updateGeometry();
    update();
}

QSize StatusChip::sizeHint() const
{
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics fm(font()), fb(bold);
    const int w = fm.horizontalAdvance(monitor::Thresholds::name(m_metric)) + fb.horizontalAdvance(m_value) + 34;
    return {std::max(w, 120), fm.height() + 14};
}

void StatusChip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    QPainterPath path;
    path.addRoundedRect(r, r.height() / 2, r.height() / 2);
    const QColor c = levelColor(m_level, palette());
    p.fillPath(path, c);
    p.setPen(Qt::white);
    const QRect inner = rect().adjusted(12, 0, -12, 0);
    p.drawText(inner, Qt::AlignVCenter | Qt::AlignLeft, monitor::Thresholds::name(m_metric));
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(inner, Qt::AlignVCenter | Qt::AlignRight, m_value);
}

void StatusChip::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->pos()))
        Q_EMIT clicked();
}

} // namespace pgdeck::ui
