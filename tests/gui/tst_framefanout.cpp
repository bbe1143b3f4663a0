// The replay's views without a MainWindow: a ReplayController's frames through the one FrameFanOut into the real
// panels, built here on their own. What the tree shows must be FrameRowBuilder's rows of the replayed moment.
#include "CpuLoadChart.h"
#include "EventLogPanel.h"
#include "FrameFanOut.h"
#include "QueueChart.h"
#include "ReplayController.h"
#include "StatusBarController.h"
#include "TaskTreeModel.h"
#include "TaskTreePanel.h"
#include "TimelinePanel.h"
#include "WaitGraphPanel.h"
#include "WaitGraphWidget.h"

#include "frame/FrameRowBuilder.h"

#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_FrameFanOut : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void replayedMomentsReachEveryView();
};

void tst_FrameFanOut::replayedMomentsReachEveryView()
{
    QTabWidget tabs;
    auto *tasks = new TaskTreePanel;
    auto *cpu = new CpuLoadChart;
    auto *queue = new QueueChart;
    auto *timeline = new TimelinePanel;
    auto *waits = new WaitGraphPanel;
    auto *log = new EventLogPanel;
    tabs.addTab(log, u"log"_s);
    tabs.addTab(waits, u"waits"_s);
    tabs.addTab(tasks, u"tasks"_s);
    tabs.addTab(timeline, u"timeline"_s);
    tabs.addTab(cpu, u"cpu"_s);
    tabs.addTab(queue, u"queue"_s);
    QStatusBar bar;
    StatusBarController status(&bar);
    FrameFanOut fanOut({tasks, cpu, queue, timeline, waits, log, &status, &tabs, nullptr});
    QSignalSpy deadlock(&fanOut, &FrameFanOut::deadlockChanged);

    ReplayController replay;
    connect(&replay, &ReplayController::historyShown, &fanOut, &FrameFanOut::showHistory);
    connect(&replay, &ReplayController::moved, &fanOut, &FrameFanOut::showMoment);
    QString error;
    QVERIFY2(replay.load(QStringLiteral(PROCLAB_FIXTURES_DIR "/sessions/complete.jsonl"), &error), qPrintable(error));
    tabs.setCurrentWidget(log); // the graph's tab is not shown: its graph waits

    // Into the recorded deadlock (2.5 … 2.8 s): the tab's mark goes on, and the graph is drawn once its tab is.
    replay.seek(2.6);
    const QList<TaskRow> expected = FrameRowBuilder::rowsOf(replay.moment());
    QVERIFY(!expected.isEmpty());
    QCOMPARE(tasks->model()->rowCount() > 0, true);
    for (const TaskRow &row : expected) {
        const QModelIndex index = tasks->model()->indexOf(row.pid, row.tid);
        QVERIFY2(index.isValid(), qPrintable(u"%1/%2 not shown"_s.arg(row.pid).arg(row.tid)));
        QCOMPARE(TaskState(index.data(TaskTreeModel::StateRole).toInt()), row.state);
    }
    QCOMPARE(deadlock.size(), 1);
    QCOMPARE(deadlock.last().at(0).toBool(), true);
    QVERIFY(waits->graphWidget()->graph().nodes.isEmpty());
    tabs.setCurrentWidget(waits);
    QVERIFY(!waits->graphWidget()->graph().nodes.isEmpty());
    QVERIFY(waits->hasDeadlock() == false); // a replay explains; "Break it" never acts on it

    // Past the resolution, then back: the mark follows the moments, and clear() empties everything.
    replay.seek(replay.duration());
    QCOMPARE(deadlock.last().at(0).toBool(), false);
    replay.seek(2.6);
    QCOMPARE(deadlock.last().at(0).toBool(), true);
    fanOut.clear();
    QCOMPARE(deadlock.last().at(0).toBool(), false);
    QCOMPARE(tasks->model()->rowCount(), 0);
    QVERIFY(waits->graphWidget()->graph().nodes.isEmpty());
    QVERIFY(queue->isHidden());
}

QTEST_MAIN(tst_FrameFanOut)
#include "tst_framefanout.moc"
