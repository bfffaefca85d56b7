#include "mainwindow.h"

#include "core/logging.h"
#include "models/servertreemodel.h"
#include "pg/profileparams.h"
#include "pg/serverconnection.h"
#include "theme.h"
#include "ui_mainwindow.h"

#include <QAction>
#include <QColor>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
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

    // Above the tabs: the profile's colour band, then a banner for role changes.
    m_profileBand = new QLabel(this);
    m_profileBand->setObjectName(QStringLiteral("profileBand"));
    m_profileBand->setAlignment(Qt::AlignCenter);
    m_profileBand->hide();
    m_roleBanner = new QWidget(this);
    m_roleBanner->setObjectName(QStringLiteral("roleBanner"));
    m_roleBanner->setAutoFillBackground(true);
    m_roleBanner->setStyleSheet(QStringLiteral("#roleBanner { background:#fff3cd; border-bottom:1px solid #e0b100; } "
                                               "#roleBanner QLabel { color:#4a3b00; }"));
    auto *bannerLayout = new QHBoxLayout(m_roleBanner);
    bannerLayout->setContentsMargins(10, 6, 6, 6);
    m_roleBannerText = new QLabel(m_roleBanner);
    m_roleBannerText->setObjectName(QStringLiteral("roleBannerText"));
    m_roleBannerText->setWordWrap(true);
    auto *dismiss = new QPushButton(tr("Dismiss"), m_roleBanner);
    connect(dismiss, &QPushButton::clicked, m_roleBanner, &QWidget::hide);
    bannerLayout->addWidget(m_roleBannerText, 1);
    bannerLayout->addWidget(dismiss);
    m_roleBanner->hide();
    m_ui->centralLayout->insertWidget(0, m_profileBand);
    m_ui->centralLayout->insertWidget(1, m_roleBanner);

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
    // Right-click on a profile or server: connect, edit or remove the profile. F2 and
    // Delete do the same for the current row while the tree has focus.
    m_ui->serverTree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_ui->serverTree, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu *menu = serverMenu(m_ui->serverTree->indexAt(pos));
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_ui->serverTree->viewport()->mapToGlobal(pos));
    });
    auto onCurrentProfile = [this](const QKeySequence &keys, void (MainWindow::*request)(const QString &)) {
        auto *shortcut = new QShortcut(keys, m_ui->serverTree, nullptr, nullptr, Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, request]() {
            const QString name = profileAt(m_ui->serverTree->currentIndex());
            if (!name.isEmpty())
                Q_EMIT(this->*request)(name);
        });
    };
    onCurrentProfile(QKeySequence(Qt::Key_F2), &MainWindow::editProfileRequested);
    onCurrentProfile(QKeySequence::Delete, &MainWindow::removeProfileRequested);
    connect(m_ui->serverTree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this]() {
        updateStatus();
        Q_EMIT currentServerChanged(currentServer());
    });
    updateStatus();
}

MainWindow::~MainWindow() = default;

QString MainWindow::profileAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    const QModelIndex profileRow = index.parent().isValid() ? index.parent() : index;
    const QStringList names = m_servers->profiles();
    return profileRow.row() < names.size() ? names.at(profileRow.row()) : QString();
}

QMenu *MainWindow::serverMenu(const QModelIndex &index)
{
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("serverMenu"));
    menu->addAction(m_ui->actionConnect);
    const QString name = profileAt(index);
    if (!name.isEmpty()) {
        menu->addSeparator();
        QAction *edit = menu->addAction(tr("Edit Profile “%1”…").arg(name), this, [this, name]() { Q_EMIT editProfileRequested(name); });
        edit->setObjectName(QStringLiteral("editProfile"));
        edit->setShortcut(QKeySequence(Qt::Key_F2));
        QAction *remove = menu->addAction(tr("Remove Profile “%1”…").arg(name), this, [this, name]() { Q_EMIT removeProfileRequested(name); });
        remove->setObjectName(QStringLiteral("removeProfile"));
        remove->setShortcut(QKeySequence::Delete);
    }
    return menu;
}

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
                showRoleChange(server, int(from), int(to));
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

void MainWindow::showRoleChange(ServerConnection *server, int from, int to)
{
    const QString fromName = ServerConnection::roleName(ServerConnection::Role(from));
    const QString toName = ServerConnection::roleName(ServerConnection::Role(to));
    core::logger("ui")->warn("role change: {} ({}) was {}, is now {}", server->name().toStdString(),
                             server->params().endpoint().toStdString(), fromName.toStdString(), toName.toStdString());
    const QString endpoint = server->params().endpoint();
    const QString who = server->name() == endpoint ? endpoint : QStringLiteral("%1 (%2)").arg(server->name(), endpoint);
    QString text = tr("<b>Role change at %1:</b> %2 was a <b>%3</b> and is now a <b>%4</b>.")
                       .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), who.toHtmlEscaped(), fromName,
                            toName.toUpper());
    if (to == int(ServerConnection::Role::Primary))
        text += tr(" A failover or promotion happened: check which server takes the writes.");
    m_roleBannerText->setText(text);
    m_roleBanner->show();
}

void MainWindow::updateProfileMark()
{
    ServerConnection *server = currentServer();
    if (!server) {
        // A profile row is selected: its servers share the profile's protection.
        const QModelIndex idx = m_ui->serverTree->currentIndex();
        if (idx.isValid() && !idx.parent().isValid())
            server = m_servers->serverAt(m_servers->index(0, 0, idx.siblingAtColumn(0)));
    }
    const core::Protection p = pg::protectionOf(server);
    if (p.profile.isEmpty() || (!p.isProtected() && p.colour.isEmpty())) {
        m_profileBand->hide();
        setWindowTitle(p.profile.isEmpty() ? QStringLiteral("pgdeck") : p.profile);
        return;
    }
    QStringList marks;
    if (p.production)
        marks << tr("PRODUCTION");
    if (p.readOnly)
        marks << tr("READ-ONLY");
    const QString mark = marks.join(QStringLiteral(" · "));
    QString text = mark.isEmpty() ? p.profile : QStringLiteral("%1 — %2").arg(mark, p.profile);
    if (p.readOnly)
        text += tr("   ·   the server refuses writes (default_transaction_read_only)");
    else if (p.production)
        text += tr("   ·   risky actions ask for an unlock");
    const QColor c(p.colour);
    m_profileBand->setText(text);
    m_profileBand->setStyleSheet(QStringLiteral("#profileBand { background:%1; color:%2; font-weight:bold; padding:4px; }")
                                     .arg(c.name(), c.lightness() > 150 ? QStringLiteral("#000000") : QStringLiteral("#ffffff")));
    m_profileBand->show();
    setWindowTitle(mark.isEmpty() ? p.profile : QStringLiteral("[%1] %2").arg(mark, p.profile));
}

void MainWindow::updateStatus()
{
    updateProfileMark();
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
