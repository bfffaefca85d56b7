#pragma once

#include "monitor/endpoint.h"

#include <QDialog>

#include <memory>

namespace Ui {
class EndpointsDialog;
}

namespace pgdeck::ui {

// Lists the Prometheus endpoints of applications using one server (URL and the
// application_name its sessions carry), with each one's last scrape state.
class EndpointsDialog : public QDialog
{
    Q_OBJECT
public:
    EndpointsDialog(const QList<monitor::Endpoint> &endpoints, const QString &server, QWidget *parent = nullptr);
    ~EndpointsDialog() override;

    QList<monitor::Endpoint> endpoints() const;
    void setStatus(const QUrl &url, const QString &status);

private:
    void addRow(const monitor::Endpoint &e);

    std::unique_ptr<Ui::EndpointsDialog> m_ui;
};

} // namespace pgdeck::ui
