#include "plancompareview.h"

#include "explain/format.h"
#include "models/plancomparemodel.h"
#include "models/plantreemodel.h"
#include "timebardelegate.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace pgdeck::ui {

namespace {

QTreeView *makeTree(QWidget *parent, models::PlanTreeModel *model)
{
    auto *t = new QTreeView(parent);
    t->setModel(model);
    t->setUniformRowHeights(true);
    t->setAlternatingRowColors(true);
    t->setItemDelegateForColumn(models::PlanTreeModel::ExclusiveColumn, new TimeBarDelegate(t));
    for (int c : {models::PlanTreeModel::LoopsColumn, models::PlanTreeModel::BuffersColumn, models::PlanTreeModel::CostColumn,
                  models::PlanTreeModel::EstimateColumn})
        t->setColumnHidden(c, true);
    t->header()->setStretchLastSection(false);
    t->header()->setSectionResizeMode(models::PlanTreeModel::NodeColumn, QHeaderView::Stretch);
    return t;
}

} // namespace

PlanCompareView::PlanCompareView(QWidget *parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_beforeModel(new models::PlanTreeModel(this)),
      m_afterModel(new models::PlanTreeModel(this)), m_model(new models::PlanCompareModel(this))
{
    setObjectName(QStringLiteral("planCompare"));
    auto *layout = new QVBoxLayout(this);
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setText(tr("Pin a plan (Ctrl+P), change something (an index, a setting, the query), run again: "
                          "both plans appear here side by side with the change of every node."));
    layout->addWidget(m_summary);
    auto *vsplit = new QSplitter(Qt::Vertical, this);
    auto *hsplit = new QSplitter(Qt::Horizontal, vsplit);
    m_beforeTree = makeTree(hsplit, m_beforeModel);
    m_afterTree = makeTree(hsplit, m_afterModel);
    m_beforeTree->setObjectName(QStringLiteral("compareBefore"));
    m_afterTree->setObjectName(QStringLiteral("compareAfter"));
    m_table = new QTableView(vsplit);
    m_table->setObjectName(QStringLiteral("compareDeltas"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    vsplit->setStretchFactor(0, 3);
    vsplit->setStretchFactor(1, 2);
    layout->addWidget(vsplit, 1);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showRow(current); });
}

void PlanCompareView::setPlans(std::shared_ptr<const explain::Plan> before, const QString &beforeName,
                               std::shared_ptr<const explain::Plan> after, const QString &afterName)
{
    m_beforeModel->setPlan(before);
    m_afterModel->setPlan(after);
    m_model->setPlans(before, after);
    m_beforeTree->expandToDepth(4);
    m_afterTree->expandToDepth(4);
    m_table->resizeColumnsToContents();
    const explain::PlanComparison &c = m_model->comparison();
    if (!before || !after) {
        m_summary->setText(tr("Pin a plan (Ctrl+P), change something, run again to compare."));
        return;
    }
    QString verdict;
    if (explain::isSet(c.speedup)) {
        if (c.speedup >= 1.05)
            verdict = tr("%1x faster").arg(c.speedup, 0, 'f', c.speedup >= 10 ? 0 : 1);
        else if (c.speedup <= 0.95)
            verdict = tr("%1x slower").arg(1.0 / c.speedup, 0, 'f', 1 / c.speedup >= 10 ? 0 : 1);
        else
            verdict = tr("about the same");
    }
    const auto total = [&c](double v) { return c.byTime ? explain::Format::ms(v) : tr("cost %1").arg(explain::Format::cost(v)); };
    int matched = 0;
    for (const explain::NodeMatch &m : c.matches)
        matched += m.before >= 0 && m.after >= 0 ? 1 : 0;
    m_summary->setText(tr("<b>%1</b> (%2) → <b>%3</b> (%4): <b>%5</b> · %6 nodes matched, %7 only before, %8 only after")
                           .arg(beforeName.toHtmlEscaped(), total(c.totalBefore), afterName.toHtmlEscaped(), total(c.totalAfter),
                                verdict)
                           .arg(matched)
                           .arg(std::count_if(c.matches.begin(), c.matches.end(), [](const explain::NodeMatch &m) { return m.after < 0; }))
                           .arg(std::count_if(c.matches.begin(), c.matches.end(), [](const explain::NodeMatch &m) { return m.before < 0; })));
}

QString PlanCompareView::summary() const
{
    return m_summary->text();
}

void PlanCompareView::showRow(const QModelIndex &index)
{
    const int before = index.data(models::PlanCompareModel::BeforeNodeRole).toInt();
    const int after = index.data(models::PlanCompareModel::AfterNodeRole).toInt();
    for (auto [tree, model, node] : {std::tuple{m_beforeTree, m_beforeModel, before}, std::tuple{m_afterTree, m_afterModel, after}}) {
        const QModelIndex i = model->indexOfNode(node);
        if (i.isValid()) {
            tree->setCurrentIndex(i);
            tree->scrollTo(i);
        } else {
            tree->clearSelection();
        }
    }
}

} // namespace pgdeck::ui
