// TaskReadPolicy: which file the sampler reads for a task at a tick, and why — the full read, the first sight,
// the main thread, the read after a run (at once for a letter that would show anything but Blocked and for a
// stopping process, else at the second quiet tick), the rotation and its proof; the blocked reason; the switch
// counts; the rotation's phase.
#include "probe/TaskReadPolicy.h"

#include <QSet>
#include <QTest>

using Stat = TaskReadPolicy::Stat;
using Why = TaskReadPolicy::Why;
Q_DECLARE_METATYPE(TaskReadPolicy::Stat)
Q_DECLARE_METATYPE(TaskReadPolicy::Why)
Q_DECLARE_METATYPE(TaskReadPolicy::Facts)

namespace {
// A sleeping thread of a process with many tasks, read before, that ran since: the start of most rows.
TaskReadPolicy::Facts sleeperThatRan()
{
    TaskReadPolicy::Facts f;
    f.letterSeen = true;
    f.letter = 'S';
    f.processLetter = 'S';
    f.ranSinceLetter = true;
    f.quietTicks = 1;
    return f;
}
} // namespace

class tst_TaskReadPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decideStat_data();
    void decideStat();
    void wakingEveryOtherTickCostsOnlyItsRotation();
    void readReason_data();
    void readReason();
    void readSwitches();
    void rotationPhase();
};

void tst_TaskReadPolicy::decideStat_data()
{
    QTest::addColumn<TaskReadPolicy::Facts>("facts");
    QTest::addColumn<TaskReadPolicy::Stat>("stat");
    QTest::addColumn<TaskReadPolicy::Why>("why");

    TaskReadPolicy::Facts f = sleeperThatRan();
    QTest::newRow("ran, first quiet tick, slept again: deferred") << f << Stat::Skip << Why::None;
    f.quietTicks = 2;
    QTest::newRow("ran, second quiet tick: read") << f << Stat::Read << Why::AfterRun;
    f = sleeperThatRan();
    f.letter = 'D';
    QTest::newRow("D shows blocked too: deferred") << f << Stat::Skip << Why::None;
    f.letter = 'R';
    QTest::newRow("R kept would show Ready: read at once") << f << Stat::Read << Why::AfterRun;
    f.letter = 'T';
    QTest::newRow("T kept would show Stopped: read at once") << f << Stat::Read << Why::AfterRun;
    f.letter = 'Z';
    QTest::newRow("Z: read at once") << f << Stat::Read << Why::AfterRun;
    f = sleeperThatRan();
    f.processLetter = 'T';
    QTest::newRow("its process is stopping: read at once") << f << Stat::Read << Why::AfterRun;
    f.processLetter = 't';
    QTest::newRow("its process is traced and stopped: read at once") << f << Stat::Read << Why::AfterRun;
    f = sleeperThatRan();
    f.fullRead = true;
    QTest::newRow("few tasks: every stat every tick") << f << Stat::Read << Why::FullRead;
    f = sleeperThatRan();
    f.letterSeen = false;
    f.letter = 0;
    QTest::newRow("never read") << f << Stat::Read << Why::FirstSight;
    f = sleeperThatRan();
    f.mainThread = true;
    f.quietTicks = 5;
    QTest::newRow("main thread: the process's stat") << f << Stat::FromProcess << Why::MainThread;

    f = sleeperThatRan();
    f.progressed = true;
    f.quietTicks = 0;
    QTest::newRow("running on: nothing new to read") << f << Stat::Skip << Why::None;
    f.rotationDue = true;
    QTest::newRow("running on, rotation due: read") << f << Stat::Read << Why::Rotation;
    f.nothingElseRunnable = true;
    QTest::newRow("it ran: no proof, read") << f << Stat::Read << Why::Rotation;

    f = sleeperThatRan();
    f.ranSinceLetter = false;
    f.quietTicks = 7;
    QTest::newRow("asleep since its letter was read") << f << Stat::Skip << Why::None;
    f.rotationDue = true;
    QTest::newRow("rotation due, something else runnable: read") << f << Stat::Read << Why::Rotation;
    f.nothingElseRunnable = true;
    QTest::newRow("rotation due, nothing else runnable: proved") << f << Stat::Proved << Why::ProvedUnchanged;
    f.letter = 'R';
    QTest::newRow("R is never proved: it is runnable") << f << Stat::Read << Why::Rotation;

    f = sleeperThatRan();
    f.rotationDue = true;
    f.nothingElseRunnable = true;
    QTest::newRow("deferred, but its rotation is due: read") << f << Stat::Read << Why::Rotation;
}

void tst_TaskReadPolicy::decideStat()
{
    QFETCH(TaskReadPolicy::Facts, facts);
    QFETCH(TaskReadPolicy::Stat, stat);
    QFETCH(TaskReadPolicy::Why, why);
    const TaskReadPolicy::Decision decision = TaskReadPolicy::decideStat(facts);
    QCOMPARE(decision.stat, stat);
    QCOMPARE(decision.why, why);
    QCOMPARE(decision.detailsDue, stat != Stat::Skip && why != Why::MainThread);
}

void tst_TaskReadPolicy::wakingEveryOtherTickCostsOnlyItsRotation()
{
    // A thread that wakes every 200 ms, sampled at 10 Hz: progress, no progress, progress… The facts evolve as
    // TaskSampler keeps them. Over 10 ticks it is read once, for its rotation; before the policy had its
    // deferral, every quiet tick read stat (5 reads).
    TaskReadPolicy::Facts f = sleeperThatRan();
    f.quietTicks = 0;
    int reads = 0;
    for (int tick = 0; tick < 10; ++tick) {
        f.progressed = tick % 2 == 0;
        f.quietTicks = f.progressed ? 0 : f.quietTicks + 1;
        f.ranSinceLetter = f.ranSinceLetter || f.progressed;
        f.rotationDue = tick == 9;
        const TaskReadPolicy::Decision d = TaskReadPolicy::decideStat(f);
        if (d.stat == Stat::Read) {
            ++reads;
            f.ranSinceLetter = false;
        }
    }
    QCOMPARE(reads, 1);
    // The same thread stopped after its last run: read two ticks later at the latest.
    f.progressed = true;
    f.quietTicks = 0;
    f.ranSinceLetter = true;
    f.rotationDue = false;
    int ticksToRead = 0;
    for (; ticksToRead < 5; ++ticksToRead) {
        f.progressed = false;
        ++f.quietTicks;
        if (TaskReadPolicy::decideStat(f).stat == Stat::Read)
            break;
    }
    QCOMPARE(ticksToRead + 1, 2);
}

void tst_TaskReadPolicy::readReason_data()
{
    QTest::addColumn<bool>("wasBlocked");
    QTest::addColumn<bool>("ran");
    QTest::addColumn<qint64>("age");
    QTest::addColumn<bool>("guessed");
    QTest::addColumn<bool>("letterChanged");
    QTest::addColumn<bool>("read");
    const qint64 maxAge = 500;
    QTest::newRow("became blocked") << false << false << qint64(0) << false << false << true;
    QTest::newRow("same wait, did not run") << true << false << 10 * maxAge << false << false << false;
    QTest::newRow("ran, reason young") << true << true << maxAge - 1 << false << false << false;
    QTest::newRow("ran, reason old") << true << true << maxAge << false << false << true;
    QTest::newRow("last reason a guess") << true << false << qint64(0) << true << false << true;
    QTest::newRow("new letter, new wait") << true << false << qint64(0) << false << true << true;
}

void tst_TaskReadPolicy::readReason()
{
    QFETCH(bool, wasBlocked);
    QFETCH(bool, ran);
    QFETCH(qint64, age);
    QFETCH(bool, guessed);
    QFETCH(bool, letterChanged);
    QFETCH(bool, read);
    TaskReadPolicy::ReasonFacts f;
    f.blocked = true;
    f.wasBlocked = wasBlocked;
    f.ranSinceRead = ran;
    f.ageNs = age;
    f.maxAgeNs = 500;
    f.guessed = guessed;
    f.letterChanged = letterChanged;
    QCOMPARE(TaskReadPolicy::readReason(f), read);
    f.blocked = false;
    QVERIFY(!TaskReadPolicy::readReason(f)); // only a blocked task has a reason to read
}

void tst_TaskReadPolicy::readSwitches()
{
    TaskReadPolicy::Decision rotation{Stat::Read, Why::Rotation, true};
    TaskReadPolicy::Decision mainEveryTick{Stat::FromProcess, Why::MainThread, false};
    QVERIFY(TaskReadPolicy::readSwitches(true, true, rotation, false, true));
    QVERIFY(!TaskReadPolicy::readSwitches(false, true, rotation, false, true)); // switched off (--summary)
    QVERIFY(!TaskReadPolicy::readSwitches(true, false, rotation, false, true)); // no letter read this tick
    QVERIFY(!TaskReadPolicy::readSwitches(true, true, rotation, false, false)); // not scheduled since
    QVERIFY(!TaskReadPolicy::readSwitches(true, true, mainEveryTick, true, true)); // main thread, no details due
    mainEveryTick.detailsDue = true;
    QVERIFY(TaskReadPolicy::readSwitches(true, true, mainEveryTick, true, true));
}

void tst_TaskReadPolicy::rotationPhase()
{
    const qint64 period = 1000000000;
    const qint64 now = 5 * period;
    // Later rotations: at the last tick before the letter would pass its age.
    QCOMPARE(TaskReadPolicy::nextRotationNs(false, now, period, period / 10, 42), now + period - period / 10);
    QCOMPARE(TaskReadPolicy::nextRotationNs(false, now, 0, period, 42), now + 1); // never in the past
    // First sightings: spread over the period, not all at once.
    QSet<qint64> buckets;
    for (int tid = 1000; tid < 1100; ++tid) {
        const qint64 next = TaskReadPolicy::nextRotationNs(true, now, period, 0, tid);
        QVERIFY(next > now && next <= now + period);
        buckets.insert((next - now) * 10 / period);
    }
    QVERIFY2(buckets.size() >= 8, "first rotations bunch up");
}

QTEST_APPLESS_MAIN(tst_TaskReadPolicy)
#include "tst_taskreadpolicy.moc"
