#include "planspanel.h"

#include "plangraphview.h"
#include "plancompareview.h"
#include "planexporter.h"
#include "timebardelegate.h"
#include "ui_planspanel.h"

#include "explain/explainrunner.h"
#include "explain/format.h"
#include "explain/planloader.h"
#include "models/planhotspotmodel.h"
#include "models/planinsightmodel.h"
#include "models/planpropertiesmodel.h"
#include "models/plantreemodel.h"
#include "pg/serverconnection.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHeaderView>
#include <QJsonDocument>
#include <QMenu>
#include <QShortcut>
#include <QTextCursor>
#include <QTimer>

namespace pgdeck::ui {

using explain::Format;
using explain::isSet;
using Metric = explain::PlanLayout::Metric;
using Option = explain::ExplainOptions::Option;

namespace {

// Plans larger than this are read on a pool thread.
constexpr int kOffThreadBytes = 64 * 1024;

QString prettyRaw(const QByteArray &raw)
{
    const QByteArray trimmed = raw.trimmed();
    if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed);
        if (!doc.isNull() && raw.size() < 4 * 1024 * 1024)
            return QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    }
    return QString::fromUtf8(raw);
}

} // namespace

PlansPanel::PlansPanel(QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::PlansPanel>()), m_runner(new explain::ExplainRunner(this)),
      m_tree(new models::PlanTreeModel(this)), m_hotspots(new models::PlanHotspotModel(this)),
      m_insights(new models::PlanInsightModel(this)), m_properties(new models::PlanPropertiesModel(this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("plansPanel"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_ui->sqlEdit->setFont(mono);
    m_ui->rawText->setFont(mono);
    m_ui->mainSplitter->setStretchFactor(0, 1);
    m_ui->mainSplitter->setStretchFactor(1, 5);
    m_ui->mainSplitter->setSizes({110, 700});
    m_ui->contentSplitter->setStretchFactor(0, 3);
    m_ui->contentSplitter->setStretchFactor(1, 1);
    m_ui->contentSplitter->setSizes({1000, 380});

    m_ui->planTree->setModel(m_tree);
    m_ui->planTree->setUniformRowHeights(true);
    m_ui->planTree->setAlternatingRowColors(true);
    m_ui->planTree->setItemDelegateForColumn(models::PlanTreeModel::ExclusiveColumn, new TimeBarDelegate(m_ui->planTree));
    m_ui->planTree->header()->setStretchLastSection(false);
    // Node names keep the width they need (set per plan); the figures scroll if they must.
    m_ui->planTree->header()->setSectionResizeMode(models::PlanTreeModel::NodeColumn, QHeaderView::Interactive);
    m_ui->planTree->header()->resizeSection(models::PlanTreeModel::NodeColumn, 260);
    m_ui->planTree->header()->setMinimumSectionSize(70);
    m_ui->planTree->header()->resizeSection(models::PlanTreeModel::ExclusiveColumn, 150);

    m_ui->insightList->setModel(m_insights);
    m_ui->insightList->setSpacing(3);
    m_ui->insightList->setAlternatingRowColors(true);
    m_ui->hotspotTable->setModel(m_hotspots);
    m_ui->hotspotTable->verticalHeader()->hide();
    m_ui->hotspotTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_ui->hotspotTable->horizontalHeader()->setSectionResizeMode(models::PlanHotspotModel::NodeColumn, QHeaderView::Stretch);
    m_ui->hotspotTable->horizontalHeader()->setSectionResizeMode(models::PlanHotspotModel::RankColumn, QHeaderView::ResizeToContents);
    // One line per node, the name elided at its end (the full label is the tooltip).
    m_ui->hotspotTable->setWordWrap(false);
    m_ui->hotspotTable->horizontalHeader()->setSectionResizeMode(models::PlanHotspotModel::ShareColumn, QHeaderView::ResizeToContents);
    m_ui->hotspotTable->setTextElideMode(Qt::ElideRight);
    m_ui->propertiesTable->setModel(m_properties);
    m_ui->propertiesTable->verticalHeader()->hide();
    m_ui->propertiesTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->propertiesTable->setWordWrap(false);
    m_ui->propertiesTable->setAlternatingRowColors(true);

    m_ui->metricCombo->addItem(tr("Time"), int(Metric::Time));
    m_ui->metricCombo->addItem(tr("Cost"), int(Metric::Cost));
    m_ui->metricCombo->addItem(tr("Rows"), int(Metric::Rows));
    m_ui->metricCombo->addItem(tr("Buffers"), int(Metric::Buffers));

    auto *exportMenu = new QMenu(this);
    exportMenu->addAction(tr("Graph as PNG…"), this, [this]() { exportWithDialog(QStringLiteral("png")); });
    exportMenu->addAction(tr("Graph as SVG…"), this, [this]() { exportWithDialog(QStringLiteral("svg")); });
    m_ui->exportButton->setMenu(exportMenu);

    connect(m_ui->explainButton, &QPushButton::clicked, this, [this]() { run(false); });
    connect(m_ui->analyzeButton, &QPushButton::clicked, this, [this]() { run(true); });
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &PlansPanel::cancel);
    connect(m_ui->pasteButton, &QPushButton::clicked, this, &PlansPanel::readPlanFromEditorOrClipboard);
    connect(m_ui->openButton, &QPushButton::clicked, this, &PlansPanel::openPlanFile);
    connect(m_ui->pinButton, &QPushButton::clicked, this, &PlansPanel::pin);
    connect(m_ui->zoomInButton, &QToolButton::clicked, this, [this]() { m_ui->graphView->zoomBy(1.25); });
    connect(m_ui->zoomOutButton, &QToolButton::clicked, this, [this]() { m_ui->graphView->zoomBy(0.8); });
    connect(m_ui->fitButton, &QToolButton::clicked, this, [this]() { m_ui->graphView->fitToWindow(); });
    connect(m_ui->actualSizeButton, &QToolButton::clicked, this, [this]() { m_ui->graphView->setZoom(1.0); });
    connect(m_ui->graphView, &PlanGraphView::zoomChanged, this,
            [this](qreal z) { m_ui->zoomLabel->setText(QStringLiteral("%1%").arg(qRound(z * 100))); });
    connect(m_ui->metricCombo, &QComboBox::currentIndexChanged, this, [this]() {
        const auto metric = Metric(m_ui->metricCombo->currentData().toInt());
        m_ui->graphView->setMetric(metric);
        m_hotspots->setPlan(m_plan, metric, 12);
    });
    connect(m_ui->graphView, &PlanGraphView::nodeSelected, this, [this](int node) { selectNode(node, m_ui->graphView); });
    connect(m_ui->planTree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { selectNode(m_tree->nodeAt(current), m_ui->planTree); });
    connect(m_ui->hotspotTable, &QTableView::clicked, this, [this](const QModelIndex &i) {
        selectNode(i.data(models::PlanHotspotModel::NodeIndexRole).toInt(), m_ui->hotspotTable);
    });
    connect(m_ui->insightList, &QListView::clicked, this, [this](const QModelIndex &i) {
        selectNode(i.data(models::PlanInsightModel::NodeIndexRole).toInt(), m_ui->insightList);
    });

    connect(m_runner, &explain::ExplainRunner::progress, this, [this](const QString &what) { setStatus(what + QStringLiteral("…")); });
    connect(m_runner, &explain::ExplainRunner::finished, this, &PlansPanel::showResult);
    connect(m_runner, &explain::ExplainRunner::failed, this, [this](const core::Error &e) {
        setBusy(false);
        QString msg = e.kind == core::Error::Kind::Cancelled ? tr("Cancelled: the server stopped the query.") : e.toString();
        if (e.position > 0)
            msg += tr(" (at character %1)").arg(e.position);
        setStatus(msg, true);
        Q_EMIT runFailed(msg);
    });

    auto shortcut = [this](const QKeySequence &keys, auto slot) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), [this]() { run(false); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter), [this]() { run(false); });
    shortcut(QKeySequence(Qt::Key_F5), [this]() { run(false); });
    shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), [this]() { run(true); });
    shortcut(QKeySequence(Qt::Key_Escape), [this]() { cancel(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V), [this]() { readPlanFromEditorOrClipboard(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_O), [this]() { openPlanFile(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_P), [this]() { pin(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_G), [this]() { showTab(QStringLiteral("graph")); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_T), [this]() { showTab(QStringLiteral("tree")); });

    updateOptions();
    setStatus(tr("No plan yet. Connect to a server and EXPLAIN a query, or paste a plan from anywhere."));
}

PlansPanel::~PlansPanel() = default;

PlanGraphView *PlansPanel::graphView() const
{
    return m_ui->graphView;
}

QString PlansPanel::statusText() const
{
    return m_ui->statusLabel->text();
}

bool PlansPanel::isRunning() const
{
    return m_runner->isRunning();
}

void PlansPanel::setServer(pg::ServerConnection *server)
{
    if (m_server)
        disconnect(m_server, nullptr, this, nullptr);
    m_server = server;
    if (m_server)
        connect(m_server, &pg::ServerConnection::infoChanged, this, &PlansPanel::updateOptions);
    updateOptions();
}

void PlansPanel::updateOptions()
{
    const int version = m_server ? m_server->serverVersionNum() : 0;
    const QList<Option> supported = explain::ExplainOptions::supported(version);
    const std::pair<QCheckBox *, Option> boxes[] = {
        {m_ui->optBuffers, Option::Buffers}, {m_ui->optVerbose, Option::Verbose}, {m_ui->optSettings, Option::Settings},
        {m_ui->optWal, Option::Wal}, {m_ui->optTiming, Option::Timing}, {m_ui->optCosts, Option::Costs},
        {m_ui->optSummary, Option::Summary}, {m_ui->optGenericPlan, Option::GenericPlan}, {m_ui->optMemory, Option::Memory},
        {m_ui->optSerialize, Option::Serialize},
    };
    for (const auto &[box, option] : boxes) {
        const bool ok = supported.contains(option);
        // Only offered when the server has them; the others are hidden, not greyed.
        box->setVisible(ok);
        if (!ok)
            box->setChecked(false);
        const int min = explain::ExplainOptions::minimumVersion(option);
        box->setToolTip(min > 0 ? tr("EXPLAIN %1 (PostgreSQL %2 and later)").arg(explain::ExplainOptions::optionName(option)).arg(min / 10000)
                                : tr("EXPLAIN %1").arg(explain::ExplainOptions::optionName(option)));
    }
    const bool canRun = m_server != nullptr;
    m_ui->explainButton->setEnabled(canRun && !m_runner->isRunning());
    m_ui->analyzeButton->setEnabled(canRun && !m_runner->isRunning());
}

void PlansPanel::setBusy(bool busy)
{
    m_ui->cancelButton->setEnabled(busy);
    m_ui->explainButton->setEnabled(!busy && m_server);
    m_ui->analyzeButton->setEnabled(!busy && m_server);
}

void PlansPanel::setStatus(const QString &text, bool warning)
{
    m_ui->statusLabel->setText(text);
    m_ui->statusLabel->setStyleSheet(warning ? QStringLiteral("QLabel { background: #fff3cd; color: #5c4400; padding: 4px; }")
                                             : QStringLiteral("QLabel { padding: 4px; }"));
}

void PlansPanel::explainSql(const QString &sql, bool analyze)
{
    m_ui->sqlEdit->setPlainText(sql);
    run(analyze);
}

void PlansPanel::run(bool analyze)
{
    if (m_runner->isRunning())
        return;
    if (!m_server) {
        setStatus(tr("Connect to a server first (File › Connect…), or paste a plan and press Ctrl+Shift+V."), true);
        return;
    }
    const QString sql = m_ui->sqlEdit->toPlainText().trimmed();
    if (sql.isEmpty()) {
        setStatus(tr("Type a query first."), true);
        return;
    }
    explain::ExplainOptions o;
    o.analyze = analyze;
    o.buffers = m_ui->optBuffers->isChecked() && (analyze || m_server->serverVersionNum() >= 130000);
    o.verbose = m_ui->optVerbose->isChecked();
    o.settings = m_ui->optSettings->isChecked() && m_ui->optSettings->isVisible();
    o.wal = analyze && m_ui->optWal->isChecked() && m_ui->optWal->isVisible();
    o.timing = m_ui->optTiming->isChecked();
    o.costs = m_ui->optCosts->isChecked();
    o.summary = m_ui->optSummary->isChecked();
    o.genericPlan = !analyze && m_ui->optGenericPlan->isChecked() && m_ui->optGenericPlan->isVisible();
    o.memory = m_ui->optMemory->isChecked() && m_ui->optMemory->isVisible();
    o.serialize = analyze && m_ui->optSerialize->isChecked() && m_ui->optSerialize->isVisible();
    o.proveIndexes = m_ui->optHypopg->isChecked();
    setBusy(true);
    m_runner->run(m_server->pool(), sql, o);
}

void PlansPanel::cancel()
{
    if (m_runner->isRunning()) {
        setStatus(tr("Cancelling…"));
        m_runner->cancel();
    }
}

void PlansPanel::showResult(const explain::ExplainResult &result)
{
    setBusy(false);
    auto plan = std::make_shared<explain::Plan>(result.plan);
    const QString name = QStringLiteral("%1 %2").arg(result.analyzed ? tr("EXPLAIN ANALYZE") : tr("EXPLAIN"),
                                                     QTime::currentTime().toString(QStringLiteral("HH:mm:ss")));
    showPlan(plan, prettyRaw(result.raw), name);
    QStringList parts;
    parts << tr("%1 on %2").arg(result.analyzed ? tr("EXPLAIN ANALYZE") : tr("EXPLAIN"), result.server);
    const explain::PlanTotals &t = plan->totals;
    if (isSet(t.executionMs))
        parts << tr("execution %1").arg(Format::ms(t.executionMs));
    if (isSet(t.planningMs))
        parts << tr("planning %1").arg(Format::ms(t.planningMs));
    if (isSet(t.totalCost))
        parts << tr("cost %1").arg(Format::cost(t.totalCost));
    parts << tr("%n node(s)", nullptr, plan->size()) << tr("%n insight(s)", nullptr, int(plan->insights.size()));
    QString text = parts.join(QStringLiteral(" · "));
    const bool rolledBackWrite = result.rolledBack && !result.info.readOnly;
    if (rolledBackWrite)
        text = tr("%1 ran inside a transaction that was rolled back: nothing was changed. ").arg(result.info.command) + text;
    setStatus(text, rolledBackWrite);
}

namespace {
constexpr qsizetype kRawSlice = 128 * 1024;
}

void PlansPanel::setRawText(const QString &raw)
{
    if (!m_rawTimer) {
        m_rawTimer = new QTimer(this);
        m_rawTimer->setInterval(0);
        connect(m_rawTimer, &QTimer::timeout, this, &PlansPanel::fillRawSlice);
        m_ui->rawText->setUndoRedoEnabled(false);
    }
    m_rawTimer->stop();
    m_rawPending.clear();
    m_rawPos = 0;
    if (raw.size() <= kRawSlice) {
        m_ui->rawText->setPlainText(raw);
        return;
    }
    m_ui->rawText->clear();
    m_rawPending = raw;
    m_rawTimer->start();
}

void PlansPanel::fillRawSlice()
{
    qsizetype end = qMin(m_rawPending.size(), m_rawPos + kRawSlice);
    if (end < m_rawPending.size()) {
        const qsizetype nl = m_rawPending.indexOf(QLatin1Char('\n'), end);
        end = nl < 0 ? m_rawPending.size() : nl + 1;
    }
    QTextCursor c(m_ui->rawText->document());
    c.movePosition(QTextCursor::End);
    c.insertText(m_rawPending.mid(m_rawPos, end - m_rawPos));
    m_rawPos = end;
    if (m_rawPos >= m_rawPending.size()) {
        m_rawTimer->stop();
        m_rawPending.clear();
        m_rawPos = 0;
        m_ui->rawText->moveCursor(QTextCursor::Start);
    }
}

void PlansPanel::showPlan(std::shared_ptr<const explain::Plan> plan, const QString &raw, const QString &name)
{
    m_plan = std::move(plan);
    m_planName = name;
    m_tree->setPlan(m_plan);
    if (m_plan && m_plan->size() <= 3000)
        m_ui->planTree->expandAll();
    else
        m_ui->planTree->expandToDepth(3);
    m_ui->graphView->setPlan(m_plan);
    m_hotspots->setPlan(m_plan, Metric(m_ui->metricCombo->currentData().toInt()), 12);
    m_insights->setPlan(m_plan);
    m_properties->setNode(m_plan, -1);
    setRawText(raw);
    m_ui->pinButton->setEnabled(m_plan != nullptr);
    m_ui->exportButton->setEnabled(m_plan != nullptr);
    m_ui->hotspotTable->resizeColumnToContents(models::PlanHotspotModel::ValueColumn);
    // Size the figure columns to their text; on huge plans measuring every row costs
    // more than it helps, so they keep their width.
    if (m_plan && m_plan->size() <= 1500) {
        for (int c = models::PlanTreeModel::ExclusiveColumn; c < models::PlanTreeModel::ColumnCount; ++c)
            m_ui->planTree->resizeColumnToContents(c);
        m_ui->planTree->setColumnWidth(models::PlanTreeModel::ExclusiveColumn,
                                       qMax(140, m_ui->planTree->columnWidth(models::PlanTreeModel::ExclusiveColumn) + 40));
        // The node names come first: as wide as they need, up to half the view.
        m_ui->planTree->resizeColumnToContents(models::PlanTreeModel::NodeColumn);
        m_ui->planTree->setColumnWidth(models::PlanTreeModel::NodeColumn,
                                       qBound(220, m_ui->planTree->columnWidth(models::PlanTreeModel::NodeColumn) + 16,
                                              qMax(220, m_ui->planTree->viewport()->width() / 2)));
    }
    // Open on the node that costs most.
    if (m_plan && !m_plan->nodes.empty()) {
        const int hottest = m_hotspots->nodeAt(0);
        selectNode(hottest >= 0 ? hottest : 0, nullptr);
    }
    updateCompare();
    Q_EMIT planShown();
}

void PlansPanel::selectNode(int node, QObject *from)
{
    if (m_syncing || !m_plan || node < 0 || node >= m_plan->size())
        return;
    m_syncing = true;
    if (from != m_ui->planTree) {
        const QModelIndex i = m_tree->indexOfNode(node);
        m_ui->planTree->setCurrentIndex(i);
        m_ui->planTree->scrollTo(i);
    }
    if (from != m_ui->graphView)
        m_ui->graphView->selectNode(node, true);
    m_properties->setNode(m_plan, node);
    m_ui->propertiesTable->resizeColumnToContents(0);
    // Long key names must not push the values out of a narrow panel.
    const int keyWidth = m_ui->propertiesTable->viewport()->width() * 55 / 100;
    if (keyWidth > 80 && m_ui->propertiesTable->columnWidth(0) > keyWidth)
        m_ui->propertiesTable->setColumnWidth(0, keyWidth);
    m_ui->nodeBox->setTitle(tr("Node: %1").arg(m_plan->nodes[size_t(node)].title()));
    m_syncing = false;
}

void PlansPanel::loadPlanText(const QString &text)
{
    if (text.trimmed().isEmpty()) {
        setStatus(tr("Nothing to read: paste a plan into the editor or copy one to the clipboard."), true);
        return;
    }
    const quint64 gen = ++m_loadGeneration;
    const QString name = tr("pasted %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")));
    auto deliver = [this, gen, name, text](core::Result<explain::Plan> r) {
        if (gen != m_loadGeneration)
            return;
        if (!r.ok()) {
            setStatus(tr("This is not a plan pgdeck can read: %1").arg(r.error().message), true);
            return;
        }
        auto plan = std::make_shared<explain::Plan>(std::move(*r));
        showPlan(plan, text, name);
        QStringList parts{tr("%1 plan read").arg(plan->source == explain::Plan::Source::Text ? QStringLiteral("TEXT") : QStringLiteral("JSON"))};
        if (isSet(plan->totals.executionMs))
            parts << tr("execution %1").arg(Format::ms(plan->totals.executionMs));
        parts << tr("%n node(s)", nullptr, plan->size()) << tr("%n insight(s)", nullptr, int(plan->insights.size()));
        if (!plan->warnings.isEmpty())
            parts << tr("%n line(s) skipped: %1", nullptr, int(plan->warnings.size())).arg(plan->warnings.first());
        setStatus(parts.join(QStringLiteral(" · ")), !plan->warnings.isEmpty());
    };
    if (text.size() > kOffThreadBytes) {
        setStatus(tr("Reading the plan…"));
        explain::PlanLoader::load(this, text, explain::PlanParser::Format::Auto, deliver);
    } else {
        deliver(explain::PlanParser::parseAndAnalyze(text));
    }
}

bool PlansPanel::loadPlanFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        setStatus(tr("Cannot open %1: %2").arg(path, f.errorString()), true);
        return false;
    }
    loadPlanText(QString::fromUtf8(f.readAll()));
    return true;
}

void PlansPanel::readPlanFromEditorOrClipboard()
{
    QString text = m_ui->sqlEdit->toPlainText();
    if (text.trimmed().isEmpty())
        text = QApplication::clipboard()->text();
    loadPlanText(text);
}

void PlansPanel::openPlanFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a plan"), QString(),
                                                      tr("Plans (*.json *.txt *.plan *.log);;All files (*)"));
    if (!path.isEmpty())
        loadPlanFile(path);
}

bool PlansPanel::showTab(const QString &name)
{
    const std::pair<const char *, QWidget *> tabs[] = {
        {"tree", m_ui->treeTab}, {"graph", m_ui->graphTab}, {"raw", m_ui->rawTab}, {"compare", m_ui->compareTab}};
    for (const auto &[n, w] : tabs)
        if (name == QLatin1String(n)) {
            m_ui->viewTabs->setCurrentWidget(w);
            return true;
        }
    return false;
}

void PlansPanel::pin()
{
    if (!m_plan)
        return;
    m_pinned = m_plan;
    m_pinnedName = m_planName;
    setStatus(tr("Pinned \"%1\". Change something and run again: the Compare tab shows both.").arg(m_pinnedName));
    updateCompare();
}

void PlansPanel::updateCompare()
{
    if (m_pinned && m_plan && m_pinned != m_plan)
        m_ui->compareView->setPlans(m_pinned, m_pinnedName, m_plan, m_planName);
}

bool PlansPanel::exportGraph(const QString &path, QString *error)
{
    if (!m_plan) {
        *error = tr("there is no plan to export");
        return false;
    }
    const explain::PlanLayout &layout = m_ui->graphView->planLayout();
    if (QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0)
        return PlanExporter::svg(*m_plan, layout, palette(), path, error);
    return PlanExporter::png(*m_plan, layout, palette(), path, error);
}

void PlansPanel::exportWithDialog(const QString &suffix)
{
    const QString filter = suffix == QLatin1String("svg") ? tr("SVG image (*.svg)") : tr("PNG image (*.png)");
    QString path = QFileDialog::getSaveFileName(this, tr("Export the plan graph"), QStringLiteral("plan.%1").arg(suffix), filter);
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1Char('.') + suffix, Qt::CaseInsensitive))
        path += QLatin1Char('.') + suffix;
    QString error;
    if (exportGraph(path, &error))
        setStatus(tr("Exported the graph to %1").arg(path));
    else
        setStatus(error, true);
}

} // namespace pgdeck::ui
