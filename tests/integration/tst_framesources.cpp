// The done-when test of the one frame: a real experiment recorded while its live frames are taken as the window
// takes them (LiveFrames over ExperimentRun), then the recording replayed at the same moments through the rule
// the replay window uses (SessionReplay + FrameRowBuilder). The frames must agree: the same rows in the same
// states, the same shares wherever the file kept that tick's sample, the same queues, cores, deadlock and
// waits.
#include "ChildrenLeft.h"

#include "analysis/WaitForGraph.h"
#include "base/LabRole.h"
#include "control/SupervisorSetup.h"
#include "experiments/ExperimentCatalogue.h"
#include "experiments/ExperimentRun.h"
#include "frame/FrameRowBuilder.h"
#include "frame/LiveFrames.h"
#include "probe/TaskStateName.h"
#include "session/SessionReplay.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

class tst_FrameSources : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void liveEqualsReplay_data();
    void liveEqualsReplay();

private:
    struct LiveFrame
    {
        Frame frame;
        qsizetype events = 0; // events recorded when the frame was made
    };
};

namespace {
QString describe(const TaskRow &row)
{
    return u"%1/%2 %3 (%4)"_s.arg(row.pid).arg(row.tid).arg(row.name, TaskStateName::name(row.state));
}

// What each waiting thread of a frame waits for, and the cycles the graph finds in it.
QMap<qint64, int> waitKinds(const WaitTick &waits)
{
    QMap<qint64, int> kinds;
    for (const WaitInput &thread : waits.threads) {
        if (thread.alive && thread.waitKind != WaitKind::None)
            kinds.insert(thread.tid, int(thread.waitKind));
    }
    return kinds;
}

// The threads a frame's wait-for graph draws, with their names ("812 lock-taker-1" in the graph).
QMap<qint64, QString> graphThreads(const WaitTick &waits)
{
    QMap<qint64, QString> threads;
    for (const WaitInput &thread : waits.threads) {
        if (thread.alive)
            threads.insert(thread.tid, thread.name);
    }
    return threads;
}

QList<QList<qint64>> cyclesOf(const WaitTick &waits)
{
    WaitForGraph graph;
    graph.build(waits);
    QList<QList<qint64>> cycles;
    for (const DeadlockCycle &cycle : graph.cycles())
        cycles << cycle.tids();
    std::sort(cycles.begin(), cycles.end());
    return cycles;
}
} // namespace

void tst_FrameSources::initTestCase()
{
    qputenv("PROCLAB_WORKER", PROCLAB_BIN_DIR "/proclab-worker");
    QVERIFY(QFile::exists(QStringLiteral(PROCLAB_BIN_DIR "/proclab-worker")));
    SupervisorSetup::prepare();
}

void tst_FrameSources::cleanup()
{
    QTRY_VERIFY_WITH_TIMEOUT(childrenLeft().isEmpty(), 5000);
}

void tst_FrameSources::liveEqualsReplay_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("deadlocks");
    QTest::addColumn<bool>("ghosts");
    // Threads, a bounded queue, blocked putters and getters.
    QTest::newRow("pc-threads") << u"pc-threads"_s << false << false;
    // Locks taken in opposite order: waits on locks, a cycle, deadlock.detected.
    QTest::newRow("deadlock") << u"deadlock"_s << true << false;
    // The holder killed holding L1: its ghost row (and its thread's), live and replayed alike.
    QTest::newRow("kill-holding-lock") << u"kill-holding-lock"_s << false << true;
    // The parent killed: its ghost, and the orphans' PPID change.
    QTest::newRow("orphan") << u"orphan"_s << false << true;
    // A parent joining a child that writes into a full pipe: a cycle through a process the joiner's thread forked
    // by itself, which is a row of its own (role joiner-child, the parent's PID as its PPID).
    QTest::newRow("join-deadlock") << u"join-deadlock"_s << true << false;
}

void tst_FrameSources::liveEqualsReplay()
{
    QFETCH(QString, id);
    QFETCH(bool, deadlocks);
    QFETCH(bool, ghosts);
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString log = folder.filePath(u"run.jsonl"_s);

    std::unique_ptr<Experiment> experiment = ExperimentCatalogue::create(id);
    QVERIFY(experiment);
    const ParameterValues values = experiment->defaults();
    ExperimentRun::Options options;
    options.intervalMs = 100;
    options.logPath = log;
    ExperimentRun run(std::move(experiment), values, options);

    // As SessionController does: every recorded event into the live moment, a frame at every sample.
    LiveFrames live;
    qsizetype recorded = 0;
    QList<LiveFrame> frames;
    connect(&run, &ExperimentRun::event, this, [&](const SessionEvent &event) {
        live.apply(event);
        ++recorded;
    });
    connect(&run, &ExperimentRun::sampled, this,
            [&](const std::shared_ptr<const Snapshot> &snapshot, const TelemetrySnapshot &telemetry) {
                const double t = run.clock().at(snapshot->monotonicNs);
                frames << LiveFrame{live.frameOf(*snapshot, t, telemetry, run.lastWaits()), recorded};
            });
    QVERIFY2(run.start(), qPrintable(run.errorString()));
    // Ticks are counted, not seconds: a busy machine only makes the run longer. A deadlock run goes on a few
    // ticks past the first deadlocked frame so that its moments are compared too.
    const auto enough = [&] {
        if (frames.size() < 30)
            return false;
        if (!deadlocks)
            return true;
        const auto first = std::find_if(frames.cbegin(), frames.cend(), [](const LiveFrame &f) {
            return f.frame.deadlocked;
        });
        return first != frames.cend() && frames.cend() - first > 5;
    };
    QTRY_VERIFY_WITH_TIMEOUT(enough(), 90000);
    run.stop();

    SessionReplay replay;
    QVERIFY2(replay.load(log), qPrintable(replay.errorString()));
    QCOMPARE(replay.events().size(), recorded); // the file holds every event the live moment was fed

    int sampledRows = 0;
    int cpuFrames = 0;
    int deadlockedFrames = 0;
    int seekable = 0;
    int ghostRows = 0;
    int joinerChildRows = 0;
    for (const LiveFrame &live : std::as_const(frames)) {
        const Frame &a = live.frame;
        const SessionMoment moment = replay.momentAfter(live.events);
        // Usually the replay window's own seek lands on the same moment; on a late tick the next samples are
        // stamped before this one ended, and the seek takes them too.
        if (replay.eventsUntil(moment.t) == live.events)
            ++seekable;
        const Frame b = FrameRowBuilder::frameOf(moment, a.t);
        const QString at = u" at tick %1 (t=%2)"_s.arg(a.tick).arg(a.t);

        QCOMPARE(b.rows.size(), a.rows.size());
        QHash<quint64, const TaskRow *> replayed;
        for (const TaskRow &row : b.rows)
            replayed.insert(row.key(), &row);
        QHash<qint64, bool> processSampled; // every thread of the process was sampled at this tick
        for (const TaskRow &row : a.rows) {
            if (!row.isProcess()) {
                const bool sampled = moment.tasks.value(row.tid).tick == a.tick;
                processSampled[row.pid] = processSampled.value(row.pid, true) && sampled;
            }
        }
        for (const TaskRow &row : a.rows) {
            const TaskRow *other = replayed.value(row.key());
            QVERIFY2(other, qPrintable(u"no replayed row for "_s + describe(row) + at));
            QVERIFY2(other->state == row.state && other->name == row.name && other->role == row.role
                         && other->ppid == row.ppid && other->threads == row.threads,
                     qPrintable(describe(row) + u" replayed as "_s + describe(*other) + at));
            QVERIFY2(other->ghost == row.ghost && other->formerPpid == row.formerPpid
                         && (!row.ghost || other->reason == row.reason),
                     qPrintable(u"ghost or re-parenting of "_s + describe(row) + at));
            ghostRows += row.ghost;
            if (row.isProcess() && row.role == LabRole::JoinerChild) {
                const auto parent = std::find_if(a.rows.cbegin(), a.rows.cend(), [&](const TaskRow &r) {
                    return r.isProcess() && r.pid == row.ppid && r.role == LabRole::Host;
                });
                QVERIFY2(parent != a.rows.cend(), qPrintable(u"the joiner's child's parent: "_s + describe(row) + at));
                ++joinerChildRows;
            }
            const bool sampled = row.isProcess() ? processSampled.value(row.pid, false)
                                                 : moment.tasks.value(row.tid).tick == a.tick;
            if (!sampled)
                continue;
            ++sampledRows;
            QVERIFY2(std::abs(other->running - row.running) < 1e-9 && std::abs(other->ready - row.ready) < 1e-9
                         && std::abs(other->blocked - row.blocked) < 1e-9
                         && std::abs(other->cpuPercent - row.cpuPercent) < 1e-9 && other->core == row.core
                         && other->reason == row.reason,
                     qPrintable(u"shares of "_s + describe(row) + at));
        }
        QCOMPARE(b.queueNames, a.queueNames);
        for (qsizetype q = 0; q < a.queues.size(); ++q) {
            QCOMPARE(b.queues.at(q).depth, a.queues.at(q).depth);
            QCOMPARE(b.queues.at(q).puts, a.queues.at(q).puts);
            QCOMPARE(b.queues.at(q).blockedPutters, a.queues.at(q).blockedPutters);
        }
        if (std::abs(moment.cpusT - a.t) < 1e-6) { // the file kept this tick's cores
            ++cpuFrames;
            QCOMPARE(b.cpus.size(), a.cpus.size());
            for (qsizetype c = 0; c < a.cpus.size(); ++c)
                QCOMPARE(b.cpus.at(c).busy, a.cpus.at(c).busy);
        }
        QVERIFY2(b.deadlocked == a.deadlocked, qPrintable(u"deadlocked"_s + at));
        deadlockedFrames += a.deadlocked;
        // The orphans' sleepers run no lab thread the analysis follows: no wait-for input live.
        QVERIFY(a.hasWaits || id == u"orphan"_s);
        if (!a.hasWaits)
            continue;
        QVERIFY2(waitKinds(b.waits) == waitKinds(a.waits), qPrintable(u"waits"_s + at));
        QVERIFY2(cyclesOf(b.waits) == cyclesOf(a.waits), qPrintable(u"cycles"_s + at));
        // Who writes and who reads a pipe (the joiner's child writes, the joiner reads), in a replay as live.
        QCOMPARE(b.waits.pipes.size(), a.waits.pipes.size());
        for (qsizetype p = 0; p < a.waits.pipes.size(); ++p) {
            QVERIFY2(b.waits.pipes.at(p).writerTids == a.waits.pipes.at(p).writerTids
                         && b.waits.pipes.at(p).readerTids == a.waits.pipes.at(p).readerTids,
                     qPrintable(u"the pipe's ends"_s + at));
        }
        // The replay draws the threads the live graph drew, by the same names: no control thread, no bare role.
        const QMap<qint64, QString> liveDrawn = graphThreads(a.waits);
        const QMap<qint64, QString> replayDrawn = graphThreads(b.waits);
        // (A thread sampled before its thread.start reaches the file is nameless in replay in the run's first half
        // second; live has its name from the telemetry. A known gap, in docs/architecture.md's departures.)
        for (auto it = replayDrawn.cbegin(); it != replayDrawn.cend(); ++it)
            QVERIFY2(liveDrawn.value(it.key()) == it.value() || (it.value().isEmpty() && a.t < 0.5),
                     qPrintable(u"thread %1 %2 (live: %3)"_s.arg(it.key()).arg(it.value(), liveDrawn.value(it.key()))
                                + at));
    }
    // The comparisons above must have had something to compare.
    QVERIFY2(sampledRows >= frames.size() / 2, qPrintable(u"only %1 sampled rows"_s.arg(sampledRows)));
    QVERIFY(cpuFrames >= 5);
    QVERIFY(seekable >= frames.size() / 2);
    QCOMPARE(deadlockedFrames > 0, deadlocks);
    QCOMPARE(ghostRows > 0, ghosts);
    QCOMPARE(joinerChildRows > 0, id == u"join-deadlock"_s);
    QVERIFY(std::any_of(frames.cbegin(), frames.cend(), [](const LiveFrame &f) { return f.frame.rows.size() > 2; }));
}

QTEST_GUILESS_MAIN(tst_FrameSources)
#include "tst_framesources.moc"
