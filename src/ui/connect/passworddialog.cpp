#include "passworddialog.h"

#include "ui_passworddialog.h"

#include <QPushButton>

namespace pgdeck::ui {

PasswordDialog::PasswordDialog(const secrets::PasswordRequest &request, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::PasswordDialog>())
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Password for %1").arg(request.profile.isEmpty() ? request.server : request.profile));
    const QString who = request.user.isEmpty() ? tr("your login name") : QStringLiteral("<b>%1</b>").arg(request.user.toHtmlEscaped());
    m_ui->question->setText(request.rejected
                                ? tr("The server at %1 refused the password for %2. Enter it again:")
                                      .arg(request.endpoint.toHtmlEscaped(), who)
                                : tr("The server at %1 wants a password for %2:").arg(request.endpoint.toHtmlEscaped(), who));
    m_ui->serverMessage->setText(QStringLiteral("<small>%1</small>").arg(request.serverMessage.toHtmlEscaped()));
    m_ui->serverMessage->setVisible(!request.serverMessage.isEmpty());
    m_ui->saveInKeychain->setEnabled(request.keychainAvailable);
    m_ui->keychainNote->setText(request.keychainAvailable
                                    ? tr("Otherwise it is kept in memory until pgdeck quits.")
                                    : tr("No keychain answered: the password is kept in memory until pgdeck quits, "
                                         "never written to disk."));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->password->setFocus();
}

PasswordDialog::~PasswordDialog() = default;

void PasswordDialog::setPassword(const QString &password)
{
    m_ui->password->setText(password);
}

void PasswordDialog::setSaveInKeychain(bool save)
{
    m_ui->saveInKeychain->setChecked(save && m_ui->saveInKeychain->isEnabled());
}

PasswordDialog *PasswordDialog::ask(QWidget *parent, const secrets::PasswordRequest &request,
                                    secrets::PasswordBroker::Answer answer)
{
    auto *dlg = new PasswordDialog(request, parent);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setObjectName(QStringLiteral("passwordDialog"));
    connect(dlg, &QDialog::finished, dlg, [dlg, answer = std::move(answer)](int result) {
        if (result != QDialog::Accepted || dlg->m_ui->password->text().isEmpty()) {
            answer(std::nullopt);
            return;
        }
        secrets::PasswordAnswer a;
        a.password = dlg->m_ui->password->text();
        a.saveInKeychain = dlg->m_ui->saveInKeychain->isEnabled() && dlg->m_ui->saveInKeychain->isChecked();
        dlg->m_ui->password->clear();
        answer(a);
    });
    dlg->open();
    return dlg;
}

} // namespace pgdeck::ui
