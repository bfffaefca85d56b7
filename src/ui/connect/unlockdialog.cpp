#include "unlockdialog.h"

#include "ui_unlockdialog.h"

#include <QPointer>
#include <QPushButton>

namespace pgdeck::ui {

UnlockDialog::UnlockDialog(const core::UnlockRequest &request, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::UnlockDialog>()), m_request(request)
{
    m_ui->setupUi(this);
    const core::Protection &p = request.protection;
    QStringList marks;
    if (p.production)
        marks << tr("PRODUCTION");
    if (p.readOnly)
        marks << tr("READ-ONLY");
    const QColor c(p.colour.isEmpty() ? QStringLiteral("#c62828") : p.colour);
    m_ui->band->setText(QStringLiteral("%1 — %2").arg(marks.join(QStringLiteral(" · ")), p.profile.toHtmlEscaped()));
    m_ui->band->setStyleSheet(QStringLiteral("QLabel { background:%1; color:%2; font-weight:bold; padding:6px; border-radius:3px; }")
                                  .arg(c.name(), c.lightness() > 150 ? QStringLiteral("#000") : QStringLiteral("#fff")));
    m_ui->question->setText(request.question().toHtmlEscaped());
    m_unlock = m_ui->buttonBox->addButton(tr("&Unlock once"), QDialogButtonBox::AcceptRole);
    const bool typeIt = p.production;
    m_ui->typeLabel->setVisible(typeIt);
    m_ui->typedName->setVisible(typeIt);
    m_ui->typeLabel->setText(tr("Type the profile name <b>%1</b> to unlock this one action:").arg(p.profile.toHtmlEscaped()));
    connect(m_ui->typedName, &QLineEdit::textChanged, this, [this]() { m_unlock->setEnabled(canUnlock()); });
    m_unlock->setEnabled(canUnlock());
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Cancel is the safe default.
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setDefault(true);
    setWindowTitle(tr("Unlock once: %1").arg(core::guardedActionName(request.action)));
}

UnlockDialog::~UnlockDialog() = default;

bool UnlockDialog::canUnlock() const
{
    return !m_request.protection.production || m_ui->typedName->text().trimmed() == m_request.protection.profile;
}

void UnlockDialog::typeName(const QString &text)
{
    m_ui->typedName->setText(text);
}

void UnlockDialog::install(QWidget *window)
{
    QPointer<QWidget> parent(window);
    core::ActionGuard::setConfirmer([parent](const core::UnlockRequest &request, core::ActionGuard::Answer answer) {
        auto *dlg = new UnlockDialog(request, parent);
        dlg->setAttribute(Qt::WA_DeleteOnClose);
        dlg->setObjectName(QStringLiteral("unlockDialog"));
        connect(dlg, &QDialog::finished, dlg, [dlg, answer](int result) { answer(result == QDialog::Accepted && dlg->canUnlock()); });
        dlg->open();
    });
}

} // namespace pgdeck::ui
