// TerminalText: control characters in names and quoted input are shown as visible escapes, never sent to the
// terminal; escaping is idempotent, and ordinary text (Chinese included) is left as it is.
#include "TerminalText.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_TerminalText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void visible_data();
    void visible();
    void keepsNewlinesWhenAsked();
    void idempotent();
};

void tst_TerminalText::visible_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::newRow("plain") << u"producer-3"_s << u"producer-3"_s;
    QTest::newRow("chinese") << u"生产者"_s << u"生产者"_s;
    QTest::newRow("title and clear") << u"\x1b]0;PWN\x07\x1b[2J"_s << u"\\e]0;PWN\\x07\\e[2J"_s;
    QTest::newRow("newline") << u"a\nb"_s << u"a\\nb"_s;
    QTest::newRow("carriage return") << u"a\rb"_s << u"a\\rb"_s;
    QTest::newRow("tab") << u"a\tb"_s << u"a\\tb"_s;
    QTest::newRow("nul") << QString::fromUtf16(u"a\0b", 3) << u"a\\x00b"_s;
    QTest::newRow("delete") << u"a\x7f"_s << u"a\\x7f"_s;
    QTest::newRow("C1 CSI") << u"a\u009b2J"_s << u"a\\u{009b}2J"_s;
    QTest::newRow("direction override") << u"abc\u202etxt"_s << u"abc\\u{202e}txt"_s;
    QTest::newRow("backslash stays") << u"C:\\x"_s << u"C:\\x"_s;
}

void tst_TerminalText::visible()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QCOMPARE(TerminalText::visible(text), shown);
    QCOMPARE(TerminalText::needsEscaping(text), text != shown);
}

void tst_TerminalText::keepsNewlinesWhenAsked()
{
    QCOMPARE(TerminalText::visible(u"row 1\x1b[2J\nrow 2"_s, TerminalText::Newlines::Keep), u"row 1\\e[2J\nrow 2"_s);
}

void tst_TerminalText::idempotent()
{
    const QString once = TerminalText::visible(u"\x1b]0;PWN\x07\n\u009b"_s);
    QCOMPARE(TerminalText::visible(once), once);
    QCOMPARE(TerminalText::visible(once, TerminalText::Newlines::Keep), once);
}

QTEST_APPLESS_MAIN(tst_TerminalText)
#include "tst_terminaltext.moc"
