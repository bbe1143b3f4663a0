#include "TaskCellDelegate.h"

#include <QApplication>
#include <QPainter>

using namespace Qt::Literals::StringLiterals;

namespace {
// Distinct strings a session shows are few; a bound keeps a long one with ever-new numbers from growing the cache.
constexpr qsizetype MaxCached = 4096;

QStaticText prepared(const QString &text, const QFont &font)
{
    QStaticText shaped(text);
    shaped.setTextFormat(Qt::PlainText);
    shaped.prepare(QTransform(), font);
    return shaped;
}
} // namespace

const QStaticText &TaskCellDelegate::shaped(const QString &text, const QFont &font, bool styled, int width) const
{
    Cache &cache = styled ? m_styled : m_plain;
    if (cache.font != font || cache.whole.size() > MaxCached || cache.elided.size() > MaxCached) {
        cache.font = font;
        cache.whole.clear();
        cache.elided.clear();
    }
    auto whole = cache.whole.constFind(text);
    if (whole == cache.whole.cend())
        whole = cache.whole.insert(text, prepared(text, font));
    if (whole->size().width() <= width)
        return *whole;
    const QString key = QString::number(width) + u'\x1f' + text;
    auto elided = cache.elided.constFind(key);
    if (elided == cache.elided.cend())
        elided = cache.elided.insert(key, prepared(QFontMetrics(font).elidedText(text, Qt::ElideRight, width), font));
    return *elided;
}

void TaskCellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.data(Qt::DecorationRole).isValid() || index.data(Qt::CheckStateRole).isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    QStyleOptionViewItem panel = option;
    const QVariant background = index.data(Qt::BackgroundRole);
    if (background.isValid())
        panel.backgroundBrush = qvariant_cast<QBrush>(background);
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &panel, painter, widget);

    const QString text = index.data(Qt::DisplayRole).toString();
    if (text.isEmpty())
        return;
    const QVariant fontValue = index.data(Qt::FontRole);
    const QFont font = fontValue.isValid() ? qvariant_cast<QFont>(fontValue).resolve(option.font) : option.font;
    const QPalette::ColorGroup group = !(option.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : (option.state & QStyle::State_Active) ? QPalette::Normal
                                                                               : QPalette::Inactive;
    QColor color;
    if (option.state & QStyle::State_Selected) {
        color = option.palette.color(group, QPalette::HighlightedText);
    } else {
        const QVariant foreground = index.data(Qt::ForegroundRole);
        color = foreground.isValid() ? qvariant_cast<QBrush>(foreground).color() : option.palette.color(group, QPalette::Text);
    }
    // The same inner margin as the style leaves around an item's text.
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect box = option.rect.adjusted(margin, 0, -margin, 0);
    if (box.width() <= 0)
        return;
    const QStaticText &shown = shaped(text, font, fontValue.isValid(), box.width());
    const QSizeF size = shown.size();
    const QVariant alignValue = index.data(Qt::TextAlignmentRole);
    const auto align = alignValue.isValid() ? Qt::Alignment(alignValue.toInt()) : option.displayAlignment;
    const Qt::Alignment horizontal = QStyle::visualAlignment(option.direction, align) & Qt::AlignHorizontal_Mask;
    qreal x = box.left();
    if (horizontal & Qt::AlignRight)
        x = box.right() + 1 - size.width();
    else if (horizontal & Qt::AlignHCenter)
        x = box.left() + (box.width() - size.width()) / 2;
    const qreal y = box.top() + (box.height() - size.height()) / 2;
    painter->save();
    painter->setFont(font);
    painter->setPen(color);
    painter->drawStaticText(QPointF(x, y), shown);
    painter->restore();
}
