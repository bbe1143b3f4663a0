// proclab-worker, driven through LabController: its thread roles (producer, consumer, poller, cpu, lock-taker),
// process-level roles over a shared queue and a pipe, lock commands, a killed lock holder (robust or not),
// deadlocked threads that only ending the process frees, pinning, and exit codes.
#include "control/ChildScanner.h"
#include "control/LabController.h"
#include "ipc/PipeChannel.h"
#include "ipc/TelemetryBlock.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <csignal>

using namespace Qt::Literals::StringLiterals;

namespace {
ThreadSpec threadOf(const QString &role)
{
    ThreadSpec thread;
    thread.role = role;
    return thread;
}
// CPU time of one thread in nanoseconds (schedstat field 1).
qint64 cpuNs(pid_t pid, pid_t tid)
{
    QFile file(u"/proc/%1/task/%2/schedstat"_s.arg(pid).arg(tid));
    return file.open(QIODevice::ReadOnly) ? file.readAll().split(' ').value(0).toLongLong() : -1;
}
} // namespace

class tst_WorkerProcess : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void processLevelProducerAndConsumer_data();
    void processLevelProducerAndConsumer();
    void pollerBurnsCpuBlockingConsumerDoesNot();
    void pinnedWorkerThreadsStayOnOneCore();
    void takeAndReleaseOnCommand();
    void killedLockHolder_data();
    void killedLockHolder();
    void deadlockedThreadsStopWithinTwoSeconds();
    void exitWithCode();

private:
    QList<SessionEvent> eventsOf(const QString &kind) const;
    bool hasEvent(const QString &kind, const QString &key, qint64 value) const;

    std::unique_ptr<LabController> m_controller;
    TelemetryBlock m_block; // outlives the controller's use of it (cleanup())
    QList<SessionEvent> m_events;
};

void tst_WorkerProcess::initTestCase()
{
    qputenv("PROCLAB_WORKER", PROCLAB_BIN_DIR "/proclab-worker");
    QVERIFY(QFile::exists(QStringLiteral(PROCLAB_BIN_DIR "/proclab-worker")));
}

void tst_WorkerProcess::init()
{
    m_events.clear();
    m_controller = std::make_unique<LabController>();
    connect(m_controller.get(), &LabController::event, this, [this](const SessionEvent &e) { m_events.append(e); });
}

void tst_WorkerProcess::cleanup()
{
    m_controller->stopAllAndWait();
    QCOMPARE(m_controller->processCount(), 0);
    m_controller.reset();
    m_block = TelemetryBlock();
    QTRY_VERIFY_WITH_TIMEOUT(ChildScanner::children().isEmpty(), 3000);
}

QList<SessionEvent> tst_WorkerProcess::eventsOf(const QString &kind) const
{
    QList<SessionEvent> found;
    for (const SessionEvent &e : m_events) {
        if (e.kind == kind)
            found.append(e);
    }
    return found;
}

bool tst_WorkerProcess::hasEvent(const QString &kind, const QString &key, qint64 value) const
{
    for (const SessionEvent &e : m_events) {
        if (e.kind == kind && e.fields.value(key).toInteger() == value)
            return true;
    }
    return false;
}

void tst_WorkerProcess::processLevelProducerAndConsumer_data()
{
    QTest::addColumn<bool>("pipe");
    QTest::newRow("channel=shm") << false;
    QTest::newRow("channel=pipe") << true;
}

void tst_WorkerProcess::processLevelProducerAndConsumer()
{
    QFETCH(bool, pipe);
    TelemetryBlockSpec spec;
    spec.slotCount = 8;
    spec.queues = {SharedQueueSpec()};
    m_block = TelemetryBlock::create(spec);
    QVERIFY2(m_block.isValid(), qPrintable(m_block.errorString()));
    m_controller->setTelemetryBlock(&m_block);
    PipeChannel channel = PipeChannel::create(64);
    QVERIFY(channel.isValid());
    WorkerLaunch producer;
    producer.role = u"producer"_s;
    producer.arguments = {u"--rate"_s, u"500"_s};
    WorkerLaunch consumer;
    consumer.role = u"consumer"_s;
    if (pipe) {
        producer.descriptors = {{channel.writeFd(), 6}};
        producer.arguments += {u"--pipe-write-fd"_s, u"6"_s};
        consumer.descriptors = {{channel.readFd(), 6}};
        consumer.arguments += {u"--pipe-read-fd"_s, u"6"_s};
    }
    const std::optional<pid_t> producerPid = m_controller->spawnWorker(producer);
    const std::optional<pid_t> consumerPid = m_controller->spawnWorker(consumer);
    QVERIFY(producerPid && consumerPid);
    QTRY_COMPARE(eventsOf(u"thread.start"_s).size(), 2);
    QCOMPARE(m_controller->process(*producerPid)->threads.value(0).name, u"producer-1"_s);
    const auto consumed = [&] {
        for (const ThreadTelemetrySample &thread : m_block.snapshot().threads) {
            if (thread.pid == *consumerPid)
                return thread.itemsDone;
        }
        return std::uint64_t(0);
    };
    QTRY_VERIFY_WITH_TIMEOUT(consumed() >= 100, 5000);
    if (!pipe)
        QVERIFY(m_block.snapshot().queues.value(0).gets >= 100);
}

void tst_WorkerProcess::pollerBurnsCpuBlockingConsumerDoesNot()
{
    TelemetryBlockSpec spec;
    spec.slotCount = 8;
    spec.queues = {SharedQueueSpec()};
    m_block = TelemetryBlock::create(spec);
    QVERIFY2(m_block.isValid(), qPrintable(m_block.errorString()));
    m_controller->setTelemetryBlock(&m_block);
    const std::optional<pid_t> pid = m_controller->spawnWorker(WorkerLaunch());
    QVERIFY(pid);
    ThreadSpec producer = threadOf(u"producer"_s);
    producer.rate = 100;
    QVERIFY(m_controller->addThread(*pid, producer));
    QVERIFY(m_controller->addThread(*pid, threadOf(u"consumer"_s)));
    QVERIFY(m_controller->addThread(*pid, threadOf(u"poller"_s)));
    QTRY_COMPARE(eventsOf(u"thread.start"_s).size(), 3);
    pid_t consumer = 0;
    pid_t poller = 0;
    for (const SessionEvent &e : eventsOf(u"thread.start"_s)) {
        if (e.fields.value(u"role"_s).toString() == u"consumer"_s)
            consumer = pid_t(e.fields.value(u"tid"_s).toInt());
        if (e.fields.value(u"role"_s).toString() == u"poller"_s)
            poller = pid_t(e.fields.value(u"tid"_s).toInt());
    }
    const qint64 consumerBefore = cpuNs(*pid, consumer);
    const qint64 pollerBefore = cpuNs(*pid, poller);
    QTest::qWait(600);
    const qint64 consumerCpu = cpuNs(*pid, consumer) - consumerBefore;
    const qint64 pollerCpu = cpuNs(*pid, poller) - pollerBefore;
    // Relative, not absolute: on a machine loaded by other builds the poller may get only a few percent of a
    // core (it runs at nice 5), but it still burns far more than the blocking consumer, which sleeps.
    QVERIFY2(pollerCpu > 6'000'000 && pollerCpu > 10 * consumerCpu,
             qPrintable(u"poller %1 ns, consumer %2 ns"_s.arg(pollerCpu).arg(consumerCpu)));
    // And the items do flow (to either consumer).
    QTRY_VERIFY_WITH_TIMEOUT(m_block.snapshot().queues.value(0).gets >= 5, 5000);
}

void tst_WorkerProcess::pinnedWorkerThreadsStayOnOneCore()
{
    WorkerLaunch launch;
    launch.arguments = {u"--cpu"_s, u"0"_s};
    const std::optional<pid_t> pid = m_controller->spawnWorker(launch);
    QVERIFY(pid);
    QVERIFY(m_controller->addThread(*pid, threadOf(u"cpu"_s)));
    QTRY_COMPARE(eventsOf(u"thread.start"_s).size(), 1);
    const pid_t tid = pid_t(eventsOf(u"thread.start"_s).first().fields.value(u"tid"_s).toInt());
    QFile status(u"/proc/%1/task/%2/status"_s.arg(*pid).arg(tid));
    QVERIFY(status.open(QIODevice::ReadOnly));
    QVERIFY(status.readAll().contains("Cpus_allowed_list:\t0\n"));
}

void tst_WorkerProcess::takeAndReleaseOnCommand()
{
    TelemetryBlockSpec spec;
    spec.slotCount = 4;
    spec.lockNames = {u"L1"_s, u"L2"_s};
    m_block = TelemetryBlock::create(spec);
    QVERIFY2(m_block.isValid(), qPrintable(m_block.errorString()));
    m_controller->setTelemetryBlock(&m_block);
    const std::optional<pid_t> pid = m_controller->spawnWorker(WorkerLaunch());
    QVERIFY(pid);
    QVERIFY(m_controller->addThread(*pid, threadOf(u"lock-taker"_s)));
    QTRY_COMPARE(eventsOf(u"thread.start"_s).size(), 1);
    const pid_t tid = pid_t(eventsOf(u"thread.start"_s).first().fields.value(u"tid"_s).toInt());
    QVERIFY(m_controller->takeLocks(*pid, tid, {1, 0}));
    QTRY_COMPARE(m_block.snapshot().locks.value(0).ownerTid, tid);
    QCOMPARE(m_block.snapshot().locks.value(1).ownerTid, tid);
    QList<int> held;
    for (const ThreadTelemetrySample &thread : m_block.snapshot().threads) {
        if (thread.tid == tid)
            held = thread.heldLocks;
    }
    QCOMPARE(held, (QList<int>{1, 0})); // in the order taken
    QVERIFY(m_controller->releaseLocks(*pid, tid));
    QTRY_COMPARE(m_block.snapshot().locks.value(0).ownerTid, 0);
    QCOMPARE(m_block.snapshot().locks.value(1).ownerTid, 0);
    // A lock that does not exist is refused by the worker, as an error event.
    const qsizetype errors = eventsOf(u"error"_s).size();
    QVERIFY(m_controller->takeLocks(*pid, tid, {7}));
    QTRY_COMPARE(eventsOf(u"error"_s).size(), errors + 1);
    // Stopping an idle lock-taker works: it is not stuck on a lock.
    QVERIFY(m_controller->stopThread(*pid, tid));
    QTRY_VERIFY(hasEvent(u"thread.exit"_s, u"tid"_s, tid));
}

void tst_WorkerProcess::killedLockHolder_data()
{
    QTest::addColumn<bool>("robust");
    QTest::newRow("robust: the waiter gets the lock") << true;
    QTest::newRow("not robust: the waiter stays blocked") << false;
}

void tst_WorkerProcess::killedLockHolder()
{
    // The kill-holding-lock lesson across two lab processes: one holds L1 and is SIGKILLed, one waits for L1.
    QFETCH(bool, robust);
    TelemetryBlockSpec spec;
    spec.slotCount = 8;
    spec.lockNames = {u"L1"_s};
    spec.robustLocks = robust;
    m_block = TelemetryBlock::create(spec);
    QVERIFY2(m_block.isValid(), qPrintable(m_block.errorString()));
    m_controller->setTelemetryBlock(&m_block);
    ThreadSpec holder = threadOf(u"lock-taker"_s);
    holder.locks = {0};
    holder.holdMs = -1;
    const std::optional<pid_t> first = m_controller->spawnWorker(WorkerLaunch());
    QVERIFY(first);
    QVERIFY(m_controller->addThread(*first, holder));
    QTRY_COMPARE(m_block.snapshot().locks.value(0).ownerPid, *first);
    const std::optional<pid_t> second = m_controller->spawnWorker(WorkerLaunch());
    QVERIFY(second);
    QVERIFY(m_controller->addThread(*second, holder));
    QTRY_COMPARE(m_block.snapshot().locks.value(0).waiterCount, 1);

    QVERIFY(m_controller->sendSignal(*first, SIGKILL));
    QTRY_VERIFY(hasEvent(u"process.reap"_s, u"pid"_s, *first));
    if (robust) {
        QTRY_COMPARE_WITH_TIMEOUT(m_block.snapshot().locks.value(0).ownerPid, *second, 3000);
        QCOMPARE(m_block.snapshot().locks.value(0).ownerDeaths, quint64(1));
    } else {
        QTest::qWait(500);
        const LockSample lock = m_block.snapshot().locks.value(0);
        QVERIFY(lock.ownerPid != *second);
        QCOMPARE(lock.waiterCount, 1);
        bool waiting = false;
        for (const ThreadTelemetrySample &thread : m_block.snapshot().threads)
            waiting = waiting || (thread.pid == *second && thread.state == ThreadState::WaitLock);
        QVERIFY(waiting);
        // Blocked for ever, but still killable: the process is ended from outside.
        QVERIFY(m_controller->sendSignal(*second, SIGKILL));
        QTRY_VERIFY(hasEvent(u"process.reap"_s, u"pid"_s, *second));
    }
}

void tst_WorkerProcess::deadlockedThreadsStopWithinTwoSeconds()
{
    TelemetryBlockSpec spec;
    spec.slotCount = 8;
    spec.lockNames = {u"L1"_s, u"L2"_s};
    m_block = TelemetryBlock::create(spec);
    TelemetryBlock &block = m_block;
    QVERIFY2(block.isValid(), qPrintable(block.errorString()));
    m_controller->setTelemetryBlock(&block);
    const std::optional<pid_t> pid = m_controller->spawnWorker(WorkerLaunch());
    QVERIFY(pid);
    ThreadSpec first = threadOf(u"lock-taker"_s);
    first.locks = {0, 1};
    first.stepMs = 150;
    ThreadSpec second = first;
    second.locks = {1, 0};
    QVERIFY(m_controller->addThread(*pid, first));
    QVERIFY(m_controller->addThread(*pid, second));
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const TelemetrySnapshot snapshot = block.snapshot();
            return snapshot.locks.size() == 2 && snapshot.locks[0].ownerTid && snapshot.locks[1].ownerTid
                && snapshot.locks[0].waiterCount == 1 && snapshot.locks[1].waiterCount == 1;
        }(),
        3000);
    // "Stop thread" cannot end a thread stuck on a lock (POSIX has no way to): it is still there afterwards.
    const pid_t stuck = pid_t(eventsOf(u"thread.start"_s).value(0).fields.value(u"tid"_s).toInt());
    QVERIFY(stuck > 0);
    QVERIFY(m_controller->stopThread(*pid, stuck));
    QTest::qWait(300);
    QVERIFY(!hasEvent(u"thread.exit"_s, u"tid"_s, stuck));
    QVERIFY(QFile::exists(u"/proc/%1/task/%2"_s.arg(*pid).arg(stuck)));
    // Ending the process does.
    QElapsedTimer stopping;
    stopping.start();
    m_controller->stopAllAndWait();
    QVERIFY2(stopping.elapsed() < 2000, QByteArray::number(stopping.elapsed()).constData());
    qInfo("deadlocked lab stopped and reaped in %lld ms", stopping.elapsed());
    QCOMPARE(m_controller->processCount(), 0);
    QVERIFY(hasEvent(u"process.reap"_s, u"pid"_s, *pid));
    // The slots of the killed process's threads are released: none is left live.
    for (const ThreadTelemetrySample &thread : block.snapshot().threads)
        QVERIFY(thread.exited);
}

void tst_WorkerProcess::exitWithCode()
{
    const std::optional<pid_t> pid = m_controller->spawnWorker(WorkerLaunch());
    QVERIFY(pid);
    QVERIFY(m_controller->addThread(*pid, threadOf(u"cpu"_s)));
    QTRY_COMPARE(m_controller->threadCount(), 1);
    QVERIFY(m_controller->exitWorker(*pid, 3));
    QTRY_VERIFY(hasEvent(u"process.reap"_s, u"pid"_s, *pid));
    const SessionEvent exit = eventsOf(u"process.exit"_s).value(0);
    QCOMPARE(exit.fields.value(u"code"_s).toInt(), 3);
    // Its thread went with it, and is reported so.
    QCOMPARE(eventsOf(u"thread.exit"_s).size(), 1);
    QCOMPARE(m_controller->threadCount(), 0);
}

QTEST_GUILESS_MAIN(tst_WorkerProcess)
#include "tst_workerprocess.moc"
