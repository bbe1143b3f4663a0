#pragma once

#include <QList>
#include <QString>

// What the window's console is given of a program's output between two refreshes (five a second): the newest
// MaxChars characters at most, in order, stdout and stderr apart. A program that floods its output (`yes`) would
// otherwise keep the window busy inserting text it cannot show; what is skipped is counted, and the console says
// so. Like OutputBudget for the session file, this bounds what the window holds, whatever the program writes.
class ConsoleBuffer
{
public:
    static constexpr qsizetype MaxChars = 64 * 1024;

    struct Piece {
        bool error = false;
        QString text;
    };

    void append(bool error, const QString &text);
    // The pieces since the last take(), oldest first; *skipped gets the characters dropped from the front since
    // then (0 when none).
    QList<Piece> take(qint64 *skipped);
    bool isEmpty() const { return m_pieces.isEmpty() && m_skipped == 0; }

private:
    QList<Piece> m_pieces;
    qsizetype m_chars = 0;
    qint64 m_skipped = 0;
};
