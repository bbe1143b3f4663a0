// PipeChannel: fixed-size records over a pipe, depth and capacity from the kernel, timeouts, stop and end of file.
// Threads only (LABELS tsan); two processes are in tst_ipcprocesses.
#include "ipc/PipeChannel.h"
#include "ipc/TelemetryBlock.h"

#include <QElapsedTimer>
#include <QTest>

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <csignal>
#include <cstring>
#include <thread>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace {
// The state of the first thread slot, from one snapshot (a slot can be left out of a snapshot while written).
ThreadState firstSlotState(const TelemetryBlock &block)
{
    const TelemetrySnapshot snapshot = block.snapshot();
    return snapshot.threads.isEmpty() ? ThreadState::Idle : snapshot.threads.at(0).state;
}

std::array<std::byte, 64> numbered(std::uint32_t n)
{
    std::array<std::byte, 64> item{};
    std::memcpy(item.data(), &n, sizeof n);
    return item;
}

std::uint32_t numberOf(const std::array<std::byte, 64> &item)
{
    std::uint32_t n = 0;
    std::memcpy(&n, item.data(), sizeof n);
    return n;
}
} // namespace

class tst_PipeChannel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void itemSizeRange_data();
    void itemSizeRange();
    void depthAndCapacityFromKernel();
    void fullPipeTimesOut();
    void emptyPipeTimesOut();
    void stopEndsWait();
    void endOfFile();
    void noReader();
    void orderedBetweenThreads();
    void telemetryShowsPipeWait();
    void adoptInheritedEnds();
};

void tst_PipeChannel::initTestCase()
{
    // PipeChannel's contract: the process ignores SIGPIPE and gets Closed instead.
    std::signal(SIGPIPE, SIG_IGN);
}

void tst_PipeChannel::itemSizeRange_data()
{
    QTest::addColumn<int>("itemSize");
    QTest::addColumn<bool>("valid");
    QTest::newRow("1") << 1 << true;
    QTest::newRow("64") << 64 << true;
    QTest::newRow("PIPE_BUF") << 4096 << true;
    QTest::newRow("0") << 0 << false;
    QTest::newRow("above PIPE_BUF: not atomic") << 4097 << false;
}

void tst_PipeChannel::itemSizeRange()
{
    QFETCH(int, itemSize);
    QFETCH(bool, valid);
    const PipeChannel channel = PipeChannel::create(itemSize);
    QCOMPARE(channel.isValid(), valid);
    QCOMPARE(channel.errorString().isEmpty(), valid);
    if (valid) {
        QVERIFY(fcntl(channel.readFd(), F_GETFD) & FD_CLOEXEC);
        QVERIFY(fcntl(channel.writeFd(), F_GETFL) & O_NONBLOCK);
    }
}

void tst_PipeChannel::depthAndCapacityFromKernel()
{
    PipeChannel channel = PipeChannel::create(64);
    QVERIFY(channel.isValid());
    const int bufferBytes = fcntl(channel.writeFd(), F_GETPIPE_SZ);
    QCOMPARE(channel.stats().capacity, bufferBytes / 64);
    QCOMPARE(channel.stats().depth, 0);
    for (std::uint32_t i = 0; i < 5; ++i)
        QCOMPARE(channel.put(numbered(i)), IpcStatus::Ok);
    QCOMPARE(channel.stats().depth, 5);
    QCOMPARE(channel.stats().puts, 5u);
    std::array<std::byte, 64> out{};
    QCOMPARE(channel.get(out), IpcStatus::Ok);
    QCOMPARE(numberOf(out), 0u);
    QCOMPARE(channel.stats().depth, 4);
    // A smaller buffer: the kernel's minimum is one page.
    QVERIFY(channel.setBufferBytes(4096) >= 4096);
    QCOMPARE(channel.stats().capacity, fcntl(channel.readFd(), F_GETPIPE_SZ) / 64);
}

void tst_PipeChannel::fullPipeTimesOut()
{
    PipeChannel channel = PipeChannel::create(64);
    QVERIFY(channel.isValid());
    WaitOptions once;
    once.timeout = 0ms;
    int written = 0;
    while (channel.put(numbered(std::uint32_t(written)), once) == IpcStatus::Ok)
        ++written;
    // Small writes are merged into the pipe's pages, so the pipe holds exactly its buffer size in records.
    QCOMPARE(written, channel.stats().capacity);
    QCOMPARE(channel.stats().depth, written);
    WaitOptions briefly;
    briefly.timeout = 80ms;
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(channel.put(numbered(0), briefly), IpcStatus::Timeout);
    QVERIFY(clock.elapsed() >= 79);
}

void tst_PipeChannel::emptyPipeTimesOut()
{
    PipeChannel channel = PipeChannel::create(64);
    QVERIFY(channel.isValid());
    std::array<std::byte, 64> out{};
    WaitOptions once;
    once.timeout = 0ms;
    QCOMPARE(channel.get(out, once), IpcStatus::Timeout);
    WaitOptions briefly;
    briefly.timeout = 120ms;
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(channel.get(out, briefly), IpcStatus::Timeout);
    QVERIFY(clock.elapsed() >= 119);
    QVERIFY(clock.elapsed() < 1500);
}

void tst_PipeChannel::stopEndsWait()
{
    TelemetryBlock block = TelemetryBlock::create({});
    QVERIFY(block.isValid());
    PipeChannel channel = PipeChannel::create(64);
    QVERIFY(channel.isValid());
    std::stop_source stopSource;
    std::atomic<int> result{-1};
    std::thread reader([&] {
        ThreadTelemetry telemetry = block.claimSlot(u"consumer-1"_s);
        WaitOptions options;
        options.stop = stopSource.get_token();
        options.telemetry = &telemetry;
        std::array<std::byte, 64> out{};
        result = int(channel.get(out, options));
    });
    // Stop it while it is really waiting in poll(), as its telemetry says.
    QTRY_COMPARE(firstSlotState(block), ThreadState::WaitPipeRead);
    QElapsedTimer clock;
    clock.start();
    stopSource.request_stop();
    reader.join();
    QCOMPARE(result.load(), int(IpcStatus::Stopped));
    // Within one slice (100 ms), with room for a busy machine.
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
}

void tst_PipeChannel::endOfFile()
{
    PipeChannel channel = PipeChannel::create(64);
    QVERIFY(channel.isValid());
    QCOMPARE(channel.put(numbered(1)), IpcStatus::Ok);
    channel.closeWriteEnd();
    QCOMPARE(channel.writeFd(), -1);
    std::array<std::byte, 64> out{};
    QCOMPARE(channel.get(out), IpcStatus::Ok); // what was written is still delivered
    QCOMPARE(channel.get(out), IpcStatus::Closed);
    QCOMPARE(channel.put(numbered(2)), IpcStatus::Failed); // no write end here
}

void tst_PipeChannel::noReader()
{
    PipeChannel channel = PipeChannel::create(64);
    QVERIFY(channel.isValid());
    channel.closeReadEnd();
    QCOMPARE(channel.put(numbered(1)), IpcStatus::Closed);
}

void tst_PipeChannel::orderedBetweenThreads()
{
    PipeChannel channel = PipeChannel::create(64);
    QVERIFY(channel.isValid());
    constexpr std::uint32_t count = 20000;
    std::atomic<std::uint32_t> outOfOrder{0};
    std::atomic<std::uint32_t> received{0};
    std::thread reader([&] {
        std::array<std::byte, 64> out{};
        for (std::uint32_t i = 0; i < count; ++i) {
            if (channel.get(out) != IpcStatus::Ok || numberOf(out) != i)
                ++outOfOrder;
            ++received;
        }
    });
    for (std::uint32_t i = 0; i < count; ++i)
        QCOMPARE(channel.put(numbered(i)), IpcStatus::Ok);
    reader.join();
    QCOMPARE(received.load(), count);
    QCOMPARE(outOfOrder.load(), 0u);
    QCOMPARE(channel.stats().depth, 0);
}

void tst_PipeChannel::telemetryShowsPipeWait()
{
    TelemetryBlock block = TelemetryBlock::create({});
    QVERIFY(block.isValid());
    PipeChannel channel = PipeChannel::create(64);
    QVERIFY(channel.isValid());
    std::atomic<pid_t> tid{0};
    std::atomic<int> result{-1};
    std::thread reader([&] {
        ThreadTelemetry telemetry = block.claimSlot(u"consumer-1"_s);
        telemetry.setState(ThreadState::Working);
        tid = gettid();
        WaitOptions options;
        options.telemetry = &telemetry;
        std::array<std::byte, 64> out{};
        result = int(channel.get(out, options));
        telemetry.markExited();
    });
    QTRY_COMPARE(firstSlotState(block), ThreadState::WaitPipeRead);
    QCOMPARE(channel.put(numbered(3)), IpcStatus::Ok);
    reader.join();
    QCOMPARE(result.load(), int(IpcStatus::Ok));
    QCOMPARE(block.snapshot().threads.at(0).waits, 1u);
}

void tst_PipeChannel::adoptInheritedEnds()
{
    int fds[2];
    QCOMPARE(pipe(fds), 0); // as a child inherits them: blocking, no FD_CLOEXEC
    PipeChannel writer = PipeChannel::adopt(-1, fds[1], 32);
    PipeChannel reader = PipeChannel::adopt(fds[0], -1, 32);
    QVERIFY(writer.isValid());
    QVERIFY(reader.isValid());
    QVERIFY(fcntl(fds[0], F_GETFL) & O_NONBLOCK);
    QVERIFY(fcntl(fds[1], F_GETFD) & FD_CLOEXEC);
    const std::array<std::byte, 3> item{std::byte{'a'}, std::byte{'b'}, std::byte{'c'}};
    QCOMPARE(writer.put(item), IpcStatus::Ok);
    QCOMPARE(reader.stats().depth, 1);
    std::array<std::byte, 32> out{};
    QCOMPARE(reader.get(out), IpcStatus::Ok);
    QCOMPARE(out[2], std::byte{'c'});
    QCOMPARE(out[3], std::byte{0});
    const PipeChannel neither = PipeChannel::adopt(-1, -1, 32);
    QVERIFY(!neither.isValid());
}

QTEST_APPLESS_MAIN(tst_PipeChannel)
#include "tst_pipechannel.moc"
