#include "AnalysisScenarios.h"
#include "analysis/WaitForGraph.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

WaitInput labThread(qint64 tid, WaitKind kind = WaitKind::None, qint64 object = 0, QList<qint64> held = {},
                    qint64 pid = 50)
{
    WaitInput input;
    input.pid = pid;
    input.tid = tid;
    input.name = u"t"_s + QString::number(tid);
    input.waitKind = kind;
    input.waitObject = object;
    input.locksHeld = held;
    return input;
}

QList<qint64> orderOf(const DeadlockCycle &cycle)
{
    QList<qint64> tids;
    for (const CycleMember &member : cycle.members)
        tids.append(member.thread.tid);
    return tids;
}

// Producers 1..p and consumers 11..(10+c) on queue 1.
WaitTick queueTick(const QList<WaitInput> &threads, int producers, int consumers)
{
    WaitTick tick;
    tick.threads = threads;
    QueueState queue{1, u"Q1"_s, {}, {}};
    for (int i = 1; i <= producers; ++i)
        queue.producerTids.append(i);
    for (int i = 1; i <= consumers; ++i)
        queue.consumerTids.append(10 + i);
    tick.queues = {queue};
    return tick;
}

} // namespace

class tst_WaitForGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ringIsOneCycleInOrder_data();
    void ringIsOneCycleInOrder();
    void openRingIsNoDeadlock();
    void hugeRingNeedsNoRecursion();
    void separateRingsAreSeparateCycles();
    void queueWaitsAreOrWaits_data();
    void queueWaitsAreOrWaits();
    void joinDeadlock_data();
    void joinDeadlock();
    void ownerDeadLock();
    void selfDeadlock();
    void threadsBehindACycleAreNotMembers();
    void unknownReleasersProveNothing();
};

void tst_WaitForGraph::ringIsOneCycleInOrder_data()
{
    QTest::addColumn<int>("size");
    QTest::newRow("2 threads") << 2;
    QTest::newRow("3 threads") << 3;
    QTest::newRow("5 threads") << 5;
}

void tst_WaitForGraph::ringIsOneCycleInOrder()
{
    QFETCH(int, size);
    // Thread tid 812+i holds L(i+1) and waits for L(i+2); the input lists them backwards so that order of input
    // cannot be mistaken for cycle order.
    WaitTick tick = AnalysisScenarios::lockRing(size, 800, 812, true);
    std::reverse(tick.threads.begin(), tick.threads.end());
    WaitForGraph graph;
    graph.build(tick);
    QCOMPARE(graph.cycles().size(), 1);
    const DeadlockCycle &cycle = graph.cycles().first();
    QList<qint64> expected;
    for (int i = 0; i < size; ++i)
        expected.append(812 + i);
    QCOMPARE(orderOf(cycle), expected);
    for (int i = 0; i < size; ++i) {
        const CycleMember &member = cycle.members[i];
        QCOMPARE(member.thread.pid, 800);
        QCOMPARE(member.waitsFor, u"lock L"_s + QString::number((i + 1) % size + 1));
        QCOMPARE(member.heldBy, 812 + (i + 1) % size);
        QCOMPARE(member.locksHeld, QStringList{u"L"_s + QString::number(i + 1)});
        QCOMPARE(member.releasers, QList<qint64>{812 + (i + 1) % size});
        QVERIFY(graph.isDeadlocked(812 + i));
    }
    QVERIFY(cycle.blockedBehind.isEmpty());
    QVERIFY(graph.ownerDeadLocks().isEmpty());
}

void tst_WaitForGraph::openRingIsNoDeadlock()
{
    const WaitTick tick = AnalysisScenarios::lockRing(5, 800, 812, false);
    WaitForGraph graph;
    graph.build(tick);
    QVERIFY(graph.cycles().isEmpty());
    for (int i = 0; i < 5; ++i)
        QVERIFY(!graph.isDeadlocked(812 + i));
}

void tst_WaitForGraph::hugeRingNeedsNoRecursion()
{
    const WaitTick tick = AnalysisScenarios::lockRing(20000, 800, 1000, true);
    WaitForGraph graph;
    graph.build(tick);
    QCOMPARE(graph.cycles().size(), 1);
    QCOMPARE(graph.cycles().first().members.size(), 20000);
    QCOMPARE(graph.cycles().first().members.last().thread.tid, 1000 + 19999);
}

void tst_WaitForGraph::separateRingsAreSeparateCycles()
{
    WaitTick tick = AnalysisScenarios::lockRing(3, 900, 950, true, 10);
    AnalysisScenarios::merge(&tick, AnalysisScenarios::lockRing(2, 800, 812, true, 1));
    WaitForGraph graph;
    graph.build(tick);
    QCOMPARE(graph.cycles().size(), 2);
    QCOMPARE(graph.cycles()[0].tids(), (QList<qint64>{812, 813}));
    QCOMPARE(graph.cycles()[1].tids(), (QList<qint64>{950, 951, 952}));
}

void tst_WaitForGraph::queueWaitsAreOrWaits_data()
{
    QTest::addColumn<WaitTick>("tick");
    QTest::addColumn<QList<qint64>>("knot"); // empty: no deadlock

    const auto full = WaitKind::QueueFull;
    const auto empty = WaitKind::QueueEmpty;
    QTest::newRow("everyone blocked on the queue: a knot")
        << queueTick({labThread(1, full, 1), labThread(2, full, 1), labThread(11, empty, 1), labThread(12, empty, 1)},
                     2, 2)
        << QList<qint64>{1, 2, 11, 12};
    QTest::newRow("one consumer works: no deadlock")
        << queueTick({labThread(1, full, 1), labThread(2, full, 1), labThread(11, empty, 1), labThread(12)}, 2, 2)
        << QList<qint64>{};
    QTest::newRow("one consumer waits for a lock a working thread holds")
        << queueTick({labThread(1, full, 1), labThread(2, full, 1), labThread(11, empty, 1),
                      labThread(12, WaitKind::Lock, 7), labThread(30, WaitKind::None, 0, {7})},
                     2, 2)
        << QList<qint64>{};
    WaitTick lockKnot = queueTick(
        {labThread(1, full, 1, {7}), labThread(11, WaitKind::Lock, 7), labThread(12, WaitKind::Lock, 7)}, 1, 2);
    lockKnot.locks = {{7, u"L7"_s, 1, 50, true}};
    QTest::newRow("producer holds the lock both consumers wait for") << lockKnot << QList<qint64>{1, 11, 12};
    lockKnot.threads[2] = labThread(12);
    QTest::newRow("same, one consumer works") << lockKnot << QList<qint64>{};
    QTest::newRow("all consumers exited: stuck, but no cycle") << queueTick({labThread(1, full, 1),
                                                                             [] {
                                                                                 WaitInput t = labThread(11);
                                                                                 t.alive = false;
                                                                                 return t;
                                                                             }()},
                                                                            1, 1)
                                                               << QList<qint64>{};
}

void tst_WaitForGraph::queueWaitsAreOrWaits()
{
    QFETCH(WaitTick, tick);
    QFETCH(QList<qint64>, knot);
    for (LockState &lock : tick.locks)
        lock.ownerPid = 50;
    WaitForGraph graph;
    graph.build(tick);
    if (knot.isEmpty()) {
        QVERIFY2(graph.cycles().isEmpty(), qPrintable(QString::number(graph.cycles().size())));
        return;
    }
    QCOMPARE(graph.cycles().size(), 1);
    QCOMPARE(graph.cycles().first().tids(), knot);
    // Each member is listed after a member it waits for, and names a releaser that is in the knot.
    for (const CycleMember &member : graph.cycles().first().members) {
        QVERIFY(knot.contains(member.heldBy));
        QVERIFY(member.releasers.contains(member.heldBy));
    }
}

void tst_WaitForGraph::joinDeadlock_data()
{
    QTest::addColumn<WaitTick>("tick");
    QTest::addColumn<bool>("deadlock");
    const WaitTick join = AnalysisScenarios::joinDeadlock(100, 200);
    QTest::newRow("parent waits, child writes into the full pipe") << join << true;
    WaitTick helper = join;
    helper.threads.append(labThread(201, WaitKind::None, 0, {}, 200));
    QTest::newRow("the child has another thread that works") << helper << false;
    WaitTick secondReader = join;
    secondReader.pipes[0].readerTids.append(300);
    secondReader.threads.append(labThread(300, WaitKind::None, 0, {}, 300));
    QTest::newRow("a second reader works") << secondReader << false;
    WaitTick exited = join;
    exited.processes[1].alive = false;
    exited.threads[1].alive = false;
    QTest::newRow("the child exited") << exited << false;
}

void tst_WaitForGraph::joinDeadlock()
{
    QFETCH(WaitTick, tick);
    QFETCH(bool, deadlock);
    WaitForGraph graph;
    graph.build(tick);
    QCOMPARE(graph.cycles().size(), deadlock ? 1 : 0);
    if (!deadlock)
        return;
    const DeadlockCycle &cycle = graph.cycles().first();
    QCOMPARE(orderOf(cycle), (QList<qint64>{100, 200}));
    QCOMPARE(cycle.members[0].waitsFor, u"child 200"_s);
    QCOMPARE(cycle.members[0].heldBy, 200);
    QCOMPARE(cycle.members[1].waitsFor, u"pipe P1 (full)"_s);
    QCOMPARE(cycle.members[1].heldBy, 100);
    // The graph itself runs parent → child process → child thread → pipe → parent.
    const int parent = graph.threadNode(100);
    const QList<int> fromParent = graph.successors(parent);
    QCOMPARE(fromParent.size(), 1);
    QCOMPARE(graph.nodes()[fromParent.first()].kind, WaitForGraph::NodeKind::Process);
    const int child = graph.successors(fromParent.first()).first();
    QCOMPARE(graph.nodes()[child].id, 200);
    const int pipe = graph.successors(child).first();
    QCOMPARE(graph.nodes()[pipe].kind, WaitForGraph::NodeKind::PipeSpace);
    QCOMPARE(graph.successors(pipe), QList<int>{parent});
}

void tst_WaitForGraph::ownerDeadLock()
{
    WaitTick tick;
    WaitInput owner = labThread(900, WaitKind::None, 0, {1}, 899);
    owner.alive = false;
    tick.threads = {owner, labThread(901, WaitKind::Lock, 1), labThread(902, WaitKind::Lock, 1), labThread(903)};
    tick.locks = {{1, u"L1"_s, 900, 0, true}, {2, u"L2"_s, 777, 776, false}};
    tick.threads.append(labThread(904, WaitKind::Lock, 2));
    WaitForGraph graph;
    graph.build(tick);
    QVERIFY(graph.cycles().isEmpty());
    QCOMPARE(graph.ownerDeadLocks().size(), 2);
    const OwnerDeadLock &first = graph.ownerDeadLocks()[0];
    QCOMPARE(first.lock, u"L1"_s);
    QCOMPARE(first.ownerTid, 900);
    QCOMPARE(first.ownerPid, 899); // from the dead thread, since the lock record did not say
    QCOMPARE(first.waiters.size(), 2);
    QCOMPARE(first.waiters[0].tid, 901);
    QCOMPARE(first.waiters[1].tid, 902);
    const OwnerDeadLock &second = graph.ownerDeadLocks()[1];
    QCOMPARE(second.ownerTid, 777); // not a lab thread any more, but the lock record says it died
    QCOMPARE(second.waiters.size(), 1);
    QVERIFY(graph.isDeadlocked(901));
    QVERIFY(graph.isDeadlocked(904));
    QVERIFY(!graph.isDeadlocked(903));
}

void tst_WaitForGraph::selfDeadlock()
{
    WaitTick tick;
    tick.threads = {labThread(5, WaitKind::Lock, 1, {1})};
    tick.locks = {{1, {}, 5, 50, true}};
    WaitForGraph graph;
    graph.build(tick);
    QCOMPARE(graph.cycles().size(), 1);
    QCOMPARE(graph.cycles().first().members.size(), 1);
    QCOMPARE(graph.cycles().first().members.first().heldBy, 5);
}

void tst_WaitForGraph::threadsBehindACycleAreNotMembers()
{
    WaitTick tick = AnalysisScenarios::lockRing(2, 800, 812, true);
    tick.threads.append(labThread(20, WaitKind::Lock, 1));          // waits for the ring's L1
    tick.threads.append(labThread(21, WaitKind::Lock, 9, {}, 800)); // waits for L9, held by 20
    tick.threads[2].locksHeld = {9};
    tick.locks.append({9, u"L9"_s, 20, 50, true});
    WaitForGraph graph;
    graph.build(tick);
    QCOMPARE(graph.cycles().size(), 1);
    QCOMPARE(graph.cycles().first().tids(), (QList<qint64>{812, 813}));
    QList<qint64> behind;
    for (const ThreadRef &ref : graph.cycles().first().blockedBehind)
        behind.append(ref.tid);
    std::sort(behind.begin(), behind.end());
    QCOMPARE(behind, (QList<qint64>{20, 21}));
    QVERIFY(graph.isDeadlocked(21));
}

void tst_WaitForGraph::unknownReleasersProveNothing()
{
    WaitTick tick;
    // L1 owned by a thread the lab does not see; queue 2 and pipe 3 undescribed; child 99 without lab threads.
    tick.threads = {labThread(1, WaitKind::Lock, 1), labThread(2, WaitKind::QueueFull, 2),
                    labThread(3, WaitKind::PipeRead, 3), labThread(4, WaitKind::Child, 99),
                    labThread(5, WaitKind::Lock, 5)};
    tick.locks = {{1, {}, 4242, 4242, true}, {5, {}, 0, 0, true}};
    tick.processes = {{99, 50, u"child"_s, true}};
    WaitForGraph graph;
    graph.build(tick);
    QVERIFY(graph.cycles().isEmpty());
    QVERIFY(graph.ownerDeadLocks().isEmpty());
    for (qint64 tid = 1; tid <= 5; ++tid)
        QVERIFY(!graph.isDeadlocked(tid));
}

QTEST_APPLESS_MAIN(tst_WaitForGraph)
#include "tst_waitforgraph.moc"
