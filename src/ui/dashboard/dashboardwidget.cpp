#include "dashboardwidget.h"

#include "chartpanel.h"
#include "chartview.h"
#include "endpointsdialog.h"
#include "models/metricbreakdownmodel.h"
#include "models/servertreemodel.h"
#include "monitor/metricnames.h"
#include "monitor/monitor.h"
#include "monitor/monitorsettings.h"
#include "monitor/prometheusscraper.h"
#include "monitor/thresholdwatch.h"
#include "pg/serverconnection.h"
#include "statuschip.h"
#include "store/metricstore.h"
#include "thresholdsdialog.h"
#include "ui/main/mainwindow.h"
#include "ui_dashboardwidget.h"

#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QHeaderView>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace pgdeck::ui {

namespace metric = monitor::metric;
using monitor::KeyMetric;
using monitor::Level;

namespace {
const store::MetricSeries kNoSeries;

QString levelWord(Level l)
{
    switch (l) {
    case Level::Ok: return DashboardWidget::tr("ok");
    case Level::Warning: return DashboardWidget::tr("warning");
    case Level::Critical: return DashboardWidget::tr("critical");
    case Level::Unknown: break;
    }
    return DashboardWidget::tr("no data");
}

ChartView::Unit chipUnit(KeyMetric m)
{
    switch (m) {
    case KeyMetric::PoolUsage:
    case KeyMetric::DiskUsage: return ChartView::Unit::Percent;
    case KeyMetric::QueryP95: return ChartView::Unit::Milliseconds;
    case KeyMetric::SlowQueries: return ChartView::Unit::PerMinute;
    case KeyMetric::ActiveConnections: return ChartView::Unit::Count;
    case KeyMetric::ReplicationLag: return ChartView::Unit::Seconds;
    }
    return ChartView::Unit::Count;
}
} // namespace

DashboardWidget::DashboardWidget(monitor::Monitor *monitor, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::DashboardWidget>()), m_monitor(monitor), m_refreshTimer(new QTimer(this)),
      m_historyTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("dashboardWidget"));
    m_grid = new QGridLayout(m_ui->grid);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(8);
    for (int i = 0; i < monitor::kKeyMetricCount; ++i) {
        auto *chip = new StatusChip(KeyMetric(i), this);
        connect(chip, &StatusChip::clicked, this, &DashboardWidget::openThresholds);
        m_ui->chipLayout->addWidget(chip);
        m_chips.append(chip);
    }
    m_ui->chipLayout->addStretch(1);
    m_ui->notes->hide();
    // A long heading is cut rather than widening the window (the notes wrap).
    m_ui->heading->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_ui->heading->setMinimumWidth(200);
    m_ui->barLayout->removeItem(m_ui->barSpacer);
    delete m_ui->barSpacer;
    m_ui->barLayout->setStretch(0, 1);
    m_breakdown = new models::MetricBreakdownModel(this);

    // Batches: every sample of a tick lands within a few ms; one repaint for all.
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(60);
    connect(m_refreshTimer, &QTimer::timeout, this, &DashboardWidget::refresh);
    m_historyTimer->setInterval(60000);
    connect(m_historyTimer, &QTimer::timeout, this, &DashboardWidget::reloadHistory);

    m_ui->interval->setValue(monitor->intervalMs() / 1000.0);
    connect(m_ui->interval, &QDoubleSpinBox::valueChanged, this, [this](double s) {
        m_monitor->setIntervalMs(int(s * 1000));
        monitor::MonitorSettings::setIntervalMs(m_monitor->intervalMs());
        scheduleRefresh();
    });
    connect(m_ui->scope, &QComboBox::currentIndexChanged, this, [this](int i) { setScope(i == 1 ? Scope::Cluster : Scope::Server); });
    connect(m_ui->window, &QComboBox::currentIndexChanged, this, [this](int i) { setWindow(Window(i)); });
    connect(m_ui->pause, &QToolButton::toggled, this, [this](bool paused) {
        m_ui->pause->setText(paused ? tr("Resume") : tr("Pause"));
        applyVisibility();
        scheduleRefresh();
    });
    connect(m_ui->thresholds, &QToolButton::clicked, this, &DashboardWidget::openThresholds);
    connect(m_ui->endpoints, &QToolButton::clicked, this, &DashboardWidget::openEndpoints);
    connect(m_monitor, &monitor::Monitor::sampled, this, &DashboardWidget::onSampled);
    connect(m_monitor, &monitor::Monitor::samplerStateChanged, this, &DashboardWidget::scheduleRefresh);
    connect(m_monitor->watch(), &monitor::ThresholdWatch::levelChanged, this, &DashboardWidget::scheduleRefresh);
    refresh();
}

DashboardWidget::~DashboardWidget() = default;

DashboardWidget *DashboardWidget::install(MainWindow &window)
{
    auto *metrics = new store::MetricStore(&window);
    auto *mon = new monitor::Monitor(metrics, &window);
    mon->setIntervalMs(monitor::MonitorSettings::intervalMs());
    auto *dash = new DashboardWidget(mon, &window);
    dash->followServers(window.serverModel());
    dash->setCurrentServer(window.currentServer());
    connect(&window, &MainWindow::currentServerChanged, dash, &DashboardWidget::setCurrentServer);
    window.setViewWidget(QStringLiteral("dashboard"), dash);
    return dash;
}

void DashboardWidget::followServers(models::ServerTreeModel *model)
{
    auto sync = [this, model]() {
        for (pg::ServerConnection *s : model->servers()) {
            const QModelIndex row = model->indexOf(s);
            m_monitor->addServer(model->data(row.parent()).toString(), s);
        }
        applyVisibility();
    };
    connect(model, &QAbstractItemModel::rowsInserted, this, sync);
    connect(model, &QAbstractItemModel::modelReset, this, sync);
    sync();
}

qint64 DashboardWidget::windowMs(Window w)
{
    switch (w) {
    case Window::FiveMinutes: return 5 * 60000LL;
    case Window::OneHour: return 3600000LL;
    case Window::OneDay: return 24 * 3600000LL;
    case Window::SevenDays: return 7 * 24 * 3600000LL;
    }
    return 300000;
}

QString DashboardWidget::profile() const
{
    return m_server ? m_monitor->profileOf(m_server) : QString();
}

QList<pg::ServerConnection *> DashboardWidget::scopeServers() const
{
    if (!m_server)
        return {};
    if (m_scope == Scope::Server)
        return {m_server.data()};
    QList<pg::ServerConnection *> out;
    const QString p = profile();
    for (pg::ServerConnection *s : m_monitor->servers())
        if (m_monitor->profileOf(s) == p)
            out.append(s);
    return out;
}

void DashboardWidget::setCurrentServer(pg::ServerConnection *server)
{
    if (server == m_server)
        return;
    m_server = server;
    m_breakdown->clear();
    applyVisibility();
    reloadHistory();
}

void DashboardWidget::setScope(Scope scope)
{
    if (scope == m_scope)
        return;
    m_scope = scope;
    {
        const QSignalBlocker block(m_ui->scope);
        m_ui->scope->setCurrentIndex(scope == Scope::Cluster ? 1 : 0);
    }
    applyVisibility();
    reloadHistory();
}

void DashboardWidget::setWindow(Window window)
{
    if (window == m_window)
        return;
    m_window = window;
    {
        const QSignalBlocker block(m_ui->window);
        m_ui->window->setCurrentIndex(int(window));
    }
    for (ChartPanel *p : m_panels)
        p->chart()->resetZoom();
    reloadHistory();
}

void DashboardWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    applyVisibility();
    scheduleRefresh();
}

void DashboardWidget::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    applyVisibility();
}

void DashboardWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    layoutGrid();
}

void DashboardWidget::applyVisibility()
{
    // Servers whose charts are not on screen are not sampled.
    const bool sampling = isVisible() && !m_ui->pause->isChecked();
    m_monitor->setVisibleServers(sampling ? scopeServers() : QList<pg::ServerConnection *>{});
}

void DashboardWidget::reloadHistory()
{
    const quint64 gen = ++m_historyGeneration;
    m_data.clear();
    m_specKeys.clear();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 from = now - windowMs(m_window);
    m_minuteData = m_window == Window::OneDay || m_window == Window::SevenDays;
    if (m_minuteData)
        m_historyTimer->start();
    else
        m_historyTimer->stop();
    store::MetricStore *st = m_monitor->store();
    for (pg::ServerConnection *s : scopeServers()) {
        const QString source = m_monitor->sourceOf(s);
        // What is in memory shows at once; the history fills in behind it.
        if (st && !m_minuteData) {
            if (const store::MetricRing *ring = st->ring(source)) {
                for (const QString &mname : ring->metrics())
                    m_data[source][mname] = ring->series(mname, from);
            }
        }
        if (!st)
            continue;
        st->history(source, {}, from, now, this, [this, gen, source](const store::MetricStore::History &h) {
            if (gen != m_historyGeneration)
                return;
            auto &mine = m_data[source];
            for (auto it = h.series.cbegin(); it != h.series.cend(); ++it) {
                store::MetricSeries merged = it.value();
                const double last = merged.isEmpty() ? 0 : merged.last().x();
                for (const QPointF &p : mine.value(it.key()))
                    if (p.x() > last)
                        merged.append(p);
                mine[it.key()] = std::move(merged);
            }
            scheduleRefresh();
        });
    }
    scheduleRefresh();
}

void DashboardWidget::onSampled(pg::ServerConnection *server, const monitor::Sample &sample)
{
    if (!scopeServers().contains(server))
        return;
    m_lastSampleMs.insert(sample.source, sample.timestampMs);
    if (!m_minuteData) {
        auto &series = m_data[sample.source];
        for (auto it = sample.values.cbegin(); it != sample.values.cend(); ++it)
            if (std::isfinite(it.value()))
                series[it.key()].append(QPointF(double(sample.timestampMs), it.value()));
    }
    scheduleRefresh();
}

void DashboardWidget::scheduleRefresh()
{
    if (!m_refreshTimer->isActive())
        m_refreshTimer->start();
}

QList<DashboardPanels::Server> DashboardWidget::scopeInfo() const
{
    QList<DashboardPanels::Server> out;
    for (pg::ServerConnection *s : scopeServers()) {
        DashboardPanels::Server info;
        info.source = m_monitor->sourceOf(s);
        info.name = s->name();
        const monitor::Sampler *sampler = m_monitor->sampler(s);
        info.up = sampler && sampler->state() == monitor::Sampler::State::Up;
        if (sampler) {
            info.latest = sampler->lastSample().values;
            info.notes = sampler->notes();
            info.role = sampler->lastSample().role;
        }
        if (info.role.isEmpty())
            info.role = pg::ServerConnection::roleName(s->role());
        if (info.role == QLatin1String("unknown"))
            info.role = QStringLiteral("primary");
        out.append(info);
    }
    return out;
}

void DashboardWidget::rebuildGrid(const QStringList &ids)
{
    qDeleteAll(m_panels);
    m_panels.clear();
    m_specKeys.clear();
    for (const QString &id : ids) {
        auto *p = new ChartPanel(id, DashboardPanels::title(id), m_ui->grid);
        p->setMinimumHeight(240);
        if (id == QLatin1String("sessions")) {
            auto *view = new QTableView;
            view->setModel(m_breakdown);
            view->verticalHeader()->hide();
            view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
            view->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
            view->setSelectionBehavior(QAbstractItemView::SelectRows);
            view->setAlternatingRowColors(true);
            view->setShowGrid(false);
            p->setTable(view);
            QComboBox *group = p->addSelector({tr("by application"), tr("by user"), tr("by database")});
            connect(group, &QComboBox::currentIndexChanged, this, [this](int i) {
                m_group = i == 1 ? QStringLiteral("user") : i == 2 ? QStringLiteral("db") : QStringLiteral("app");
                m_breakdown->setGroup(i == 1 ? models::MetricBreakdownModel::Group::User
                                             : i == 2 ? models::MetricBreakdownModel::Group::Database
                                                      : models::MetricBreakdownModel::Group::Application);
                m_specKeys.remove(QStringLiteral("apps"));
                scheduleRefresh();
            });
        }
        m_panels.append(p);
    }
    m_columns = 0;
    layoutGrid();
}

void DashboardWidget::layoutGrid()
{
    const int columns = std::clamp(m_ui->scroll->viewport()->width() / 430, 1, 4);
    if (columns == m_columns || m_panels.isEmpty())
        return;
    m_columns = columns;
    for (ChartPanel *p : m_panels)
        m_grid->removeWidget(p);
    for (int i = 0; i < m_panels.size(); ++i)
        m_grid->addWidget(m_panels[i], i / columns, i % columns);
    for (int c = 0; c < 4; ++c)
        m_grid->setColumnStretch(c, c < columns ? 1 : 0);
}

void DashboardWidget::applyPanel(ChartPanel *panel, const DashboardPanels::Panel &def)
{
    panel->setTitleToolTip(def.tooltip);
    panel->setSummary(def.summary);
    if (def.table)
        return;
    ChartView *chart = panel->chart();
    QString key;
    for (const auto &s : def.series)
        key += s.source + QLatin1Char('|') + s.metric + QLatin1Char('|') + s.spec.label + QLatin1Char('|')
            + QString::number(int(s.spec.style)) + s.spec.color.name() + QLatin1Char('\n');
    if (m_specKeys.value(def.id) != key) {
        QList<ChartView::Spec> specs;
        for (const auto &s : def.series)
            specs.append(s.spec);
        chart->setSpecs(specs);
        chart->setUnit(def.unit, def.unit2);
        m_specKeys.insert(def.id, key);
    }
    const monitor::Thresholds t = m_monitor->thresholds(profile());
    if (def.guides)
        chart->setThresholdLines(t.band(*def.guides).warning, t.band(*def.guides).critical);
    else
        chart->setThresholdLines(std::nan(""), std::nan(""));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 from = now - windowMs(m_window);
    for (int i = 0; i < def.series.size(); ++i) {
        const store::MetricSeries &all = m_data.value(def.series[i].source).value(def.series[i].metric);
        chart->setData(i, all);
    }
    chart->setGapMs(m_minuteData ? 150000 : std::max<qint64>(1500, qint64(m_monitor->intervalMs() * 2.5)));
    chart->setWindow(from, now);
    chart->setEmptyText(def.emptyText.isEmpty() ? tr("Waiting for samples…") : def.emptyText);
    chart->refresh();
}

void DashboardWidget::refresh()
{
    ++m_refreshes;
    const QList<DashboardPanels::Server> servers = scopeInfo();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 from = now - windowMs(m_window);
    // Drop what slid out of the window (one interval of slack).
    for (auto &bySource : m_data)
        for (auto &pts : bySource) {
            const auto first = std::lower_bound(pts.begin(), pts.end(), double(from - 5000),
                                                [](const QPointF &p, double x) { return p.x() < x; });
            if (first != pts.begin())
                pts.erase(pts.begin(), first);
        }

    const QStringList ids = servers.isEmpty() ? QStringList{} : DashboardPanels::ids(servers, m_scope == Scope::Cluster);
    if (ids != panelIds())
        rebuildGrid(ids);
    const monitor::Thresholds t = m_monitor->thresholds(profile());
    for (ChartPanel *p : m_panels)
        applyPanel(p, DashboardPanels::define(p->id(), servers, m_scope == Scope::Cluster, t, m_group));
    if (!servers.isEmpty() && m_scope == Scope::Server) {
        m_breakdown->setValues(servers.first().latest);
        if (ChartPanel *sessions = panel(QStringLiteral("sessions")))
            if (auto *view = qobject_cast<QTableView *>(sessions->table()))
                for (int c = models::MetricBreakdownModel::AppPoolSize; c < models::MetricBreakdownModel::ColumnCount; ++c)
                    view->setColumnHidden(c, !m_breakdown->hasAppPools());
    }
    updateHeading(servers);
    updateChips(servers);
    updateNotes(servers);
}

void DashboardWidget::updateHeading(const QList<DashboardPanels::Server> &servers)
{
    if (!m_server) {
        m_ui->heading->setText(tr("No server — connect with File › Connect…"));
        return;
    }
    QStringList parts;
    for (const auto &s : servers) {
        pg::ServerConnection *sc = nullptr;
        for (pg::ServerConnection *c : scopeServers())
            if (m_monitor->sourceOf(c) == s.source)
                sc = c;
        const monitor::Sampler *sampler = sc ? m_monitor->sampler(sc) : nullptr;
        const monitor::Sampler::State st = sampler ? sampler->state() : monitor::Sampler::State::Stopped;
        QString state = monitor::Sampler::stateName(st);
        QString color = QStringLiteral("#2e8b57");
        if (st == monitor::Sampler::State::Down)
            color = QStringLiteral("#c93030");
        else if (st != monitor::Sampler::State::Up)
            color = palette().color(QPalette::PlaceholderText).name();
        QString line = QStringLiteral("<b>%1</b> %2 <span style='color:%3'>● %4</span>")
                           .arg(s.name.toHtmlEscaped(), s.role.toHtmlEscaped(), color, state);
        if (sc && !sc->version().isEmpty() && servers.size() == 1)
            line += QStringLiteral(" · PostgreSQL %1").arg(sc->version().section(QLatin1Char(' '), 0, 0).toHtmlEscaped());
        if (st == monitor::Sampler::State::Down && sampler && !sampler->lastError().isEmpty() && servers.size() == 1)
            line += QStringLiteral(" · <span style='color:#c93030'>%1</span>")
                        .arg(tr("%1 — reconnecting").arg(sampler->lastError().left(120).toHtmlEscaped()));
        parts << line;
    }
    QString text = parts.join(QStringLiteral(" &nbsp;|&nbsp; "));
    if (m_ui->pause->isChecked()) {
        text += QStringLiteral(" · ") + tr("paused");
    } else if (servers.size() == 1 && m_lastSampleMs.contains(servers.first().source)) {
        text += QStringLiteral(" · ") + tr("sample every %1 s, last %2")
                                            .arg(m_monitor->intervalMs() / 1000.0)
                                            .arg(QDateTime::fromMSecsSinceEpoch(m_lastSampleMs.value(servers.first().source))
                                                     .toString(QStringLiteral("HH:mm:ss")));
    }
    if (m_ui->heading->text() != text)
        m_ui->heading->setText(text);
}

void DashboardWidget::updateChips(const QList<DashboardPanels::Server> &servers)
{
    const monitor::Thresholds t = m_monitor->thresholds(profile());
    for (StatusChip *chip : m_chips) {
        const KeyMetric km = chip->metric();
        Level worst = Level::Unknown;
        double value = std::nan("");
        QString where, from;
        for (const auto &s : servers) {
            const Level l = m_monitor->watch()->level(s.source, km);
            const double v = m_monitor->watch()->value(s.source, km);
            if (l != Level::Unknown && (worst == Level::Unknown || int(l) > int(worst) || (l == worst && v > value))) {
                worst = l;
                value = v;
                where = s.name;
                from = m_monitor->watch()->valueSource(s.source, km);
            }
        }
        const monitor::Band b = t.band(km);
        const QString unit = monitor::Thresholds::unit(km);
        QString tip = tr("%1: %2 (%3)\nok below %4%6, warning up to %5%6, critical above %5%6")
                          .arg(monitor::Thresholds::name(km), ChartView::formatValue(value, chipUnit(km)), levelWord(worst))
                          .arg(b.warning)
                          .arg(b.critical)
                          .arg(unit.isEmpty() ? QString() : QLatin1Char(' ') + unit);
        if (!from.isEmpty())
            tip += QLatin1Char('\n') + tr("measured as %1").arg(from);
        if (servers.size() > 1 && !where.isEmpty())
            tip += QLatin1Char('\n') + tr("worst server: %1").arg(where);
        if (km == KeyMetric::QueryP95 || km == KeyMetric::SlowQueries)
            tip += QStringLiteral("\n\n") + DashboardPanels::statementsMethod(t.slowQueryMs);
        if (km == KeyMetric::DiskUsage && worst == Level::Unknown)
            tip += QLatin1Char('\n') + tr("Filesystem usage is known for servers on this machine only.");
        tip += QLatin1Char('\n') + tr("Click to edit the thresholds of this profile.");
        chip->setState(worst, std::isfinite(value) ? ChartView::formatValue(value, chipUnit(km)) : QStringLiteral("–"), tip);
    }
}

void DashboardWidget::updateNotes(const QList<DashboardPanels::Server> &servers)
{
    QStringList notes;
    for (pg::ServerConnection *sc : scopeServers()) {
        const monitor::Sampler *sampler = m_monitor->sampler(sc);
        if (!sampler)
            continue;
        const QString who = servers.size() > 1 ? sc->name() + QStringLiteral(": ") : QString();
        if (sampler->state() == monitor::Sampler::State::Down && servers.size() > 1)
            notes << who + tr("down — %1").arg(sampler->lastError());
        for (const QString &n : sampler->notes())
            notes << who + n;
        for (const monitor::PrometheusScraper *sc2 : sampler->scrapers())
            if (sc2->state() != monitor::PrometheusScraper::State::Ok && sc2->state() != monitor::PrometheusScraper::State::Idle)
                notes << who + tr("Endpoint of %1: %2").arg(sc2->application(), sc2->stateText());
    }
    notes.removeDuplicates();
    QString html;
    for (const QString &n : notes)
        html += QStringLiteral("⚠ %1<br>").arg(n.toHtmlEscaped());
    m_ui->notes->setVisible(!notes.isEmpty());
    if (m_ui->notes->text() != html)
        m_ui->notes->setText(html);
}

ChartPanel *DashboardWidget::panel(const QString &id) const
{
    for (ChartPanel *p : m_panels)
        if (p->id() == id)
            return p;
    return nullptr;
}

QStringList DashboardWidget::panelIds() const
{
    QStringList out;
    for (ChartPanel *p : m_panels)
        out << p->id();
    return out;
}

StatusChip *DashboardWidget::chip(KeyMetric m) const
{
    return m_chips.value(int(m));
}

QString DashboardWidget::headingText() const
{
    return m_ui->heading->text();
}

QString DashboardWidget::notesText() const
{
    return m_ui->notes->isVisible() ? m_ui->notes->text() : QString();
}

const store::MetricSeries &DashboardWidget::series(const QString &source, const QString &metric) const
{
    const auto s = m_data.constFind(source);
    if (s == m_data.cend())
        return kNoSeries;
    const auto m = s->constFind(metric);
    return m == s->cend() ? kNoSeries : *m;
}

void DashboardWidget::openThresholds()
{
    if (!m_server)
        return;
    const QString p = profile();
    auto *dlg = new ThresholdsDialog(m_monitor->thresholds(p), p, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &QDialog::accepted, this, [this, dlg, p]() {
        m_monitor->setThresholds(p, dlg->thresholds());
        m_specKeys.clear();
        scheduleRefresh();
    });
    dlg->open();
}

void DashboardWidget::openEndpoints()
{
    if (!m_server)
        return;
    QPointer<pg::ServerConnection> server(m_server);
    auto *dlg = new EndpointsDialog(m_monitor->endpoints(server), server->name(), this);
    if (const monitor::Sampler *s = m_monitor->sampler(server))
        for (const monitor::PrometheusScraper *sc : s->scrapers())
            dlg->setStatus(sc->url(), sc->stateText());
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &QDialog::accepted, this, [this, dlg, server]() {
        if (!server)
            return;
        m_monitor->setEndpoints(server, dlg->endpoints());
        m_specKeys.clear();
        scheduleRefresh();
    });
    dlg->open();
}

} // namespace pgdeck::ui
