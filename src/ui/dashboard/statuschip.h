#pragma once

#include "monitor/thresholds.h"

#include <QWidget>

namespace pgdeck::ui {

// One key metric as a coloured pill: name, current value, and its level against the
// profile's thresholds (green ok, amber warning, red critical, grey unknown).
// Clicking it asks for the thresholds editor.
class StatusChip : public QWidget
{
    Q_OBJECT
public:
    explicit StatusChip(monitor::KeyMetric metric, QWidget *parent = nullptr);

    monitor::KeyMetric metric() const { return m_metric; }
    void setState(monitor::Level level, const QString &value, const QString &tooltip);
    monitor::Level level() const { return m_level; }
    QString valueText() const { return m_value; }
    static QColor levelColor(monitor::Level level, const QPalette &palette);

    QSize sizeHint() const override;

Q_SIGNALS:
    void clicked();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    monitor::KeyMetric m_metric;
    monitor::Level m_level = monitor::Level::Unknown;
    QString m_value;
};

} // namespace pgdeck::ui
