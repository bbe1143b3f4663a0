// NumberText: the one rule for numbers a person types. NaN and the infinities are not numbers (QString::toDouble
// takes them, and a NaN passes every range check).
#include "NumberText.h"

#include <QTest>

#include <optional>

using namespace Qt::Literals::StringLiterals;

class tst_NumberText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void real_data();
    void real();
    void whole_data();
    void whole();
};

void tst_NumberText::real_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<double>("value");
    QTest::newRow("plain") << u"2.5"_s << true << 2.5;
    QTest::newRow("blanks around") << u" 3 "_s << true << 3.0;
    QTest::newRow("minimum") << u"0"_s << true << 0.0;
    QTest::newRow("maximum") << u"10"_s << true << 10.0;
    QTest::newRow("exponent") << u"1e1"_s << true << 10.0;
    QTest::newRow("below") << u"-0.5"_s << false << 0.0;
    QTest::newRow("above") << u"10.01"_s << false << 0.0;
    QTest::newRow("nan") << u"nan"_s << false << 0.0;
    QTest::newRow("NaN") << u"NaN"_s << false << 0.0;
    QTest::newRow("inf") << u"inf"_s << false << 0.0;
    QTest::newRow("-inf") << u"-inf"_s << false << 0.0;
    QTest::newRow("infinity") << u"infinity"_s << false << 0.0;
    QTest::newRow("overflow") << u"1e999"_s << false << 0.0;
    QTest::newRow("empty") << QString() << false << 0.0;
    QTest::newRow("word") << u"ten"_s << false << 0.0;
}

void tst_NumberText::real()
{
    QFETCH(QString, text);
    QFETCH(bool, accepted);
    QFETCH(double, value);
    const std::optional<double> parsed = NumberText::real(text, 0, 10);
    QCOMPARE(parsed.has_value(), accepted);
    if (accepted)
        QCOMPARE(*parsed, value);
}

void tst_NumberText::whole_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<qint64>("value");
    QTest::newRow("plain") << u"50"_s << true << qint64(50);
    QTest::newRow("blanks around") << u" 60 "_s << true << qint64(60);
    QTest::newRow("maximum") << u"5000"_s << true << qint64(5000);
    QTest::newRow("below") << u"49"_s << false << qint64(0);
    QTest::newRow("above") << u"5001"_s << false << qint64(0);
    QTest::newRow("fraction") << u"60.5"_s << false << qint64(0);
    QTest::newRow("exponent") << u"1e2"_s << false << qint64(0);
    QTest::newRow("nan") << u"nan"_s << false << qint64(0);
    QTest::newRow("inf") << u"inf"_s << false << qint64(0);
    QTest::newRow("huge") << u"99999999999999999999"_s << false << qint64(0);
    QTest::newRow("empty") << QString() << false << qint64(0);
}

void tst_NumberText::whole()
{
    QFETCH(QString, text);
    QFETCH(bool, accepted);
    QFETCH(qint64, value);
    const std::optional<qint64> parsed = NumberText::whole(text, 50, 5000);
    QCOMPARE(parsed.has_value(), accepted);
    if (accepted)
        QCOMPARE(*parsed, value);
}

QTEST_APPLESS_MAIN(tst_NumberText)
#include "tst_numbertext.moc"
