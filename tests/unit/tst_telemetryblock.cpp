// TelemetryBlock: the versioned layout, slot claiming, what a slot says, and a reader that never sees a torn record
// while a writer hammers the slot. Threads only (LABELS tsan).
#include "ipc/TelemetryBlock.h"
#include "ipc/TelemetryLayout.h"

#include <QElapsedTimer>
#include <QTest>

#include <unistd.h>

#include <atomic>
#include <cstring>
#include <thread>

using namespace Qt::Literals::StringLiterals;

class tst_TelemetryBlock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void specRange_data();
    void specRange();
    void attachSeesSameBlock();
    void attachRefusesForeignMemory();
    void claimPrefersUnusedSlots();
    void role_data();
    void role();
    void heldLocksInAcquisitionOrder();
    void releaseSlotsOfDeadProcess();
    void readerNeverSeesTornSlot();
};

void tst_TelemetryBlock::specRange_data()
{
    QTest::addColumn<int>("slots");
    QTest::addColumn<QStringList>("locks");
    QTest::addColumn<int>("queues");
    QTest::addColumn<int>("queueCapacity");
    QTest::addColumn<bool>("valid");
    QTest::newRow("minimal") << 1 << QStringList{} << 0 << 1 << true;
    QTest::newRow("typical") << 64 << QStringList{u"L1"_s, u"L2"_s} << 1 << 64 << true;
    QTest::newRow("largest") << 4096 << QStringList(64, u"L"_s) << 8 << 4096 << true;
    QTest::newRow("no slots") << 0 << QStringList{} << 0 << 1 << false;
    QTest::newRow("too many slots") << 4097 << QStringList{} << 0 << 1 << false;
    QTest::newRow("too many locks") << 4 << QStringList(65, u"L"_s) << 0 << 1 << false;
    QTest::newRow("empty lock name") << 4 << QStringList{QString()} << 0 << 1 << false;
    QTest::newRow("lock name too long") << 4 << QStringList{u"sixteen-bytes-xx"_s} << 0 << 1 << false;
    QTest::newRow("too many queues") << 4 << QStringList{} << 9 << 1 << false;
    QTest::newRow("bad queue") << 4 << QStringList{} << 1 << 0 << false;
}

void tst_TelemetryBlock::specRange()
{
    QFETCH(int, slots);
    QFETCH(QStringList, locks);
    QFETCH(int, queues);
    QFETCH(int, queueCapacity);
    QFETCH(bool, valid);
    TelemetryBlockSpec spec;
    spec.slotCount = slots;
    spec.lockNames = locks;
    for (int i = 0; i < queues; ++i)
        spec.queues.append(SharedQueueSpec{queueCapacity, 64, false});
    TelemetryBlock block = TelemetryBlock::create(spec);
    QCOMPARE(block.isValid(), valid);
    QCOMPARE(block.errorString().isEmpty(), valid);
    if (valid) {
        QCOMPARE(block.slotCount(), slots);
        QCOMPARE(block.lockCount(), int(locks.size()));
        QCOMPARE(block.queueCount(), queues);
        const TelemetrySnapshot snapshot = block.snapshot();
        QVERIFY(snapshot.threads.isEmpty());
        QCOMPARE(snapshot.locks.size(), locks.size());
        QCOMPARE(snapshot.queues.size(), qsizetype(queues));
        for (int i = 0; i < queues; ++i) {
            QCOMPARE(snapshot.queues.at(i).index, i);
            QCOMPARE(snapshot.queues.at(i).capacity, queueCapacity);
        }
    }
}

void tst_TelemetryBlock::attachSeesSameBlock()
{
    TelemetryBlockSpec spec;
    spec.slotCount = 8;
    spec.lockNames = {u"L1"_s, u"L2"_s, u"L3"_s};
    spec.robustLocks = true;
    spec.queues = {SharedQueueSpec{4, 32, true}, SharedQueueSpec{16, 64, false}};
    TelemetryBlock block = TelemetryBlock::create(spec);
    QVERIFY(block.isValid());
    TelemetryBlock attached = TelemetryBlock::attach(block.fd(), SharedMemory::FdOwnership::Duplicate);
    QVERIFY2(attached.isValid(), qPrintable(attached.errorString()));
    QCOMPARE(attached.slotCount(), 8);
    QCOMPARE(attached.lockCount(), 3);
    QCOMPARE(attached.queueCount(), 2);
    QCOMPARE(attached.lockIndex(u"L2"_s), 1);
    QCOMPARE(attached.lockIndex(u"L9"_s), -1);
    QVERIFY(attached.lock(2).isRobust());
    QCOMPARE(attached.lock(2).name(), u"L3"_s);
    QVERIFY(!attached.lock(3).isValid());
    QVERIFY(!attached.queue(2));
    QCOMPARE(attached.queue(1)->itemSize(), 64);

    const std::array<std::byte, 32> item{std::byte{9}};
    QCOMPARE(block.queue(0)->put(item), IpcStatus::Ok);
    QCOMPARE(attached.snapshot().queues.at(0).depth, 1);
    {
        ThreadTelemetry telemetry = attached.claimSlot(u"main"_s);
        QVERIFY(telemetry.isValid());
        telemetry.setState(ThreadState::Sleeping);
        const TelemetrySnapshot seen = block.snapshot();
        QCOMPARE(seen.threads.size(), 1);
        QCOMPARE(seen.threads.at(0).tid, gettid());
        QCOMPARE(seen.threads.at(0).pid, getpid());
        QCOMPARE(seen.threads.at(0).state, ThreadState::Sleeping);
    }
    QCOMPARE(block.snapshot().threads.at(0).state, ThreadState::Exited);
    QVERIFY(block.snapshot().threads.at(0).exited);
}

void tst_TelemetryBlock::attachRefusesForeignMemory()
{
    TelemetryBlockSpec spec;
    TelemetryBlock block = TelemetryBlock::create(spec);
    QVERIFY(block.isValid());
    const SharedMemory foreign = SharedMemory::create("not-telemetry", 1 << 16);
    QVERIFY(foreign.isValid());
    const TelemetryBlock fromZeros = TelemetryBlock::attach(foreign.fd(), SharedMemory::FdOwnership::Duplicate);
    QVERIFY(!fromZeros.isValid());
    QVERIFY(!fromZeros.errorString().isEmpty());
    // Same magic, another version: refused rather than misread.
    auto *header = static_cast<TelemetryHeader *>(foreign.data());
    header->magic = TelemetryLayout::magic;
    header->version = TelemetryLayout::version + 1;
    const TelemetryBlock newer = TelemetryBlock::attach(foreign.fd(), SharedMemory::FdOwnership::Duplicate);
    QVERIFY(!newer.isValid());
}

void tst_TelemetryBlock::claimPrefersUnusedSlots()
{
    TelemetryBlockSpec spec;
    spec.slotCount = 3;
    TelemetryBlock block = TelemetryBlock::create(spec);
    QVERIFY(block.isValid());
    ThreadTelemetry first = block.claimSlot(u"a"_s);
    ThreadTelemetry second = block.claimSlot(u"b"_s);
    QCOMPARE(first.slotIndex(), 0);
    QCOMPARE(second.slotIndex(), 1);
    first.markExited();
    QVERIFY(!first.isValid());
    // Slot 2 was never used: taken before the exited slot 0, whose counters stay readable.
    ThreadTelemetry third = block.claimSlot(u"c"_s);
    QCOMPARE(third.slotIndex(), 2);
    ThreadTelemetry fourth = block.claimSlot(u"d"_s);
    QCOMPARE(fourth.slotIndex(), 0);
    const ThreadTelemetry none = block.claimSlot(u"e"_s);
    QVERIFY(!none.isValid());
    QCOMPARE(block.snapshot().threads.size(), 3);
    QCOMPARE(block.snapshot().threads.at(0).role, u"d"_s);
}

void tst_TelemetryBlock::role_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("stored");
    QTest::newRow("short") << u"producer-3"_s << u"producer-3"_s;
    QTest::newRow("15 bytes") << u"lock-taker-1234"_s << u"lock-taker-1234"_s;
    QTest::newRow("cut at 15 bytes") << u"consumer-123456789"_s << u"consumer-123456"_s;
    // 3-byte characters: 5 fit in 15 bytes; the 6th is not split.
    QTest::newRow("utf-8 boundary") << u"生产者消费者线程"_s << u"生产者消费"_s;
    QTest::newRow("empty") << QString() << QString();
}

void tst_TelemetryBlock::role()
{
    QFETCH(QString, role);
    QFETCH(QString, stored);
    TelemetryBlock block = TelemetryBlock::create({});
    QVERIFY(block.isValid());
    ThreadTelemetry telemetry = block.claimSlot(role);
    QCOMPARE(block.snapshot().threads.at(0).role, stored);
    telemetry.setRole(u"renamed"_s);
    QCOMPARE(block.snapshot().threads.at(0).role, u"renamed"_s);
}

void tst_TelemetryBlock::heldLocksInAcquisitionOrder()
{
    TelemetryBlockSpec spec;
    spec.lockNames = {u"L1"_s, u"L2"_s, u"L3"_s};
    TelemetryBlock block = TelemetryBlock::create(spec);
    QVERIFY(block.isValid());
    ThreadTelemetry telemetry = block.claimSlot(u"lock-taker-1"_s);
    WaitOptions options;
    options.telemetry = &telemetry;
    QCOMPARE(block.lock(2).lock(options), IpcStatus::Ok);
    QCOMPARE(block.lock(0).lock(options), IpcStatus::Ok);
    QCOMPARE(block.lock(1).lock(options), IpcStatus::Ok);
    QCOMPARE(block.snapshot().threads.at(0).heldLocks, (QList<int>{2, 0, 1}));
    QCOMPARE(block.lock(0).unlock(&telemetry), IpcStatus::Ok);
    QCOMPARE(block.snapshot().threads.at(0).heldLocks, (QList<int>{2, 1}));
    QCOMPARE(block.lock(2).unlock(&telemetry), IpcStatus::Ok);
    QCOMPARE(block.lock(1).unlock(&telemetry), IpcStatus::Ok);
    const ThreadTelemetrySample sample = block.snapshot().threads.at(0);
    QVERIFY(sample.heldLocks.isEmpty());
    QCOMPARE(sample.lockAcquisitions, 3u);
    for (const LockSample &lock : block.snapshot().locks) {
        QCOMPARE(lock.ownerTid, 0);
        QCOMPARE(lock.acquisitions, 1u);
    }
}

void tst_TelemetryBlock::releaseSlotsOfDeadProcess()
{
    TelemetryBlockSpec spec;
    spec.slotCount = 4;
    TelemetryBlock block = TelemetryBlock::create(spec);
    QVERIFY(block.isValid());
    // Slots of this process stand in for those of a process the supervisor has reaped.
    ThreadTelemetry a = block.claimSlot(u"a"_s);
    ThreadTelemetry b = block.claimSlot(u"b"_s);
    b.setState(ThreadState::WaitQueueEmpty, 0);
    QCOMPARE(block.releaseSlotsOf(getpid() + 1), 0);
    QCOMPARE(block.releaseSlotsOf(getpid()), 2);
    for (const ThreadTelemetrySample &sample : block.snapshot().threads)
        QCOMPARE(sample.state, ThreadState::Exited);
    QCOMPARE(block.releaseSlotsOf(getpid()), 0);
}

void tst_TelemetryBlock::readerNeverSeesTornSlot()
{
    TelemetryBlockSpec spec;
    spec.slotCount = 2;
    spec.lockNames = {u"L1"_s, u"L2"_s, u"L3"_s, u"L4"_s};
    TelemetryBlock block = TelemetryBlock::create(spec);
    QVERIFY(block.isValid());
    std::atomic<bool> running{true};
    std::atomic<std::uint64_t> writes{0};
    std::thread writer([&] {
        ThreadTelemetry telemetry = block.claimSlot(u"aaaaaaaaaaaaaaa"_s);
        static const ThreadState states[] = {ThreadState::Working, ThreadState::WaitLock, ThreadState::Sleeping,
                                             ThreadState::WaitQueueFull};
        std::uint64_t n = 0;
        while (running.load(std::memory_order_relaxed)) {
            ++n;
            // Invariants a torn read would break: the wait object encodes the state; the role is 15 equal letters
            // spread over two words; the held list has exactly heldLockCount entries 0, 1, 2, … in order.
            const ThreadState state = states[n % 4];
            telemetry.setState(state, std::int64_t(n) * 16 + std::int64_t(state));
            telemetry.setRole(QString(15, QChar(u'a' + char16_t(n % 26))));
            if (n % 5 == 0) {
                for (int i = 3; i >= 0; --i)
                    telemetry.noteLockReleased(i);
            } else {
                telemetry.noteLockAcquired(int(n % 5) - 1);
            }
            telemetry.addItems();
            writes.store(n, std::memory_order_relaxed);
        }
    });
    QTRY_VERIFY(writes.load() > 0);
    int reads = 0;
    QString problem;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 700 && problem.isEmpty()) {
        const TelemetrySnapshot snapshot = block.snapshot();
        if (snapshot.threads.size() != 1)
            continue; // the writer was mid-write on every try: skipped, never torn
        const ThreadTelemetrySample &sample = snapshot.threads.at(0);
        ++reads;
        if (sample.waitObject % 16 != std::int64_t(sample.state))
            problem = u"state %1 with wait object %2"_s.arg(int(sample.state)).arg(sample.waitObject);
        else if (sample.role.size() != 15 || sample.role.count(sample.role.at(0)) != 15)
            problem = u"role '%1'"_s.arg(sample.role);
        for (int i = 0; i < sample.heldLocks.size() && problem.isEmpty(); ++i) {
            if (sample.heldLocks.at(i) != i)
                problem = u"held locks out of order"_s;
        }
    }
    running = false;
    writer.join();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY2(reads > 100, qPrintable(QString::number(reads)));
    QVERIFY(writes.load() > 1000);
}

QTEST_APPLESS_MAIN(tst_TelemetryBlock)
#include "tst_telemetryblock.moc"
