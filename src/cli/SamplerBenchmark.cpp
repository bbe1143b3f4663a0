#include "SamplerBenchmark.h"

#include "CliOutput.h"
#include "SnapshotFormatter.h"
#include "probe/FileLimit.h"
#include "probe/TaskSampler.h"
#include "probe/TaskStateName.h"

#include <QFileInfo>
#include <QHash>

#include <algorithm>
#include <cerrno>
#include <ctime>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern "C" {
#include <sys/pidfd.h>
}

extern char **environ;

using namespace Qt::Literals::StringLiterals;

namespace {
qint64 clockNs(clockid_t clock)
{
    timespec ts{};
    clock_gettime(clock, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size())))];
}

// The helper with N sleeping threads: started with posix_spawn, held by a pidfd, ended with SIGKILL through it.
// Its stdin is a pipe we hold: it also exits when that closes, and it has a parent-death signal.
class Helper
{
public:
    ~Helper() { end(); }

    bool start(const QString &path, int threads, QString *error)
    {
        int toChild[2];
        int fromChild[2];
        if (pipe2(toChild, O_CLOEXEC) != 0 || pipe2(fromChild, O_CLOEXEC) != 0) {
            *error = QString::fromLocal8Bit(strerror(errno));
            return false;
        }
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0);
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1);
        const QByteArray program = path.toLocal8Bit();
        const QByteArray count = QByteArray::number(threads);
        char *argv[] = {const_cast<char *>(program.constData()), const_cast<char *>(count.constData()), nullptr};
        const int rc = posix_spawn(&m_pid, program.constData(), &actions, nullptr, argv, environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(toChild[0]);
        ::close(fromChild[1]);
        m_stdin = toChild[1];
        m_stdout = fromChild[0];
        if (rc != 0) {
            m_pid = -1;
            *error = QString::fromLocal8Bit(strerror(rc));
            return false;
        }
        // Safe before reaping: an unreaped child's PID cannot be reused.
        m_pidfd = pidfd_open(m_pid, 0);
        FileLimit::restoreOn(m_pid);
        return waitReady(error);
    }

    int pid() const { return m_pid; }

    void end()
    {
        if (m_pidfd >= 0) {
            pidfd_send_signal(m_pidfd, SIGKILL, nullptr, 0);
            siginfo_t info{};
            while (waitid(P_PIDFD, id_t(m_pidfd), &info, WEXITED) != 0 && errno == EINTR) {
            }
            ::close(m_pidfd);
            m_pidfd = -1;
        }
        for (int *fd : {&m_stdin, &m_stdout}) {
            if (*fd >= 0)
                ::close(*fd);
            *fd = -1;
        }
    }

private:
    bool waitReady(QString *error)
    {
        QByteArray line;
        const qint64 deadline = clockNs(CLOCK_MONOTONIC) + 60'000'000'000LL;
        while (!line.contains('\n')) {
            const qint64 left = (deadline - clockNs(CLOCK_MONOTONIC)) / 1000000;
            pollfd p{m_stdout, POLLIN, 0};
            if (left <= 0 || poll(&p, 1, int(left)) <= 0) {
                *error = SamplerBenchmark::tr("the helper did not report ready within 60 s");
                return false;
            }
            char buffer[256];
            const ssize_t n = ::read(m_stdout, buffer, sizeof buffer);
            if (n <= 0) {
                *error = SamplerBenchmark::tr("the helper ended before it was ready");
                return false;
            }
            line.append(buffer, n);
        }
        if (!line.startsWith("ready")) {
            *error = SamplerBenchmark::tr("the helper said: %1").arg(QString::fromLocal8Bit(line.trimmed()));
            return false;
        }
        return true;
    }

    pid_t m_pid = -1;
    int m_pidfd = -1;
    int m_stdin = -1;
    int m_stdout = -1;
};
} // namespace

QString SamplerBenchmark::helperPath()
{
    const QByteArray given = qgetenv("PROCLAB_BENCH_THREADS");
    const QString path = given.isEmpty() ? QCoreApplication::applicationDirPath() + u"/proclab-bench-threads"_s
                                         : QString::fromLocal8Bit(given);
    return QFileInfo(path).isExecutable() ? path : QString();
}

int SamplerBenchmark::run(const Options &options)
{
    const QString path = helperPath();
    if (path.isEmpty()) {
        CliOutput::err(tr("proclab bench sampler: the helper proclab-bench-threads is not beside proclab "
                          "(it is built with the tests) and PROCLAB_BENCH_THREADS does not name it"));
        return 1;
    }
    Helper helper;
    QString error;
    if (!helper.start(path, options.threads, &error)) {
        CliOutput::err(tr("proclab bench sampler: cannot start %1: %2").arg(path, error));
        return 1;
    }

    TaskSampler sampler;
    TaskSampler::Options samplerOptions;
    samplerOptions.rescanEveryTicks = std::max(1, 1000 / options.intervalMs);
    samplerOptions.relistEveryTicks = std::max(1, 5000 / options.intervalMs);
    samplerOptions.readSwitchCounts = false; // as `proclab sample --summary`
    sampler.setOptions(samplerOptions);
    sampler.setWatchedPids({helper.pid()});

    const qint64 coldCpu0 = clockNs(CLOCK_THREAD_CPUTIME_ID);
    SnapshotPtr snapshot = sampler.sample();
    const double coldUs = double(clockNs(CLOCK_THREAD_CPUTIME_ID) - coldCpu0) / 1e3;

    std::vector<double> perSampleUs;
    std::vector<double> perTaskUs;
    const qint64 periodNs = qint64(options.intervalMs) * 1000000;
    const qint64 startNs = clockNs(CLOCK_MONOTONIC);
    const qint64 endNs = startNs + qint64(options.seconds * 1e9);
    qint64 deadline = startNs;
    qsizetype tasks = 0;
    while (true) {
        deadline += periodNs;
        if (deadline > endNs)
            break;
        timespec ts{time_t(deadline / 1000000000), long(deadline % 1000000000)};
        while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, nullptr) == EINTR) {
        }
        const qint64 cpu0 = clockNs(CLOCK_THREAD_CPUTIME_ID);
        snapshot = sampler.sample();
        const double us = double(clockNs(CLOCK_THREAD_CPUTIME_ID) - cpu0) / 1e3;
        tasks = snapshot->tasks.size();
        perSampleUs.push_back(us);
        perTaskUs.push_back(tasks ? us / double(tasks) : 0);
    }

    // Formatting one snapshot, the median of a few runs each.
    std::vector<double> jsonUs;
    std::vector<double> summaryUs;
    for (int i = 0; i < 5; ++i) {
        qint64 c0 = clockNs(CLOCK_THREAD_CPUTIME_ID);
        const QByteArray line = SnapshotFormatter::jsonLine(*snapshot, 1.0);
        jsonUs.push_back(double(clockNs(CLOCK_THREAD_CPUTIME_ID) - c0) / 1e3);
        c0 = clockNs(CLOCK_THREAD_CPUTIME_ID);
        const QString summaryLine = SnapshotFormatter::summaryLine(*snapshot, 1.0);
        summaryUs.push_back(double(clockNs(CLOCK_THREAD_CPUTIME_ID) - c0) / 1e3);
        Q_UNUSED(line);
        Q_UNUSED(summaryLine);
    }
    QHash<TaskState, int> states;
    double oldestLetter = 0;
    for (const TaskSample &task : snapshot->tasks) {
        ++states[task.state];
        oldestLetter = std::max(oldestLetter, task.letterAgeS);
    }
    helper.end();

    const double perSample = median(perSampleUs);
    const double perTask = median(perTaskUs);
    const double perTaskP90 = percentile(perTaskUs, 0.9);
    const double jsonPerTask = tasks ? median(jsonUs) / double(tasks) : 0;
    QStringList stateCounts;
    for (TaskState state : TaskStateName::all()) {
        if (states.value(state))
            stateCounts << u"%1 %2"_s.arg(states.value(state)).arg(TaskStateName::name(state));
    }
    if (options.json) {
        QStringList stateFields;
        for (TaskState state : TaskStateName::all())
            stateFields << u"\"%1\":%2"_s.arg(TaskStateName::name(state)).arg(states.value(state));
        const QString line =
            u"{\"bench\":\"sampler\",\"threads\":%1,\"tasks\":%2,\"interval_ms\":%3,\"samples\":%4,"
            "\"cold_sample_us\":%5,\"cpu_us_per_sample_median\":%6,\"cpu_us_per_thread_sample_median\":%7,"
            "\"cpu_us_per_thread_sample_p90\":%8,\"json_format_us_per_task\":%9,"_s
                .arg(options.threads)
                .arg(tasks)
                .arg(options.intervalMs)
                .arg(perSampleUs.size())
                .arg(coldUs, 0, 'f', 1)
                .arg(perSample, 0, 'f', 1)
                .arg(perTask, 0, 'f', 3)
                .arg(perTaskP90, 0, 'f', 3)
                .arg(jsonPerTask, 0, 'f', 3)
            + u"\"summary_format_us\":%1,\"oldest_letter_s\":%2,\"states\":{%3}}"_s
                  .arg(median(summaryUs), 0, 'f', 1)
                  .arg(oldestLetter, 0, 'f', 3)
                  .arg(stateFields.join(u','));
        CliOutput::out(line);
        return 0;
    }
    CliOutput::out(tr("sampler: %1 threads in the helper, %2 tasks sampled, every %3 ms, %4 samples")
                       .arg(options.threads)
                       .arg(tasks)
                       .arg(options.intervalMs)
                       .arg(perSampleUs.size()));
    CliOutput::out(tr("  first (cold) sample: %1 µs of CPU").arg(coldUs, 0, 'f', 0));
    CliOutput::out(tr("  per sample:          %1 µs of CPU (median)").arg(perSample, 0, 'f', 0));
    CliOutput::out(tr("  per thread-sample:   %1 µs (median), %2 µs (90th percentile)")
                       .arg(perTask, 0, 'f', 2)
                       .arg(perTaskP90, 0, 'f', 2));
    CliOutput::out(tr("  formatting: JSON line %1 µs per task; summary line %2 µs")
                       .arg(jsonPerTask, 0, 'f', 2)
                       .arg(median(summaryUs), 0, 'f', 0));
    CliOutput::out(tr("  last snapshot: %1; oldest letter %2 s").arg(stateCounts.join(u", "_s)).arg(oldestLetter, 0, 'f', 2));
    return 0;
}
