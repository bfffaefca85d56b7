#include "chartpanel.h"

#include "chartview.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

namespace pgdeck::ui {

ChartPanel::ChartPanel(const QString &id, const QString &title, QWidget *parent)
    : QFrame(parent), m_title(new QLabel(title, this)), m_summary(new QLabel(this)), m_menu(new QToolButton(this))
{
    setObjectName(id);
    // A card in the base colour (white, or dark in a dark scheme) with a thin border.
    setFrameShape(QFrame::StyledPanel);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    setMinimumWidth(320);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(2);
    auto *header = new QHBoxLayout;
    header->setSpacing(6);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_summary->setObjectName(id + QStringLiteral("_summary"));
    m_summary->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_summary->setTextFormat(Qt::PlainText);
    m_menu->setText(QStringLiteral("⋯"));
    m_menu->setAutoRaise(true);
    m_menu->setPopupMode(QToolButton::InstantPopup);
    m_menu->setToolTip(tr("Export, zoom"));
    header->addWidget(m_title);
    header->addStretch(1);
    header->addWidget(m_summary);
    header->addWidget(m_menu);
    layout->addLayout(header);
    m_chart = new ChartView(this);
    m_chart->setObjectName(id + QStringLiteral("_chart"));
    layout->addWidget(m_chart, 1);

    auto *menu = new QMenu(this);
    menu->addAction(tr("Export chart as PNG…"), this, [this]() { askPath(tr("PNG image (*.png)"), QStringLiteral("png"), true); });
    menu->addAction(tr("Export data as CSV…"), this, [this]() { askPath(tr("CSV file (*.csv)"), QStringLiteral("csv"), false); });
    auto *reset = menu->addAction(tr("Reset zoom"), this, [this]() { m_chart->resetZoom(); });
    reset->setToolTip(tr("Drag across a chart to zoom into a time range; double-click or right-click resets."));
    m_menu->setMenu(menu);
}

void ChartPanel::setTitleToolTip(const QString &text)
{
    m_title->setToolTip(text);
    m_chart->setToolTip(QString());
}

void ChartPanel::setSummary(const QString &text)
{
    if (m_summary->text() != text)
        m_summary->setText(text);
}

QString ChartPanel::summary() const
{
    return m_summary->text();
}

void ChartPanel::setTable(QAbstractItemView *view)
{
    m_table = view;
    view->setParent(this);
    delete layout()->replaceWidget(m_chart, view); // the old item is ours to delete
    m_chart->hide();
    m_menu->hide();
}

QComboBox *ChartPanel::addSelector(const QStringList &items)
{
    auto *combo = new QComboBox(this);
    combo->addItems(items);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    static_cast<QHBoxLayout *>(layout()->itemAt(0)->layout())->insertWidget(1, combo);
    return combo;
}

bool ChartPanel::exportPng(const QString &path)
{
    return m_chart->exportPng(path);
}

bool ChartPanel::exportCsv(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(m_chart->toCsv().toUtf8()) >= 0;
}

void ChartPanel::askPath(const QString &filter, const QString &suffix, bool png)
{
    // open(), not exec(): no nested event loop, the charts keep moving meanwhile.
    auto *dlg = new QFileDialog(this, png ? tr("Export chart") : tr("Export data"),
                                QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QLatin1Char('/')
                                    + objectName() + QLatin1Char('.') + suffix,
                                filter);
    dlg->setAcceptMode(QFileDialog::AcceptSave);
    dlg->setDefaultSuffix(suffix);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &QFileDialog::fileSelected, this, [this, png](const QString &path) {
        const bool ok = png ? exportPng(path) : exportCsv(path);
        m_summary->setToolTip(ok ? tr("Saved %1").arg(path) : tr("Could not write %1").arg(path));
    });
    dlg->open();
}

} // namespace pgdeck::ui
