#pragma once

#include "secrets/passwordbroker.h"

#include <QDialog>

#include <memory>

namespace Ui {
class PasswordDialog;
}

namespace pgdeck::ui {

// Asks for a server's password when none is stored (or the stored one was
// refused). Shown with open(), never exec(): the answer arrives through the
// callback, and the rest of the window keeps working meanwhile.
class PasswordDialog : public QDialog
{
    Q_OBJECT
public:
    PasswordDialog(const secrets::PasswordRequest &request, QWidget *parent = nullptr);
    ~PasswordDialog() override;

    // Opens a dialog for `request` and answers once it closes (nullopt = cancelled).
    static PasswordDialog *ask(QWidget *parent, const secrets::PasswordRequest &request,
                               secrets::PasswordBroker::Answer answer);

    void setPassword(const QString &password);
    void setSaveInKeychain(bool save);

private:
    std::unique_ptr<Ui::PasswordDialog> m_ui;
};

} // namespace pgdeck::ui
