#pragma once

#include "core/actionguard.h"

#include <QDialog>

#include <memory>

namespace Ui {
class UnlockDialog;
}
class QPushButton;

namespace pgdeck::ui {

// The confirmation core::ActionGuard asks for before a risky action on a
// read-only or production profile: the profile's colour, what is about to
// happen to what, and — for production — the profile's name typed by hand.
// One dialog unlocks one action.
class UnlockDialog : public QDialog
{
    Q_OBJECT
public:
    UnlockDialog(const core::UnlockRequest &request, QWidget *parent = nullptr);
    ~UnlockDialog() override;

    // Makes ActionGuard ask through this dialog (opened with open(), not exec()).
    static void install(QWidget *window);

    bool canUnlock() const;
    void typeName(const QString &text);

private:
    std::unique_ptr<Ui::UnlockDialog> m_ui;
    core::UnlockRequest m_request;
    QPushButton *m_unlock = nullptr;
};

} // namespace pgdeck::ui
