#include "AnalysisScenarios.h"
#include "analysis/DeadlockMonitor.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

QList<SessionEvent> ofKind(const QList<SessionEvent> &events, const QString &kind)
{
    QList<SessionEvent> result;
    for (const SessionEvent &event : events) {
        if (event.kind == kind)
            result.append(event);
    }
    return result;
}

QList<qint64> cycleTids(const SessionEvent &event)
{
    QList<qint64> tids;
    for (const QJsonValue &entry : event.fields.value(u"cycle"_s).toArray())
        tids.append(entry.toObject().value(u"tid"_s).toInteger());
    return tids;
}

WaitTick at(WaitTick tick, double t)
{
    tick.t = t;
    return tick;
}

} // namespace

class tst_DeadlockMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ringReportedWithinTwoTicks_data();
    void ringReportedWithinTwoTicks();
    void transientCycleIsNotReported();
    void newWaitBetweenTicksIsNotTheSameCycle();
    void orderedAcquisitionNeverReported();
    void oppositeOrdersDeadlockIsReportedOnTheNextTick();
    void heavyContentionNeverReported();
    void ownerDeadReportedOnceWithWaiters();
    void resolvedWhenAMemberDies();
    void resolvedWhenStopped();
    void joinDeadlockEvent();
    void futexMismatchIsAWarning();
};

void tst_DeadlockMonitor::ringReportedWithinTwoTicks_data()
{
    QTest::addColumn<int>("size");
    QTest::newRow("2 threads") << 2;
    QTest::newRow("3 threads") << 3;
    QTest::newRow("5 threads") << 5;
}

void tst_DeadlockMonitor::ringReportedWithinTwoTicks()
{
    QFETCH(int, size);
    DeadlockMonitor monitor;
    // Bystanders that work all along.
    WaitTick bystanders = AnalysisScenarios::lockRing(3, 900, 950, false, 50);
    bystanders.threads.last().waitKind = WaitKind::None;
    // The sampler's tick numbers, unrelated to the times: the report carries the number of the tick it came on.
    quint64 sequence = 40;
    const auto tickOf = [&](bool closed, double t) {
        WaitTick tick = AnalysisScenarios::lockRing(size, 800, 812, closed);
        AnalysisScenarios::merge(&tick, bystanders);
        tick.sequence = ++sequence;
        return at(tick, t);
    };
    QVERIFY(ofKind(monitor.analyse(tickOf(false, 0.1)), u"deadlock.detected"_s).isEmpty());
    QVERIFY(ofKind(monitor.analyse(tickOf(true, 0.2)), u"deadlock.detected"_s).isEmpty()); // formed: seen once
    const QList<SessionEvent> events = monitor.analyse(tickOf(true, 0.3));
    const QList<SessionEvent> detected = ofKind(events, u"deadlock.detected"_s);
    QCOMPARE(detected.size(), 1);
    QCOMPARE(detected.first().t, 0.3);
    QCOMPARE(detected.first().fields.value(u"tick"_s).toInteger(), 43); // formed at 42, reported on the next tick
    QList<qint64> ring;
    for (int i = 0; i < size; ++i)
        ring.append(812 + i);
    QCOMPARE(cycleTids(detected.first()), ring);
    const QJsonObject first = detected.first().fields.value(u"cycle"_s).toArray().first().toObject();
    QCOMPARE(first.value(u"pid"_s).toInteger(), 800);
    QCOMPARE(first.value(u"waits_for"_s).toString(), u"lock L2"_s);
    QCOMPARE(first.value(u"held_by"_s).toInteger(), 813);
    QVERIFY(detected.first().fields.value(u"explanation"_s).toString().contains(u"deadlock"_s));
    // Reported once, however long it lasts.
    for (int i = 0; i < 5; ++i)
        QVERIFY(ofKind(monitor.analyse(tickOf(true, 0.4 + i)), u"deadlock.detected"_s).isEmpty());
    QCOMPARE(monitor.deadlocksReported(), 1);
    QCOMPARE(monitor.activeDeadlocks().size(), 1);
    // The ring is also a lock-order cycle, reported once.
    QCOMPARE(monitor.inversionsReported(), 1);
}

void tst_DeadlockMonitor::transientCycleIsNotReported()
{
    DeadlockMonitor monitor;
    for (int i = 0; i < 50; ++i) {
        const QList<SessionEvent> events = monitor.analyse(at(AnalysisScenarios::lockRing(3, 800, 812, i % 2 == 1), i));
        QVERIFY(ofKind(events, u"deadlock.detected"_s).isEmpty());
    }
}

void tst_DeadlockMonitor::newWaitBetweenTicksIsNotTheSameCycle()
{
    DeadlockMonitor monitor;
    WaitTick tick = AnalysisScenarios::lockRing(2, 800, 812, true);
    monitor.analyse(at(tick, 1));
    tick.threads[1].waitEpoch = 2; // thread 813 went on and blocked again in between
    QVERIFY(ofKind(monitor.analyse(at(tick, 2)), u"deadlock.detected"_s).isEmpty());
    QCOMPARE(ofKind(monitor.analyse(at(tick, 3)), u"deadlock.detected"_s).size(), 1);
}

void tst_DeadlockMonitor::orderedAcquisitionNeverReported()
{
    // Five threads taking overlapping sets of four locks, always in ascending order, with heavy contention.
    AnalysisScenarios::LockRun run({{1, 2}, {1, 2, 3}, {2, 3, 4}, {1, 4}, {1, 2, 3, 4}}, 7);
    DeadlockMonitor monitor;
    int contended = 0;
    for (int i = 0; i < 3000; ++i) {
        const WaitTick tick = run.next(i * 0.1, 3);
        for (const WaitInput &thread : tick.threads)
            contended += thread.waitKind == WaitKind::Lock ? 1 : 0;
        const QList<SessionEvent> events = monitor.analyse(tick);
        QVERIFY2(events.isEmpty(), events.isEmpty() ? "" : events.first().toJsonLine().constData());
    }
    QVERIFY(contended > 1000); // the run really was contended
}

void tst_DeadlockMonitor::oppositeOrdersDeadlockIsReportedOnTheNextTick()
{
    for (quint32 seed = 1; seed <= 20; ++seed) {
        AnalysisScenarios::LockRun run({{1, 2}, {2, 1}, {3}}, seed);
        DeadlockMonitor monitor;
        int formed = -1;
        for (int i = 0; i < 2000 && formed < 0; ++i) {
            const WaitTick tick = run.next(i, 1);
            const QList<SessionEvent> events = monitor.analyse(tick);
            QVERIFY(ofKind(events, u"deadlock.detected"_s).isEmpty());
            // Threads 2001 and 2002 are stuck once each waits for the other's first lock.
            const WaitInput &a = tick.threads[0], &b = tick.threads[1];
            if (a.waitKind == WaitKind::Lock && b.waitKind == WaitKind::Lock && a.locksHeld == QList<qint64>{1} &&
                b.locksHeld == QList<qint64>{2})
                formed = i;
        }
        QVERIFY2(formed >= 0, "the run never deadlocked");
        const QList<SessionEvent> detected = ofKind(monitor.analyse(run.next(formed + 1, 1)), u"deadlock.detected"_s);
        QCOMPARE(detected.size(), 1);
        QCOMPARE(cycleTids(detected.first()), (QList<qint64>{2001, 2002}));
    }
}

void tst_DeadlockMonitor::heavyContentionNeverReported()
{
    // 8 producers and 8 consumers on a small queue: in most ticks nearly everyone waits, and in one in ten all
    // but one thread do, yet someone can always go on.
    AnalysisScenarios::Contention contention(8, 8, 20240601);
    DeadlockMonitor monitor;
    int nearlyAllBlocked = 0;
    for (int i = 0; i < 20000; ++i) {
        const WaitTick tick = contention.next(i * 0.1);
        int blocked = 0;
        for (const WaitInput &thread : tick.threads)
            blocked += thread.waitKind != WaitKind::None ? 1 : 0;
        nearlyAllBlocked += blocked >= 15 ? 1 : 0;
        const QList<SessionEvent> events = monitor.analyse(tick);
        QVERIFY2(events.isEmpty(), events.isEmpty() ? "" : events.first().toJsonLine().constData());
        QVERIFY(monitor.graph().cycles().isEmpty());
    }
    QVERIFY(nearlyAllBlocked > 2000);
}

void tst_DeadlockMonitor::ownerDeadReportedOnceWithWaiters()
{
    WaitTick tick;
    WaitInput owner;
    owner.pid = 899;
    owner.tid = 900;
    owner.name = u"holder"_s;
    owner.locksHeld = {1};
    WaitInput waiter;
    waiter.pid = 950;
    waiter.tid = 951;
    waiter.name = u"waiter-1"_s;
    waiter.waitKind = WaitKind::Lock;
    waiter.waitObject = 1;
    WaitInput second = waiter;
    second.tid = 952;
    second.name = u"waiter-2"_s;
    tick.threads = {owner, waiter, second};
    tick.locks = {{1, u"L1"_s, 900, 899, true}};
    DeadlockMonitor monitor;
    QVERIFY(monitor.analyse(at(tick, 1)).isEmpty());
    tick.threads[0].alive = false; // killed while holding L1
    tick.locks[0].ownerAlive = false;
    QVERIFY(monitor.analyse(at(tick, 2)).isEmpty());
    const QList<SessionEvent> events = monitor.analyse(at(tick, 3));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().kind, u"lock.owner_dead"_s);
    const QJsonObject fields = events.first().fields;
    QCOMPARE(fields.value(u"lock"_s).toString(), u"L1"_s);
    QCOMPARE(fields.value(u"owner_pid"_s).toInteger(), 899);
    QCOMPARE(fields.value(u"owner_tid"_s).toInteger(), 900);
    const QJsonArray waiters = fields.value(u"waiters"_s).toArray();
    QCOMPARE(waiters.size(), 2);
    QCOMPARE(waiters[0].toObject().value(u"tid"_s).toInteger(), 951);
    QCOMPARE(waiters[1].toObject().value(u"tid"_s).toInteger(), 952);
    QVERIFY(monitor.analyse(at(tick, 4)).isEmpty());
}

void tst_DeadlockMonitor::resolvedWhenAMemberDies()
{
    DeadlockMonitor monitor;
    WaitTick tick = AnalysisScenarios::lockRing(3, 800, 812, true);
    monitor.analyse(at(tick, 1));
    QCOMPARE(ofKind(monitor.analyse(at(tick, 2)), u"deadlock.detected"_s).size(), 1);
    tick.threads[1].alive = false; // 813 killed; it held L2, which 812 waits for
    tick.locks[1].ownerAlive = false;
    const QList<SessionEvent> resolved = ofKind(monitor.analyse(at(tick, 3)), u"deadlock.resolved"_s);
    QCOMPARE(resolved.size(), 1);
    QCOMPARE(resolved.first().fields.value(u"reason"_s).toString(), u"member_exited"_s);
    QCOMPARE(resolved.first().fields.value(u"exited"_s).toArray(), QJsonArray{813});
    QCOMPARE(resolved.first().fields.value(u"detected_at"_s).toDouble(), 2.0);
    QVERIFY(monitor.activeDeadlocks().isEmpty());
    // What is left is a lock whose owner died, with 812 and (behind it) nobody else waiting on L2.
    const QList<SessionEvent> after = monitor.analyse(at(tick, 4));
    QCOMPARE(ofKind(after, u"lock.owner_dead"_s).size(), 1);
    QVERIFY(ofKind(after, u"deadlock.detected"_s).isEmpty());
}

void tst_DeadlockMonitor::resolvedWhenStopped()
{
    DeadlockMonitor monitor;
    const WaitTick tick = AnalysisScenarios::joinDeadlock(100, 200);
    monitor.analyse(at(tick, 1));
    monitor.analyse(at(tick, 2));
    const QList<SessionEvent> events = monitor.stop(3);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().kind, u"deadlock.resolved"_s);
    QCOMPARE(events.first().fields.value(u"reason"_s).toString(), u"stopped"_s);
    QVERIFY(monitor.activeDeadlocks().isEmpty());
    QVERIFY(monitor.stop(4).isEmpty());
}

void tst_DeadlockMonitor::joinDeadlockEvent()
{
    DeadlockMonitor monitor;
    const WaitTick tick = AnalysisScenarios::joinDeadlock(100, 200);
    QVERIFY(monitor.analyse(at(tick, 1)).isEmpty());
    const QList<SessionEvent> detected = ofKind(monitor.analyse(at(tick, 2)), u"deadlock.detected"_s);
    QCOMPARE(detected.size(), 1);
    const QJsonArray cycle = detected.first().fields.value(u"cycle"_s).toArray();
    QCOMPARE(cycle.size(), 2);
    QCOMPARE(cycle[0].toObject().value(u"tid"_s).toInteger(), 100);
    QCOMPARE(cycle[0].toObject().value(u"waits_for"_s).toString(), u"child 200"_s);
    QCOMPARE(cycle[0].toObject().value(u"held_by"_s).toInteger(), 200);
    QCOMPARE(cycle[1].toObject().value(u"tid"_s).toInteger(), 200);
    QCOMPARE(cycle[1].toObject().value(u"waits_for"_s).toString(), u"pipe P1 (full)"_s);
    // The same as a kind and an object, for programs (replay, join-deadlock's check) that must not parse words.
    QCOMPARE(cycle[0].toObject().value(u"wait"_s).toString(), u"child"_s);
    QCOMPARE(cycle[0].toObject().value(u"object"_s).toString(), u"200"_s);
    QCOMPARE(cycle[1].toObject().value(u"wait"_s).toString(), u"pipe_write"_s);
    QCOMPARE(cycle[1].toObject().value(u"object"_s).toString(), u"P1"_s);
    QCOMPARE(cycle[1].toObject().value(u"held_by"_s).toInteger(), 100);
}

void tst_DeadlockMonitor::futexMismatchIsAWarning()
{
    WaitTick tick = AnalysisScenarios::lockRing(2, 800, 812, true);
    tick.threads[0].futex = {FutexObservation::Status::Lock, 2, 0x1000}; // agrees: 812 waits for L2
    tick.threads[1].futex = {FutexObservation::Status::NotChecked, 0, 0};
    DeadlockMonitor monitor;
    for (int i = 0; i < 3; ++i)
        QVERIFY(ofKind(monitor.analyse(at(tick, i)), u"lock.futex_mismatch"_s).isEmpty());

    tick.threads[1].futex = {FutexObservation::Status::Lock, 2, 0x1000}; // the kernel says 813 waits on L2, not L1
    QVERIFY(ofKind(monitor.analyse(at(tick, 3)), u"lock.futex_mismatch"_s).isEmpty()); // seen once
    const QList<SessionEvent> warnings = ofKind(monitor.analyse(at(tick, 4)), u"lock.futex_mismatch"_s);
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings.first().fields.value(u"tid"_s).toInteger(), 813);
    QCOMPARE(warnings.first().fields.value(u"telemetry"_s).toString(), u"lock L1"_s);
    QCOMPARE(warnings.first().fields.value(u"futex"_s).toString(), u"lock L2"_s);
    QVERIFY(ofKind(monitor.analyse(at(tick, 5)), u"lock.futex_mismatch"_s).isEmpty()); // once

    // A thread that claims to work but sits in futex() on a lab lock is a mismatch too.
    WaitTick working = AnalysisScenarios::lockRing(2, 800, 812, false);
    working.threads[1].futex = {FutexObservation::Status::Lock, 1, 0x2000};
    DeadlockMonitor second;
    second.analyse(at(working, 1));
    QCOMPARE(ofKind(second.analyse(at(working, 2)), u"lock.futex_mismatch"_s).size(), 1);
}

QTEST_APPLESS_MAIN(tst_DeadlockMonitor)
#include "tst_deadlockmonitor.moc"
