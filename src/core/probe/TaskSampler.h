#pragma once

#include "CpuLoadMeter.h"
#include "KeptProcFile.h"
#include "ProcSource.h"
#include "ReasonReader.h"
#include "Snapshot.h"
#include "StateClassifier.h"
#include "TaskReadPolicy.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QSet>
#include <QString>

#include <array>
#include <limits>
#include <map>
#include <memory>
#include <vector>

// Samples the watched processes and all their threads, and per-core load, into immutable Snapshots.
//
// Cheap enough for thousands of threads: every thread's schedstat is kept open and re-read with pread (one small
// read per thread per tick; beyond three quarters of RLIMIT_NOFILE — keptBudget() — the files of newer tasks are
// opened again at each read instead, and a task that cannot be read even so is counted in
// Snapshot::unwatchedTasks, never dropped silently). What else is read for a task at a tick — its stat, its
// blocked reason, its context-switch counts — and why, is TaskReadPolicy's to decide; the sample says how old its
// letter is (TaskSample::letterAgeS, never above Options::letterMaxAgeS). On a quiet machine thousands of sleeping
// threads cost one schedstat read each per tick and nothing else. A process's task/ directory is listed again
// only when num_threads in its stat changed, when one of its threads ended (a thread may have ended and another
// started between two ticks: the count alone cannot tell), or every Options::relistEveryTicks ticks.
//
// What to watch: explicit PIDs (each with all its threads), every descendant of some PIDs (found through
// task/*/children, re-scanned every relistEveryTicks ticks or on requestRescan()), or every process.
//
// Threads: the setters may be called from any thread. sample() must be called by one thread at a time.
class TaskSampler
{
public:
    struct Options {
        int rescanEveryTicks = 10;     // re-scan descendants (or every process) this often
        int relistEveryTicks = 50;     // list task/ again at least this often; also when a thread ended
        double letterMaxAgeS = 1.0;    // the oldest a kernel letter may get
        double reasonMaxAgeS = 0.5;    // a blocked thread that ran since has its reason re-read this often
        int fullReadLimit = 64;        // up to this many tasks, read every stat every tick
        bool readSwitchCounts = true;  // read status (context switches) whenever stat is read
        double smoothingS = 0.25;      // time constant of the shares' exponential smoothing
    };

    // source: where to read; null means the real /proc. Raises RLIMIT_NOFILE to the hard limit (FileLimit).
    explicit TaskSampler(std::unique_ptr<ProcSource> source = nullptr);
    explicit TaskSampler(std::unique_ptr<ProcSource> source, const Options &options);
    ~TaskSampler();
    TaskSampler(const TaskSampler &) = delete;
    TaskSampler &operator=(const TaskSampler &) = delete;

    // Processes to watch with all their threads. A PID that ends is not watched again until it is removed from
    // and re-added to this list (it could be recycled).
    void setWatchedPids(const QList<int> &pids);
    // Watch every descendant of these PIDs (not the PIDs themselves).
    void setDescendantRoots(const QList<int> &roots);
    // Watch every process of the system.
    void setWatchAll(bool all);
    // Re-scan descendants (and every process when watching all) at the next tick, e.g. right after a spawn.
    void requestRescan();
    void setOptions(const Options &options);
    Options options() const;

    // Reads /proc once and returns what it saw. The first call has no previous tick: a task's shares are then
    // its averages since it started, and per-core load is the average since boot.
    SnapshotPtr sample();

    // See ReasonReader::setFutexNamer (for CPython's GIL). Call before sampling starts; not owned.
    void setFutexNamer(const FutexWaitNamer *namer) { m_reasons.setFutexNamer(namer); }

    // Tasks sampled at the last tick (sampler thread only).
    int taskCount() const { return m_taskCount; }
    // stat reads (and proofs) since construction, by TaskReadPolicy::Why: what a benchmark or a test counts.
    qint64 statReads(TaskReadPolicy::Why why) const { return m_statReads[int(why)]; }

private:
    struct Task {
        int tid = 0;
        KeptProcFile schedstat;
        KeptProcFile stat;
        ReasonReader::Kept reasonFile;
        bool reasonStale = true;      // it ran since the reason was read
        qint64 reasonNs = 0;          // when the reason was read
        char reasonLetter = 0;        // the letter it was read with: D and S are different waits
        ProcSource::Result readResult = ProcSource::Result::Ok; // this tick's schedstat read (gathered first)
        qsizetype readLength = 0;
        std::optional<SchedStat> counters;
        bool hasBaseline = false;
        SchedStat last;
        qint64 lastNs = 0;
        int quietTicks = 0;           // ticks in a row without progress
        bool ranSinceLetter = true;   // it progressed at a tick since its letter was read
        bool statSeen = false;
        char letter = 0;
        qint64 letterNs = 0;
        qint64 nextRotationNs = 0;
        int core = -1;
        QByteArray comm;
        QString name;
        quint64 startTicks = 0;
        bool smoothedInit = false;
        double running = 0;
        double ready = 0;
        double blocked = 0;
        TaskState state = TaskState::New;
        QString reason;
        QString reasonSource;
        quint64 voluntary = 0;
        quint64 involuntary = 0;
        bool switchesRead = false;    // status was read; its counts change only when the thread is scheduled
        SchedStat switchesAt;         // the schedstat counters when status was last read
    };
    struct Process {
        int pid = 0;
        KeptProcFile stat;
        TaskStat lastStat;
        bool statParsed = false;
        qint64 lastRelistTick = -1;
        bool threadEnded = false;     // a thread vanished at the last tick: list task/ again
        QStringList cmdline;
        QString name;
        std::vector<Task> tasks; // ascending TID
    };
    struct Config {
        QList<int> pids;
        QList<int> roots;
        bool all = false;
        Options options;
        quint64 version = 0;
    };

    void syncWatchSet(const Config &config, bool rescan);
    bool openProcess(int pid);
    // How many descriptors the sampler may keep open under RLIMIT_NOFILE now; beyond it files are read per read.
    static int keptBudget();
    // Samples one process and its tasks; false when the process is gone (then its samples say Terminated).
    bool sampleProcess(Process &process, qint64 nowNs, const Options &options, bool fullRead, Snapshot &out);
    // false when the task is gone.
    bool sampleTask(Process &process, Task &task, qint64 nowNs, const Options &options, bool fullRead,
                    Snapshot &out);
    // Does what TaskReadPolicy decided for the letter; false when the task turned out to be gone.
    bool applyStatDecision(const Process &process, Task &task, const TaskReadPolicy::Decision &decision,
                           qint64 nowNs, bool *letterFresh);
    StateClassifier::Result classify(const Task &task, const SchedStat &now, qint64 nowNs, bool letterFresh) const;
    void smooth(Task &task, const StateClassifier::Result &shares, qint64 intervalNs, const Options &options);
    void updateReason(const Process &process, Task &task, TaskState previous, qint64 nowNs, const Options &options);
    TaskSample sampleOf(const Process &process, const Task &task, const StateClassifier::Result &shares,
                        qint64 nowNs) const;
    bool relist(Process &process, Snapshot &out);
    void readTaskStat(Task &task, const TaskStat &stat, qint64 nowNs);
    void readSwitchCounts(Process &process, Task &task);
    void emitTerminated(const Process &process, const Task &task, Snapshot &out) const;
    ProcessSample processSample(const Process &process, bool gone) const;
    void readCpuLoad(Snapshot &out);
    qint64 firstSightIntervalNs(const Task &task) const;
    // One shared QString per distinct name: thousands of threads named alike then share one string, so copying
    // them into each snapshot touches one cache line instead of one per thread.
    QString internName(const QByteArray &comm);

    std::unique_ptr<ProcSource> m_source;
    mutable QMutex m_configMutex;
    Config m_config;
    bool m_rescanRequested = true;

    // Sampler-thread state.
    quint64 m_appliedVersion = ~quint64(0);
    std::map<int, Process> m_processes;
    QString m_languageProbe; // BlockedReason::languageProbe() at the last tick: null before the first
    QSet<int> m_endedExplicit;
    QList<int> m_scanned;
    KeptProcFile m_systemStat;
    CpuLoadMeter m_cpuMeter;
    quint64 m_sequence = 0;
    qint64 m_tick = 0;
    qint64 m_lastNs = 0;
    qint64 m_lastIntervalNs = 0;
    bool m_nothingElseRunnable = false; // this tick's procs_running counted the sampler alone
    int m_taskCount = 0;
    int m_keptFiles = 0;          // descriptors kept open by this sampler's files (KeptProcFile counts them)
    int m_keptBudget = std::numeric_limits<int>::max();
    int m_unwatched = 0;          // this tick's tasks that could not be read for want of a descriptor
    long m_pageKb = 4;
    long m_clockTicks = 100;
    std::vector<char> m_buffer;
    QHash<QByteArray, QString> m_names;
    ReasonReader m_reasons;
    qint64 m_weightIntervalNs = -1; // the smoothing weight of the last Δt seen, computed once per tick
    double m_weightTau = -1;
    double m_weight = 1;
    std::array<qint64, 8> m_statReads{};
};
