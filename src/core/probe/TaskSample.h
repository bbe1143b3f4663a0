#pragma once

#include "TaskState.h"

#include <QString>
#include <QtGlobal>

// One thread (task) over one sample interval. Shares are fractions of the interval (0..1, summing to ~1),
// smoothed over a few samples; cpuPercent is the raw share of this interval in percent of one core.
struct TaskSample
{
    int pid = 0;               // the thread group (process)
    int tid = 0;
    int ppid = 0;              // parent of the process
    QString name;              // the thread's comm (≤ 15 bytes in the kernel), lossy UTF-8
    char stat = '?';           // the kernel's letter (R S D T t Z X I …), possibly up to letterAgeS old
    TaskState state = TaskState::Blocked;
    double running = 0;        // on a core
    double ready = 0;          // in the run queue, waiting for a core
    double blocked = 0;        // the rest: asleep, stopped
    int core = -1;             // the core it last ran on (as old as the letter)
    QString reason;            // why it is blocked/stopped, in plain words; empty otherwise
    QString reasonSource;      // "syscall" or "wchan" when the reason came from /proc; "" otherwise
    double cpuPercent = 0;     // Δ(cpu time) / Δt × 100 over this interval, unsmoothed
    quint64 voluntarySwitches = 0;   // from status when it was last read (0 when never read)
    quint64 involuntarySwitches = 0;
    double letterAgeS = 0;     // how old `stat`, `core` and the switch counts are, in seconds
    qint64 cpuTimeNs = 0;      // total time on a core (schedstat)
    qint64 waitTimeNs = 0;     // total time in the run queue (schedstat; credited when it gets a core)
    quint64 timeslices = 0;    // times it got a core (schedstat)
    bool sharesKnown = true;   // false when the counters went backwards this interval: shares are the previous ones
};
