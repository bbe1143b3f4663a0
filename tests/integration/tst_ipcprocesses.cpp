// The ipc classes between real processes (fork): a queue and a pipe across processes, and what happens when a
// process is SIGKILLed while it holds the queue's mutex or a named lock (robust: the next locker repairs and goes
// on; not robust: the others stay blocked, and can still be killed), or while it waits on the queue's condvar.
#include "ipc/PipeChannel.h"
#include "ipc/ProcessSharedMutex.h"
#include "ipc/SharedMemory.h"
#include "ipc/SharedQueue.h"
#include "ipc/TelemetryBlock.h"

#include <QDir>
#include <QFile>
#include <QTest>

extern "C" {
#include <sys/pidfd.h>
}
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <csignal>
#include <cstring>
#include <functional>
#include <thread>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace {
// A forked child, signalled through its pidfd and reaped with waitid(P_PIDFD) — never waitpid(-1).
class ForkedChild
{
public:
    explicit ForkedChild(const std::function<int()> &body)
    {
        const pid_t parent = getpid();
        m_pid = fork();
        if (m_pid == 0) {
            // Die with the test rather than outlive it.
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (getppid() != parent)
                _exit(99);
            _exit(body());
        }
        if (m_pid > 0)
            m_pidfd = pidfd_open(m_pid, 0);
    }
    ~ForkedChild()
    {
        if (m_pidfd >= 0) {
            if (!m_reaped) {
                pidfd_send_signal(m_pidfd, SIGKILL, nullptr, 0);
                siginfo_t info{};
                waitid(P_PIDFD, id_t(m_pidfd), &info, WEXITED);
            }
            close(m_pidfd);
        }
    }
    ForkedChild(const ForkedChild &) = delete;
    ForkedChild &operator=(const ForkedChild &) = delete;

    bool isValid() const { return m_pid > 0 && m_pidfd >= 0; }
    pid_t pid() const { return m_pid; }
    bool kill(int signal) { return pidfd_send_signal(m_pidfd, signal, nullptr, 0) == 0; }
    // Waits up to `timeoutMs` for the exit and reaps. Returns "exit N", "signal N" or "running".
    QString reap(int timeoutMs)
    {
        pollfd entry{m_pidfd, POLLIN, 0};
        if (poll(&entry, 1, timeoutMs) <= 0)
            return u"running"_s;
        siginfo_t info{};
        if (waitid(P_PIDFD, id_t(m_pidfd), &info, WEXITED) != 0)
            return u"waitid failed"_s;
        m_reaped = true;
        return info.si_code == CLD_EXITED ? u"exit %1"_s.arg(info.si_status) : u"signal %1"_s.arg(info.si_status);
    }
    // The one-letter state from /proc/<pid>/stat.
    QChar procState() const
    {
        QFile stat(u"/proc/%1/stat"_s.arg(m_pid));
        if (!stat.open(QIODevice::ReadOnly))
            return u'?';
        const QByteArray text = stat.readAll();
        const qsizetype close = text.lastIndexOf(')');
        return close >= 0 && close + 2 < text.size() ? QChar(QLatin1Char(text.at(close + 2))) : u'?';
    }

private:
    pid_t m_pid = -1;
    int m_pidfd = -1;
    bool m_reaped = false;
};

struct Tag
{
    std::uint32_t producer;
    std::uint32_t sequence;
};

std::array<std::byte, 64> itemOf(std::uint32_t producer, std::uint32_t sequence)
{
    std::array<std::byte, 64> item{};
    const Tag tag{producer, sequence};
    std::memcpy(item.data(), &tag, sizeof tag);
    return item;
}

Tag tagOf(const std::array<std::byte, 64> &item)
{
    Tag tag{};
    std::memcpy(&tag, item.data(), sizeof tag);
    return tag;
}

// Our children as the kernel lists them, over all our threads.
QStringList childrenOfThisProcess()
{
    QStringList children;
    const QDir tasks(u"/proc/self/task"_s);
    for (const QString &task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile file(tasks.filePath(task + u"/children"_s));
        if (file.open(QIODevice::ReadOnly))
            children += QString::fromLatin1(file.readAll()).split(u' ', Qt::SkipEmptyParts);
    }
    return children;
}

// A pipe whose one byte says "the child has reached the point"; the parent blocks on it with a timeout.
struct Signpost
{
    int fds[2] = {-1, -1};
    Signpost() { (void)pipe2(fds, O_CLOEXEC); }
    ~Signpost()
    {
        close(fds[0]);
        close(fds[1]);
    }
    void reached() { (void)!write(fds[1], "x", 1); }
    bool waitReached(int timeoutMs)
    {
        pollfd entry{fds[0], POLLIN, 0};
        char byte = 0;
        return poll(&entry, 1, timeoutMs) == 1 && read(fds[0], &byte, 1) == 1;
    }
};
} // namespace

class tst_IpcProcesses : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void queueAcrossProcesses_data();
    void queueAcrossProcesses();
    void robustQueueOwnerKilled();
    void nonRobustQueueOwnerKilled();
    void killedWaiterIsForgotten();
    void namedLockOwnerKilled_data();
    void namedLockOwnerKilled();
    void notRecoverableIsReported();
    void pipeAcrossProcesses();
    void telemetryOfKilledProcess();
};

void tst_IpcProcesses::initTestCase()
{
    std::signal(SIGPIPE, SIG_IGN);
    QVERIFY2(childrenOfThisProcess().isEmpty(), "children before the first test");
}

void tst_IpcProcesses::cleanup()
{
    // Every ForkedChild reaps on destruction: nothing may be left, not even a zombie.
    QCOMPARE(childrenOfThisProcess(), QStringList());
}

void tst_IpcProcesses::queueAcrossProcesses_data()
{
    QTest::addColumn<int>("producers");
    QTest::addColumn<int>("consumers");
    QTest::addColumn<int>("capacity");
    QTest::newRow("1 to 1, capacity 1") << 1 << 1 << 1;
    QTest::newRow("2 to 2, capacity 64") << 2 << 2 << 64;
    QTest::newRow("3 to 1, capacity 4096") << 3 << 1 << 4096;
}

void tst_IpcProcesses::queueAcrossProcesses()
{
    QFETCH(int, producers);
    QFETCH(int, consumers);
    QFETCH(int, capacity);
    constexpr std::uint32_t perProducer = 20000;
    const std::size_t total = std::size_t(producers) * perProducer;
    SharedQueue queue = SharedQueue::create({capacity, 64, false});
    QVERIFY(queue.isValid());
    // What each consumer got, in order: a count and the tags, written by the consumer processes.
    const std::size_t perConsumerBytes = sizeof(std::uint64_t) + total * sizeof(Tag);
    SharedMemory results = SharedMemory::create("test-results", perConsumerBytes * std::size_t(consumers));
    QVERIFY(results.isValid());
    const int queueFd = queue.fd();

    std::vector<std::unique_ptr<ForkedChild>> children;
    for (int c = 0; c < consumers; ++c) {
        children.push_back(std::make_unique<ForkedChild>([&, c] {
            // The child opens the queue by fd number, as a spawned worker would.
            SharedQueue mine = SharedQueue::attach(queueFd, SharedMemory::FdOwnership::Duplicate);
            if (!mine.isValid())
                return 3;
            auto *base = static_cast<std::byte *>(results.data()) + perConsumerBytes * std::size_t(c);
            auto *tags = reinterpret_cast<Tag *>(base + sizeof(std::uint64_t));
            std::uint64_t count = 0;
            std::array<std::byte, 64> out{};
            for (;;) {
                const IpcStatus status = mine.get(out);
                if (status == IpcStatus::Stopped)
                    break;
                if (status != IpcStatus::Ok || count == total)
                    return 4;
                tags[count++] = tagOf(out);
            }
            std::memcpy(base, &count, sizeof count);
            return 0;
        }));
    }
    for (int p = 0; p < producers; ++p) {
        children.push_back(std::make_unique<ForkedChild>([&, p] {
            SharedQueue mine = SharedQueue::attach(queueFd, SharedMemory::FdOwnership::Duplicate);
            for (std::uint32_t i = 0; i < perProducer; ++i) {
                if (mine.put(itemOf(std::uint32_t(p), i)) != IpcStatus::Ok)
                    return 5;
            }
            return 0;
        }));
    }
    for (auto &child : children)
        QVERIFY(child->isValid());
    for (int p = 0; p < producers; ++p)
        QCOMPARE(children[std::size_t(consumers + p)]->reap(60000), u"exit 0"_s);
    QTRY_COMPARE_WITH_TIMEOUT(queue.stats().gets, std::uint64_t(total), 30000);
    queue.shutdown();
    for (int c = 0; c < consumers; ++c)
        QCOMPARE(children[std::size_t(c)]->reap(10000), u"exit 0"_s);

    std::vector<int> seen(total, 0);
    for (int c = 0; c < consumers; ++c) {
        const auto *base = static_cast<const std::byte *>(results.data()) + perConsumerBytes * std::size_t(c);
        std::uint64_t count = 0;
        std::memcpy(&count, base, sizeof count);
        const auto *tags = reinterpret_cast<const Tag *>(base + sizeof(std::uint64_t));
        std::vector<std::int64_t> last(std::size_t(producers), -1);
        for (std::uint64_t i = 0; i < count; ++i) {
            const Tag tag = tags[i];
            QVERIFY(tag.producer < std::uint32_t(producers) && tag.sequence < perProducer);
            QVERIFY2(std::int64_t(tag.sequence) > last[tag.producer], "FIFO per producer broken");
            last[tag.producer] = tag.sequence;
            ++seen[tag.producer * perProducer + tag.sequence];
        }
    }
    for (std::size_t i = 0; i < total; ++i)
        QVERIFY2(seen[i] == 1, qPrintable(u"item %1 seen %2 times"_s.arg(i).arg(seen[i])));
    const QueueStats stats = queue.stats();
    QCOMPARE(stats.puts, std::uint64_t(total));
    QCOMPARE(stats.blockedPutters + stats.blockedGetters, 0);
}

void tst_IpcProcesses::robustQueueOwnerKilled()
{
    SharedQueue queue = SharedQueue::create({8, 64, true});
    QVERIFY(queue.isValid());
    for (std::uint32_t i = 0; i < 3; ++i)
        QCOMPARE(queue.put(itemOf(0, i)), IpcStatus::Ok);
    Signpost holding;
    ForkedChild holder([&] {
        if (queue.holdLock() != IpcStatus::Ok)
            return 3;
        holding.reached();
        pause();
        return 0;
    });
    QVERIFY(holder.isValid());
    QVERIFY(holding.waitReached(10000));
    QCOMPARE(queue.stats().ownerPid, holder.pid());
    QCOMPARE(queue.stats().ownerTid, holder.pid()); // its only thread
    QVERIFY(holder.kill(SIGKILL));
    QCOMPARE(holder.reap(5000), u"signal 9"_s);

    // The next locker gets EOWNERDEAD, repairs, and goes on.
    WaitOptions options;
    options.timeout = 5s;
    QCOMPARE(queue.put(itemOf(0, 3), options), IpcStatus::Ok);
    QueueStats stats = queue.stats();
    QCOMPARE(stats.ownerDeaths, 1u);
    QCOMPARE(stats.lastDeadOwnerPid, holder.pid());
    QCOMPARE(stats.ownerTid, 0);
    QCOMPARE(stats.depth, 4);
    for (std::uint32_t i = 0; i < 4; ++i) {
        std::array<std::byte, 64> out{};
        QCOMPARE(queue.get(out, options), IpcStatus::Ok);
        QCOMPARE(tagOf(out).sequence, i);
    }
    QVERIFY(!queue.stats().notRecoverable);
}

void tst_IpcProcesses::nonRobustQueueOwnerKilled()
{
    TelemetryBlockSpec spec;
    spec.slotCount = 4;
    spec.queues = {SharedQueueSpec{8, 64, false}};
    TelemetryBlock block = TelemetryBlock::create(spec);
    QVERIFY(block.isValid());
    SharedQueue *queue = block.queue(0);
    Signpost holding;
    ForkedChild holder([&] {
        if (queue->holdLock() != IpcStatus::Ok)
            return 3;
        holding.reached();
        pause();
        return 0;
    });
    QVERIFY(holder.isValid());
    QVERIFY(holding.waitReached(10000));
    QVERIFY(holder.kill(SIGKILL));
    QCOMPARE(holder.reap(5000), u"signal 9"_s);

    // Nobody repairs a non-robust mutex: a timed put observes that it stays blocked.
    WaitOptions options;
    options.timeout = 300ms;
    QCOMPARE(queue->put(itemOf(0, 0), options), IpcStatus::Timeout);
    QCOMPARE(queue->stats().ownerPid, holder.pid()); // still "held" by the dead process
    QCOMPARE(queue->stats().ownerDeaths, 0u);

    // An untimed put blocks for ever, says why in its telemetry, and can still be killed.
    ForkedChild blocked([&] {
        ThreadTelemetry telemetry = block.claimSlot(u"producer-1"_s);
        telemetry.setState(ThreadState::Working);
        WaitOptions untimed;
        untimed.telemetry = &telemetry;
        queue->put(itemOf(1, 0), untimed);
        return 0;
    });
    QVERIFY(blocked.isValid());
    auto blockedState = [&block, &blocked] {
        for (const ThreadTelemetrySample &sample : block.snapshot().threads) {
            if (sample.pid == blocked.pid())
                return sample.state;
        }
        return ThreadState::Idle;
    };
    QTRY_COMPARE(blockedState(), ThreadState::WaitQueueLock);
    QTRY_COMPARE(blocked.procState(), u'S'); // asleep on the futex (between slices)
    QVERIFY(blocked.kill(SIGKILL));
    QCOMPARE(blocked.reap(5000), u"signal 9"_s);
    QCOMPARE(block.releaseSlotsOf(blocked.pid()), 1);
}

void tst_IpcProcesses::killedWaiterIsForgotten()
{
    SharedQueue queue = SharedQueue::create({4, 64, false});
    QVERIFY(queue.isValid());
    // Two getters SIGKILLed inside pthread_cond_timedwait on the process-shared condvar.
    std::vector<std::unique_ptr<ForkedChild>> waiters;
    for (int i = 0; i < 2; ++i) {
        waiters.push_back(std::make_unique<ForkedChild>([&] {
            std::array<std::byte, 64> out{};
            return int(queue.get(out));
        }));
        QVERIFY(waiters.back()->isValid());
    }
    QTRY_COMPARE(queue.stats().blockedGetters, 2);
    for (auto &waiter : waiters) {
        QVERIFY(waiter->kill(SIGKILL));
        QCOMPARE(waiter->reap(5000), u"signal 9"_s);
    }
    // A killed waiter cannot take itself off the count; the supervisor does after reaping.
    QCOMPARE(queue.stats().blockedGetters, 2);
    QCOMPARE(queue.forgetWaitersOf(waiters[0]->pid()), 1);
    QCOMPARE(queue.forgetWaitersOf(waiters[1]->pid()), 1);
    QCOMPARE(queue.stats().blockedGetters, 0);

    // The queue still works for live threads that block on both condvars many times. Run in a child with a
    // deadline, so that a hang (a signaller stuck on a dead waiter) fails the test instead of stalling it.
    ForkedChild traffic([&] {
        constexpr std::uint32_t count = 20000;
        std::atomic<std::uint32_t> got{0};
        std::thread consumer([&] {
            std::array<std::byte, 64> out{};
            WaitOptions options;
            options.timeout = 5s;
            for (std::uint32_t i = 0; i < count; ++i) {
                if (queue.get(out, options) != IpcStatus::Ok || tagOf(out).sequence != i)
                    return;
                ++got;
            }
        });
        WaitOptions options;
        options.timeout = 5s;
        for (std::uint32_t i = 0; i < count; ++i) {
            if (queue.put(itemOf(0, i), options) != IpcStatus::Ok)
                break;
        }
        consumer.join();
        return got.load() == count ? 0 : 6;
    });
    QVERIFY(traffic.isValid());
    QCOMPARE(traffic.reap(30000), u"exit 0"_s);
}

void tst_IpcProcesses::namedLockOwnerKilled_data()
{
    QTest::addColumn<bool>("robust");
    QTest::newRow("robust") << true;
    QTest::newRow("not robust") << false;
}

void tst_IpcProcesses::namedLockOwnerKilled()
{
    QFETCH(bool, robust);
    TelemetryBlockSpec spec;
    spec.lockNames = {u"L1"_s};
    spec.robustLocks = robust;
    TelemetryBlock block = TelemetryBlock::create(spec);
    QVERIFY(block.isValid());
    SharedLock lock = block.lock(0);
    Signpost holding;
    ForkedChild holder([&] {
        if (lock.lock() != IpcStatus::Ok)
            return 3;
        holding.reached();
        pause();
        return 0;
    });
    QVERIFY(holder.isValid());
    QVERIFY(holding.waitReached(10000));
    QCOMPARE(lock.sample().ownerPid, holder.pid());
    QVERIFY(holder.kill(SIGKILL));
    QCOMPARE(holder.reap(5000), u"signal 9"_s);

    WaitOptions options;
    options.timeout = robust ? 5000ms : 300ms;
    bool ownerDied = false;
    const IpcStatus status = lock.lock(options, &ownerDied);
    const LockSample sample = lock.sample();
    if (robust) {
        QCOMPARE(status, IpcStatus::Ok);
        QVERIFY(ownerDied);
        QCOMPARE(sample.ownerDeaths, 1u);
        QCOMPARE(sample.lastDeadOwnerPid, holder.pid());
        QCOMPARE(sample.ownerTid, gettid());
        QCOMPARE(lock.unlock(), IpcStatus::Ok);
        QCOMPARE(lock.lock(options, &ownerDied), IpcStatus::Ok); // consistent again
        QVERIFY(!ownerDied);
        QCOMPARE(lock.unlock(), IpcStatus::Ok);
    } else {
        QCOMPARE(status, IpcStatus::Timeout);
        QCOMPARE(sample.ownerPid, holder.pid()); // the deadlock analysis sees the dead owner
        QCOMPARE(sample.waiterCount, 0);
    }
}

void tst_IpcProcesses::notRecoverableIsReported()
{
    SharedMemory region = SharedMemory::create("test-mutex", sizeof(pthread_mutex_t));
    QVERIFY(region.isValid());
    auto *mutex = static_cast<pthread_mutex_t *>(region.data());
    QCOMPARE(ProcessSharedMutex::initialize(mutex, true, ProcessSharedMutex::Kind::Adaptive), 0);
    ForkedChild holder([&] {
        // Exits holding it: the kernel's robust-list walk marks it owner-dead just as for a kill.
        return ProcessSharedMutex::tryLock(mutex) == ProcessSharedMutex::Outcome::Acquired ? 0 : 3;
    });
    QVERIFY(holder.isValid());
    QCOMPARE(holder.reap(5000), u"exit 0"_s);
    QCOMPARE(ProcessSharedMutex::tryLock(mutex), ProcessSharedMutex::Outcome::OwnerDied);
    // Unlocking without pthread_mutex_consistent() gives the mutex up for good.
    QCOMPARE(ProcessSharedMutex::unlock(mutex), 0);
    QCOMPARE(ProcessSharedMutex::tryLock(mutex), ProcessSharedMutex::Outcome::NotRecoverable);
}

void tst_IpcProcesses::pipeAcrossProcesses()
{
    PipeChannel channel = PipeChannel::create(64);
    QVERIFY(channel.isValid());
    constexpr std::uint32_t count = 50000;
    ForkedChild producer([&] {
        channel.closeReadEnd();
        for (std::uint32_t i = 0; i < count; ++i) {
            if (channel.put(itemOf(0, i)) != IpcStatus::Ok)
                return 5;
        }
        return 0;
    });
    QVERIFY(producer.isValid());
    channel.closeWriteEnd(); // so the child's exit is our end of file
    std::array<std::byte, 64> out{};
    WaitOptions options;
    options.timeout = 10s;
    for (std::uint32_t i = 0; i < count; ++i) {
        const IpcStatus status = channel.get(out, options);
        if (status != IpcStatus::Ok || tagOf(out).sequence != i)
            QFAIL(qPrintable(u"record %1: %2, sequence %3"_s.arg(i).arg(QLatin1StringView(ipcStatusName(status))).arg(tagOf(out).sequence)));
    }
    QCOMPARE(producer.reap(10000), u"exit 0"_s);
    QCOMPARE(channel.get(out, options), IpcStatus::Closed);
}

void tst_IpcProcesses::telemetryOfKilledProcess()
{
    TelemetryBlockSpec spec;
    spec.slotCount = 4;
    spec.lockNames = {u"L1"_s, u"L2"_s};
    TelemetryBlock block = TelemetryBlock::create(spec);
    QVERIFY(block.isValid());
    SharedLock l1 = block.lock(0);
    QCOMPARE(l1.lock(), IpcStatus::Ok);
    const int blockFd = block.fd();
    ForkedChild child([&] {
        TelemetryBlock mine = TelemetryBlock::attach(blockFd, SharedMemory::FdOwnership::Duplicate);
        if (!mine.isValid())
            return 3;
        ThreadTelemetry telemetry = mine.claimSlot(u"lock-taker-1"_s);
        WaitOptions options;
        options.telemetry = &telemetry;
        SharedLock l2 = mine.lock(1);
        if (l2.lock(options) != IpcStatus::Ok)
            return 4;
        mine.lock(0).lock(options); // blocks: L1 is held by the parent
        return 0;
    });
    QVERIFY(child.isValid());
    // "TID c waits for L1, held by TID p" — and c holds L2 — all read from shared memory.
    QTRY_COMPARE(l1.sample().waiterTids, QList<pid_t>{child.pid()});
    const TelemetrySnapshot snapshot = block.snapshot();
    QCOMPARE(snapshot.threads.size(), 1);
    QCOMPARE(snapshot.threads.at(0).pid, child.pid());
    QCOMPARE(snapshot.threads.at(0).state, ThreadState::WaitLock);
    QCOMPARE(snapshot.threads.at(0).waitObject, 0);
    QCOMPARE(snapshot.threads.at(0).heldLocks, QList<int>{1});
    QCOMPARE(snapshot.locks.at(0).ownerTid, gettid());
    QCOMPARE(snapshot.locks.at(1).ownerPid, child.pid());

    QVERIFY(child.kill(SIGKILL));
    QCOMPARE(child.reap(5000), u"signal 9"_s);
    QCOMPARE(block.releaseSlotsOf(child.pid()), 1);
    QCOMPARE(block.snapshot().threads.at(0).state, ThreadState::Exited);
    QCOMPARE(l1.sample().waiterCount, 0); // taken off the waiter list with its slot
    QCOMPARE(block.lock(1).sample().ownerPid, child.pid()); // L2 stays held by the dead process
    QCOMPARE(l1.unlock(), IpcStatus::Ok);
}

QTEST_APPLESS_MAIN(tst_IpcProcesses)
#include "tst_ipcprocesses.moc"
