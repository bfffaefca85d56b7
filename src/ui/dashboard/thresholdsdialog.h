#pragma once

#include "monitor/thresholds.h"

#include <QDialog>

#include <array>
#include <memory>

namespace Ui {
class ThresholdsDialog;
}
class QDoubleSpinBox;

namespace pgdeck::ui {

// Edits one profile's thresholds (warning / critical per key metric, and what
// counts as a slow query). Opened with open(); the caller reads thresholds() on accept.
class ThresholdsDialog : public QDialog
{
    Q_OBJECT
public:
    ThresholdsDialog(const monitor::Thresholds &current, const QString &profile, QWidget *parent = nullptr);
    ~ThresholdsDialog() override;

    monitor::Thresholds thresholds() const;

private:
    void load(const monitor::Thresholds &t);

    std::unique_ptr<Ui::ThresholdsDialog> m_ui;
    std::array<QDoubleSpinBox *, monitor::kKeyMetricCount> m_warning{};
    std::array<QDoubleSpinBox *, monitor::kKeyMetricCount> m_critical{};
};

} // namespace pgdeck::ui
