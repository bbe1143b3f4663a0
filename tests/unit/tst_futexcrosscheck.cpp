// FutexCrossCheck: which threads it asks the kernel about and how often (a fake /proc tree), and the whole chain on
// real threads of this process blocked on a real telemetry block's lock and queue — the right mapping confirms
// every wait, a deliberately wrong one is reported by DeadlockMonitor as lock.futex_mismatch.
#include "analysis/DeadlockMonitor.h"
#include "analysis/FutexCrossCheck.h"
#include "experiments/TelemetryFutexLayout.h"
#include "experiments/WaitTickBuilder.h"
#include "ipc/TelemetryBlock.h"
#include "ipc/ThreadIdentity.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <sys/syscall.h>
#include <thread>

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr qint64 pid = 100;
constexpr qint64 tid = 101;

// Lock 0 at 0x100, lock 1 at 0x140 (0x40 bytes each), queue 0 at 0x200 (0x100 bytes), in a memfd mapped at
// 0x7f0000000000 from offset 0.
FutexMapping fakeMapping()
{
    return FutexMapping(FutexMapping::memfdPath(u"proclab-telemetry"_s), 77, {{0, 0x100, 0x40}, {1, 0x140, 0x40}},
                        {{0, 0x200, 0x100}});
}

QByteArray futexAt(quint64 address)
{
    return QByteArray::number(SYS_futex) + " 0x" + QByteArray::number(address, 16) +
           " 0x80 0x2 0x0 0x0 0x0 0x7ffc36757bd8 0x7f2030a3c2ad\n";
}

WaitTick tickWith(WaitKind kind, qint64 object, quint64 epoch = 1)
{
    WaitTick tick;
    WaitInput thread;
    thread.pid = pid;
    thread.tid = tid;
    thread.name = u"lock-taker-1"_s;
    thread.waitKind = kind;
    thread.waitObject = object;
    thread.waitEpoch = epoch;
    tick.threads << thread;
    return tick;
}

QList<SessionEvent> ofKind(const QList<SessionEvent> &events, const QString &kind)
{
    QList<SessionEvent> found;
    for (const SessionEvent &event : events) {
        if (event.kind == kind)
            found << event;
    }
    return found;
}
} // namespace

class tst_FutexCrossCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void observesTheWaitsItKnows_data();
    void observesTheWaitsItKnows();
    void looksAgainOnlyWhenDue();
    void settledWaitsOnly();
    void goneThreadIsNotAFinding();
    void lookBudgetDefersTheRest();
    void realThreadsRightAndWrongMapping();

private:
    void writeSyscall(const QByteArray &text);
    QTemporaryDir m_proc;
};

void tst_FutexCrossCheck::init()
{
    QVERIFY(m_proc.isValid());
    QVERIFY(QDir(m_proc.path()).mkpath(u"%1/task/%2"_s.arg(pid).arg(tid)));
    QFile maps(m_proc.filePath(u"%1/maps"_s.arg(pid)));
    QVERIFY(maps.open(QIODevice::WriteOnly | QIODevice::Truncate));
    maps.write("7f0000000000-7f0000001000 rw-s 00000000 00:01 77 /memfd:proclab-telemetry (deleted)\n"
               "7f0000100000-7f0000101000 rw-p 00000000 00:00 0\n");
}

void tst_FutexCrossCheck::writeSyscall(const QByteArray &text)
{
    QFile syscall(m_proc.filePath(u"%1/task/%2/syscall"_s.arg(pid).arg(tid)));
    QVERIFY(syscall.open(QIODevice::WriteOnly | QIODevice::Truncate));
    syscall.write(text);
}

void tst_FutexCrossCheck::observesTheWaitsItKnows_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<qint64>("object");
    QTest::addColumn<QByteArray>("syscall");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("agrees");
    QTest::addColumn<int>("reads");

    using S = FutexObservation::Status;
    const int lock = int(WaitKind::Lock);
    QTest::newRow("lock 1, on lock 1") << lock << qint64(1) << futexAt(0x7f0000000140) << int(S::Lock) << true << 1;
    QTest::newRow("lock 1, on lock 0") << lock << qint64(1) << futexAt(0x7f0000000100) << int(S::Lock) << false << 1;
    QTest::newRow("lock 1, inside the queue")
        << lock << qint64(1) << futexAt(0x7f0000000210) << int(S::Queue) << false << 1;
    QTest::newRow("lock 1, elsewhere")
        << lock << qint64(1) << futexAt(0x7f0000100010) << int(S::OtherAddress) << false << 1;
    QTest::newRow("lock 1, in read()") << lock << qint64(1) << QByteArray("0 0x3 0x7f20308c3000 0x20000 0x0 0x0 0x0 "
                                                                          "0x7ffc 0x7f20\n")
                                       << int(S::NotInFutex) << false << 1;
    QTest::newRow("lock 1, running") << lock << qint64(1) << QByteArray("running\n") << int(S::NotChecked) << false
                                     << 1;
    QTest::newRow("queue empty, its condition word")
        << int(WaitKind::QueueEmpty) << qint64(0) << futexAt(0x7f0000000280) << int(S::Queue) << true << 1;
    QTest::newRow("queue full, on lock 0")
        << int(WaitKind::QueueFull) << qint64(0) << futexAt(0x7f0000000100) << int(S::Lock) << false << 1;
    // Waits the mapping knows nothing of are not looked at: no read, no answer.
    QTest::newRow("unknown lock") << lock << qint64(7) << futexAt(0x7f0000000140) << int(S::NotChecked) << false
                                  << 0;
    QTest::newRow("unknown queue") << int(WaitKind::QueueEmpty) << qint64(3) << futexAt(0x7f0000000280)
                                   << int(S::NotChecked) << false << 0;
    QTest::newRow("child") << int(WaitKind::Child) << qint64(4711) << futexAt(0x7f0000000140) << int(S::NotChecked)
                           << false << 0;
    QTest::newRow("working") << int(WaitKind::None) << qint64(0) << futexAt(0x7f0000000140) << int(S::NotChecked)
                             << false << 0;
}

void tst_FutexCrossCheck::observesTheWaitsItKnows()
{
    QFETCH(int, kind);
    QFETCH(qint64, object);
    QFETCH(QByteArray, syscall);
    QFETCH(int, status);
    QFETCH(bool, agrees);
    QFETCH(int, reads);
    writeSyscall(syscall);
    FutexCrossCheck check(m_proc.path());
    check.setMapping(fakeMapping());
    QVERIFY(check.isActive());
    WaitTick tick = tickWith(WaitKind(kind), object);
    check.observe(&tick);
    const FutexObservation &seen = tick.threads.first().futex;
    QCOMPARE(int(seen.status), status);
    QCOMPARE(FutexCrossCheck::agrees(tick.threads.first(), seen), agrees);
    QCOMPARE(check.syscallReads(), reads);
    QCOMPARE(check.waitsConfirmed(), agrees ? 1 : 0);
    QCOMPARE(check.waitsChecked(), status == int(FutexObservation::Status::NotChecked) ? 0 : 1);
    if (seen.status == FutexObservation::Status::Lock || seen.status == FutexObservation::Status::Queue) {
        QVERIFY(seen.inMapping);
        QCOMPARE(seen.mappingOffset, seen.address - 0x7f0000000000);
    }
}

void tst_FutexCrossCheck::looksAgainOnlyWhenDue()
{
    FutexCrossCheck check(m_proc.path(), 10);
    check.setMapping(fakeMapping());
    // A confirmed wait is looked at again only every 10 ticks while it lasts; the first re-check comes 10 ticks
    // plus a phase of the thread's own (its TID modulo 10) later, so a burst of waits is not re-checked all at once.
    writeSyscall(futexAt(0x7f0000000140));
    const int firstRecheck = 10 + int(tid % 10);
    for (int i = 0; i <= firstRecheck; ++i) {
        WaitTick tick = tickWith(WaitKind::Lock, 1, 1);
        check.observe(&tick);
        const bool looked = tick.threads.first().futex.status != FutexObservation::Status::NotChecked;
        QCOMPARE(looked, i == 0 || i == firstRecheck);
    }
    QCOMPARE(check.syscallReads(), 2);
    QCOMPARE(check.waitsChecked(), 1);
    QCOMPARE(check.waitsConfirmed(), 1);

    // A new wait (its epoch moved) is looked at at once, and is a new wait in the counts.
    WaitTick next = tickWith(WaitKind::Lock, 1, 2);
    check.observe(&next);
    QCOMPARE(check.syscallReads(), 3);
    QCOMPARE(check.waitsChecked(), 2);

    // A wait the kernel does not confirm is looked at on every tick, so a disagreement is seen twice or cleared.
    writeSyscall(futexAt(0x7f0000000100));
    for (int i = 0; i < 3; ++i) {
        WaitTick tick = tickWith(WaitKind::Lock, 1, 3);
        check.observe(&tick);
        QCOMPARE(int(tick.threads.first().futex.status), int(FutexObservation::Status::Lock));
        QCOMPARE(tick.threads.first().futex.lockId, 0);
    }
    QCOMPARE(check.syscallReads(), 6);
    QCOMPARE(check.waitsChecked(), 3);
    QCOMPARE(check.waitsConfirmed(), 2);

    // A thread whose wait ended is forgotten: the same wait coming back is new again.
    WaitTick idle = tickWith(WaitKind::None, 0, 3);
    check.observe(&idle);
    WaitTick again = tickWith(WaitKind::Lock, 1, 3);
    check.observe(&again);
    QCOMPARE(check.waitsChecked(), 4);
}

void tst_FutexCrossCheck::settledWaitsOnly()
{
    // settleTicks 1: a wait is first looked at on its second tick; one that ended within a tick is never read.
    writeSyscall(futexAt(0x7f0000000140));
    FutexCrossCheck check(m_proc.path(), 10, 64, 1);
    check.setMapping(fakeMapping());
    WaitTick brief = tickWith(WaitKind::Lock, 1, 1);
    check.observe(&brief);
    WaitTick nextWait = tickWith(WaitKind::Lock, 1, 2); // the thread went on and waits anew
    check.observe(&nextWait);
    QCOMPARE(check.syscallReads(), 0);
    WaitTick lasting = tickWith(WaitKind::Lock, 1, 2);
    check.observe(&lasting);
    QCOMPARE(check.syscallReads(), 1);
    QCOMPARE(int(lasting.threads.first().futex.status), int(FutexObservation::Status::Lock));
    QCOMPARE(check.waitsConfirmed(), 1);
}

void tst_FutexCrossCheck::goneThreadIsNotAFinding()
{
    FutexCrossCheck check(m_proc.path());
    check.setMapping(fakeMapping());
    WaitTick tick = tickWith(WaitKind::Lock, 1);
    tick.threads.first().tid = 999; // no such task
    check.observe(&tick);
    QCOMPARE(int(tick.threads.first().futex.status), int(FutexObservation::Status::NotChecked));
    QCOMPARE(check.unreadable(), 1);
    QCOMPARE(check.waitsChecked(), 0);

    // No mapping: the check is off and reads nothing.
    FutexCrossCheck off(m_proc.path());
    QVERIFY(!off.isActive());
    WaitTick other = tickWith(WaitKind::Lock, 1);
    off.observe(&other);
    QCOMPARE(off.syscallReads(), 0);
}

void tst_FutexCrossCheck::lookBudgetDefersTheRest()
{
    // 100 threads start waiting at once; 64 are looked at on the first tick, the other 36 on the next, and none of
    // the first 64 again before its re-check is due.
    WaitTick tick;
    for (int i = 0; i < 100; ++i) {
        const qint64 threadTid = 1000 + i;
        QVERIFY(QDir(m_proc.path()).mkpath(u"%1/task/%2"_s.arg(pid).arg(threadTid)));
        QFile syscall(m_proc.filePath(u"%1/task/%2/syscall"_s.arg(pid).arg(threadTid)));
        QVERIFY(syscall.open(QIODevice::WriteOnly));
        syscall.write(futexAt(0x7f0000000140));
        WaitInput thread = tickWith(WaitKind::Lock, 1).threads.first();
        thread.tid = threadTid;
        tick.threads << thread;
    }
    FutexCrossCheck check(m_proc.path(), 10, 64);
    check.setMapping(fakeMapping());
    const auto looked = [](const WaitTick &t) {
        QSet<qint64> tids;
        for (const WaitInput &thread : t.threads) {
            if (thread.futex.status != FutexObservation::Status::NotChecked)
                tids.insert(thread.tid);
        }
        return tids;
    };
    WaitTick first = tick;
    check.observe(&first);
    const QSet<qint64> firstLooks = looked(first);
    QCOMPARE(firstLooks.size(), 64);
    WaitTick second = tick;
    check.observe(&second);
    const QSet<qint64> secondLooks = looked(second);
    QCOMPARE(secondLooks.size(), 36);
    QVERIFY(!secondLooks.intersects(firstLooks));
    QCOMPARE(check.waitsConfirmed(), 100);
    QCOMPARE(check.mapsReads(), 1);
}

void tst_FutexCrossCheck::realThreadsRightAndWrongMapping()
{
    // This process's own threads: one holds L1, one waits for it, one waits on the empty queue. /proc/self is
    // readable for our own threads whatever Yama says.
    TelemetryBlockSpec spec;
    spec.slotCount = 8;
    spec.lockNames = {u"L1"_s, u"L2"_s};
    spec.queues = {SharedQueueSpec{4, 64, false}};
    TelemetryBlock block = TelemetryBlock::create(spec);
    QVERIFY2(block.isValid(), qPrintable(block.errorString()));
    const auto mapping = TelemetryFutexLayout::read(block.fd());
    QVERIFY(mapping.has_value());
    QVERIFY(mapping->mappingPath().startsWith(u"/memfd:"_s));

    std::stop_source stop;
    std::atomic<bool> holding = false;
    std::atomic<pid_t> tids[3] = {0, 0, 0};
    std::thread holder([&] {
        ThreadTelemetry telemetry = block.claimSlot(u"holder"_s);
        tids[0] = ThreadIdentity::currentTid();
        WaitOptions options;
        options.telemetry = &telemetry;
        SharedLock lock = block.lock(0);
        if (lock.lock(options) != IpcStatus::Ok)
            return;
        holding = true;
        while (!stop.stop_requested())
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        lock.unlock(&telemetry);
    });
    std::thread waiter([&] {
        while (!holding && !stop.stop_requested())
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        ThreadTelemetry telemetry = block.claimSlot(u"lock-taker-1"_s);
        tids[1] = ThreadIdentity::currentTid();
        WaitOptions options;
        options.telemetry = &telemetry;
        options.stop = stop.get_token();
        options.timeout = std::chrono::seconds(20);
        SharedLock lock = block.lock(0);
        if (lock.lock(options) == IpcStatus::Ok)
            lock.unlock(&telemetry);
    });
    std::thread getter([&] {
        ThreadTelemetry telemetry = block.claimSlot(u"consumer-1"_s);
        tids[2] = ThreadIdentity::currentTid();
        WaitOptions options;
        options.telemetry = &telemetry;
        options.stop = stop.get_token();
        options.timeout = std::chrono::seconds(20);
        std::array<std::byte, 64> item{};
        block.queue(0)->get(item, options);
    });
    auto joinAll = qScopeGuard([&] {
        stop.request_stop();
        holder.join();
        waiter.join();
        getter.join();
    });

    double t = 0;
    const auto nextTick = [&] {
        QSet<qint64> live;
        for (const auto &tid : tids)
            live.insert(tid.load());
        return WaitTickBuilder::build(t += 0.1, block.snapshot(), {}, live);
    };
    // Both waits are in the telemetry before any tick is analysed.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            int waiting = 0;
            for (const WaitInput &thread : nextTick().threads)
                waiting += thread.waitKind == WaitKind::Lock || thread.waitKind == WaitKind::QueueEmpty;
            return waiting == 2;
        }(),
        5000);

    // The right mapping: the kernel confirms both waits, and nothing is reported.
    FutexCrossCheck check(u"/proc"_s);
    check.setMapping(*mapping);
    DeadlockMonitor monitor;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            WaitTick tick = nextTick();
            check.observe(&tick);
            const QList<SessionEvent> events = monitor.analyse(tick);
            return ofKind(events, u"lock.futex_mismatch"_s).isEmpty() && check.waitsConfirmed() == 2;
        }(),
        5000);
    for (int i = 0; i < 5; ++i) {
        WaitTick tick = nextTick();
        check.observe(&tick);
        QVERIFY(ofKind(monitor.analyse(tick), u"lock.futex_mismatch"_s).isEmpty());
    }
    QCOMPARE(monitor.futexMismatchesReported(), 0);
    QCOMPARE(check.waitsChecked(), 2);
    const SessionEvent summary = check.summaryEvent(t, monitor.futexMismatchesReported());
    QCOMPARE(summary.kind, u"lock.futex_check"_s);
    QCOMPARE(summary.fields.value(u"waits_confirmed"_s).toInt(), 2);
    QCOMPARE(summary.fields.value(u"mismatches"_s).toInt(), 0);

    // A deliberately wrong mapping: the two locks' records swapped. The waiter is then seen on "L2" while its
    // telemetry says L1 — a warning on the second tick that sees it, once.
    FutexMapping::LockRecord records[2];
    for (int i = 0; i < 2; ++i) {
        // Offsets as TelemetryFutexLayout found them, ids swapped.
        const auto at = [&](qint64 id) {
            for (quint64 offset = 0; offset < 1 << 20; offset += 64) {
                if (mapping->lockAt(offset) == id)
                    return offset;
            }
            return quint64(0);
        };
        records[i] = {1 - i, at(i), 64};
    }
    QVERIFY(records[0].offset != records[1].offset);
    FutexCrossCheck wrong(u"/proc"_s);
    wrong.setMapping(FutexMapping(mapping->mappingPath(), mapping->inode(), {records[0], records[1]},
                                  {} /* the queue unknown: its waiter is not looked at */));
    DeadlockMonitor warned;
    QList<SessionEvent> warnings;
    for (int i = 0; i < 4 && warnings.isEmpty(); ++i) {
        WaitTick tick = nextTick();
        wrong.observe(&tick);
        warnings = ofKind(warned.analyse(tick), u"lock.futex_mismatch"_s);
        QVERIFY(i >= 1 || warnings.isEmpty()); // never on the first sighting
    }
    QCOMPARE(warnings.size(), 1);
    const QJsonObject &fields = warnings.first().fields;
    QCOMPARE(fields.value(u"tid"_s).toInteger(), tids[1].load());
    QCOMPARE(fields.value(u"pid"_s).toInteger(), qint64(::getpid()));
    QCOMPARE(fields.value(u"telemetry"_s).toString(), u"lock L1"_s);
    QCOMPARE(fields.value(u"telemetry_lock"_s).toString(), u"L1"_s);
    QCOMPARE(fields.value(u"futex"_s).toString(), u"lock L2"_s);
    QCOMPARE(fields.value(u"futex_object"_s).toString(), u"L2"_s);
    QCOMPARE(quint64(fields.value(u"futex_offset"_s).toInteger()), records[0].offset);
    QVERIFY(fields.value(u"explanation"_s).toString().contains(u"kernel"_s));
    QCOMPARE(warned.futexMismatchesReported(), 1);
}

QTEST_GUILESS_MAIN(tst_FutexCrossCheck)
#include "tst_futexcrosscheck.moc"
