#include "StateShareDelegate.h"

#include "TaskStateStyle.h"
#include "TaskTreeModel.h"

#include <QApplication>
#include <QPainter>

void StateShareDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem plain = option;
    initStyleOption(&plain, index);
    plain.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &plain, painter, widget);

    // A zombie or an ended task spends no time at all: an empty cell, not a bar that reads "blocked".
    const auto state = TaskState(index.data(TaskTreeModel::StateRole).toInt());
    if (state == TaskState::Zombie || state == TaskState::Terminated)
        return;
    const double shares[] = {index.data(TaskTreeModel::RunningRole).toDouble(),
                             index.data(TaskTreeModel::ReadyRole).toDouble(),
                             index.data(TaskTreeModel::BlockedRole).toDouble()};
    const QColor colors[] = {TaskStateStyle::runningColor(), TaskStateStyle::readyColor(),
                             TaskStateStyle::blockedColor()};
    const QRectF bar = QRectF(option.rect).adjusted(3, 4, -3, -4);
    painter->save();
    painter->setPen(Qt::NoPen);
    painter->setBrush(option.palette.color(QPalette::Mid));
    painter->drawRect(bar);
    double x = bar.left();
    const double total = std::max(1.0, shares[0] + shares[1] + shares[2]);
    for (int i = 0; i < 3; ++i) {
        const double w = bar.width() * std::clamp(shares[i], 0.0, 1.0) / total;
        if (w > 0) {
            painter->setBrush(colors[i]);
            painter->drawRect(QRectF(x, bar.top(), w, bar.height()));
        }
        x += w;
    }
    painter->restore();
}

QSize StateShareDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {120, QFontMetrics(option.font).height() + 6};
}
