#include "ProgramConsole.h"

#include <QFontDatabase>
#include <QScrollBar>
#include <QTextCursor>

#include <algorithm>
#include <limits>

ProgramConsole::ProgramConsole(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setMaximumBlockCount(MaxLines);
    setPlaceholderText(tr("The output of a program run from Session ▸ Run a program… appears here."));
}

void ProgramConsole::appendOutput(bool error, const QString &text)
{
    appendColoured(brokenLines(text), error ? QColor(0xd2, 0x3f, 0x31) : palette().color(QPalette::Text), false);
}

void ProgramConsole::appendSkipped(qint64 characters)
{
    appendNote(tr("[%n character(s) of output not shown: the program writes faster than the console can show]", "",
                  int(std::min<qint64>(characters, std::numeric_limits<int>::max()))));
}

QString ProgramConsole::brokenLines(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        if (c == u'\n') {
            m_lineChars = 0;
        } else if (++m_lineChars > MaxLineChars) {
            out.append(u'\n');
            m_lineChars = 1;
        }
        out.append(c);
    }
    return out;
}

void ProgramConsole::appendNote(const QString &text)
{
    QString line = text;
    if (!toPlainText().isEmpty() && !toPlainText().endsWith(u'\n'))
        line.prepend(u'\n');
    appendColoured(line + u'\n', palette().color(QPalette::PlaceholderText), true);
    m_lineChars = 0;
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
