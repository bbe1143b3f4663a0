#include "StateBadgeDelegate.h"

#include "TaskStateStyle.h"
#include "TaskTreeModel.h"

#include <QApplication>
#include <QPainter>

using namespace Qt::Literals::StringLiterals;

void StateBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem plain = option;
    initStyleOption(&plain, index);
    plain.text.clear();
    plain.icon = QIcon();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &plain, painter, widget);

    const auto state = TaskState(index.data(TaskTreeModel::StateRole).toInt());
    const bool lingering = index.data(TaskTreeModel::LingeringRole).toBool();
    const QString text = index.data(Qt::DisplayRole).toString();
    const qreal dpr = painter->device()->devicePixelRatioF();
    // The badge is the same picture for every row in a state: kept as a pixmap, so a tick's repaint does not
    // measure, elide and shape the state's name again for each visible row.
    const QString key = QString::number(int(state)) + (lingering ? u"g|"_s : u"|"_s)
                        + QString::number(option.rect.width()) + u'x' + QString::number(option.rect.height())
                        + u'@' + QString::number(dpr) + u'|' + option.font.key() + u'|' + text;
    auto found = m_badges.constFind(key);
    if (found == m_badges.cend()) {
        // States × languages × fonts × column widths: few, but a user dragging the column makes new ones.
        if (m_badges.size() > 256)
            m_badges.clear();
        found = m_badges.insert(key, badge(state, lingering, text, option.rect.size(), option.font, dpr));
    }
    painter->drawPixmap(option.rect.topLeft(), *found);
}

QPixmap StateBadgeDelegate::badge(TaskState state, bool lingering, const QString &text, const QSize &size,
                                  const QFont &font, qreal dpr) const
{
    QPixmap pixmap(size * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QColor fill = TaskStateStyle::color(state);
    if (lingering)
        fill.setAlpha(110);
    const QFontMetrics metrics(font);
    const int iconSize = metrics.height() - 2;
    const int width = std::min(size.width() - 4, iconSize + metrics.horizontalAdvance(text) + 14);
    const QRect pill(2, 2, width, size.height() - 4);

    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    painter.drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
    const QRect iconRect(pill.left() + 5, pill.center().y() - iconSize / 2, iconSize, iconSize);
    painter.drawPixmap(iconRect, iconPixmap(state, iconRect.size(), dpr));
    painter.setPen(Qt::white);
    painter.setFont(font);
    const QRect textRect = pill.adjusted(iconSize + 8, 0, -4, 0);
    painter.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft, metrics.elidedText(text, Qt::ElideRight, textRect.width()));
    return pixmap;
}

QPixmap StateBadgeDelegate::iconPixmap(TaskState state, const QSize &size, qreal dpr) const
{
    const quint64 key = quint64(state) << 56 | quint64(quint16(size.width())) << 40
                        | quint64(quint16(size.height())) << 24 | quint64(quint32(qRound(dpr * 100)) & 0xffffff);
    auto found = m_pixmaps.constFind(key);
    if (found != m_pixmaps.cend())
        return *found;
    // A handful of states times the sizes a session sees (font or screen changes): small, but bounded anyway.
    if (m_pixmaps.size() > 64)
        m_pixmaps.clear();
    const QPixmap pixmap = TaskStateStyle::icon(state).pixmap(size, dpr);
    m_pixmaps.insert(key, pixmap);
    return pixmap;
}

QSize StateBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics metrics(option.font);
    const QString text = index.data(Qt::DisplayRole).toString();
    return {metrics.height() + metrics.horizontalAdvance(text) + 20, metrics.height() + 6};
}
