#include "timeline/CoreMapWidget.h"
#include "timeline/StateTimelineWidget.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_TimelineWidgets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lanesFollowStates();
    void historyIsBounded();
    void coreMapShowsTheBusiestThread();
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

QTEST_MAIN(tst_TimelineWidgets)
#include "tst_timelinewidgets.moc"
