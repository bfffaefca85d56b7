#include "endpointsdialog.h"

#include "ui_endpointsdialog.h"

#include <QHeaderView>
#include <QPushButton>

namespace pgdeck::ui {

EndpointsDialog::EndpointsDialog(const QList<monitor::Endpoint> &endpoints, const QString &server, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::EndpointsDialog>())
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Application endpoints of %1").arg(server));
    m_ui->table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_ui->table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    for (const auto &e : endpoints)
        addRow(e);
    connect(m_ui->add, &QPushButton::clicked, this, [this]() {
        addRow({QUrl(QStringLiteral("http://127.0.0.1:9090/metrics")), QStringLiteral("my-app")});
        m_ui->table->editItem(m_ui->table->item(m_ui->table->rowCount() - 1, 0));
    });
    connect(m_ui->remove, &QPushButton::clicked, this, [this]() {
        const int row = m_ui->table->currentRow();
        if (row >= 0)
            m_ui->table->removeRow(row);
    });
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

EndpointsDialog::~EndpointsDialog() = default;

void EndpointsDialog::addRow(const monitor::Endpoint &e)
{
    const int row = m_ui->table->rowCount();
    m_ui->table->insertRow(row);
    m_ui->table->setItem(row, 0, new QTableWidgetItem(e.url.toString()));
    m_ui->table->setItem(row, 1, new QTableWidgetItem(e.application));
    auto *status = new QTableWidgetItem;
    status->setFlags(status->flags() & ~Qt::ItemIsEditable);
    m_ui->table->setItem(row, 2, status);
}

void EndpointsDialog::setStatus(const QUrl &url, const QString &status)
{
    for (int r = 0; r < m_ui->table->rowCount(); ++r)
        if (QUrl(m_ui->table->item(r, 0)->text()) == url)
            m_ui->table->item(r, 2)->setText(status);
}

QList<monitor::Endpoint> EndpointsDialog::endpoints() const
{
    QList<monitor::Endpoint> out;
    for (int r = 0; r < m_ui->table->rowCount(); ++r) {
        const QUrl url(m_ui->table->item(r, 0)->text().trimmed());
        const QString app = m_ui->table->item(r, 1)->text().trimmed();
        if (url.isValid() && !url.isEmpty() && !app.isEmpty())
            out.append({url, app});
    }
    return out;
}

} // namespace pgdeck::ui
