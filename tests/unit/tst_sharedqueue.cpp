// SharedQueue inside one process, between threads: every item exactly once, FIFO per producer, blocking on full
// and empty with the blocked counts visible, timeouts, cooperative stop, shutdown, and counters that are never torn.
// No fork here, so the thread sanitizer can run it (LABELS tsan).
#include "ipc/SharedQueue.h"
#include "ipc/TelemetryBlock.h"

#include <QElapsedTimer>
#include <QTest>

#include <unistd.h>

#include <array>
#include <atomic>
#include <cstring>
#include <map>
#include <thread>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace {
// An item that says who put it and in which order: producer id and its own sequence number.
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
} // namespace

class tst_SharedQueue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void specRange_data();
    void specRange();
    void fifoInOneThread();
    void everyItemExactlyOnce_data();
    void everyItemExactlyOnce();
    void blockedPuttersAreCounted();
    void blockedGettersAreCounted();
    void timeout_data();
    void timeout();
    void stopTokenEndsWait();
    void shutdownEndsEveryWait();
    void itemSizes();
    void attachSeesSameQueue();
    void ownerTidWhileHeld();
    void telemetryShowsWhyBlocked();
    void countersNeverTorn();
    void manyItemsPerLock();
    void manyItemsAcrossThreads();
};

void tst_SharedQueue::specRange_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<int>("itemSize");
    QTest::addColumn<bool>("valid");
    QTest::newRow("smallest") << 1 << 1 << true;
    QTest::newRow("default") << 64 << 64 << true;
    QTest::newRow("largest") << 4096 << 4096 << true;
    QTest::newRow("no capacity") << 0 << 64 << false;
    QTest::newRow("capacity too large") << 4097 << 64 << false;
    QTest::newRow("no item size") << 8 << 0 << false;
    QTest::newRow("item too large") << 8 << 4097 << false;
}

void tst_SharedQueue::specRange()
{
    QFETCH(int, capacity);
    QFETCH(int, itemSize);
    QFETCH(bool, valid);
    const SharedQueue queue = SharedQueue::create({capacity, itemSize, false});
    QCOMPARE(queue.isValid(), valid);
    QCOMPARE(queue.errorString().isEmpty(), valid);
    QCOMPARE(SharedQueue::requiredBytes({capacity, itemSize, false}) > 0, valid);
    if (valid) {
        QCOMPARE(queue.capacity(), capacity);
        QCOMPARE(queue.itemSize(), itemSize);
        QVERIFY(queue.fd() >= 0);
    }
}

void tst_SharedQueue::fifoInOneThread()
{
    SharedQueue queue = SharedQueue::create({8, 64, false});
    QVERIFY(queue.isValid());
    // Three rounds so the ring wraps around.
    std::uint32_t next = 0;
    for (int round = 0; round < 3; ++round) {
        for (std::uint32_t i = 0; i < 8; ++i)
            QCOMPARE(queue.put(itemOf(0, next + i)), IpcStatus::Ok);
        QCOMPARE(queue.stats().depth, 8);
        for (std::uint32_t i = 0; i < 8; ++i) {
            std::array<std::byte, 64> out{};
            QCOMPARE(queue.get(out), IpcStatus::Ok);
            QCOMPARE(tagOf(out).sequence, next + i);
        }
        next += 8;
    }
    const QueueStats stats = queue.stats();
    QCOMPARE(stats.puts, 24u);
    QCOMPARE(stats.gets, 24u);
    QCOMPARE(stats.depth, 0);
    QCOMPARE(stats.ownerTid, 0);
}

void tst_SharedQueue::everyItemExactlyOnce_data()
{
    QTest::addColumn<int>("producers");
    QTest::addColumn<int>("consumers");
    QTest::addColumn<int>("capacity");
    QTest::newRow("1x1 capacity 1") << 1 << 1 << 1;
    QTest::newRow("4x4 capacity 16") << 4 << 4 << 16;
    QTest::newRow("3x2 capacity 4096") << 3 << 2 << 4096;
    QTest::newRow("1x5 capacity 2") << 1 << 5 << 2;
}

void tst_SharedQueue::everyItemExactlyOnce()
{
    QFETCH(int, producers);
    QFETCH(int, consumers);
    QFETCH(int, capacity);
    constexpr std::uint32_t perProducer = 5000;
    SharedQueue queue = SharedQueue::create({capacity, 64, false});
    QVERIFY(queue.isValid());

    std::vector<std::vector<Tag>> received(static_cast<std::size_t>(consumers));
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int c = 0; c < consumers; ++c) {
        threads.emplace_back([&queue, &received, &failures, c] {
            for (;;) {
                std::array<std::byte, 64> out{};
                const IpcStatus status = queue.get(out);
                if (status == IpcStatus::Stopped)
                    return;
                if (status != IpcStatus::Ok) {
                    ++failures;
                    return;
                }
                received[std::size_t(c)].push_back(tagOf(out));
            }
        });
    }
    std::vector<std::thread> producerThreads;
    for (int p = 0; p < producers; ++p) {
        producerThreads.emplace_back([&queue, &failures, p] {
            for (std::uint32_t i = 0; i < perProducer; ++i) {
                if (queue.put(itemOf(std::uint32_t(p), i)) != IpcStatus::Ok)
                    ++failures;
            }
        });
    }
    for (auto &thread : producerThreads)
        thread.join();
    QTRY_COMPARE(queue.stats().depth, 0);
    queue.shutdown();
    for (auto &thread : threads)
        thread.join();
    QCOMPARE(failures.load(), 0);

    std::map<std::pair<std::uint32_t, std::uint32_t>, int> seen;
    for (const auto &items : received) {
        // Gets are serialised, so what one consumer sees of one producer is in that producer's order.
        std::map<std::uint32_t, std::int64_t> lastOf;
        for (const Tag &tag : items) {
            auto [it, inserted] = lastOf.try_emplace(tag.producer, -1);
            QVERIFY2(std::int64_t(tag.sequence) > it->second, "items of one producer out of order");
            it->second = tag.sequence;
            ++seen[{tag.producer, tag.sequence}];
        }
    }
    QCOMPARE(seen.size(), std::size_t(producers) * perProducer);
    for (const auto &[key, count] : seen)
        QCOMPARE(count, 1);
    const QueueStats stats = queue.stats();
    QCOMPARE(stats.puts, std::uint64_t(producers) * perProducer);
    QCOMPARE(stats.gets, stats.puts);
    QCOMPARE(stats.blockedPutters, 0);
    QCOMPARE(stats.blockedGetters, 0);
}

void tst_SharedQueue::blockedPuttersAreCounted()
{
    SharedQueue queue = SharedQueue::create({2, 64, false});
    QVERIFY(queue.isValid());
    QCOMPARE(queue.put(itemOf(0, 0)), IpcStatus::Ok);
    QCOMPARE(queue.put(itemOf(0, 1)), IpcStatus::Ok);
    std::atomic<int> done{0};
    std::vector<std::thread> putters;
    for (std::uint32_t i = 0; i < 2; ++i) {
        putters.emplace_back([&queue, &done, i] {
            if (queue.put(itemOf(1, i)) == IpcStatus::Ok)
                ++done;
        });
    }
    QTRY_COMPARE(queue.stats().blockedPutters, 2);
    QCOMPARE(done.load(), 0);
    QCOMPARE(queue.stats().depth, 2);
    std::array<std::byte, 64> out{};
    QCOMPARE(queue.get(out), IpcStatus::Ok);
    QTRY_COMPARE(done.load(), 1);
    QCOMPARE(queue.stats().blockedPutters, 1);
    QCOMPARE(queue.get(out), IpcStatus::Ok);
    QTRY_COMPARE(done.load(), 2);
    for (auto &thread : putters)
        thread.join();
    QCOMPARE(queue.stats().blockedPutters, 0);
    QCOMPARE(queue.stats().depth, 2);
}

void tst_SharedQueue::blockedGettersAreCounted()
{
    SharedQueue queue = SharedQueue::create({4, 64, false});
    QVERIFY(queue.isValid());
    std::atomic<int> done{0};
    std::vector<std::thread> getters;
    for (int i = 0; i < 3; ++i) {
        getters.emplace_back([&queue, &done] {
            std::array<std::byte, 64> out{};
            if (queue.get(out) == IpcStatus::Ok)
                ++done;
        });
    }
    QTRY_COMPARE(queue.stats().blockedGetters, 3);
    QCOMPARE(done.load(), 0);
    for (std::uint32_t i = 0; i < 3; ++i)
        QCOMPARE(queue.put(itemOf(0, i)), IpcStatus::Ok);
    QTRY_COMPARE(done.load(), 3);
    for (auto &thread : getters)
        thread.join();
    QCOMPARE(queue.stats().blockedGetters, 0);
    QCOMPARE(queue.stats().depth, 0);
}

void tst_SharedQueue::timeout_data()
{
    QTest::addColumn<bool>("put");
    QTest::addColumn<int>("timeoutMs");
    QTest::newRow("put on full, 80 ms") << true << 80;
    QTest::newRow("get on empty, 80 ms") << false << 80;
    QTest::newRow("put on full, try once") << true << 0;
    QTest::newRow("get on empty, try once") << false << 0;
    QTest::newRow("get on empty, 250 ms (several stop slices)") << false << 250;
}

void tst_SharedQueue::timeout()
{
    QFETCH(bool, put);
    QFETCH(int, timeoutMs);
    SharedQueue queue = SharedQueue::create({1, 64, false});
    QVERIFY(queue.isValid());
    if (put)
        QCOMPARE(queue.put(itemOf(0, 0)), IpcStatus::Ok);
    QElapsedTimer clock;
    clock.start();
    WaitOptions options;
    options.timeout = std::chrono::milliseconds(timeoutMs);
    std::array<std::byte, 64> out{};
    const IpcStatus status = put ? queue.put(itemOf(0, 1), options) : queue.get(out, options);
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(status, IpcStatus::Timeout);
    QVERIFY2(elapsed >= timeoutMs - 1, qPrintable(u"returned after %1 ms"_s.arg(elapsed)));
    // Generous upper bound: a loaded 2-core machine may deschedule us.
    QVERIFY2(elapsed < timeoutMs + 1000, qPrintable(u"returned after %1 ms"_s.arg(elapsed)));
    const QueueStats stats = queue.stats();
    QCOMPARE(stats.depth, put ? 1 : 0);
    QCOMPARE(stats.blockedPutters + stats.blockedGetters, 0);
}

void tst_SharedQueue::stopTokenEndsWait()
{
    SharedQueue queue = SharedQueue::create({1, 64, false});
    QVERIFY(queue.isValid());
    std::stop_source stopSource;
    std::atomic<int> result{-1};
    std::atomic<qint64> stoppedAfterMs{-1};
    std::thread getter([&] {
        WaitOptions options;
        options.stop = stopSource.get_token();
        std::array<std::byte, 64> out{};
        result = int(queue.get(out, options));
    });
    QTRY_COMPARE(queue.stats().blockedGetters, 1);
    QElapsedTimer clock;
    clock.start();
    stopSource.request_stop();
    QTRY_COMPARE(result.load(), int(IpcStatus::Stopped));
    stoppedAfterMs = clock.elapsed();
    getter.join();
    // The stop callback wakes the waiter at once; the 100 ms slice is only the fallback.
    QVERIFY2(stoppedAfterMs.load() < 1000, qPrintable(QString::number(stoppedAfterMs.load())));
    QCOMPARE(queue.stats().blockedGetters, 0);
    // A stop requested before the call ends it without waiting, but a call that need not wait still works.
    WaitOptions stopped;
    stopped.stop = stopSource.get_token();
    std::array<std::byte, 64> out{};
    QCOMPARE(queue.get(out, stopped), IpcStatus::Stopped);
    QCOMPARE(queue.put(itemOf(0, 0), stopped), IpcStatus::Ok);
}

void tst_SharedQueue::shutdownEndsEveryWait()
{
    SharedQueue queue = SharedQueue::create({2, 64, false});
    QVERIFY(queue.isValid());
    std::atomic<int> stopped{0};
    std::vector<std::thread> getters;
    for (int i = 0; i < 3; ++i) {
        getters.emplace_back([&queue, &stopped] {
            std::array<std::byte, 64> out{};
            if (queue.get(out) == IpcStatus::Stopped)
                ++stopped;
        });
    }
    QTRY_COMPARE(queue.stats().blockedGetters, 3);
    queue.shutdown();
    QTRY_COMPARE(stopped.load(), 3);
    for (auto &thread : getters)
        thread.join();
    QVERIFY(queue.stats().shutDown);
    QCOMPARE(queue.put(itemOf(0, 0)), IpcStatus::Stopped);
    QCOMPARE(queue.stats().puts, 0u);
}

void tst_SharedQueue::itemSizes()
{
    SharedQueue queue = SharedQueue::create({4, 16, false});
    QVERIFY(queue.isValid());
    const std::array<std::byte, 4> shortItem{std::byte{1}, std::byte{2}, std::byte{3}, std::byte{4}};
    QCOMPARE(queue.put(shortItem), IpcStatus::Ok);
    std::array<std::byte, 17> tooLong{};
    QCOMPARE(queue.put(tooLong), IpcStatus::Failed);
    std::array<std::byte, 15> tooSmall{};
    QCOMPARE(queue.get(tooSmall), IpcStatus::Failed);
    std::array<std::byte, 16> out;
    out.fill(std::byte{0xee});
    QCOMPARE(queue.get(out), IpcStatus::Ok);
    QCOMPARE(out[3], std::byte{4});
    for (std::size_t i = 4; i < out.size(); ++i)
        QCOMPARE(out[i], std::byte{0}); // the rest of a short item is zeroed, never stale
}

void tst_SharedQueue::attachSeesSameQueue()
{
    SharedQueue created = SharedQueue::create({8, 64, true});
    QVERIFY(created.isValid());
    SharedQueue attached = SharedQueue::attach(created.fd(), SharedMemory::FdOwnership::Duplicate);
    QVERIFY2(attached.isValid(), qPrintable(attached.errorString()));
    QCOMPARE(attached.capacity(), 8);
    QVERIFY(attached.stats().robust);
    QCOMPARE(created.put(itemOf(7, 42)), IpcStatus::Ok);
    std::array<std::byte, 64> out{};
    QCOMPARE(attached.get(out), IpcStatus::Ok);
    QCOMPARE(tagOf(out).producer, 7u);
    QCOMPARE(tagOf(out).sequence, 42u);
    QCOMPARE(created.stats().gets, 1u);

    // Not a queue: a sealed memfd of the right size but without the magic.
    SharedMemory other = SharedMemory::create("not-a-queue", SharedQueue::requiredBytes({8, 64, false}));
    QVERIFY(other.isValid());
    const SharedQueue refused = SharedQueue::attach(other.fd(), SharedMemory::FdOwnership::Duplicate);
    QVERIFY(!refused.isValid());
    QVERIFY(!refused.errorString().isEmpty());
}

void tst_SharedQueue::ownerTidWhileHeld()
{
    SharedQueue queue = SharedQueue::create({4, 64, false});
    QVERIFY(queue.isValid());
    QCOMPARE(queue.holdLock(), IpcStatus::Ok);
    QCOMPARE(queue.stats().ownerTid, gettid());
    QCOMPARE(queue.stats().ownerPid, getpid());
    std::atomic<int> result{-1};
    std::thread other([&queue, &result] {
        WaitOptions options;
        options.timeout = 60ms;
        result = int(queue.put(itemOf(0, 0), options));
    });
    other.join();
    QCOMPARE(result.load(), int(IpcStatus::Timeout));
    queue.releaseLock();
    QCOMPARE(queue.stats().ownerTid, 0);
    QCOMPARE(queue.stats().depth, 0);
}

void tst_SharedQueue::telemetryShowsWhyBlocked()
{
    TelemetryBlockSpec spec;
    spec.slotCount = 4;
    spec.queues = {SharedQueueSpec{1, 64, false}};
    TelemetryBlock block = TelemetryBlock::create(spec);
    QVERIFY2(block.isValid(), qPrintable(block.errorString()));
    SharedQueue *queue = block.queue(0);
    QVERIFY(queue);
    std::atomic<pid_t> tid{0};
    std::atomic<int> phase{0};
    std::thread consumer([&] {
        ThreadTelemetry telemetry = block.claimSlot(u"consumer-1"_s);
        telemetry.setState(ThreadState::Working);
        tid = gettid();
        WaitOptions options;
        options.telemetry = &telemetry;
        std::array<std::byte, 64> out{};
        if (queue->get(out, options) == IpcStatus::Ok)
            telemetry.addItems();
        phase = 1;
        while (phase.load() != 2)
            std::this_thread::sleep_for(1ms);
    });
    auto stateOfConsumer = [&block, &tid]() {
        for (const ThreadTelemetrySample &sample : block.snapshot().threads) {
            if (sample.tid == tid.load())
                return sample;
        }
        return ThreadTelemetrySample{};
    };
    QTRY_COMPARE(stateOfConsumer().state, ThreadState::WaitQueueEmpty);
    QCOMPARE(stateOfConsumer().waitObject, 0);
    QCOMPARE(stateOfConsumer().role, u"consumer-1"_s);
    QCOMPARE(block.snapshot().queues.value(0).blockedGetters, 1);
    QCOMPARE(queue->put(itemOf(0, 0)), IpcStatus::Ok);
    QTRY_COMPARE(phase.load(), 1);
    const ThreadTelemetrySample after = stateOfConsumer();
    QCOMPARE(after.state, ThreadState::Working);
    QCOMPARE(after.itemsDone, 1u);
    QCOMPARE(after.waits, 1u);
    QVERIFY(after.waitedNs > 0);
    phase = 2;
    consumer.join();
    QTRY_COMPARE(stateOfConsumer().state, ThreadState::Exited);
}

void tst_SharedQueue::countersNeverTorn()
{
    SharedQueue queue = SharedQueue::create({16, 64, false});
    QVERIFY(queue.isValid());
    std::atomic<bool> running{true};
    std::vector<std::thread> threads;
    for (int i = 0; i < 2; ++i) {
        threads.emplace_back([&queue, &running, i] {
            WaitOptions options;
            options.timeout = 20ms;
            std::array<std::byte, 64> out{};
            while (running.load(std::memory_order_relaxed)) {
                if (i == 0)
                    queue.put(itemOf(0, 0), options);
                else
                    queue.get(out, options);
            }
        });
    }
    std::uint64_t lastPuts = 0;
    std::uint64_t lastGets = 0;
    int reads = 0;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 500) {
        const QueueStats stats = queue.stats();
        if (stats.depth != std::int64_t(stats.puts - stats.gets) || stats.depth < 0 || stats.depth > 16
            || stats.puts < lastPuts || stats.gets < lastGets) {
            running = false;
            for (auto &thread : threads)
                thread.join();
            QFAIL(qPrintable(u"inconsistent read: puts %1 gets %2 depth %3"_s.arg(stats.puts).arg(stats.gets).arg(stats.depth)));
        }
        lastPuts = stats.puts;
        lastGets = stats.gets;
        ++reads;
    }
    running = false;
    for (auto &thread : threads)
        thread.join();
    QVERIFY(reads > 1000);
    QVERIFY2(lastPuts > 100, "the writers made no progress while being read");
}

void tst_SharedQueue::manyItemsPerLock()
{
    SharedQueue queue = SharedQueue::create({5, 8, false});
    QVERIFY(queue.isValid());
    auto batchOf = [](std::uint64_t first, int count) {
        std::vector<std::byte> items(std::size_t(count) * 8);
        for (int i = 0; i < count; ++i) {
            const std::uint64_t n = first + std::uint64_t(i);
            std::memcpy(items.data() + i * 8, &n, 8);
        }
        return items;
    };
    int count = -1;
    // Not a whole number of items: refused.
    QCOMPARE(queue.putMany(std::vector<std::byte>(12), &count), IpcStatus::Failed);
    QCOMPARE(count, 0);
    QCOMPARE(queue.putMany(batchOf(0, 3), &count), IpcStatus::Ok);
    QCOMPARE(count, 3);
    // Only two fit: the rest is left to the caller.
    QCOMPARE(queue.putMany(batchOf(3, 4), &count), IpcStatus::Ok);
    QCOMPARE(count, 2);
    QCOMPARE(queue.stats().depth, 5);
    WaitOptions once;
    once.timeout = std::chrono::nanoseconds(0);
    QCOMPARE(queue.putMany(batchOf(5, 1), &count, once), IpcStatus::Timeout);
    QCOMPARE(count, 0);
    std::vector<std::byte> out(4 * 8);
    QCOMPARE(queue.getMany(out, &count), IpcStatus::Ok);
    QCOMPARE(count, 4);
    // Refill across the end of the ring, then read across it.
    QCOMPARE(queue.putMany(batchOf(5, 4), &count), IpcStatus::Ok);
    QCOMPARE(count, 4);
    std::vector<std::byte> all(8 * 8);
    QCOMPARE(queue.getMany(all, &count), IpcStatus::Ok);
    QCOMPARE(count, 5);
    for (int i = 0; i < 5; ++i) {
        std::uint64_t n = 0;
        std::memcpy(&n, all.data() + i * 8, 8);
        QCOMPARE(n, std::uint64_t(4 + i));
    }
    QCOMPARE(queue.getMany(all, &count, once), IpcStatus::Timeout);
    QCOMPARE(queue.stats().puts, 9u);
    QCOMPARE(queue.stats().gets, 9u);
}

void tst_SharedQueue::manyItemsAcrossThreads()
{
    SharedQueue queue = SharedQueue::create({64, 64, false});
    QVERIFY(queue.isValid());
    constexpr std::uint32_t total = 50000;
    std::atomic<bool> ordered{true};
    std::thread consumer([&] {
        std::vector<std::byte> out(32 * 64);
        std::uint32_t expected = 0;
        while (expected < total) {
            int count = 0;
            if (queue.getMany(out, &count) != IpcStatus::Ok) {
                ordered = false;
                return;
            }
            for (int i = 0; i < count; ++i) {
                std::array<std::byte, 64> item{};
                std::memcpy(item.data(), out.data() + i * 64, 64);
                if (tagOf(item).sequence != expected++)
                    ordered = false;
            }
        }
    });
    std::uint32_t next = 0;
    while (next < total) {
        const std::uint32_t batch = std::min<std::uint32_t>(48, total - next);
        std::vector<std::byte> items(batch * 64);
        for (std::uint32_t i = 0; i < batch; ++i)
            std::memcpy(items.data() + i * 64, itemOf(0, next + i).data(), 64);
        int count = 0;
        QCOMPARE(queue.putMany(items, &count), IpcStatus::Ok);
        QVERIFY(count >= 1);
        next += std::uint32_t(count);
    }
    consumer.join();
    QVERIFY(ordered.load());
    QCOMPARE(queue.stats().gets, std::uint64_t(total));
}

QTEST_APPLESS_MAIN(tst_SharedQueue)
#include "tst_sharedqueue.moc"
