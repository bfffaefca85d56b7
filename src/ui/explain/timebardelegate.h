#pragma once

#include <QStyledItemDelegate>

namespace pgdeck::ui {

// Draws a node's share of the execution as a bar behind the text of the tree's
// exclusive-time column, coloured like the graph (pale to red).
class TimeBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace pgdeck::ui
