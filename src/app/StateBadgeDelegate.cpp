#include "StateBadgeDelegate.h"

#include "TaskStateStyle.h"
#include "TaskTreeModel.h"

#include <QApplication>
#include <QPainter>

void StateBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem plain = option;
    initStyleOption(&plain, index);
    plain.text.clear();
    plain.icon = QIcon();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &plain, painter, widget);

    const auto state = LabTaskState(index.data(TaskTreeModel::StateRole).toInt());
    const bool lingering = index.data(TaskTreeModel::LingeringRole).toBool();
    QColor fill = TaskStateStyle::color(state);
    if (lingering)
        fill.setAlpha(110);
    const QString text = index.data(Qt::DisplayRole).toString();
    const QFontMetrics metrics(option.font);
    const int iconSize = metrics.height() - 2;
    const int width = std::min(option.rect.width() - 4, iconSize + metrics.horizontalAdvance(text) + 14);
    const QRect pill(option.rect.left() + 2, option.rect.top() + 2, width, option.rect.height() - 4);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
    const QRect iconRect(pill.left() + 5, pill.center().y() - iconSize / 2, iconSize, iconSize);
    painter->drawPixmap(iconRect, TaskStateStyle::icon(state).pixmap(iconRect.size(), painter->device()->devicePixelRatioF()));
    painter->setPen(Qt::white);
    painter->setFont(option.font);
    const QRect textRect = pill.adjusted(iconSize + 8, 0, -4, 0);
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft, metrics.elidedText(text, Qt::ElideRight, textRect.width()));
    painter->restore();
}

QSize StateBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics metrics(option.font);
    const QString text = index.data(Qt::DisplayRole).toString();
    return {metrics.height() + metrics.horizontalAdvance(text) + 20, metrics.height() + 6};
}
