// The replay's views without a MainWindow: a ReplayController's frames through the one FrameFanOut into the real
// panels, built here on their own. What the tree shows must be FrameRowBuilder's rows of the replayed moment.
#include "charts/CpuLoadChart.h"
#include "charts/QueueChart.h"
#include "events/EventLogPanel.h"
#include "lessons/ResultCard.h"
#include "replay/ReplayController.h"
#include "tasks/TaskTreeModel.h"
#include "tasks/TaskTreePanel.h"
#include "timeline/TimelinePanel.h"
#include "waitgraph/WaitGraphPanel.h"
#include "waitgraph/WaitGraphWidget.h"
#include "window/FrameFanOut.h"
#include "window/StatusBarController.h"

#include "frame/FrameRowBuilder.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {
// The real panels on their own, each in a tab (the wait-for graph is drawn only while its tab is shown).
FrameFanOut::Views panels(QTabWidget &tabs, StatusBarController &status)
{
    FrameFanOut::Views views;
    views.tasks = new TaskTreePanel;
    views.cpuChart = new CpuLoadChart;
    views.queueChart = new QueueChart;
    views.timeline = new TimelinePanel;
    views.waitGraph = new WaitGraphPanel;
    views.eventLog = new EventLogPanel;
    views.resultCard = new ResultCard;
    tabs.addTab(views.eventLog, u"log"_s);
    tabs.addTab(views.resultCard, u"card"_s);
    tabs.addTab(views.waitGraph, u"waits"_s);
    tabs.addTab(views.tasks, u"tasks"_s);
    tabs.addTab(views.timeline, u"timeline"_s);
    tabs.addTab(views.cpuChart, u"cpu"_s);
    tabs.addTab(views.queueChart, u"queue"_s);
    views.status = &status;
    views.tabs = &tabs;
    return views;
}
} // namespace

class tst_FrameFanOut : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void replayedMomentsReachEveryView();
    void resultCardShowsTheChosenMoment();
};

void tst_FrameFanOut::replayedMomentsReachEveryView()
{
    QTabWidget tabs;
    QStatusBar bar;
    StatusBarController status(&bar);
    const FrameFanOut::Views views = panels(tabs, status);
    TaskTreePanel *tasks = views.tasks;
    QueueChart *queue = views.queueChart;
    WaitGraphPanel *waits = views.waitGraph;
    EventLogPanel *log = views.eventLog;
    FrameFanOut fanOut(views);
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
    QVERIFY(waits->hasDeadlock());
    QCOMPARE(waits->victim(), 0); // a replay explains; "Break it" never acts on it

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

// A recording's figures at a moment: the card shows each figure's last value up to that moment, nothing of later
// ones, and starts over when the position goes back.
void tst_FrameFanOut::resultCardShowsTheChosenMoment()
{
    QTemporaryDir dir;
    QFile fixture(QStringLiteral(PROCLAB_FIXTURES_DIR "/sessions/complete.jsonl"));
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    const QByteArray header = fixture.readLine();
    QFile file(dir.filePath(u"figures.jsonl"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(header);
    file.write(R"({"t":0,"kind":"experiment.start","experiment":"pc-threads","parameters":{}}
{"t":0.5,"kind":"measure","name":"items_through","value":12}
{"t":0.5,"kind":"measure","name":"queue_depth","value":3,"capacity":8}
{"t":1.5,"kind":"measure","name":"items_through","value":12345}
{"t":2.5,"kind":"measure","name":"queue_depth","value":8,"capacity":8}
{"t":3,"kind":"experiment.stop","reason":"duration"}
)");
    file.close();

    QTabWidget tabs;
    QStatusBar bar;
    StatusBarController status(&bar);
    const FrameFanOut::Views views = panels(tabs, status);
    const ResultCard *card = views.resultCard;
    FrameFanOut fanOut(views);
    ReplayController replay;
    connect(&replay, &ReplayController::moved, &fanOut, &FrameFanOut::showMoment);
    connect(&replay, &ReplayController::eventsShown, &fanOut, &FrameFanOut::showEvents);
    QString error;
    QVERIFY2(replay.load(file.fileName(), &error), qPrintable(error));

    replay.seek(1.0);
    QCOMPARE(card->valueOf(u"items_through"_s), u"12"_s);
    QCOMPARE(card->valueOf(u"queue_depth"_s), u"3 of 8"_s);
    replay.seek(2.8);
    QCOMPARE(card->valueOf(u"items_through"_s), u"12,345"_s);
    QCOMPARE(card->valueOf(u"queue_depth"_s), u"8 of 8"_s);
    replay.seek(0.2);
    QCOMPARE(card->figureCount(), 0);
    QCOMPARE(card->valueOf(u"items_through"_s), QString());
    replay.seek(0.6);
    QCOMPARE(card->valueOf(u"items_through"_s), u"12"_s);
}

QTEST_MAIN(tst_FrameFanOut)
#include "tst_framefanout.moc"
