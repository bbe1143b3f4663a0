#include "timeline/CoreMapWidget.h"
#include "timeline/StateTimelineWidget.h"
#include "timeline/TimeSpan.h"
#include "tasks/TaskStateStyle.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_TimelineWidgets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lanesFollowStates();
    void historyIsBounded();
    void coreMapShowsTheBusiestThread();
    void coreMapLeavesOutTheControlLoop();
    void timeSpanFitsTheRun();
    void aShortRunFillsTheTimeline();
};

static TaskRow row(qint64 tid, TaskState state, int core = -1, double running = 0)
{
    TaskRow r;
    r.pid = 100;
    r.tid = tid;
    r.name = u"t%1"_s.arg(tid);
    r.state = state;
    r.core = core;
    r.running = running;
    return r;
}

void tst_TimelineWidgets::lanesFollowStates()
{
    StateTimelineWidget timeline;
    timeline.addSample(1.0, {row(101, TaskState::Running), row(102, TaskState::Blocked)});
    timeline.addSample(1.1, {row(101, TaskState::Running), row(102, TaskState::Blocked)});
    timeline.addSample(1.2, {row(101, TaskState::Ready), row(102, TaskState::Blocked)});
    QCOMPARE(timeline.laneCount(), 2);
    QCOMPARE(timeline.stateAt(100, 101, 1.05), TaskState::Running);
    QCOMPARE(timeline.stateAt(100, 101, 1.15), TaskState::Ready);
    QCOMPARE(timeline.stateAt(100, 102, 1.15), TaskState::Blocked);
    timeline.resize(600, 200);
    QImage image(timeline.size(), QImage::Format_ARGB32);
    timeline.render(&image); // paints without a window
}

void tst_TimelineWidgets::historyIsBounded()
{
    StateTimelineWidget timeline;
    timeline.setWindowSeconds(10);
    for (int i = 0; i < 1000; ++i)
        timeline.addSample(i * 0.1, {row(101, i % 2 ? TaskState::Running : TaskState::Ready)});
    QCOMPARE(timeline.laneCount(), 1);
    QCOMPARE(timeline.stateAt(100, 101, 5), TaskState::Terminated); // dropped: older than the window
    timeline.addSample(200, {row(102, TaskState::Blocked)});
    QCOMPARE(timeline.laneCount(), 1); // 101 has not been seen for longer than the window
}

void tst_TimelineWidgets::coreMapShowsTheBusiestThread()
{
    CoreMapWidget map;
    map.setCoreCount(2);
    map.addSample(1.0, {row(101, TaskState::Running, 0, 0.9), row(102, TaskState::Running, 0, 0.5),
                        row(103, TaskState::Ready, 1, 0.1)});
    map.addSample(1.1, {row(101, TaskState::Running, 0, 0.9), row(103, TaskState::Running, 1, 0.6)});
    QCOMPARE(map.threadAt(0, 1.05), 101);
    QCOMPARE(map.threadAt(1, 1.05), 103);
    QCOMPARE(map.threadAt(1, 0.5), 0);
}

void tst_TimelineWidgets::coreMapLeavesOutTheControlLoop()
{
    // A worker's main thread spawns its lab threads at the start, before any thread.start says that it is the
    // control loop: it ran, then it is known. Its slices leave the map, and the lab thread takes the core.
    CoreMapWidget map;
    map.setCoreCount(1);
    TaskRow main = row(100, TaskState::Running, 0, 0.9);
    map.addSample(0.9, {main});
    map.addSample(1.0, {main});
    QCOMPARE(map.threadAt(0, 0.95), 100);
    main.labControl = true;
    map.addSample(1.1, {main, row(101, TaskState::Running, 0, 0.3)});
    QCOMPARE(map.threadAt(0, 0.95), 0);
    QCOMPARE(map.threadAt(0, 1.05), 101); // main was busier, but the control loop does not count
    for (const CoreRun &run : map.history().first())
        QVERIFY(run.tid != 100);
}

void tst_TimelineWidgets::timeSpanFitsTheRun()
{
    // Short runs from 0, rounded up to a readable length; long ones the last minute.
    QCOMPARE(TimeSpan::fitting(0).to, 5.0);
    QCOMPARE(TimeSpan::fitting(2.8).from, 0.0);
    QCOMPARE(TimeSpan::fitting(2.8).to, 5.0);
    QCOMPARE(TimeSpan::fitting(5.2).to, 10.0);
    QCOMPARE(TimeSpan::fitting(41).to, 45.0);
    QCOMPARE(TimeSpan::fitting(59.9).to, 60.0);
    QCOMPARE(TimeSpan::fitting(75).from, 15.0);
    QCOMPARE(TimeSpan::fitting(75).to, 75.0);
    QCOMPARE(TimeSpan::fitting(8, 10).to, 10.0);
    QCOMPARE(TimeSpan::fitting(12, 10).from, 2.0);
    // At most six labels, on round seconds.
    for (const double now : {0.0, 3.0, 14.0, 29.0, 44.0, 60.0, 130.5}) {
        const QList<double> ticks = TimeSpan::fitting(now).ticks();
        QVERIFY2(ticks.size() >= 2 && ticks.size() <= 7, qPrintable(QString::number(now)));
        for (const double tick : ticks)
            QCOMPARE(std::fmod(tick, TimeSpan::fitting(now).tickStep()), 0.0);
    }
}

void tst_TimelineWidgets::aShortRunFillsTheTimeline()
{
    // A thread Running for the whole of a 3-second run: its lane is coloured from the left third of the plot on,
    // not only along the last twentieth of a 60-second window.
    StateTimelineWidget timeline;
    for (int i = 0; i <= 30; ++i)
        timeline.addSample(i * 0.1, {row(101, TaskState::Running)});
    timeline.resize(700, 60);
    QImage image(timeline.size(), QImage::Format_ARGB32);
    timeline.render(&image);
    const int plotLeft = StateTimelineWidget::LabelWidth;
    const int plotWidth = timeline.width() - StateTimelineWidget::LabelWidth - 6;
    const int y = StateTimelineWidget::HeaderHeight + StateTimelineWidget::LaneHeight / 2;
    const QColor running = TaskStateStyle::runningColor();
    const auto isRunning = [&](double t) {
        const QColor pixel = image.pixelColor(int(plotLeft + t / 5.0 * plotWidth), y);
        return std::abs(pixel.red() - running.red()) < 30 && std::abs(pixel.green() - running.green()) < 30
            && std::abs(pixel.blue() - running.blue()) < 30;
    };
    QVERIFY2(isRunning(0.5), "the lane is not coloured at 0.5 s of a 3-second run");
    QVERIFY2(isRunning(1.5), "the lane is not coloured at 1.5 s of a 3-second run");
    QVERIFY2(isRunning(2.8), "the lane is not coloured at 2.8 s of a 3-second run");
    QVERIFY2(!isRunning(4.5), "the lane is coloured after the run's last sample");
}

QTEST_MAIN(tst_TimelineWidgets)
#include "tst_timelinewidgets.moc"
