#pragma once

#include <QFrame>

class QAbstractItemView;
class QComboBox;
class QLabel;
class QToolButton;

namespace pgdeck::ui {

class ChartView;

// A dashboard card: a title (its tooltip explains the metric), a live summary on the
// right, and a chart (or a table) below; the ⋯ menu exports PNG / CSV and resets zoom.
class ChartPanel : public QFrame
{
    Q_OBJECT
public:
    ChartPanel(const QString &id, const QString &title, QWidget *parent = nullptr);

    QString id() const { return objectName(); }
    void setTitleToolTip(const QString &text);
    void setSummary(const QString &text);
    QString summary() const;
    ChartView *chart() const { return m_chart; }
    // A table instead of a chart (the sessions breakdown).
    void setTable(QAbstractItemView *view);
    QAbstractItemView *table() const { return m_table; }
    // A small selector in the header (e.g. group by application / user / database).
    QComboBox *addSelector(const QStringList &items);

    bool exportPng(const QString &path);
    bool exportCsv(const QString &path);

private:
    void askPath(const QString &filter, const QString &suffix, bool png);

    QLabel *m_title;
    QLabel *m_summary;
    QToolButton *m_menu;
    ChartView *m_chart = nullptr;
    QAbstractItemView *m_table = nullptr;
};

} // namespace pgdeck::ui
