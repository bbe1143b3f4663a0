#pragma once

#include <QStyledItemDelegate>

// Paints the state column as a badge: a rounded pill in the state's colour with its icon and name, so the state
// reads at a glance and never by colour alone.
class StateBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
