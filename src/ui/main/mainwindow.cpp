#include "mainwindow.h"

#include "models/servertreemodel.h"
#include "pg/serverconnection.h"
#include "theme.h"
#include "ui_mainwindow.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QShortcut>
#include <QVBoxLayout>

namespace pgdeck::ui {

using pg::ServerConnection;

namespace {
// What each tab will hold; shown until its capability lands.
QString placeholderText(const QString &view)
{
    if (view == QLatin1String("dashboard"))
        return QObject::tr("Live charts of connections, pools, throughput, replication lag and slow queries.");
    if (view == QLatin1String("plans"))
        return QObject::tr("EXPLAIN a query or paste a plan to see it as a tree and a graph.");
    if (view == QLatin1String("sessions"))
        return QObject::tr("Sessions, blocking trees and locks, with cancel and terminate.");
    if (view == QLatin1String("sql"))
        return QObject::tr("An SQL editor that routes reads to replicas and streams large results.");
    if (view == QLatin1String("migrations"))
        return QObject::tr("Preview, dry-run, apply and roll back migrations step by step.");
    if (view == QLatin1String("backups"))
        return QObject::tr("pg_dump, pg_restore and base backups with verification and point-in-time recovery.");
    return {};
}
} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>())
{
    m_ui->setupUi(this);
    m_servers = new models::ServerTreeModel(this);
    m_ui->serverTree->setModel(m_servers);
    m_ui->serverTree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->serversDock->setMinimumWidth(300);

    for (int i = 0; i < m_ui->tabs->count(); ++i) {
        QWidget *page = m_ui->tabs->widget(i);
        auto *layout = new QVBoxLayout(page);
        auto *label = new QLabel(placeholderText(page->objectName()), page);
        label->setObjectName(page->objectName() + QStringLiteral("Placeholder"));
        label->setAlignment(Qt::AlignCenter);
        label->setWordWrap(true);
        label->setEnabled(false);
        layout->addWidget(label);
        // Alt+1 … Alt+6 switch tabs, as in most tabbed workbenches.
        auto *sc = new QShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)), this);
        connect(sc, &QShortcut::activated, this, [this, i]() { m_ui->tabs->setCurrentIndex(i); });
    }

    applyIcons();
    connect(Theme::instance(), &Theme::changed, this, &MainWindow::applyIcons);

    m_statusServers = new QLabel(this);
    m_statusPool = new QLabel(this);
    statusBar()->addWidget(m_statusServers);
    statusBar()->addPermanentWidget(m_statusPool);

    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionConnect, &QAction::triggered, this, &MainWindow::connectRequested);
    connect(m_ui->actionShowServers, &QAction::triggered, this, [this]() {
        m_ui->serversDock->show();
        m_ui->serverTree->setFocus();
    });
    connect(m_ui->actionAbout, &QAction::triggered, this, [this]() {
        QMessageBox::about(this, tr("About pgdeck"),
                           tr("<b>pgdeck %1</b><br>A native workbench for PostgreSQL DBAs.").arg(QStringLiteral(PGDECK_VERSION)));
    });
    connect(m_ui->serverTree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this]() {
        updateStatus();
        Q_EMIT currentServerChanged(currentServer());
    });
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::applyIcons()
{
    static const QHash<QString, QPair<QString, QString>> tabIcons{
        {QStringLiteral("dashboard"), {QStringLiteral("layout-dashboard"), QString()}},
        {QStringLiteral("plans"), {QStringLiteral("network"), QString()}},
        {QStringLiteral("sessions"), {QStringLiteral("users"), QString()}},
        {QStringLiteral("sql"), {QStringLiteral("terminal"), QStringLiteral("utilities-terminal")}},
        {QStringLiteral("migrations"), {QStringLiteral("layers"), QString()}},
        {QStringLiteral("backups"), {QStringLiteral("archive"), QStringLiteral("document-save")}},
    };
    for (int i = 0; i < m_ui->tabs->count(); ++i) {
        const auto names = tabIcons.value(m_ui->tabs->widget(i)->objectName());
        if (!names.first.isEmpty())
            m_ui->tabs->setTabIcon(i, Theme::icon(names.first, names.second));
    }
    m_ui->actionConnect->setIcon(Theme::icon(QStringLiteral("plug"), QStringLiteral("network-connect")));
    m_ui->actionQuit->setIcon(Theme::icon(QStringLiteral("x"), QStringLiteral("application-exit")));
    m_ui->actionAbout->setIcon(Theme::icon(QStringLiteral("info"), QStringLiteral("help-about")));
}

void MainWindow::addServer(const QString &profile, ServerConnection *server)
{
    m_servers->addServer(profile, server);
    m_ui->serverTree->expandAll();
    connect(server, &ServerConnection::infoChanged, this, &MainWindow::updateStatus);
    connect(server->pool(), &pg::Pool::statsChanged, this, &MainWindow::updateStatus);
    connect(server, &ServerConnection::roleChanged, this,
            [this, server](ServerConnection::Role from, ServerConnection::Role to) {
                statusBar()->showMessage(tr("%1 changed role: %2 → %3")
                                             .arg(server->name(), ServerConnection::roleName(from), ServerConnection::roleName(to)));
            });
    if (!m_ui->serverTree->currentIndex().isValid())
        m_ui->serverTree->setCurrentIndex(m_servers->indexOf(server));
    server->open();
    updateStatus();
}

ServerConnection *MainWindow::currentServer() const
{
    return m_servers->serverAt(m_ui->serverTree->currentIndex());
}

bool MainWindow::showView(const QString &name)
{
    for (int i = 0; i < m_ui->tabs->count(); ++i)
        if (m_ui->tabs->widget(i)->objectName() == name) {
            m_ui->tabs->setCurrentIndex(i);
            return true;
        }
    return false;
}

QStringList MainWindow::viewNames() const
{
    QStringList out;
    for (int i = 0; i < m_ui->tabs->count(); ++i)
        out << m_ui->tabs->widget(i)->objectName();
    return out;
}

void MainWindow::setViewWidget(const QString &name, QWidget *widget)
{
    for (int i = 0; i < m_ui->tabs->count(); ++i) {
        QWidget *page = m_ui->tabs->widget(i);
        if (page->objectName() != name)
            continue;
        if (auto *placeholder = page->findChild<QLabel *>(name + QStringLiteral("Placeholder")))
            placeholder->hide();
        page->layout()->addWidget(widget);
        return;
    }
}

void MainWindow::updateStatus()
{
    const auto all = m_servers->servers();
    int up = 0, down = 0;
    for (auto *s : all) {
        if (s->state() == ServerConnection::State::Up)
            ++up;
        else if (s->state() == ServerConnection::State::Down)
            ++down;
    }
    if (all.isEmpty())
        m_statusServers->setText(tr("No server — File › Connect… (Ctrl+N)"));
    else
        m_statusServers->setText(tr("%n server(s): ", nullptr, int(all.size())) + tr("%1 up, %2 down").arg(up).arg(down));
    if (ServerConnection *s = currentServer()) {
        const auto st = s->pool()->stats();
        m_statusPool->setText(tr("%1 · %2 · pool %3 open, %4 idle, %5 waiting, %6 errors")
                                  .arg(s->name(), ServerConnection::stateName(s->state()))
                                  .arg(st.total)
                                  .arg(st.idle)
                                  .arg(st.waiting)
                                  .arg(st.errors));
    } else {
        m_statusPool->clear();
    }
}

} // namespace pgdeck::ui
