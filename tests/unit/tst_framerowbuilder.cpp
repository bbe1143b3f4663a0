#include "frame/FrameRowBuilder.h"
#include "frame/LiveFrames.h"
#include "session/SessionMoment.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

// The one rule that makes rows from what a session knows: the same for a live run (LiveFrames) and a replay
// (a SessionMoment folded from the file), including the cases where the two used to disagree.
class tst_FrameRowBuilder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void processesAndThreads();
    void processWithoutThreads();
    void controlThreadStaysKnownAfterItsLabThreadsEnd();
    void stoppedMainThreadStopsTheProcess_data();
    void stoppedMainThreadStopsTheProcess();
    void unspawnedProcessIsHidden();
    void zombieKeepsItsState();
    void liveOverlayAtTheFilesResolution();
};

namespace {
SessionEvent spawn(qint64 pid, const QString &name, const QString &role)
{
    return {0.1, u"process.spawn"_s, {{u"pid"_s, pid}, {u"ppid"_s, 1}, {u"name"_s, name}, {u"role"_s, role}}};
}

SessionEvent threadStart(qint64 pid, qint64 tid, const QString &role, const QString &name)
{
    return {0.2, u"thread.start"_s, {{u"pid"_s, pid}, {u"tid"_s, tid}, {u"role"_s, role}, {u"name"_s, name}}};
}

SessionEvent sample(qint64 pid, qint64 tid, const QString &state, double running, double cpu = 0)
{
    return {0.3, u"task.sample"_s,
            {{u"pid"_s, pid}, {u"tid"_s, tid}, {u"state"_s, state}, {u"running"_s, running},
             {u"ready"_s, 0.0}, {u"blocked"_s, 1 - running}, {u"cpu"_s, cpu}, {u"core"_s, int(tid % 2)},
             {u"reason"_s, QString()}, {u"tick"_s, 7}}};
}

SessionMoment momentOf(const QList<SessionEvent> &events)
{
    SessionMoment moment;
    for (const SessionEvent &event : events)
        moment.apply(event);
    return moment;
}
} // namespace

void tst_FrameRowBuilder::processesAndThreads()
{
    const SessionMoment moment = momentOf({spawn(500, u"queue-host"_s, u"host"_s),
                                           threadStart(500, 501, u"producer"_s, u"producer-1"_s),
                                           sample(500, 500, u"blocked"_s, 0),
                                           sample(500, 501, u"running"_s, 0.8, 80),
                                           sample(500, 502, u"terminated"_s, 0)});
    const QList<TaskRow> rows = FrameRowBuilder::rowsOf(moment);
    QCOMPARE(rows.size(), 3); // the terminated thread has no row
    QCOMPARE(rows.at(0).tid, 0);
    QCOMPARE(rows.at(0).role, u"host"_s);
    QCOMPARE(rows.at(0).name, u"queue-host"_s);
    QCOMPARE(rows.at(0).state, TaskState::Running); // a thread of it runs
    QCOMPARE(rows.at(0).cpuPercent, 80.0);
    // The mean of its lab threads: the control loop (500, blocked in poll) would make it 0.4 and a process of
    // CPU-bound threads look half blocked (seen in oversubscribe).
    QCOMPARE(rows.at(0).running, 0.8);
    QCOMPARE(rows.at(0).blocked, 0.2);
    QCOMPARE(rows.at(0).threads, 2);
    QCOMPARE(rows.at(0).core, 0); // its main thread's
    QCOMPARE(rows.at(1).tid, 500);
    QCOMPARE(rows.at(1).name, u"queue-host"_s); // a main thread has no thread.start: its process's name
    QCOMPARE(rows.at(2).tid, 501);
    QCOMPARE(rows.at(2).role, u"producer"_s);
    QCOMPARE(rows.at(2).name, u"producer-1"_s);
}

void tst_FrameRowBuilder::controlThreadStaysKnownAfterItsLabThreadsEnd()
{
    // race: the racers end after race_ms and the host's control loop goes on; it is still ProcLab's own thread
    // (seen in the window: "race — waiting for input or output (poll)" came into view when the racers ended).
    const QList<SessionEvent> started{spawn(900, u"race"_s, u"host"_s), threadStart(900, 901, u"racer"_s, u"racer-1"_s),
                                      sample(900, 900, u"blocked"_s, 0), sample(900, 901, u"running"_s, 1)};
    const auto controlOf = [](const QList<TaskRow> &rows) {
        for (const TaskRow &row : rows) {
            if (row.tid == 900)
                return row.labControl;
        }
        return false;
    };
    QVERIFY(controlOf(FrameRowBuilder::rowsOf(momentOf(started))));
    QList<SessionEvent> ended = started;
    ended << SessionEvent{0.5, u"thread.exit"_s, {{u"pid"_s, 900}, {u"tid"_s, 901}, {u"role"_s, u"racer"_s}}};
    QVERIFY(controlOf(FrameRowBuilder::rowsOf(momentOf(ended))));
    // A process that never ran a lab thread (a zombie's child) keeps its main thread in view.
    QVERIFY(!controlOf(FrameRowBuilder::rowsOf(momentOf({spawn(900, u"child"_s, u"child"_s),
                                                        sample(900, 900, u"blocked"_s, 0)}))));
}

void tst_FrameRowBuilder::processWithoutThreads()
{
    // Live used to show Blocked here and replay New: a process seen to start but none of whose threads was
    // sampled yet has not been scheduled as far as the session knows.
    const QList<TaskRow> rows = FrameRowBuilder::rowsOf(momentOf({spawn(600, u"child"_s, u"child"_s)}));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).state, TaskState::New);
    QCOMPARE(rows.at(0).threads, 0);
}

void tst_FrameRowBuilder::stoppedMainThreadStopsTheProcess_data()
{
    QTest::addColumn<QString>("main");
    QTest::addColumn<QString>("other");
    QTest::addColumn<TaskState>("process");
    QTest::newRow("main stopped, other still running") << u"stopped"_s << u"running"_s << TaskState::Stopped;
    QTest::newRow("main blocked, other running") << u"blocked"_s << u"running"_s << TaskState::Running;
    QTest::newRow("other stopped only") << u"blocked"_s << u"stopped"_s << TaskState::Blocked;
}

void tst_FrameRowBuilder::stoppedMainThreadStopsTheProcess()
{
    QFETCH(QString, main);
    QFETCH(QString, other);
    QFETCH(TaskState, process);
    // The other thread has the lower TID, so it is folded in first; the rule may not depend on the order.
    const SessionMoment moment = momentOf({spawn(700, u"w"_s, u"worker"_s), sample(700, 650, other, 0.5),
                                           sample(700, 700, main, 0)});
    QCOMPARE(FrameRowBuilder::rowsOf(moment).at(0).state, process);
}

void tst_FrameRowBuilder::unspawnedProcessIsHidden()
{
    // ProcLab's own process is sampled (its threads are in the file) but was never spawned: no row, live or
    // replayed.
    const QList<TaskRow> rows = FrameRowBuilder::rowsOf(momentOf({sample(10, 10, u"running"_s, 1),
                                                                  sample(10, 11, u"blocked"_s, 0)}));
    QVERIFY(rows.isEmpty());
}

void tst_FrameRowBuilder::zombieKeepsItsState()
{
    const SessionMoment moment = momentOf({spawn(800, u"child"_s, u"child"_s), sample(800, 800, u"running"_s, 1),
                                           {0.5, u"process.exit"_s, {{u"pid"_s, 800}, {u"code"_s, 0}}},
                                           {0.5, u"process.zombie"_s, {{u"pid"_s, 800}, {u"ppid"_s, 1}}}});
    const QList<TaskRow> rows = FrameRowBuilder::rowsOf(moment);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).state, TaskState::Zombie);
    QCOMPARE(rows.at(1).state, TaskState::Zombie);
    // The zombie lesson's children ran a sleeper thread, so their main thread was the control loop; once they are
    // zombies it is all that is left of them, the row Reap acts on, and it shows.
    const QList<TaskRow> slept = FrameRowBuilder::rowsOf(
        momentOf({spawn(800, u"child-1"_s, u"sleeper"_s), threadStart(800, 801, u"sleeper"_s, u"child-1"_s),
                  sample(800, 800, u"blocked"_s, 0), sample(800, 801, u"blocked"_s, 0),
                  {0.4, u"thread.exit"_s, {{u"pid"_s, 800}, {u"tid"_s, 801}, {u"role"_s, u"sleeper"_s}}},
                  {0.5, u"process.exit"_s, {{u"pid"_s, 800}, {u"code"_s, 0}}},
                  {0.5, u"process.zombie"_s, {{u"pid"_s, 800}, {u"ppid"_s, 1}}}}));
    QCOMPARE(slept.size(), 2);
    QCOMPARE(slept.at(1).tid, 800);
    QCOMPARE(slept.at(1).state, TaskState::Zombie);
    QVERIFY(!slept.at(1).labControl);
    QVERIFY(FrameRowBuilder::rowsOf(momentOf({spawn(800, u"c"_s, u"c"_s),
                                              {0.5, u"process.exit"_s, {{u"pid"_s, 800}, {u"code"_s, 0}}}}))
                .isEmpty()); // ended and not a zombie: gone
}

void tst_FrameRowBuilder::liveOverlayAtTheFilesResolution()
{
    LiveFrames live;
    for (const SessionEvent &event : {spawn(500, u"queue-host"_s, u"host"_s),
                                      threadStart(500, 501, u"producer"_s, u"producer-1"_s),
                                      sample(500, 501, u"running"_s, 0.5)})
        live.apply(event);
    Snapshot snapshot;
    snapshot.sequence = 9;
    ProcessSample process;
    process.pid = 500;
    process.name = u"proclab-worker"_s;
    process.stat = 'S';
    snapshot.processes << process;
    TaskSample task;
    task.pid = 500;
    task.tid = 501;
    task.state = TaskState::Running;
    task.stat = 'R';
    task.running = 0.123456;
    task.blocked = 1 - task.running;
    task.cpuPercent = 12.3456;
    snapshot.tasks << task;
    TaskSample stranger = task; // a task the session never heard of (ProcLab's own thread)
    stranger.pid = stranger.tid = 10;
    snapshot.tasks << stranger;
    TelemetrySnapshot telemetry;
    ThreadTelemetrySample slot;
    slot.tid = 501;
    slot.itemsDone = 42;
    telemetry.threads << slot;

    const Frame frame = live.frameOf(snapshot, 1.0, telemetry, nullptr);
    QCOMPARE(frame.tick, 9u);
    QCOMPARE(frame.rows.size(), 2);
    const TaskRow &thread = frame.rows.at(1);
    QCOMPARE(thread.running, 0.1235); // what the file would hold for this tick
    QCOMPARE(thread.cpuPercent, 12.3);
    QCOMPARE(thread.letter, 'R');
    QCOMPARE(thread.itemsDone, 42);
    const TaskRow &host = frame.rows.at(0);
    QCOMPARE(host.command, u"proclab-worker"_s); // the kernel's name in the tool tip
    QCOMPARE(host.itemsDone, 42);
    QCOMPARE(host.letter, 'S');
    QVERIFY(!frame.hasWaits);
}

QTEST_APPLESS_MAIN(tst_FrameRowBuilder)
#include "tst_framerowbuilder.moc"
