#pragma once

#include "GilProbe.h"
#include "GilTally.h"
#include "GilTarget.h"
#include "GilWaitNamer.h"

#include <QHash>
#include <QList>
#include <QMutex>

#include <atomic>
#include <map>
#include <optional>
#include <thread>

// Reads the GIL of the watched CPython processes at a fixed rate (200 Hz by default: CPython hands the GIL over
// every 5 ms, so a slower reader would miss holders) on a thread of its own, and tallies per process and thread
// how often each thread held it (GilTally).
//
// Every watched PID is looked at (InterpreterLocator) until it turns out to be CPython — a process found not to be
// Python is looked at again four times a second, since a program may exec python — and what was found is reported
// once per process (takeFindings): shown, or why not. A version whose layout is unknown costs nothing after that.
// While no watched GIL is readable the thread wakes only 20 times a second (IdleHz), to look for interpreters.
// The ranges where GIL waiters sleep go to waitNamer(), for the task sampler's "waiting for the GIL".
//
// Threads: every method may be called from any thread; the tallies are handed over under a mutex once per take.
class GilSampler
{
public:
    static constexpr int DefaultHz = 200;
    static constexpr int IdleHz = 20;

    explicit GilSampler(int hz = DefaultHz);
    ~GilSampler();
    GilSampler(const GilSampler &) = delete;
    GilSampler &operator=(const GilSampler &) = delete;

    // The processes to watch (others are forgotten).
    void setPids(const QList<int> &pids);
    void start();
    // Ends the thread (at most one period's wait). Idempotent.
    void stop();
    int hz() const { return m_hz; }

    // What was tallied since the last call, per PID.
    QHash<int, GilTally> takeInterval();
    // Everything tallied since start, per PID (processes forgotten since included).
    QHash<int, GilTally> totals() const;
    // Each process's finding, once: what InterpreterLocator said (never NotPython).
    QList<GilTarget> takeFindings();
    const FutexWaitNamer *waitNamer() const { return &m_namer; }
    // CPU time the reading thread has used, and how many rounds it made.
    qint64 threadCpuNs() const { return m_cpuNs.load(); }
    quint64 rounds() const { return m_rounds.load(); }

private:
    struct Watched {
        std::optional<GilProbe> probe;
        qint64 nextLocateNs = 0;  // when to look again, while not known to be Python (CLOCK_MONOTONIC)
        bool done = false;        // nothing more to read (unsupported, gone, not allowed)
        bool rangeSet = false;
        int notReady = 0;         // reads in a row that found nothing where the GIL was
        bool haveLast = false;
        int lastTid = 0;
        quint64 lastSwitches = 0;
    };
    void run();
    // One pass over the watched processes; true when at least one GIL was there to read.
    bool round(qint64 nowNs, QHash<int, GilTally> &tallies, QList<GilTarget> &findings);
    void readOne(int pid, Watched &watched, GilTally &tally, QList<GilTarget> &findings);

    const int m_hz;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<qint64> m_cpuNs{0};
    std::atomic<quint64> m_rounds{0};

    mutable QMutex m_mutex;          // guards the four below
    QList<int> m_pids;
    quint64 m_pidsVersion = 0;
    QHash<int, GilTally> m_interval;
    QHash<int, GilTally> m_totals;
    QList<GilTarget> m_findings;

    // The reading thread's own.
    std::map<int, Watched> m_watched;
    quint64 m_appliedVersion = ~quint64(0);
    GilWaitNamer m_namer;
};
