#include "TaskSampler.h"

#include "BlockedReason.h"
#include "DescendantScanner.h"
#include "FileLimit.h"
#include "LinuxProcSource.h"
#include "ProcParser.h"
#include "TaskReadPolicy.h"

#include <QMutexLocker>

#include <algorithm>
#include <ctime>
#include <limits>
#include <sys/resource.h>

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr qsizetype BufferSize = 64 * 1024; // /proc/stat with its intr line is the largest file read per tick

qint64 clockNs(clockid_t clock)
{
    timespec ts{};
    clock_gettime(clock, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

bool isGone(ProcSource::Result result, qsizetype length)
{
    // A kept fd of a reaped task answers ESRCH. A fake tree cannot, but an emptied file means the same.
    return result == ProcSource::Result::Gone || (result == ProcSource::Result::Ok && length == 0);
}

} // namespace

TaskSampler::TaskSampler(std::unique_ptr<ProcSource> source)
    : TaskSampler(std::move(source), Options{})
{
}

TaskSampler::TaskSampler(std::unique_ptr<ProcSource> source, const Options &options)
    : m_source(source ? std::move(source) : std::make_unique<LinuxProcSource>())
    , m_buffer(size_t(BufferSize))
    , m_reasons(m_source.get())
{
    m_config.options = options;
    FileLimit::raiseToHard();
    m_pageKb = std::max(1L, sysconf(_SC_PAGESIZE) / 1024);
    m_clockTicks = std::max(1L, sysconf(_SC_CLK_TCK));
}

TaskSampler::~TaskSampler() = default;

void TaskSampler::setWatchedPids(const QList<int> &pids)
{
    QMutexLocker lock(&m_configMutex);
    if (m_config.pids == pids)
        return;
    m_config.pids = pids;
    ++m_config.version;
}

void TaskSampler::setDescendantRoots(const QList<int> &roots)
{
    QMutexLocker lock(&m_configMutex);
    if (m_config.roots == roots)
        return;
    m_config.roots = roots;
    ++m_config.version;
    m_rescanRequested = true;
}

void TaskSampler::setWatchAll(bool all)
{
    QMutexLocker lock(&m_configMutex);
    if (m_config.all == all)
        return;
    m_config.all = all;
    ++m_config.version;
    m_rescanRequested = true;
}

void TaskSampler::requestRescan()
{
    QMutexLocker lock(&m_configMutex);
    m_rescanRequested = true;
}

void TaskSampler::setOptions(const Options &options)
{
    QMutexLocker lock(&m_configMutex);
    m_config.options = options;
}

TaskSampler::Options TaskSampler::options() const
{
    QMutexLocker lock(&m_configMutex);
    return m_config.options;
}

SnapshotPtr TaskSampler::sample()
{
    Config config;
    bool rescan = false;
    {
        QMutexLocker lock(&m_configMutex);
        config = m_config;
        rescan = std::exchange(m_rescanRequested, false);
    }
    const Options &options = config.options;
    const qint64 now = clockNs(CLOCK_MONOTONIC);
    auto snapshot = std::make_shared<Snapshot>();
    snapshot->sequence = ++m_sequence;
    snapshot->monotonicNs = now;
    snapshot->intervalS = m_lastNs ? double(now - m_lastNs) / 1e9 : 0.0;
    m_lastIntervalNs = m_lastNs ? now - m_lastNs : 0;
    readCpuLoad(*snapshot);

    m_keptBudget = keptBudget();
    m_reasons.setKeptBudget(&m_keptFiles, m_keptBudget);
    // A blocked task that never runs keeps the reason it was given, in the language of that moment: after the
    // user switches language every reason is read (and worded) again. One lookup a tick tells.
    if (const QString probe = BlockedReason::languageProbe(); probe != m_languageProbe) {
        if (!m_languageProbe.isNull()) {
            for (auto &[pid, process] : m_processes) {
                for (Task &task : process.tasks)
                    task.reasonSource.clear(); // "guessed": read again at the next blocked tick
            }
        }
        m_languageProbe = probe;
    }
    m_unwatched = 0;
    syncWatchSet(config, rescan || m_tick % std::max(1, options.rescanEveryTicks) == 0);

    const bool fullRead = m_taskCount <= options.fullReadLimit;
    snapshot->tasks.reserve(m_taskCount + 16);
    snapshot->processes.reserve(qsizetype(m_processes.size()));
    for (auto it = m_processes.begin(); it != m_processes.end();) {
        if (sampleProcess(it->second, now, options, fullRead, *snapshot)) {
            ++it;
        } else {
            if (config.pids.contains(it->first))
                m_endedExplicit.insert(it->first);
            it = m_processes.erase(it);
        }
    }
    m_taskCount = 0;
    for (const auto &[pid, process] : m_processes)
        m_taskCount += int(process.tasks.size());
    snapshot->unwatchedTasks = m_unwatched;
    snapshot->keptFiles = m_keptFiles;
    m_lastNs = now;
    ++m_tick;
    return snapshot;
}

void TaskSampler::readCpuLoad(Snapshot &out)
{
    m_nothingElseRunnable = false; // until this tick's /proc/stat says so
    ProcSource::Result result = ProcSource::Result::Ok;
    if (!m_systemStat.isOpen())
        m_systemStat = KeptProcFile::open(m_source.get(), 0, 0, ProcSource::File::SystemStat, &result);
    qsizetype length = 0;
    if (m_systemStat.reread(m_buffer.data(), BufferSize, &length) != ProcSource::Result::Ok)
        return;
    const QByteArrayView text(m_buffer.data(), length);
    const QList<CpuTimes> times = ProcParser::parseCpuTimes(text);
    out.total = m_cpuMeter.update(times, out.intervalS, &out.cpus);
    const std::optional<int> runnable = ProcParser::parseProcsRunning(text);
    out.runnableTasks = runnable.value_or(-1);
    m_nothingElseRunnable = runnable && *runnable <= 1;
}

void TaskSampler::syncWatchSet(const Config &config, bool rescan)
{
    const bool changed = config.version != m_appliedVersion;
    if (changed) {
        // Forget ended PIDs that are no longer asked for: asking again later means a new process.
        for (auto it = m_endedExplicit.begin(); it != m_endedExplicit.end();) {
            if (config.pids.contains(*it))
                ++it;
            else
                it = m_endedExplicit.erase(it);
        }
    }
    if (rescan || changed) {
        m_scanned.clear();
        if (config.all)
            m_scanned = m_source->listProcesses();
        else if (!config.roots.isEmpty())
            m_scanned = DescendantScanner::scan(*m_source, config.roots);
    }
    QSet<int> wanted;
    for (int pid : config.pids) {
        if (!m_endedExplicit.contains(pid))
            wanted.insert(pid);
    }
    for (int pid : std::as_const(m_scanned))
        wanted.insert(pid);

    if (changed) {
        // The request changed: keep only what it asks for now. Between changes nothing is dropped here — a
        // process leaves when it ends, so that its end is seen and reported.
        for (auto it = m_processes.begin(); it != m_processes.end();) {
            if (wanted.contains(it->first))
                ++it;
            else
                it = m_processes.erase(it);
        }
        m_appliedVersion = config.version;
    }
    for (int pid : std::as_const(wanted)) {
        if (m_processes.find(pid) == m_processes.end() && !openProcess(pid) && config.pids.contains(pid))
            m_endedExplicit.insert(pid);
    }
}

int TaskSampler::keptBudget()
{
    // Two or three kept descriptors per thread, and the limit may be low (a hard limit of 1024 that ProcLab
    // cannot raise): keep at most three quarters of the soft limit, so that a quarter (at least 64) stays for
    // everything else — the per-read opens beyond the budget, the session file, sockets and pipes.
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return std::numeric_limits<int>::max();
    const qint64 soft = qint64(std::min<rlim_t>(limit.rlim_cur, rlim_t(std::numeric_limits<int>::max())));
    return int(std::max<qint64>(0, soft - std::max<qint64>(64, soft / 4)));
}

bool TaskSampler::openProcess(int pid)
{
    ProcSource::Result result = ProcSource::Result::Ok;
    // The main thread's own stat, not /proc/<pid>/stat: the process-wide file adds up the times of every thread
    // on each read (a walk over 2000 threads per tick), and ProcLab takes times from schedstat anyway. num_threads,
    // the parent and rss are the same in both.
    KeptProcFile stat = KeptProcFile::open(m_source.get(), pid, pid, ProcSource::File::Stat, &result,
                                           m_keptFiles < m_keptBudget, &m_keptFiles);
    if (!stat.isOpen())
        return false;
    Process process;
    process.pid = pid;
    process.stat = std::move(stat);
    m_processes.emplace(pid, std::move(process));
    return true;
}

ProcessSample TaskSampler::processSample(const Process &process, bool gone) const
{
    ProcessSample sample;
    sample.pid = process.pid;
    sample.ppid = process.lastStat.ppid;
    sample.name = process.name;
    sample.cmdline = process.cmdline;
    sample.rssKb = process.lastStat.rssPages * m_pageKb;
    sample.threads = process.lastStat.numThreads;
    sample.stat = process.lastStat.state;
    sample.startTicks = process.lastStat.startTicks;
    sample.gone = gone;
    return sample;
}

bool TaskSampler::sampleProcess(Process &process, qint64 nowNs, const Options &options, bool fullRead,
                                Snapshot &out)
{
    qsizetype length = 0;
    const ProcSource::Result result = process.stat.reread(m_buffer.data(), BufferSize, &length);
    std::optional<TaskStat> stat;
    if (result == ProcSource::Result::Ok)
        stat = ProcParser::parseStat(QByteArrayView(m_buffer.data(), length));
    const auto endProcess = [&] {
        for (const Task &task : process.tasks)
            emitTerminated(process, task, out);
        if (process.statParsed)
            out.processes.append(processSample(process, true));
        return false;
    };
    if (isGone(result, length))
        return endProcess();
    if (stat) {
        const bool execd = !process.statParsed || stat->comm != process.lastStat.comm;
        process.lastStat = *stat;
        if (execd) {
            // A new comm on the main thread usually means exec(): the command line changed too.
            process.name = QString::fromUtf8(stat->comm);
            QByteArray cmdline;
            m_source->readOnce(process.pid, 0, ProcSource::File::Cmdline, &cmdline);
            process.cmdline.clear();
            for (const QByteArray &argument : ProcParser::parseCmdline(cmdline))
                process.cmdline.append(QString::fromUtf8(argument));
        }
        process.statParsed = true;
    }
    if (!process.statParsed) {
        if (result == ProcSource::Result::NoDescriptor)
            m_unwatched += std::max<qsizetype>(1, qsizetype(process.tasks.size()));
        return true; // not readable yet: try again next tick
    }

    const int relistEvery = std::max(1, options.relistEveryTicks);
    const bool relistDue = process.lastRelistTick < 0 || m_tick - process.lastRelistTick >= relistEvery
        || process.threadEnded || process.lastStat.numThreads != int(process.tasks.size());
    process.threadEnded = false;
    if (relistDue && !relist(process, out)) {
        // A process that is still there but whose task/ cannot be listed is short of descriptors (EMFILE), not
        // ended: keep its tasks and list again at the next tick.
        if (!m_source->processExists(process.pid))
            return endProcess();
        process.threadEnded = true;
    }

    // Every schedstat first, in one tight loop: back-to-back reads keep the kernel's code and data hot and cost
    // markedly less per read than reads interleaved with the bookkeeping below.
    for (Task &task : process.tasks) {
        task.readResult = task.schedstat.reread(m_buffer.data(), BufferSize, &task.readLength);
        if (task.readResult == ProcSource::Result::NoDescriptor)
            ++m_unwatched; // kept, but not read this tick: said in the snapshot
        task.counters.reset();
        if (task.readResult == ProcSource::Result::Ok)
            task.counters = ProcParser::parseSchedStat(QByteArrayView(m_buffer.data(), task.readLength));
    }
    for (auto it = process.tasks.begin(); it != process.tasks.end();) {
        if (sampleTask(process, *it, nowNs, options, fullRead, out)) {
            ++it;
        } else {
            emitTerminated(process, *it, out);
            it = process.tasks.erase(it);
            process.threadEnded = true;
        }
    }
    out.processes.append(processSample(process, false));
    return true;
}

bool TaskSampler::relist(Process &process, Snapshot &out)
{
    const std::optional<QList<int>> listed = m_source->listThreads(process.pid);
    if (!listed)
        return false;
    process.lastRelistTick = m_tick;
    std::vector<Task> merged;
    merged.reserve(size_t(listed->size()));
    auto old = process.tasks.begin();
    for (int tid : *listed) {
        while (old != process.tasks.end() && old->tid < tid) {
            emitTerminated(process, *old, out); // no longer listed: the thread ended
            ++old;
        }
        if (old != process.tasks.end() && old->tid == tid) {
            merged.push_back(std::move(*old));
            ++old;
            continue;
        }
        Task task;
        task.tid = tid;
        ProcSource::Result result = ProcSource::Result::Ok;
        task.schedstat = KeptProcFile::open(m_source.get(), process.pid, tid, ProcSource::File::Schedstat, &result,
                                            m_keptFiles < m_keptBudget, &m_keptFiles);
        if (!task.schedstat.isOpen())
            continue; // ended between the listing and the open
        if (tid != process.pid)
            task.stat = KeptProcFile::open(m_source.get(), process.pid, tid, ProcSource::File::Stat, &result,
                                           m_keptFiles < m_keptBudget, &m_keptFiles);
        merged.push_back(std::move(task));
    }
    for (; old != process.tasks.end(); ++old)
        emitTerminated(process, *old, out);
    process.tasks = std::move(merged);
    return true;
}

void TaskSampler::readTaskStat(Task &task, const TaskStat &stat, qint64 nowNs)
{
    task.letter = stat.state;
    task.core = stat.processor;
    task.startTicks = stat.startTicks;
    if (!task.statSeen || stat.comm != task.comm) {
        task.comm = stat.comm;
        task.name = internName(stat.comm);
    }
    task.statSeen = true;
    task.letterNs = nowNs;
    task.ranSinceLetter = false; // read after the schedstat of this tick: it reflects every run seen so far
}

qint64 TaskSampler::firstSightIntervalNs(const Task &task) const
{
    // The task's age: CLOCK_BOOTTIME now minus its start time in clock ticks after boot. Below two ticks the
    // start time is too coarse to divide by.
    const qint64 startNs = qint64(task.startTicks) * (1000000000 / m_clockTicks);
    const qint64 age = clockNs(CLOCK_BOOTTIME) - startNs;
    return age > 2 * (1000000000 / m_clockTicks) ? age : 0;
}

bool TaskSampler::sampleTask(Process &process, Task &task, qint64 nowNs, const Options &options, bool fullRead,
                             Snapshot &out)
{
    if (isGone(task.readResult, task.readLength))
        return false;
    const SchedStat now = task.counters.value_or(task.last);
    const bool progressed = !task.hasBaseline || now.cpuNs != task.last.cpuNs || now.waitNs != task.last.waitNs
        || now.timeslices != task.last.timeslices;
    task.quietTicks = progressed ? 0 : std::min(task.quietTicks + 1, 1000);
    if (progressed)
        task.ranSinceLetter = true;

    const TaskReadPolicy::Facts facts{.fullRead = fullRead, .mainThread = task.tid == process.pid,
                                      .letterSeen = task.statSeen, .progressed = progressed,
                                      .ranSinceLetter = task.ranSinceLetter, .quietTicks = task.quietTicks,
                                      .rotationDue = nowNs >= task.nextRotationNs,
                                      .nothingElseRunnable = m_nothingElseRunnable, .letter = task.letter,
                                      .processLetter = process.lastStat.state};
    const TaskReadPolicy::Decision decision = TaskReadPolicy::decideStat(facts);
    bool letterFresh = false;
    if (!applyStatDecision(process, task, decision, nowNs, &letterFresh))
        return false;
    if (facts.rotationDue || !task.hasBaseline)
        task.nextRotationNs = TaskReadPolicy::nextRotationNs(!task.hasBaseline, nowNs,
                                                             qint64(options.letterMaxAgeS * 1e9), m_lastIntervalNs,
                                                             task.tid);

    const StateClassifier::Result shares = classify(task, now, nowNs, letterFresh);
    smooth(task, shares, nowNs - task.lastNs, options);
    const TaskState previous = task.state;
    task.state = shares.state;
    if (shares.progressed)
        task.reasonStale = true;
    updateReason(process, task, previous, nowNs, options);
    const bool scheduledSinceSwitches = !task.switchesRead || now.cpuNs != task.switchesAt.cpuNs
        || now.timeslices != task.switchesAt.timeslices;
    if (TaskReadPolicy::readSwitches(options.readSwitchCounts, letterFresh, decision, facts.mainThread,
                                     scheduledSinceSwitches)) {
        readSwitchCounts(process, task);
        task.switchesAt = now;
    }

    task.last = now;
    task.lastNs = nowNs;
    task.hasBaseline = true;
    out.tasks.append(sampleOf(process, task, shares, nowNs));
    return true;
}

bool TaskSampler::applyStatDecision(const Process &process, Task &task, const TaskReadPolicy::Decision &decision,
                                    qint64 nowNs, bool *letterFresh)
{
    using Stat = TaskReadPolicy::Stat;
    switch (decision.stat) {
    case Stat::Skip:
        return true;
    case Stat::FromProcess:
        readTaskStat(task, process.lastStat, nowNs);
        break;
    case Stat::Proved:
        task.letterNs = nowNs;
        break;
    case Stat::Read: {
        qsizetype length = 0;
        const ProcSource::Result result = task.stat.reread(m_buffer.data(), BufferSize, &length);
        if (isGone(result, length))
            return false;
        const std::optional<TaskStat> stat = result == ProcSource::Result::Ok
            ? ProcParser::parseStat(QByteArrayView(m_buffer.data(), length))
            : std::nullopt;
        if (!stat)
            return true; // unreadable this tick (no descriptor, a torn read): the old letter stands and ages
        readTaskStat(task, *stat, nowNs);
        break;
    }
    }
    *letterFresh = true;
    ++m_statReads[int(decision.why)];
    return true;
}

StateClassifier::Result TaskSampler::classify(const Task &task, const SchedStat &now, qint64 nowNs,
                                              bool letterFresh) const
{
    // A first sighting has no previous tick: its counters since it started, over its age.
    const bool base = task.hasBaseline;
    const StateClassifier::Input input{
        .intervalNs = base ? nowNs - task.lastNs : firstSightIntervalNs(task),
        .cpuDeltaNs = qint64(now.cpuNs) - (base ? qint64(task.last.cpuNs) : 0),
        .waitDeltaNs = qint64(now.waitNs) - (base ? qint64(task.last.waitNs) : 0),
        .slicesDelta = qint64(now.timeslices) - (base ? qint64(task.last.timeslices) : 0),
        .everScheduled = now.cpuNs > 0 || now.timeslices > 0,
        .letter = task.letter,
        .letterFresh = letterFresh};
    return StateClassifier::classify(input);
}

void TaskSampler::smooth(Task &task, const StateClassifier::Result &shares, qint64 intervalNs, const Options &options)
{
    if (shares.sharesKnown) {
        if (!task.smoothedInit) {
            task.running = shares.running;
            task.ready = shares.ready;
            task.blocked = shares.blocked;
            task.smoothedInit = true;
            return;
        }
        if (intervalNs != m_weightIntervalNs || options.smoothingS != m_weightTau) {
            m_weightIntervalNs = intervalNs;
            m_weightTau = options.smoothingS;
            m_weight = CpuLoadMeter::weight(double(intervalNs) / 1e9, options.smoothingS);
        }
        const double w = m_weight;
        task.running += w * (shares.running - task.running);
        task.ready += w * (shares.ready - task.ready);
        task.blocked = std::max(0.0, 1.0 - task.running - task.ready);
    } else if (!task.smoothedInit) {
        task.running = shares.state == TaskState::Running ? 1.0 : 0.0;
        task.blocked = 1.0 - task.running;
        task.smoothedInit = true;
    }
}

void TaskSampler::updateReason(const Process &process, Task &task, TaskState previous, qint64 nowNs,
                               const Options &options)
{
    if (task.state == TaskState::Stopped || task.state == TaskState::Zombie) {
        task.reason = m_reasons.intern(BlockedReason::ofLetter(task.letter));
        task.reasonSource.clear();
        return;
    }
    if (task.state != TaskState::Blocked) {
        task.reason.clear();
        task.reasonSource.clear();
        return;
    }
    TaskReadPolicy::ReasonFacts facts;
    facts.blocked = true;
    facts.wasBlocked = previous == TaskState::Blocked;
    facts.ranSinceRead = task.reasonStale;
    facts.ageNs = nowNs - task.reasonNs;
    facts.maxAgeNs = qint64(options.reasonMaxAgeS * 1e9);
    facts.guessed = task.reason.isEmpty() || task.reasonSource.isEmpty();
    facts.letterChanged = task.letter != task.reasonLetter;
    if (!TaskReadPolicy::readReason(facts))
        return;
    m_reasons.read(process.pid, task.tid, task.letter, task.reasonFile, &task.reason, &task.reasonSource);
    task.reasonStale = false;
    task.reasonNs = nowNs;
    task.reasonLetter = task.letter;
}

TaskSample TaskSampler::sampleOf(const Process &process, const Task &task, const StateClassifier::Result &shares,
                                 qint64 nowNs) const
{
    TaskSample sample;
    sample.pid = process.pid;
    sample.tid = task.tid;
    sample.ppid = process.lastStat.ppid;
    sample.name = task.name;
    sample.stat = task.letter ? task.letter : '?';
    sample.state = task.state;
    sample.running = task.running;
    sample.ready = task.ready;
    sample.blocked = task.blocked;
    sample.core = task.core;
    sample.reason = task.reason;
    sample.reasonSource = task.reasonSource;
    sample.cpuPercent = shares.sharesKnown ? shares.running * 100.0 : 0.0;
    sample.voluntarySwitches = task.voluntary;
    sample.involuntarySwitches = task.involuntary;
    sample.letterAgeS = task.statSeen ? double(nowNs - task.letterNs) / 1e9 : 0.0;
    sample.cpuTimeNs = qint64(task.last.cpuNs);
    sample.waitTimeNs = qint64(task.last.waitNs);
    sample.timeslices = task.last.timeslices;
    sample.sharesKnown = shares.sharesKnown;
    return sample;
}

QString TaskSampler::internName(const QByteArray &comm)
{
    if (m_names.size() > 4096)
        m_names.clear();
    auto it = m_names.constFind(comm);
    if (it == m_names.constEnd())
        it = m_names.insert(comm, QString::fromUtf8(comm));
    return it.value();
}

void TaskSampler::readSwitchCounts(Process &process, Task &task)
{
    QByteArray text;
    if (m_source->readOnce(process.pid, task.tid, ProcSource::File::Status, &text) != ProcSource::Result::Ok)
        return;
    if (const std::optional<ProcStatus> status = ProcParser::parseStatus(text)) {
        task.voluntary = status->voluntarySwitches;
        task.involuntary = status->involuntarySwitches;
        task.switchesRead = true;
    }
}

void TaskSampler::emitTerminated(const Process &process, const Task &task, Snapshot &out) const
{
    TaskSample sample = sampleOf(process, task, StateClassifier::Result{}, 0);
    sample.state = TaskState::Terminated;
    sample.running = 0;
    sample.ready = 0;
    sample.blocked = 1;
    sample.reason.clear();
    sample.reasonSource.clear();
    sample.letterAgeS = 0;
    sample.sharesKnown = TaskSample{}.sharesKnown;
    out.tasks.append(std::move(sample));
}
