#pragma once

#include "frame/TaskRow.h"

#include <QHash>
#include <QPixmap>
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

private:
    // The state's icon rendered at `size` for `dpr`, kept: the badge is painted for every visible row on every
    // tick, and rendering the SVG each time cost more than the rest of the row.
    QPixmap iconPixmap(TaskState state, const QSize &size, qreal dpr) const;

    // The whole badge for one state, name, cell size, font and pixel ratio, transparent around the pill.
    QPixmap badge(TaskState state, bool lingering, const QString &text, const QSize &size, const QFont &font,
                  qreal dpr) const;

    mutable QHash<quint64, QPixmap> m_pixmaps;
    mutable QHash<QString, QPixmap> m_badges;
};
