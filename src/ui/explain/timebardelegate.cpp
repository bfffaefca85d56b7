#include "timebardelegate.h"

#include "models/plantreemodel.h"
#include "planpainter.h"

#include <QPainter>

namespace pgdeck::ui {

void TimeBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const double share = index.data(models::PlanTreeModel::ShareRole).toDouble();
    if (share > 0 && !(option.state & QStyle::State_Selected)) {
        painter->save();
        QRectF bar = QRectF(option.rect).adjusted(2, 3, -2, -3);
        bar.setWidth(qMax(2.0, bar.width() * share));
        painter->setPen(Qt::NoPen);
        painter->setBrush(PlanPainter::heat(qMax(0.25, share), option.palette));
        painter->drawRoundedRect(bar, 2, 2);
        painter->restore();
    }
    QStyledItemDelegate::paint(painter, option, index);
}

} // namespace pgdeck::ui
