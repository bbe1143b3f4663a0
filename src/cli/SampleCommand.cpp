#include "SampleCommand.h"

#include "CliOutput.h"
#include "CommandHelp.h"
#include "NumberText.h"
#include "SnapshotFormatter.h"
#include "control/LimitReport.h"
#include "probe/SamplerThread.h"
#include "probe/TaskSampler.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <ctime>
#include <limits>
#include <sys/resource.h>

using namespace Qt::Literals::StringLiterals;

namespace {
volatile std::sig_atomic_t g_stop = 0;

void onStopSignal(int)
{
    g_stop = 1;
}

// SIGINT and SIGTERM end the loop between two samples, so that stdout never ends in half a JSON line. No
// SA_RESTART: the sleep returns early with EINTR.
class StopOnSignals
{
public:
    StopOnSignals()
    {
        g_stop = 0;
        struct sigaction action = {};
        action.sa_handler = onStopSignal;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &m_oldInt);
        sigaction(SIGTERM, &action, &m_oldTerm);
    }
    ~StopOnSignals()
    {
        sigaction(SIGINT, &m_oldInt, nullptr);
        sigaction(SIGTERM, &m_oldTerm, nullptr);
    }
    StopOnSignals(const StopOnSignals &) = delete;
    StopOnSignals &operator=(const StopOnSignals &) = delete;

private:
    struct sigaction m_oldInt = {};
    struct sigaction m_oldTerm = {};
};

qint64 monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

void sleepUntil(qint64 deadlineNs)
{
    timespec ts{};
    ts.tv_sec = time_t(deadlineNs / 1000000000);
    ts.tv_nsec = long(deadlineNs % 1000000000);
    while (!g_stop && clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, nullptr) == EINTR) {
    }
}
} // namespace

QString SampleCommand::summary() const
{
    return tr("show every thread's running, ready and blocked share, and per-core load");
}

int SampleCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption pidOption(u"pid"_s, tr("Watch this process and all its threads (repeatable; default: every process)."), u"PID"_s);
    const QCommandLineOption intervalOption(u"interval"_s, tr("Milliseconds between samples, %1…%2 (default %3).")
                                                               .arg(SamplerThread::MinIntervalMs)
                                                               .arg(SamplerThread::MaxIntervalMs)
                                                               .arg(DefaultIntervalMs),
                                            u"MS"_s);
    const QCommandLineOption countOption(u"count"_s, tr("Stop after N samples (default 0: until interrupted)."), u"N"_s);
    const QCommandLineOption jsonOption(u"json"_s, tr("One JSON line per sample on stdout."));
    const QCommandLineOption summaryOption(u"summary"_s, tr("One summary line per sample: tasks by state, per-core load."));
    const QCommandLineOption helpOption({u"h"_s, u"help"_s}, tr("Show this help."));
    parser.addOptions({pidOption, intervalOption, countOption, jsonOption, summaryOption, helpOption});
    const QString allowed = tr("allowed: [--pid PID]… [--interval MS] [--count N] [--json | --summary]");
    if (!parser.parse(QStringList{u"proclab sample"_s} + arguments))
        return CliOutput::usageError(name(), parser.errorText() + u"; "_s + allowed);
    if (parser.isSet(helpOption)) {
        CliOutput::out(CommandHelp::text(parser, u"proclab sample"_s));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return CliOutput::usageError(name(), tr("unexpected argument '%1'; %2").arg(parser.positionalArguments().first(), allowed));
    if (parser.isSet(jsonOption) && parser.isSet(summaryOption))
        return CliOutput::usageError(name(), tr("--json and --summary exclude each other; %1").arg(allowed));

    QList<int> pids;
    for (const QString &value : parser.values(pidOption)) {
        const std::optional<qint64> number = NumberText::whole(value, 1, std::numeric_limits<pid_t>::max());
        if (!number)
            return CliOutput::usageError(name(), tr("--pid needs a positive process ID, not '%1'").arg(value));
        const int pid = int(*number);
        if (!QFileInfo::exists(u"/proc/%1/stat"_s.arg(pid)))
            return CliOutput::usageError(name(), tr("no process with PID %1").arg(pid));
        if (!pids.contains(pid))
            pids.append(pid);
    }
    int intervalMs = DefaultIntervalMs;
    if (parser.isSet(intervalOption)) {
        const std::optional<qint64> value = NumberText::whole(parser.value(intervalOption), SamplerThread::MinIntervalMs,
                                                              SamplerThread::MaxIntervalMs);
        if (!value)
            return CliOutput::usageError(name(), tr("--interval must be a whole number of milliseconds from %1 to %2")
                                                     .arg(SamplerThread::MinIntervalMs)
                                                     .arg(SamplerThread::MaxIntervalMs));
        intervalMs = int(*value);
    }
    int count = 0;
    if (parser.isSet(countOption)) {
        const std::optional<qint64> value = NumberText::whole(parser.value(countOption), 0, std::numeric_limits<int>::max());
        if (!value)
            return CliOutput::usageError(name(), tr("--count must be a whole number ≥ 0 (0: until interrupted)"));
        count = int(*value);
    }
    const bool json = parser.isSet(jsonOption);
    const bool summaryOnly = parser.isSet(summaryOption);

    TaskSampler sampler;
    TaskSampler::Options options;
    options.rescanEveryTicks = std::max(1, 1000 / intervalMs);
    options.relistEveryTicks = std::max(1, 5000 / intervalMs);
    options.readSwitchCounts = !summaryOnly; // the summary does not show them
    sampler.setOptions(options);
    if (pids.isEmpty())
        sampler.setWatchAll(true);
    else
        sampler.setWatchedPids(pids);

    StopOnSignals stopOnSignals;
    const qint64 startNs = monotonicNs();
    const qint64 periodNs = qint64(intervalMs) * 1000000;
    sampler.sample(); // the baseline: every printed sample then covers one interval
    qint64 deadline = startNs;
    int lastUnwatched = 0;
    for (int printed = 0; count == 0 || printed < count; ++printed) {
        deadline += periodNs;
        sleepUntil(deadline);
        if (g_stop)
            break;
        const SnapshotPtr snapshot = sampler.sample();
        const double t = double(snapshot->monotonicNs - startNs) / 1e9;
        if (json)
            CliOutput::outRaw(SnapshotFormatter::jsonLine(*snapshot, t) + '\n');
        else if (summaryOnly)
            CliOutput::out(SnapshotFormatter::summaryLine(*snapshot, t));
        else
            CliOutput::out(SnapshotFormatter::table(*snapshot, t) + u'\n');
        if (snapshot->unwatchedTasks != lastUnwatched) {
            // Never a silent gap: a low hard limit on descriptors that ProcLab cannot raise (ulimit -n).
            if (snapshot->unwatchedTasks > 0)
                CliOutput::err(tr("proclab sample: %1 tasks could not be read at t=%2s: out of file descriptors "
                                  "(the open-file limit RLIMIT_NOFILE is %3)")
                                   .arg(snapshot->unwatchedTasks)
                                   .arg(t, 0, 'f', 3)
                                   .arg(LimitReport::softLimit(RLIMIT_NOFILE)));
            else
                CliOutput::err(tr("proclab sample: every task is read again at t=%1s").arg(t, 0, 'f', 3));
            lastUnwatched = snapshot->unwatchedTasks;
        }
        if (!pids.isEmpty() && sampler.taskCount() == 0) {
            CliOutput::err(tr("proclab sample: every watched process has ended"));
            break;
        }
        // A slow tick (thousands of new threads) must not make the next ones fire in a burst.
        deadline = std::max(deadline, monotonicNs() - periodNs / 2);
    }
    return 0;
}
