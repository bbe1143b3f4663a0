#include "ConsoleBuffer.h"

#include <utility>

void ConsoleBuffer::append(bool error, const QString &text)
{
    if (text.isEmpty())
        return;
    if (!m_pieces.isEmpty() && m_pieces.last().error == error)
        m_pieces.last().text += text;
    else
        m_pieces.append({error, text});
    m_chars += text.size();
    // Drop from the front: the newest output is what the user wants to see.
    while (m_chars > MaxChars && !m_pieces.isEmpty()) {
        const qsizetype excess = m_chars - MaxChars;
        Piece &front = m_pieces.first();
        if (front.text.size() <= excess) {
            m_chars -= front.text.size();
            m_skipped += front.text.size();
            m_pieces.removeFirst();
        } else {
            front.text.remove(0, excess);
            m_chars -= excess;
            m_skipped += excess;
        }
    }
}

QList<ConsoleBuffer::Piece> ConsoleBuffer::take(qint64 *skipped)
{
    *skipped = std::exchange(m_skipped, 0);
    m_chars = 0;
    return std::exchange(m_pieces, {});
}
