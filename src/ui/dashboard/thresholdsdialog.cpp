#include "thresholdsdialog.h"

#include "ui_thresholdsdialog.h"

#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>

namespace pgdeck::ui {

ThresholdsDialog::ThresholdsDialog(const monitor::Thresholds &current, const QString &profile, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ThresholdsDialog>())
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Thresholds of %1").arg(profile.isEmpty() ? tr("this profile") : profile));
    for (int i = 0; i < monitor::kKeyMetricCount; ++i) {
        const auto m = monitor::KeyMetric(i);
        auto *label = new QLabel(monitor::Thresholds::name(m), this);
        auto spin = [&](const QString &name) {
            auto *s = new QDoubleSpinBox(this);
            s->setObjectName(monitor::Thresholds::key(m) + name);
            s->setDecimals(m == monitor::KeyMetric::ReplicationLag ? 1 : 0);
            s->setRange(0, 1e9);
            const QString unit = monitor::Thresholds::unit(m);
            if (!unit.isEmpty())
                s->setSuffix(QLatin1Char(' ') + unit);
            return s;
        };
        m_warning[size_t(i)] = spin(QStringLiteral("_warning"));
        m_critical[size_t(i)] = spin(QStringLiteral("_critical"));
        label->setBuddy(m_warning[size_t(i)]);
        m_ui->grid->addWidget(label, i + 1, 0);
        m_ui->grid->addWidget(m_warning[size_t(i)], i + 1, 1);
        m_ui->grid->addWidget(m_critical[size_t(i)], i + 1, 2);
    }
    load(current);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this]() { load(monitor::Thresholds{}); });
}

ThresholdsDialog::~ThresholdsDialog() = default;

void ThresholdsDialog::load(const monitor::Thresholds &t)
{
    for (int i = 0; i < monitor::kKeyMetricCount; ++i) {
        m_warning[size_t(i)]->setValue(t.bands[size_t(i)].warning);
        m_critical[size_t(i)]->setValue(t.bands[size_t(i)].critical);
    }
    m_ui->slowMs->setValue(t.slowQueryMs);
}

monitor::Thresholds ThresholdsDialog::thresholds() const
{
    monitor::Thresholds t;
    for (int i = 0; i < monitor::kKeyMetricCount; ++i) {
        const double w = m_warning[size_t(i)]->value();
        t.bands[size_t(i)] = {w, std::max(w, m_critical[size_t(i)]->value())};
    }
    t.slowQueryMs = m_ui->slowMs->value();
    return t;
}

} // namespace pgdeck::ui
