// LiveFigures: a figure is recorded when it first appears, when it changed and a period passed, and once more
// when it settles; nothing after that.
#include "experiments/LiveFigures.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Moment = LiveFigures::Moment;

class tst_LiveFigures : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstValueAtOnce();
    void changesAtMostOnceAPeriod();
    void unchangedIsNotRepeated();
    void settledValueAtOnceThenClosed();
    void extraCountsAsAChange();
};

void tst_LiveFigures::firstValueAtOnce()
{
    LiveFigures figures(1.0);
    QVERIFY(figures.shouldRecord(u"lost"_s, 0, {}, 0.01, Moment::Running));
    QVERIFY(figures.hasRecorded(u"lost"_s));
    QVERIFY(!figures.isSettled(u"lost"_s));
}

void tst_LiveFigures::changesAtMostOnceAPeriod()
{
    LiveFigures figures(1.0);
    QVERIFY(figures.shouldRecord(u"lost"_s, 0, {}, 0.01, Moment::Running));
    QVERIFY(!figures.shouldRecord(u"lost"_s, 5, {}, 0.11, Moment::Running));
    QVERIFY(!figures.shouldRecord(u"lost"_s, 9, {}, 0.91, Moment::Running));
    // A tick later than a period after the last record (rounding aside): the latest value goes in.
    QVERIFY(figures.shouldRecord(u"lost"_s, 12, {}, 1.0099, Moment::Running));
    QVERIFY(!figures.shouldRecord(u"lost"_s, 13, {}, 1.5, Moment::Running));
}

void tst_LiveFigures::unchangedIsNotRepeated()
{
    LiveFigures figures(1.0);
    QVERIFY(figures.shouldRecord(u"depth"_s, 8, {}, 0, Moment::Running));
    QVERIFY(!figures.shouldRecord(u"depth"_s, 8, {}, 5, Moment::Running));
}

void tst_LiveFigures::settledValueAtOnceThenClosed()
{
    LiveFigures figures(1.0);
    QVERIFY(figures.shouldRecord(u"lost"_s, 0, {}, 0, Moment::Running));
    QVERIFY(figures.shouldRecord(u"lost"_s, 42, {}, 0.2, Moment::Settled)); // within the period, but final
    QVERIFY(figures.isSettled(u"lost"_s));
    QVERIFY(!figures.shouldRecord(u"lost"_s, 43, {}, 5, Moment::Running));
    QVERIFY(!figures.shouldRecord(u"lost"_s, 44, {}, 6, Moment::Settled));
    // Settling on the value already recorded records nothing more, and closes the name too.
    QVERIFY(figures.shouldRecord(u"joined"_s, 1, {}, 0, Moment::Running));
    QVERIFY(!figures.shouldRecord(u"joined"_s, 1, {}, 3, Moment::Settled));
    QVERIFY(figures.isSettled(u"joined"_s));
    // A first value that is already final.
    QVERIFY(figures.shouldRecord(u"makespan"_s, 0.99, {}, 1.1, Moment::Settled));
    QVERIFY(!figures.shouldRecord(u"makespan"_s, 0.99, {}, 2, Moment::Settled));
}

void tst_LiveFigures::extraCountsAsAChange()
{
    LiveFigures figures(1.0);
    QVERIFY(figures.shouldRecord(u"parent_value"_s, 100, {{u"children_saw"_s, 0}}, 0, Moment::Running));
    QVERIFY(figures.shouldRecord(u"parent_value"_s, 100, {{u"children_saw"_s, 3}}, 1.5, Moment::Running));
}

QTEST_GUILESS_MAIN(tst_LiveFigures)
#include "tst_livefigures.moc"
