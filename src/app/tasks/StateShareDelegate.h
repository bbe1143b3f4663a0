#pragma once

#include <QStyledItemDelegate>

// Paints the running / ready / blocked shares of the last interval as one stacked bar (green, amber, blue), the
// percentages in the tool tip and for screen readers.
class StateShareDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
