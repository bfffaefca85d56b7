#pragma once

#include "dashboardpanels.h"
#include "monitor/sample.h"
#include "monitor/sampler.h"
#include "monitor/thresholds.h"
#include "store/metricpoint.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <memory>

namespace Ui {
class DashboardWidget;
}
class QGridLayout;
class QTableView;
class QTimer;

namespace pgdeck::models {
class MetricBreakdownModel;
class ServerTreeModel;
} // namespace pgdeck::models
namespace pgdeck::monitor {
class Monitor;
}
namespace pgdeck::pg {
class ServerConnection;
}

namespace pgdeck::ui {

class ChartPanel;
class MainWindow;
class StatusChip;

// The "dashboard" tab: the key metrics as status chips, then charts of the current
// server (or of its whole cluster) over 5 min / 1 h / 24 h / 7 d. It follows the
// main window's current server, samples only while it is on screen, and repaints
// once per tick with the data of that tick.
class DashboardWidget : public QWidget
{
    Q_OBJECT
public:
    enum class Scope { Server, Cluster };
    enum class Window { FiveMinutes, OneHour, OneDay, SevenDays };

    explicit DashboardWidget(monitor::Monitor *monitor, QWidget *parent = nullptr);
    ~DashboardWidget() override;

    // Puts a dashboard (with its metric store and monitor) into the window's
    // "dashboard" tab, following its servers and its current server.
    static DashboardWidget *install(MainWindow &window);
    // Every server the tree shows (and later adds) is known to the monitor, under its profile.
    void followServers(models::ServerTreeModel *model);
    monitor::Monitor *monitor() const { return m_monitor; }

    void setCurrentServer(pg::ServerConnection *server);
    pg::ServerConnection *currentServer() const { return m_server; }
    void setScope(Scope scope);
    Scope scope() const { return m_scope; }
    void setWindow(Window window);
    Window window() const { return m_window; }
    static qint64 windowMs(Window w);

    // What a user reads, for tests and screenshots.
    ChartPanel *panel(const QString &id) const;
    QStringList panelIds() const;
    StatusChip *chip(monitor::KeyMetric m) const;
    QString headingText() const;
    QString notesText() const;
    const store::MetricSeries &series(const QString &source, const QString &metric) const;
    QList<pg::ServerConnection *> scopeServers() const;
    int refreshes() const { return m_refreshes; }

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void onSampled(pg::ServerConnection *server, const monitor::Sample &sample);
    void scheduleRefresh();
    void refresh();
    void applyVisibility();
    void reloadHistory();
    void rebuildGrid(const QStringList &ids);
    void layoutGrid();
    void updateHeading(const QList<DashboardPanels::Server> &servers);
    void updateChips(const QList<DashboardPanels::Server> &servers);
    void updateNotes(const QList<DashboardPanels::Server> &servers);
    void applyPanel(ChartPanel *panel, const DashboardPanels::Panel &def);
    QList<DashboardPanels::Server> scopeInfo() const;
    QString profile() const;
    void openThresholds();
    void openEndpoints();

    std::unique_ptr<Ui::DashboardWidget> m_ui;
    monitor::Monitor *m_monitor;
    QPointer<pg::ServerConnection> m_server;
    Scope m_scope = Scope::Server;
    Window m_window = Window::FiveMinutes;
    QHash<QString, QHash<QString, store::MetricSeries>> m_data; // source -> metric -> points in the window
    QHash<QString, qint64> m_lastSampleMs;
    QHash<QString, QString> m_specKeys;                         // panel id -> identity of its series list
    QList<ChartPanel *> m_panels;
    QList<StatusChip *> m_chips;
    QGridLayout *m_grid = nullptr;
    int m_columns = 0;
    models::MetricBreakdownModel *m_breakdown = nullptr;
    QString m_group = QStringLiteral("app");
    QTimer *m_refreshTimer;
    QTimer *m_historyTimer;
    quint64 m_historyGeneration = 0;
    bool m_minuteData = false;
    int m_refreshes = 0;
};

} // namespace pgdeck::ui
