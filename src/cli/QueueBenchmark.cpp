#include "QueueBenchmark.h"

#include "CliOutput.h"
#include "ipc/PipeChannel.h"
#include "ipc/SharedQueue.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

extern "C" {
#include <sys/pidfd.h>
}
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <csignal>
#include <cstring>
#include <functional>
#include <optional>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr int itemBytes = 64;
constexpr int queueCapacity = 1024;
constexpr int batchItems = 64;
constexpr double targetItemsPerSecond = 1e6;
constexpr double targetRatio = 20;

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// A forked producer. The child runs `body` and _exit()s with its result; it dies with this process
// (PR_SET_PDEATHSIG) and is reaped only through its pidfd.
class ProducerProcess
{
public:
    explicit ProducerProcess(const std::function<int()> &body)
    {
        const pid_t parent = getpid();
        m_pid = fork();
        if (m_pid == 0) {
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (getppid() != parent)
                _exit(99);
            std::signal(SIGPIPE, SIG_IGN); // a closed pipe is reported as Closed instead
            _exit(body());
        }
        if (m_pid > 0)
            m_pidfd = pidfd_open(m_pid, 0);
    }
    ~ProducerProcess()
    {
        if (m_pidfd < 0)
            return;
        if (!m_reaped)
            pidfd_send_signal(m_pidfd, SIGKILL, nullptr, 0);
        reap(-1);
        close(m_pidfd);
    }
    ProducerProcess(const ProducerProcess &) = delete;
    ProducerProcess &operator=(const ProducerProcess &) = delete;

    bool isValid() const { return m_pidfd >= 0; }
    // The exit code, or -1 (killed, or still running after timeoutMs).
    int reap(int timeoutMs)
    {
        if (m_reaped)
            return m_code;
        pollfd entry{m_pidfd, POLLIN, 0};
        if (poll(&entry, 1, timeoutMs) <= 0)
            return -1;
        siginfo_t info{};
        if (waitid(P_PIDFD, id_t(m_pidfd), &info, WEXITED) != 0)
            return -1;
        m_reaped = true;
        m_code = info.si_code == CLD_EXITED ? info.si_status : -1;
        return m_code;
    }

private:
    pid_t m_pid = -1;
    int m_pidfd = -1;
    bool m_reaped = false;
    int m_code = -1;
};

// One round through a SharedQueue: items per second, or nullopt on failure (or items lost or out of order). With
// batch > 1 both sides use putMany/getMany with up to `batch` items per lock round trip.
std::optional<double> sharedQueueRound(double seconds, int batch)
{
    SharedQueue queue = SharedQueue::create({queueCapacity, itemBytes, false});
    if (!queue.isValid())
        return std::nullopt;
    ProducerProcess producer([&queue, batch] {
        std::vector<std::byte> items(std::size_t(batch) * itemBytes);
        std::uint64_t next = 0;
        for (;;) {
            for (int i = 0; i < batch; ++i) {
                const std::uint64_t n = next + std::uint64_t(i);
                std::memcpy(items.data() + std::size_t(i) * itemBytes, &n, sizeof n);
            }
            int put = 1;
            const IpcStatus status = batch == 1 ? queue.put(std::span(items).first(itemBytes))
                                                : queue.putMany(items, &put);
            if (status == IpcStatus::Stopped)
                return 0;
            if (status != IpcStatus::Ok)
                return 2;
            // What did not fit goes first in the next batch.
            if (put < batch)
                std::memmove(items.data(), items.data() + std::size_t(put) * itemBytes,
                             std::size_t(batch - put) * itemBytes);
            next += std::uint64_t(put);
        }
    });
    if (!producer.isValid())
        return std::nullopt;
    std::vector<std::byte> out(std::size_t(batch) * itemBytes);
    // The first item marks the producer's start, so the fork is not timed.
    int count = 0;
    if (queue.getMany(std::span(out).first(itemBytes), &count) != IpcStatus::Ok)
        return std::nullopt;
    std::uint64_t got = 0;
    std::uint64_t expected = 1;
    bool ordered = true;
    const auto start = std::chrono::steady_clock::now();
    double elapsed = 0;
    while ((elapsed = secondsSince(start)) < seconds) {
        // Look at the clock every thousand items or so only: reading it is not free either.
        for (std::uint64_t before = got; got - before < 1024;) {
            const IpcStatus status = batch == 1 ? queue.get(out) : queue.getMany(out, &count);
            if (status != IpcStatus::Ok)
                return std::nullopt;
            if (batch == 1)
                count = 1;
            for (int i = 0; i < count; ++i) {
                std::uint64_t n = 0;
                std::memcpy(&n, out.data() + std::size_t(i) * itemBytes, sizeof n);
                ordered = ordered && n == expected;
                ++expected;
            }
            got += std::uint64_t(count);
        }
    }
    queue.shutdown();
    if (producer.reap(5000) != 0 || !ordered)
        return std::nullopt;
    return double(got) / elapsed;
}

std::optional<double> pipeRound(double seconds)
{
    PipeChannel channel = PipeChannel::create(itemBytes);
    if (!channel.isValid())
        return std::nullopt;
    ProducerProcess producer([&channel] {
        channel.closeReadEnd();
        std::array<std::byte, itemBytes> item{};
        for (std::uint64_t n = 0;; ++n) {
            std::memcpy(item.data(), &n, sizeof n);
            const IpcStatus status = channel.put(item);
            if (status == IpcStatus::Closed)
                return 0;
            if (status != IpcStatus::Ok)
                return 2;
        }
    });
    if (!producer.isValid())
        return std::nullopt;
    channel.closeWriteEnd();
    std::array<std::byte, itemBytes> out{};
    if (channel.get(out) != IpcStatus::Ok)
        return std::nullopt;
    std::uint64_t got = 0;
    const auto start = std::chrono::steady_clock::now();
    double elapsed = 0;
    while ((elapsed = secondsSince(start)) < seconds) {
        for (int i = 0; i < 1024; ++i) {
            if (channel.get(out) != IpcStatus::Ok)
                return std::nullopt;
        }
        got += 1024;
    }
    channel.closeReadEnd(); // the producer's next write fails with EPIPE: it ends
    if (producer.reap(5000) != 0)
        return std::nullopt;
    return double(got) / elapsed;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

QJsonArray toJsonArray(const std::vector<double> &values)
{
    QJsonArray array;
    for (double value : values)
        array.append(qRound64(value));
    return array;
}

QString millions(double itemsPerSecond)
{
    return QString::number(itemsPerSecond / 1e6, 'f', 2);
}
} // namespace

QString QueueBenchmark::findReferenceScript(const QString &given)
{
    if (!given.isEmpty())
        return QFileInfo::exists(given) ? given : QString();
    const QString fromEnvironment = qEnvironmentVariable("PROCLAB_QUEUE_REFERENCE");
    if (!fromEnvironment.isEmpty())
        return QFileInfo::exists(fromEnvironment) ? fromEnvironment : QString();
    QDir folder(QCoreApplication::applicationDirPath());
    for (int level = 0; level < 5; ++level) {
        const QString candidate = folder.filePath(u"tests/bench/queue_reference.py"_s);
        if (QFileInfo::exists(candidate))
            return candidate;
        if (!folder.cdUp())
            break;
    }
    return {};
}

// One round of the Python reference (its own process, so the interpreter's start-up is not timed): items per
// second, or nullopt with *problem saying why.
static std::optional<double> pythonRound(const QString &interpreter, const QString &script, double seconds,
                                         QString *problem)
{
    QProcess process;
    process.start(interpreter, {script, u"--seconds"_s, QString::number(seconds), u"--rounds"_s, u"1"_s,
                                u"--item-bytes"_s, QString::number(itemBytes), u"--capacity"_s,
                                QString::number(queueCapacity)});
    if (!process.waitForFinished(int((seconds + 5) * 1000) + 10000)) {
        process.kill();
        process.waitForFinished(5000);
        *problem = QueueBenchmark::tr("the Python reference did not finish");
        return std::nullopt;
    }
    const QJsonObject result = QJsonDocument::fromJson(process.readAllStandardOutput().trimmed()).object();
    const QJsonArray rounds = result.value(u"rounds"_s).toArray();
    if (process.exitCode() != 0 || rounds.isEmpty() || rounds.first().toDouble() <= 0) {
        *problem = QueueBenchmark::tr("the Python reference failed: %1")
                       .arg(QString::fromUtf8(process.readAllStandardError()).trimmed());
        return std::nullopt;
    }
    return rounds.first().toDouble();
}

int QueueBenchmark::run(const Options &options)
{
    const double seconds = std::clamp(options.seconds, 0.1, 60.0);
    const int rounds = std::clamp(options.rounds, 1, 9);

    // The reference runs in the same run, one round after each round of ours, so that both see the same machine
    // state: a build starting next door slows both, not only whichever came last.
    QString referenceProblem;
    const QString script = findReferenceScript(options.referenceScript);
    const QString interpreter = QStandardPaths::findExecutable(u"python3"_s);
    if (script.isEmpty())
        referenceProblem = tr("tests/bench/queue_reference.py not found (set PROCLAB_QUEUE_REFERENCE)");
    else if (interpreter.isEmpty())
        referenceProblem = tr("python3 not found on PATH");

    std::vector<double> shared;
    std::vector<double> batched;
    std::vector<double> pipe;
    std::vector<double> python;
    for (int round = 0; round < rounds; ++round) {
        const std::optional<double> viaQueue = sharedQueueRound(seconds, 1);
        const std::optional<double> viaBatches = sharedQueueRound(seconds, batchItems);
        const std::optional<double> viaPipe = pipeRound(seconds);
        if (!viaQueue || !viaBatches || !viaPipe) {
            CliOutput::err(tr("proclab bench queue: a measurement failed (the producer process did not finish "
                              "cleanly or items were lost)"));
            return 1;
        }
        shared.push_back(*viaQueue);
        batched.push_back(*viaBatches);
        pipe.push_back(*viaPipe);
        if (referenceProblem.isEmpty()) {
            if (const std::optional<double> viaPython = pythonRound(interpreter, script, seconds, &referenceProblem))
                python.push_back(*viaPython);
        }
    }

    const double sharedMedian = median(shared);
    const double batchedMedian = median(batched);
    const double pipeMedian = median(pipe);
    const double pythonMedian = python.empty() ? 0 : median(python);
    const bool haveReference = pythonMedian > 0 && referenceProblem.isEmpty();
    // The target is for single-item put/get, as the experiments use the queue; batches are reported beside it.
    const bool met = sharedMedian >= targetItemsPerSecond && haveReference && sharedMedian / pythonMedian >= targetRatio;

    if (options.json) {
        QJsonObject line{{u"bench"_s, u"queue"_s},
                         {u"seconds_per_round"_s, seconds},
                         {u"rounds"_s, rounds},
                         {u"item_bytes"_s, itemBytes},
                         {u"capacity"_s, queueCapacity},
                         {u"shared_queue_items_per_s"_s, qRound64(sharedMedian)},
                         {u"shared_queue_batched_items_per_s"_s, qRound64(batchedMedian)},
                         {u"batch_items"_s, batchItems},
                         {u"pipe_items_per_s"_s, qRound64(pipeMedian)},
                         {u"shared_queue_rounds"_s, toJsonArray(shared)},
                         {u"shared_queue_batched_rounds"_s, toJsonArray(batched)},
                         {u"pipe_rounds"_s, toJsonArray(pipe)},
                         {u"target_items_per_s"_s, targetItemsPerSecond},
                         {u"target_ratio"_s, targetRatio},
                         {u"met"_s, met}};
        if (haveReference) {
            line.insert(u"python_items_per_s"_s, qRound64(pythonMedian));
            line.insert(u"python_rounds"_s, toJsonArray(python));
            line.insert(u"shared_queue_vs_python"_s, sharedMedian / pythonMedian);
            line.insert(u"shared_queue_batched_vs_python"_s, batchedMedian / pythonMedian);
            line.insert(u"pipe_vs_python"_s, pipeMedian / pythonMedian);
        } else {
            line.insert(u"python_error"_s, referenceProblem);
        }
        CliOutput::out(QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact)));
        return 0;
    }

    CliOutput::out(tr("Queue throughput between two processes, %1-byte items, median of %2 rounds of %3 s:")
                       .arg(itemBytes)
                       .arg(rounds)
                       .arg(seconds));
    CliOutput::out(tr("  SharedQueue (memfd, capacity %1): %2 M items/s").arg(queueCapacity).arg(millions(sharedMedian)));
    CliOutput::out(tr("  SharedQueue, batches of up to %1:  %2 M items/s").arg(batchItems).arg(millions(batchedMedian)));
    CliOutput::out(tr("  pipe (PipeChannel):                %1 M items/s").arg(millions(pipeMedian)));
    if (haveReference) {
        CliOutput::out(tr("  Python multiprocessing.Queue:      %1 M items/s").arg(millions(pythonMedian)));
        CliOutput::out(tr("  SharedQueue / Python: %1×   batched / Python: %2×   pipe / Python: %3×")
                           .arg(QString::number(sharedMedian / pythonMedian, 'f', 1),
                                QString::number(batchedMedian / pythonMedian, 'f', 1),
                                QString::number(pipeMedian / pythonMedian, 'f', 1)));
    } else {
        CliOutput::out(tr("  Python reference: not measured (%1)").arg(referenceProblem));
    }
    CliOutput::out(met ? tr("Target met by single-item put/get: at least 1 M items/s and at least 20× Python.")
                       : tr("Target not met by single-item put/get: at least 1 M items/s and at least 20× Python "
                            "are wanted."));
    return 0;
}
