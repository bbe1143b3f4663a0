#include "window/GuiOptions.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_GuiOptions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parses_data();
    void parses();
    void refuses_data();
    void refuses();
    void stepNeedsAnExperimentThatSteps();
};

void tst_GuiOptions::parses_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("experiment");
    QTest::addColumn<int>("interval");
    QTest::addColumn<bool>("start");
    QTest::addColumn<QString>("language");

    QTest::newRow("nothing") << QStringList{} << QString() << 0 << false << QString();
    QTest::newRow("gui word") << QStringList{u"gui"_s} << QString() << 0 << false << QString();
    QTest::newRow("all") << QStringList{u"gui"_s, u"--experiment"_s, u"zombie"_s, u"--interval"_s, u"250"_s,
                                        u"--start"_s, u"--lang"_s, u"zh_CN"_s}
                         << u"zombie"_s << 250 << true << u"zh_CN"_s;
    QTest::newRow("options without gui") << QStringList{u"--lang"_s, u"en"_s} << QString() << 0 << false << u"en"_s;
    QTest::newRow("interval bounds low") << QStringList{u"--interval"_s, u"50"_s} << QString() << 50 << false
                                         << QString();
    QTest::newRow("interval bounds high") << QStringList{u"--interval=5000"_s} << QString() << 5000 << false
                                          << QString();
}

void tst_GuiOptions::parses()
{
    QFETCH(QStringList, arguments);
    GuiOptions options;
    QVERIFY2(options.parse(arguments), qPrintable(options.error()));
    QTEST(options.experiment(), "experiment");
    QTEST(options.intervalMs(), "interval");
    QTEST(options.start(), "start");
    QTEST(options.language(), "language");
}

void tst_GuiOptions::refuses_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s} << u"frobnicate"_s;
    QTest::newRow("interval too small") << QStringList{u"--interval"_s, u"10"_s} << u"50"_s;
    QTest::newRow("interval too large") << QStringList{u"--interval"_s, u"5001"_s} << u"5000"_s;
    QTest::newRow("interval not a number") << QStringList{u"--interval"_s, u"fast"_s} << u"fast"_s;
    QTest::newRow("unknown language") << QStringList{u"--lang"_s, u"fr"_s} << u"zh_CN"_s;
    QTest::newRow("set without value") << QStringList{u"--set"_s, u"producers"_s} << u"KEY=VALUE"_s;
    QTest::newRow("positional") << QStringList{u"gui"_s, u"extra"_s} << u"extra"_s;
    QTest::newRow("missing value") << QStringList{u"--experiment"_s} << u"experiment"_s;
}

void tst_GuiOptions::refuses()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    GuiOptions options;
    QVERIFY(!options.parse(arguments));
    QVERIFY2(options.error().contains(mentions), qPrintable(options.error()));
    QVERIFY(!options.error().contains(u'\n'));
}

// --step checks the experiment (and its parameters) can step: the race can, the zombie has no threads to step.
void tst_GuiOptions::stepNeedsAnExperimentThatSteps()
{
    GuiOptions race;
    QVERIFY(race.parse({u"--experiment"_s, u"race"_s, u"--set"_s, u"threads=2"_s, u"--step"_s, u"--start"_s}));
    QVERIFY(race.step());
    QString error;
    QVERIFY2(race.validate(&error), qPrintable(error));
    GuiOptions plain;
    QVERIFY(plain.parse({u"--experiment"_s, u"race"_s}));
    QVERIFY(!plain.step());
    GuiOptions zombie;
    QVERIFY(zombie.parse({u"--experiment"_s, u"zombie"_s, u"--step"_s}));
    QVERIFY(!zombie.validate(&error));
    QVERIFY2(error.contains(u"race"_s) && error.contains(u"deadlock"_s), qPrintable(error));
}

QTEST_APPLESS_MAIN(tst_GuiOptions)
#include "tst_guioptions.moc"
