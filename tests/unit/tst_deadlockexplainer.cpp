#include "AnalysisScenarios.h"
#include "analysis/DeadlockExplainer.h"
#include "analysis/WaitForGraph.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_DeadlockExplainer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lockRing_data();
    void lockRing();
    void joinDeadlock();
    void queueKnot();
    void ownerDead();
    void inversion();
    void futexMismatch();
};

void tst_DeadlockExplainer::lockRing_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<QString>("text");
    QTest::newRow("two") << 2
                         << u"Thread 812 (lock-taker-1) holds L1 and waits for L2; thread 813 (lock-taker-2) holds L2 "
                            "and waits for L1. Neither can go on: this is a deadlock. Taking the locks in one global "
                            "order (ordered=true) prevents it."_s;
    QTest::newRow("three") << 3
                           << u"Thread 812 (lock-taker-1) holds L1 and waits for L2; thread 813 (lock-taker-2) holds "
                              "L2 and waits for L3; thread 814 (lock-taker-3) holds L3 and waits for L1. None of these "
                              "3 threads can go on: this is a deadlock. Taking the locks in one global order "
                              "(ordered=true) prevents it."_s;
}

void tst_DeadlockExplainer::lockRing()
{
    QFETCH(int, size);
    QFETCH(QString, text);
    const WaitTick tick = AnalysisScenarios::lockRing(size, 800, 812, true);
    WaitForGraph graph;
    graph.build(tick);
    QCOMPARE(graph.cycles().size(), 1);
    QCOMPARE(DeadlockExplainer::explainCycle(graph.cycles().first()), text);
}

void tst_DeadlockExplainer::joinDeadlock()
{
    const WaitTick tick = AnalysisScenarios::joinDeadlock(100, 200);
    WaitForGraph graph;
    graph.build(tick);
    QCOMPARE(graph.cycles().size(), 1);
    QCOMPARE(DeadlockExplainer::explainCycle(graph.cycles().first()),
             u"Thread 100 (parent) waits for its child process 200 to end; thread 200 (child) waits to write into the "
             "full pipe P1. Neither can go on: this is a deadlock. The parent must read everything the child writes "
             "before it waits for the child: drain the pipe, then join."_s);
}

void tst_DeadlockExplainer::queueKnot()
{
    WaitTick tick;
    WaitInput producer;
    producer.pid = 5;
    producer.tid = 6;
    producer.waitKind = WaitKind::QueueFull;
    producer.waitObject = 1;
    WaitInput consumer = producer;
    consumer.tid = 7;
    consumer.waitKind = WaitKind::QueueEmpty;
    tick.threads = {producer, consumer};
    tick.queues = {{1, {}, {6}, {7}}};
    WaitForGraph graph;
    graph.build(tick);
    QCOMPARE(graph.cycles().size(), 1);
    const QString text = DeadlockExplainer::explainCycle(graph.cycles().first());
    QVERIFY2(text.startsWith(u"Thread 6 waits for space in the full queue Q1; thread 7 waits for an item in the "
                             "empty queue Q1. Neither can go on"_s),
             qPrintable(text));
    QVERIFY(text.contains(u"any one of the threads"_s));
    QVERIFY(!text.contains(u"ordered=true"_s));
}

void tst_DeadlockExplainer::ownerDead()
{
    OwnerDeadLock finding;
    finding.lock = u"L1"_s;
    finding.ownerPid = 899;
    finding.ownerTid = 900;
    finding.waiters = {{950, 951, u"waiter-1"_s}, {950, 952, {}}};
    QCOMPARE(DeadlockExplainer::explainOwnerDead(finding),
             u"Lock L1 is still held by thread 900 of process 899, which is gone. Thread 951 (waiter-1), thread 952 "
             "wait(s) for it and can never go on: nobody is left to unlock it. A robust mutex (robust=true) hands it "
             "to the next waiter with EOWNERDEAD, which repairs the shared data and goes on."_s);
}

void tst_DeadlockExplainer::inversion()
{
    LockOrderInversion inversion;
    inversion.orders = {{1, 2, {{7, 812, u"lock-taker-1"_s}}, 0}, {2, 1, {{7, 813, u"lock-taker-2"_s}}, 0}};
    QCOMPARE(DeadlockExplainer::explainInversion(inversion, {{1, u"A"_s}}),
             u"Thread 812 (lock-taker-1) took L2 while holding A; thread 813 (lock-taker-2) took A while holding L2. "
             "Nothing has to hang yet, but if these threads each take their first lock at the same moment, they "
             "deadlock. Taking the locks in one global order prevents it."_s);
}

void tst_DeadlockExplainer::futexMismatch()
{
    FutexMismatch mismatch;
    mismatch.thread = {7, 813, u"lock-taker-2"_s};
    mismatch.telemetryKind = WaitKind::Lock;
    mismatch.telemetryObject = 1;
    mismatch.futex = {FutexObservation::Status::OtherAddress, 0, 0x7f00};
    QCOMPARE(DeadlockExplainer::explainFutexMismatch(mismatch, u"L1"_s, {}),
             u"The telemetry says thread 813 (lock-taker-2) waits for lock L1, but the kernel shows it blocked on a "
             "futex at 0x7f00, which is no known lock or queue. One of the two is out of date or wrong."_s);

    mismatch.telemetryKind = WaitKind::QueueFull;
    mismatch.telemetryObject = 0;
    mismatch.futex = {FutexObservation::Status::Lock, 1, 0x7f00};
    QCOMPARE(DeadlockExplainer::explainFutexMismatch(mismatch, u"Q1"_s, u"L2"_s),
             u"The telemetry says thread 813 (lock-taker-2) waits for room in queue Q1, but the kernel shows it "
             "blocked on lock L2. One of the two is out of date or wrong."_s);
    mismatch.futex = {FutexObservation::Status::NotInFutex, 0, 0};
    QVERIFY(DeadlockExplainer::explainFutexMismatch(mismatch, u"Q1"_s, {}).contains(u"another system call"_s));
}

QTEST_APPLESS_MAIN(tst_DeadlockExplainer)
#include "tst_deadlockexplainer.moc"
