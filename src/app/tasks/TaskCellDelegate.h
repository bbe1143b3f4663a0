#pragma once

#include <QFont>
#include <QHash>
#include <QStaticText>
#include <QStyledItemDelegate>

// Paints the task tree's plain text cells (PID, TID, name, CPU %, why blocked, …) for a fraction of what
// QStyledItemDelegate costs: that one lays the text out afresh in every cell on every repaint (QTextLayout and
// HarfBuzz shaping through the style), which was a quarter of the window's CPU at 500 threads and 10 Hz. Here each
// distinct string is shaped once into a QStaticText and drawn from it afterwards; PIDs, names and reasons repeat
// from tick to tick, and CPU figures take a few hundred values. Elided forms are cached by width the same way.
//
// What it draws matches the default delegate for these cells: the style's item panel (selection, background),
// the text in the palette's colour or the model's ForegroundRole, the model's FontRole and TextAlignmentRole,
// elided on the right. Cells with an icon or check box are left to QStyledItemDelegate.
class TaskCellDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    // The shaped text for `text` in `font`, elided to `width` pixels when it is wider. `styled`: the font came from
    // the model's FontRole rather than the view.
    const QStaticText &shaped(const QString &text, const QFont &font, bool styled, int width) const;

    struct Cache
    {
        QFont font;
        QHash<QString, QStaticText> whole;
        QHash<QString, QStaticText> elided; // key: width, a separator, the text
    };
    mutable Cache m_plain;
    mutable Cache m_styled; // a FontRole font (italic rows of exited tasks and zombies)
};
