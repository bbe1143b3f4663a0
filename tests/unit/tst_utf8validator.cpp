// Utf8Validator: the strict rules of RFC 3629, on the byte sequences that lenient decoders let through.
#include "session/Utf8Validator.h"

#include <QTest>

class tst_Utf8Validator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validate_data();
    void validate();
};

void tst_Utf8Validator::validate_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qsizetype>("validPrefix");
    QTest::newRow("empty") << QByteArray() << qsizetype(0);
    QTest::newRow("ascii") << QByteArray("{\"t\":1}") << qsizetype(7);
    QTest::newRow("two bytes") << QByteArray("\xC3\xA9") << qsizetype(2);
    QTest::newRow("three bytes (CJK)") << QByteArray("\xE7\x94\x9F") << qsizetype(3);
    QTest::newRow("four bytes (emoji)") << QByteArray("\xF0\x9F\xA7\xB5") << qsizetype(4);
    QTest::newRow("max code point") << QByteArray("\xF4\x8F\xBF\xBF") << qsizetype(4);
    QTest::newRow("lone continuation") << QByteArray("ab\x80") << qsizetype(2);
    QTest::newRow("overlong slash") << QByteArray("\xC0\xAF") << qsizetype(0);
    QTest::newRow("overlong three") << QByteArray("\xE0\x80\xAF") << qsizetype(0);
    QTest::newRow("surrogate") << QByteArray("x\xED\xA0\x80") << qsizetype(1);
    QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << qsizetype(0);
    QTest::newRow("F5 lead byte") << QByteArray("\xF5\x80\x80\x80") << qsizetype(0);
    QTest::newRow("cut short") << QByteArray("ok\xE7\x94") << qsizetype(2);
    QTest::newRow("bad continuation") << QByteArray("\xE7\x41\x9F") << qsizetype(0);
    QTest::newRow("latin-1 byte") << QByteArray("caf\xE9") << qsizetype(3);
}

void tst_Utf8Validator::validate()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qsizetype, validPrefix);
    QCOMPARE(Utf8Validator::validPrefixLength(bytes), validPrefix);
    QCOMPARE(Utf8Validator::isValid(bytes), validPrefix == bytes.size());
}

QTEST_APPLESS_MAIN(tst_Utf8Validator)
#include "tst_utf8validator.moc"
