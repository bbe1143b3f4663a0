// FigureLabels: each recorded figure reads for people with its unit and the context recorded beside it.
#include "session/FigureLabels.h"

#include <QJsonArray>
#include <QLocale>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_FigureLabels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }
    void valueText_data();
    void valueText();
};

void tst_FigureLabels::valueText_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<double>("value");
    QTest::addColumn<QJsonObject>("extra");
    QTest::addColumn<QString>("text");
    QTest::newRow("lost updates with their share of the increments")
        << u"lost_updates"_s << 95832264.0 << QJsonObject{{u"of"_s, 169411584.0}} << u"95,832,264 (56.6 %)"_s;
    QTest::newRow("none lost") << u"lost_updates"_s << 0.0 << QJsonObject{{u"of"_s, 3000000.0}} << u"0 (0 %)"_s;
    QTest::newRow("no increments known yet") << u"lost_updates"_s << 12.0 << QJsonObject{} << u"12"_s;
    QTest::newRow("a count") << u"increments_done"_s << 169411584.0 << QJsonObject{} << u"169,411,584"_s;
    QTest::newRow("seconds") << u"makespan_map"_s << 0.535873429 << QJsonObject{} << u"0.536 s"_s;
    QTest::newRow("a share") << u"ready_share"_s << 0.4567 << QJsonObject{} << u"45.7 %"_s;
    QTest::newRow("cores of the machine") << u"cores_used"_s << 1.02 << QJsonObject{{u"cores"_s, 2}} << u"1.02 of 2"_s;
    QTest::newRow("an unknown figure") << u"something_new"_s << 2.5 << QJsonObject{} << u"2.5"_s;
}

void tst_FigureLabels::valueText()
{
    QFETCH(QString, name);
    QFETCH(double, value);
    QFETCH(QJsonObject, extra);
    QFETCH(QString, text);
    QCOMPARE(FigureLabels::valueText(name, value, extra), text);
}

QTEST_GUILESS_MAIN(tst_FigureLabels)
#include "tst_figurelabels.moc"
