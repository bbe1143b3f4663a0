// Replay of real recorded sessions through the window: sessions are recorded in initTestCase with the real
// `proclab run` binary (deadlock and pc-threads), opened with Session ▸ Open's code path, and at a moment t every
// view — the task tree, the queue chart, the wait-for graph, the state timeline — is compared with what the file
// holds at t, read here independently of SessionReplay. Seeking back then forward must give what seeking there
// directly gives. A 30-minute session is generated to time the seeks.
#include "charts/CpuLoadChart.h"
#include "charts/QueueChart.h"
#include "replay/ReplayController.h"
#include "replay/ReplayHistory.h"
#include "tasks/TaskTreeModel.h"
#include "tasks/TaskTreePanel.h"
#include "timeline/CoreMapWidget.h"
#include "timeline/StateTimelineWidget.h"
#include "timeline/TimelinePanel.h"
#include "waitgraph/WaitGraphPanel.h"
#include "waitgraph/WaitGraphWidget.h"
#include "window/LanguageSwitcher.h"
#include "window/MainWindow.h"
#include "window/SessionMenu.h"

#include "session/SessionReader.h"
#include "session/SessionReplay.h"

#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <ctime>

using namespace Qt::Literals::StringLiterals;

namespace {
struct Recorded
{
    QList<SessionEvent> events;
    double duration = 0;
};

Recorded readAll(const QString &path)
{
    Recorded recorded;
    SessionReader reader;
    if (!reader.open(path))
        return recorded;
    SessionEvent event;
    while (reader.next(&event)) {
        recorded.events << event;
        recorded.duration = std::max(recorded.duration, event.t);
    }
    return recorded;
}

// What the file says of one thread at time t: alive, and its last recorded state.
struct ThreadAt
{
    qint64 pid = 0;
    QString state;
};

QMap<qint64, ThreadAt> threadsAt(const Recorded &recorded, double t)
{
    QMap<qint64, ThreadAt> threads;
    QSet<qint64> reaped;
    for (const SessionEvent &event : recorded.events) {
        if (event.t > t)
            break;
        const qint64 tid = event.fields.value(u"tid"_s).toInteger();
        const qint64 pid = event.fields.value(u"pid"_s).toInteger();
        // A thread is known from its start or, like a process's main thread, from its first sample.
        if (event.kind == u"thread.start"_s || ((event.kind == u"task.sample"_s || event.kind == u"task.state"_s)
                                               && !threads.contains(tid) && !reaped.contains(pid)))
            threads[tid].pid = pid;
        if (event.kind == u"process.reap"_s || event.kind == u"process.exit"_s)
            reaped.insert(pid);
        else if (event.kind == u"thread.exit"_s)
            threads.remove(tid);
        if (event.kind == u"task.sample"_s && threads.contains(tid))
            threads[tid].state = event.fields.value(u"state"_s).toString();
        else if (event.kind == u"task.state"_s && threads.contains(tid))
            threads[tid].state = event.fields.value(u"to"_s).toString();
        else if (event.kind == u"process.exit"_s || event.kind == u"process.reap"_s)
            threads.removeIf([pid](const auto &it) { return it.value().pid == pid; });
    }
    return threads;
}

QString stateName(TaskState state)
{
    static const QStringList names = {u"new"_s,     u"running"_s, u"ready"_s,     u"blocked"_s,
                                      u"stopped"_s, u"zombie"_s,  u"terminated"_s};
    return names.value(int(state));
}

// Everything the views show, to compare two ways of reaching one moment.
struct Shown
{
    QList<QPointF> cpu;
    QList<QPointF> depth;
    QList<std::tuple<qint64, qint64, QList<StateRun>>> lanes;
    QList<QList<CoreRun>> cores;
    QStringList nodes;
    QStringList rows;
    bool operator==(const Shown &) const = default;
};
} // namespace

class tst_ReplayController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyViewShowsTheMoment_data();
    void everyViewShowsTheMoment();
    void seekingBackThenForwardEqualsSeekingThere_data();
    void seekingBackThenForwardEqualsSeekingThere();
    void oldRecordingsStillShowTheirCycle();
    void replaySplitsEachCoreAsLiveDid();
    void seeksALongSessionQuickly();

private:
    static Shown shownBy(MainWindow &window);
    QString m_dir;
    QTemporaryDir m_temp;
};

void tst_ReplayController::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QSettings().setValue(u"settings/record"_s, false);
    QVERIFY(m_temp.isValid());
    m_dir = m_temp.path();
    const QList<QStringList> runs = {
        {u"deadlock"_s, u"--duration"_s, u"4"_s, u"--log"_s, m_dir + u"/deadlock.jsonl"_s},
        {u"pc-threads"_s, u"--duration"_s, u"4"_s, u"--log"_s, m_dir + u"/pc-threads.jsonl"_s},
        {u"oversubscribe"_s, u"--duration"_s, u"3"_s, u"--log"_s, m_dir + u"/oversubscribe.jsonl"_s},
    };
    for (const QStringList &args : runs) {
        QProcess run;
        run.start(QStringLiteral(PROCLAB_BIN_DIR "/proclab"), QStringList{u"run"_s} + args);
        QVERIFY(run.waitForFinished(30000));
        QVERIFY2(run.exitStatus() == QProcess::NormalExit && run.exitCode() == 0, run.readAllStandardError().constData());
    }
}

void tst_ReplayController::cleanupTestCase()
{
    // `proclab run` reaped its lab before it exited: nothing of ours is left.
    QFile children(u"/proc/self/task/%1/children"_s.arg(QCoreApplication::applicationPid()));
    QVERIFY(children.open(QIODevice::ReadOnly));
    QCOMPARE(children.readAll().trimmed(), QByteArray());
}

Shown tst_ReplayController::shownBy(MainWindow &window)
{
    Shown shown;
    window.findChild<CpuLoadChart *>()->flush();
    window.findChild<QueueChart *>()->flush();
    shown.cpu = window.findChild<CpuLoadChart *>()->shownBusyPoints(0);
    shown.depth = window.findChild<QueueChart *>()->shownDepth();
    const TimelinePanel *timeline = window.findChild<TimelinePanel *>();
    for (const ThreadLane &lane : timeline->timeline()->lanes())
        shown.lanes.append({lane.pid, lane.tid, lane.runs});
    shown.cores = timeline->coreMap()->history();
    for (const WaitGraphView::Node &node : window.findChild<WaitGraphPanel *>()->graphWidget()->graph().nodes)
        shown.nodes << node.key + u'/' + QString::number(node.cycle);
    const TaskTreeModel *model = window.findChild<TaskTreePanel *>()->model();
    for (int p = 0; p < model->rowCount(); ++p) {
        const QModelIndex process = model->index(p, 0);
        for (int r = -1; r < model->rowCount(process); ++r) {
            const QModelIndex row = r < 0 ? process : model->index(r, 0, process);
            if (!row.data(TaskTreeModel::LingeringRole).toBool())
                shown.rows << u"%1/%2/%3"_s.arg(row.data(TaskTreeModel::PidRole).toLongLong())
                                  .arg(row.data(TaskTreeModel::TidRole).toLongLong())
                                  .arg(row.data(TaskTreeModel::StateRole).toInt());
        }
    }
    shown.rows.sort();
    return shown;
}

void tst_ReplayController::everyViewShowsTheMoment_data()
{
    QTest::addColumn<QString>("experiment");
    QTest::newRow("deadlock") << u"deadlock"_s;
    QTest::newRow("pc-threads") << u"pc-threads"_s;
}

void tst_ReplayController::everyViewShowsTheMoment()
{
    QFETCH(QString, experiment);
    const QString path = m_dir + u'/' + experiment + u".jsonl"_s;
    const Recorded recorded = readAll(path);
    QVERIFY(recorded.duration > 3);
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    // Large enough for the charts to stand one over the other (ChartStack), so the queue chart is on screen.
    window.resize(1680, 1050);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    SessionMenu *menu = window.sessionMenu();
    QString error;
    QVERIFY2(menu->openReplay(path, &error), qPrintable(error));
    window.findChild<QTabWidget *>(u"bottomTabs"_s)->setCurrentWidget(window.findChild<WaitGraphPanel *>());
    const double t = std::floor(recorded.duration * 0.85 * 1000) / 1000;
    menu->replay()->seek(t);

    // The tree: every thread the file has alive at t, in its recorded state.
    const QMap<qint64, ThreadAt> threads = threadsAt(recorded, t);
    QVERIFY(!threads.isEmpty());
    const TaskTreeModel *model = window.findChild<TaskTreePanel *>()->model();
    const StateTimelineWidget *lanes = window.findChild<TimelinePanel *>()->timeline();
    for (auto it = threads.cbegin(); it != threads.cend(); ++it) {
        const QModelIndex row = model->indexOf(it->pid, it.key());
        QVERIFY2(row.isValid(), qPrintable(u"thread %1 missing"_s.arg(it.key())));
        QCOMPARE(stateName(TaskState(row.data(TaskTreeModel::StateRole).toInt())), it->state);
        // The timeline: its lane ends in that state, and a second earlier it was in the state recorded then.
        QCOMPARE(stateName(lanes->stateAt(it->pid, it.key(), t)), it->state);
        const QMap<qint64, ThreadAt> before = threadsAt(recorded, t - 1.0003);
        if (before.contains(it.key()))
            QCOMPARE(stateName(lanes->stateAt(it->pid, it.key(), t - 1.0003)), before.value(it.key()).state);
    }
    QCOMPARE(lanes->laneCount(), int(threads.size()));
    // The lanes drawn are the task table's threads under the table's names (a main thread carries its process's,
    // a lab thread its thread.start name), the lab's control threads left out as the table leaves them out.
    QStringList tableLanes;
    for (auto it = threads.cbegin(); it != threads.cend(); ++it) {
        const TaskRow *task = model->taskAt(model->indexOf(it->pid, it.key()));
        QVERIFY(task);
        QVERIFY2(!task->name.isEmpty(), qPrintable(u"thread %1 has no name"_s.arg(it.key())));
        if (!task->labControl)
            tableLanes << u"%1 %2"_s.arg(task->tid).arg(task->name);
    }
    QStringList shownLanes = lanes->shownLabels();
    shownLanes.sort();
    tableLanes.sort();
    QCOMPARE(shownLanes, tableLanes);
    QVERIFY(shownLanes.size() < threads.size()); // each lab process's control thread is among the threads

    // The queue chart: one depth point per recorded sample of the last minute (flat stretches drawn by their
    // ends), each at its sample's session time and depth.
    QMap<double, double> depths;
    for (const SessionEvent &event : recorded.events) {
        if (event.kind == u"queue.sample"_s && event.t <= t && event.t >= t - 60)
            depths.insert(event.t, event.fields.value(u"depth"_s).toDouble());
    }
    QueueChart *queue = window.findChild<QueueChart *>();
    queue->flush();
    const QList<QPointF> drawn = queue->shownDepth();
    if (experiment == u"pc-threads"_s) {
        QVERIFY(queue->isVisible());
        QVERIFY(drawn.size() >= 2);
        QVERIFY(depths.size() >= drawn.size());
        QCOMPARE(drawn.last().y(), depths.last());
        for (const QPointF &point : drawn) {
            const auto at = depths.lowerBound(point.x() - 1e-4);
            QVERIFY2(at != depths.cend() && std::abs(at.key() - point.x()) < 1e-3,
                     qPrintable(u"no sample at %1"_s.arg(point.x())));
            QCOMPARE(point.y(), at.value());
        }
    } else {
        QVERIFY(drawn.isEmpty());
        QVERIFY(!queue->isVisible());
    }

    // The wait-for graph: for the deadlock, the cycle the file reports, in red; for pc-threads, no cycle.
    QJsonObject lastCycle;
    for (const SessionEvent &event : recorded.events) {
        if (event.t <= t && event.kind == u"deadlock.detected"_s)
            lastCycle = event.fields;
    }
    const WaitGraphView &graph = window.findChild<WaitGraphPanel *>()->graphWidget()->graph();
    QSet<qint64> inCycle;
    for (const WaitGraphView::Node &node : graph.nodes) {
        if (node.kind == WaitGraphView::NodeKind::Thread && node.cycle >= 0)
            inCycle.insert(node.id);
    }
    QSet<qint64> reported;
    for (const QJsonValue &member : lastCycle.value(u"cycle"_s).toArray())
        reported.insert(member.toObject().value(u"tid"_s).toInteger());
    QCOMPARE(inCycle, reported);
    if (experiment == u"deadlock"_s) {
        QVERIFY(reported.size() >= 2);
        QVERIFY(window.findChild<WaitGraphPanel *>()->explanation().contains(QString::number(*reported.cbegin())));
    } else {
        QVERIFY(graph.indexOf(u"queue:0"_s) >= 0);
    }
}

void tst_ReplayController::seekingBackThenForwardEqualsSeekingThere_data()
{
    everyViewShowsTheMoment_data();
}

void tst_ReplayController::seekingBackThenForwardEqualsSeekingThere()
{
    QFETCH(QString, experiment);
    const QString path = m_dir + u'/' + experiment + u".jsonl"_s;
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    SessionMenu *menu = window.sessionMenu();
    QString error;
    QVERIFY2(menu->openReplay(path, &error), qPrintable(error));
    // Opening shows the log; the graph is built where it is seen.
    window.findChild<QTabWidget *>(u"bottomTabs"_s)->setCurrentWidget(window.findChild<WaitGraphPanel *>());
    ReplayController *replay = menu->replay();
    const double t = replay->duration() * 0.7;
    replay->seek(t);
    const Shown direct = shownBy(window);
    QVERIFY(!direct.lanes.isEmpty());
    QVERIFY(!direct.cpu.isEmpty());
    QVERIFY(!direct.cores.isEmpty());
    QVERIFY(!direct.nodes.isEmpty());

    replay->seek(replay->duration());
    replay->seek(0.3);
    const Shown early = shownBy(window);
    QVERIFY(early != direct);
    replay->seek(t);
    QCOMPARE(shownBy(window), direct);
    // And from the end back to it.
    replay->seek(replay->duration());
    replay->seek(t);
    QCOMPARE(shownBy(window), direct);
}

void tst_ReplayController::oldRecordingsStillShowTheirCycle()
{
    // A recording from before task samples said what each thread waits on: the cycle comes from deadlock.detected.
    QFile in(m_dir + u"/deadlock.jsonl"_s);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QFile out(m_dir + u"/deadlock-v1.jsonl"_s);
    QVERIFY(out.open(QIODevice::WriteOnly));
    int stripped = 0;
    while (!in.atEnd()) {
        QJsonObject line = QJsonDocument::fromJson(in.readLine()).object();
        for (const QString &key : {u"wait"_s, u"wait_on"_s, u"wait_label"_s, u"holds"_s}) {
            if (line.contains(key)) {
                line.remove(key);
                ++stripped;
            }
        }
        out.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    }
    out.close();
    QVERIFY(stripped > 0);
    const Recorded recorded = readAll(out.fileName());
    double detected = -1;
    QSet<qint64> reported;
    for (const SessionEvent &event : recorded.events) {
        if (event.kind == u"deadlock.detected"_s && detected < 0) {
            detected = event.t;
            for (const QJsonValue &member : event.fields.value(u"cycle"_s).toArray())
                reported.insert(member.toObject().value(u"tid"_s).toInteger());
        }
    }
    QVERIFY(detected > 0);
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    QString error;
    QVERIFY2(window.sessionMenu()->openReplay(out.fileName(), &error), qPrintable(error));
    window.findChild<QTabWidget *>(u"bottomTabs"_s)->setCurrentWidget(window.findChild<WaitGraphPanel *>());
    window.sessionMenu()->replay()->seek(detected + 0.05);
    const WaitGraphView &graph = window.findChild<WaitGraphPanel *>()->graphWidget()->graph();
    QSet<qint64> inCycle;
    for (const WaitGraphView::Node &node : graph.nodes) {
        if (node.kind == WaitGraphView::NodeKind::Thread && node.cycle >= 0)
            inCycle.insert(node.id);
    }
    QCOMPARE(inCycle, reported);
    // Before the detection the old file knows of no wait: no cycle.
    window.sessionMenu()->replay()->seek(std::max(0.0, detected - 1.5));
    for (const WaitGraphView::Node &node : window.findChild<WaitGraphPanel *>()->graphWidget()->graph().nodes)
        QCOMPARE(node.cycle, -1);
}

void tst_ReplayController::replaySplitsEachCoreAsLiveDid()
{
    // oversubscribe keeps every core busy with lab threads: a replay's CPU chart shows that time as the lab's, not
    // as other programs'. The lab's share of a core at each cpu.sample is read from the file here on its own: the
    // last recorded running share of each live lab thread on that core, summed, at most the core's busy share.
    const QString path = m_dir + u"/oversubscribe.jsonl"_s;
    const Recorded recorded = readAll(path);
    SessionReplay replay;
    QVERIFY2(replay.load(path), qPrintable(replay.errorString()));
    const ReplayHistory history = ReplayHistory::window(replay, 0, recorded.duration, replay.header().cores);
    QVERIFY(history.cpus.size() >= 3);

    struct Thread { qint64 pid = 0; int core = -1; double running = 0; };
    QHash<qint64, Thread> threads;
    QSet<qint64> processes;
    qsizetype sample = 0;
    double largest = 0;
    for (const SessionEvent &event : recorded.events) {
        const qint64 pid = event.fields.value(u"pid"_s).toInteger();
        const qint64 tid = event.fields.value(u"tid"_s).toInteger();
        if (event.kind == u"process.spawn"_s) {
            processes.insert(pid);
        } else if (event.kind == u"process.exit"_s || event.kind == u"process.reap"_s) {
            processes.remove(pid);
        } else if (event.kind == u"thread.exit"_s) {
            threads.remove(tid);
        } else if (event.kind == u"task.sample"_s) {
            threads[tid] = {pid, event.fields.value(u"core"_s).toInt(-1), event.fields.value(u"running"_s).toDouble()};
        } else if (event.kind == u"cpu.sample"_s && sample < history.cpus.size()) {
            const ReplayHistory::CpuSample &shown = history.cpus.at(sample++);
            QCOMPARE(shown.t, event.t);
            const QJsonArray cpus = event.fields.value(u"cpus"_s).toArray();
            QCOMPARE(shown.labShares.size(), cpus.size());
            for (qsizetype core = 0; core < cpus.size(); ++core) {
                double sum = 0;
                for (const Thread &thread : std::as_const(threads))
                    if (thread.core == core && processes.contains(thread.pid))
                        sum += thread.running;
                const double busy = cpus.at(core).toObject().value(u"busy"_s).toDouble();
                const double expected = std::min({sum, busy, 1.0});
                QVERIFY2(std::abs(shown.labShares.at(core) - expected) < 0.02,
                         qPrintable(u"t=%1 core %2: shown %3, file %4"_s.arg(event.t).arg(core)
                                        .arg(shown.labShares.at(core)).arg(expected)));
                QVERIFY(shown.labShares.at(core) <= busy + 1e-9);
                largest = std::max(largest, shown.labShares.at(core));
            }
        }
    }
    QVERIFY2(largest >= 0.25, qPrintable(u"the lab's largest share of a core was %1"_s.arg(largest)));

    // And the chart draws it in the lab's colour.
    CpuLoadChart chart;
    chart.resize(400, 300);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setHistory(history.cpus);
    double drawn = 0;
    for (int core = 0; core < chart.coreCount(); ++core)
        for (const QPointF &point : chart.shownLabPoints(core))
            drawn = std::max(drawn, point.y());
    QVERIFY2(drawn >= 25, qPrintable(u"the lab's area reaches only %1 %"_s.arg(drawn)));
}

void tst_ReplayController::seeksALongSessionQuickly()
{
    // 30 minutes of pc-threads at 10 Hz with 40 threads: samples as the recorder writes them (task.sample twice a
    // second, a state change every few, cpu.sample twice a second, queue.sample every tick).
    const QString path = m_dir + u"/long.jsonl"_s;
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"format":"proclab-session","version":1,"start_unix":1764057600,"cores":2,"experiment":"pc-threads"})"
                   "\n");
        file.write(R"({"t":0,"kind":"process.spawn","pid":100,"ppid":1,"name":"proclab-worker","role":"pc-threads"})"
                   "\n");
        constexpr int Threads = 40;
        for (int i = 1; i <= Threads; ++i)
            file.write(u"{\"t\":0,\"kind\":\"thread.start\",\"pid\":100,\"tid\":%1,\"role\":\"%2-%1\"}\n"_s
                           .arg(100 + i).arg(i % 2 ? u"producer"_s : u"consumer"_s).toUtf8());
        const char *states[] = {"running", "blocked", "ready"};
        for (int tick = 1; tick <= 18000; ++tick) {
            const double t = tick / 10.0;
            QByteArray lines;
            lines += u"{\"t\":%1,\"kind\":\"queue.sample\",\"queue\":\"Q1\",\"depth\":%2,\"capacity\":8,\"puts\":%3,"
                     "\"gets\":%4,\"blocked_putters\":1,\"blocked_getters\":0}\n"_s
                         .arg(t).arg(tick % 9).arg(tick * 3).arg(tick * 3 - tick % 9).toUtf8();
            if (tick % 5 == 0) {
                lines += u"{\"t\":%1,\"kind\":\"cpu.sample\",\"cpus\":[{\"core\":0,\"busy\":0.5,\"user\":0.4,\"system\":0.1,"
                         "\"iowait\":0,\"steal\":0},{\"core\":1,\"busy\":0.3,\"user\":0.2,\"system\":0.1,\"iowait\":0,"
                         "\"steal\":0}]}\n"_s.arg(t).toUtf8();
                for (int i = 1; i <= Threads; ++i)
                    lines += u"{\"t\":%1,\"kind\":\"task.sample\",\"pid\":100,\"tid\":%2,\"state\":\"%3\",\"running\":0.3,"
                             "\"ready\":0.1,\"blocked\":0.6,\"cpu\":30,\"core\":%4,\"reason\":\"\"}\n"_s
                                 .arg(t).arg(100 + i).arg(QLatin1StringView(states[(tick / 5 + i) % 3])).arg(i % 2)
                                 .toUtf8();
            }
            file.write(lines);
        }
    }
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    QString error;
    QElapsedTimer load;
    load.start();
    QVERIFY2(window.sessionMenu()->openReplay(path, &error), qPrintable(error));
    qInfo("loaded 30 min, %lld events, in %lld ms", qint64(window.sessionMenu()->replay()->replay().events().size()),
          load.elapsed());
    ReplayController *replay = window.sessionMenu()->replay();
    QCOMPARE(replay->duration(), 1800.0);
    // The cost is the CPU time the seek takes (the kernel's own account of this process), not wall time: on a
    // 2-core machine that other builds load, wall time measures their load as much as the seek.
    const auto cpuMicroseconds = [] {
        timespec ts{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
        return qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
    };
    QList<qint64> costs;
    QList<qint64> wall;
    for (double t : {1700.0, 200.0, 1200.0, 900.0, 61.0, 1799.0}) {
        QElapsedTimer timer;
        timer.start();
        const qint64 cpuBefore = cpuMicroseconds();
        replay->seek(t);
        QCoreApplication::processEvents(); // the views paint what they were given
        costs << cpuMicroseconds() - cpuBefore;
        wall << timer.nsecsElapsed() / 1000;
        QCOMPARE(window.findChild<TimelinePanel *>()->timeline()->laneCount(), 40);
    }
    std::sort(costs.begin(), costs.end());
    std::sort(wall.begin(), wall.end());
    qInfo("seek (views included), CPU µs: median %lld, max %lld; wall µs: median %lld", costs.at(costs.size() / 2),
          costs.last(), wall.at(wall.size() / 2));
    QVERIFY2(costs.at(costs.size() / 2) < 100000,
             qPrintable(u"median seek %1 µs of CPU"_s.arg(costs.at(costs.size() / 2))));
}

QTEST_MAIN(tst_ReplayController)
#include "tst_replaycontroller.moc"
