#include "ProgramConsole.h"

#include <QFontDatabase>
#include <QScrollBar>
#include <QTextCursor>

ProgramConsole::ProgramConsole(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setMaximumBlockCount(20000);
    setPlaceholderText(tr("The output of a program run from Session ▸ Run a program… appears here."));
}

void ProgramConsole::appendOutput(bool error, const QString &text)
{
    appendColoured(text, error ? QColor(0xd2, 0x3f, 0x31) : palette().color(QPalette::Text), false);
}

void ProgramConsole::appendNote(const QString &text)
{
    QString line = text;
    if (!toPlainText().isEmpty() && !toPlainText().endsWith(u'\n'))
        line.prepend(u'\n');
    appendColoured(line + u'\n', palette().color(QPalette::PlaceholderText), true);
}

void ProgramConsole::appendColoured(const QString &text, const QColor &colour, bool italic)
{
    // Follow the output only when the user has not scrolled back to read something.
    QScrollBar *bar = verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    QTextCharFormat format;
    format.setForeground(colour);
    format.setFontItalic(italic);
    cursor.insertText(text, format);
    if (atEnd)
        bar->setValue(bar->maximum());
}
