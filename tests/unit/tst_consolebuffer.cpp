// ConsoleBuffer: the window's console gets at most MaxChars of a flooding program's output per refresh — the
// newest, in order, stdout and stderr apart — and is told how much was skipped.
#include "programs/ConsoleBuffer.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_ConsoleBuffer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quietOutputPassesWhole();
    void floodKeepsTheNewest();
};

void tst_ConsoleBuffer::quietOutputPassesWhole()
{
    ConsoleBuffer buffer;
    buffer.append(false, u"a\n"_s);
    buffer.append(false, u"b"_s);
    buffer.append(true, u"oops\n"_s);
    buffer.append(false, u"c\n"_s);
    qint64 skipped = -1;
    const QList<ConsoleBuffer::Piece> pieces = buffer.take(&skipped);
    QCOMPARE(skipped, 0);
    QCOMPARE(pieces.size(), 3);
    QCOMPARE(pieces.at(0).text, u"a\nb"_s);
    QVERIFY(pieces.at(1).error);
    QCOMPARE(pieces.at(2).text, u"c\n"_s);
    QVERIFY(buffer.isEmpty());
}

void tst_ConsoleBuffer::floodKeepsTheNewest()
{
    ConsoleBuffer buffer;
    const QString chunk = QString(16383, u'y') + u'\n';
    const int chunks = 200; // 3.2 M characters between two refreshes
    for (int i = 0; i < chunks; ++i)
        buffer.append(i % 50 == 49, chunk);
    buffer.append(false, u"last\n"_s);
    qint64 skipped = 0;
    const QList<ConsoleBuffer::Piece> pieces = buffer.take(&skipped);
    qsizetype kept = 0;
    for (const ConsoleBuffer::Piece &piece : pieces)
        kept += piece.text.size();
    QCOMPARE(kept, ConsoleBuffer::MaxChars);
    QCOMPARE(skipped + kept, qint64(chunks) * chunk.size() + 5);
    QVERIFY(pieces.last().text.endsWith(u"last\n"_s));
    qint64 none = -1;
    QVERIFY(buffer.take(&none).isEmpty());
    QCOMPARE(none, 0);
}

QTEST_APPLESS_MAIN(tst_ConsoleBuffer)
#include "tst_consolebuffer.moc"
