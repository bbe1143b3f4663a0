// FigureText: three significant digits, no exponent, group separators for counts, in the given locale.
#include "FigureText.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_FigureText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void significant_data();
    void significant();
    void countsAreGrouped();
    void followsTheLocale();
};

void tst_FigureText::significant_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("a makespan") << 0.535873429 << u"0.536"_s;
    QTest::newRow("a tiny share") << 6.6178e-05 << u"0.0000662"_s;
    QTest::newRow("trailing zeros go") << 2.8 << u"2.8"_s;
    QTest::newRow("a whole number") << 4.0 << u"4"_s;
    QTest::newRow("hundreds") << 123.456 << u"123"_s;
    QTest::newRow("thousands are whole and grouped") << 12345.6 << u"12,346"_s;
    QTest::newRow("negative") << -1.23456 << u"-1.23"_s;
    QTest::newRow("zero") << 0.0 << u"0"_s;
}

void tst_FigureText::significant()
{
    QFETCH(double, value);
    QFETCH(QString, text);
    QCOMPARE(FigureText::significant(value, QLocale::c()), text);
}

void tst_FigureText::countsAreGrouped()
{
    QCOMPARE(FigureText::count(158345267, QLocale::c()), u"158,345,267"_s);
    QCOMPARE(FigureText::count(999, QLocale::c()), u"999"_s);
    QCOMPARE(FigureText::percent(0.5361, QLocale::c()), u"53.6"_s);
}

void tst_FigureText::followsTheLocale()
{
    const QLocale german(QLocale::German, QLocale::Germany);
    QCOMPARE(FigureText::significant(0.535873429, german), u"0,536"_s);
    QCOMPARE(FigureText::count(1234567, german), u"1.234.567"_s);
}

QTEST_GUILESS_MAIN(tst_FigureText)
#include "tst_figuretext.moc"
