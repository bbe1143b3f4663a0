#pragma once

#include "probe/TaskState.h"

#include <QString>
#include <QtGlobal>

// One row of the task tree as plain values: a process of the session (tid == 0) or one of its threads. Built
// once per tick by FrameRowBuilder, from a live run or a recording alike; the window's model only diffs rows.
// The state is the sampler's TaskState itself (docs/architecture.md, "What a state means").
struct TaskRow
{
    qint64 pid = 0;
    qint64 tid = 0;  // 0 for a process row
    qint64 ppid = 0; // processes: the parent now (the supervisor after a re-parenting); threads: 0
    qint64 formerPpid = 0; // processes: the parent before a re-parenting (orphans); 0 when never re-parented
    QString name;    // the session's name: "queue-host", "producer-3"
    QString role;    // lab role: "producer", "consumer", "child"; empty when unknown
    QString command; // live processes only: the OS name when the session gave the process a name of its own
    TaskState state = TaskState::New;
    char letter = 0; // live only: the raw /proc state letter (R, S, D, T, Z …), 0 when unknown
    double running = 0; // fractions of the last interval, smoothed; they add up to 1 for a live task (a
                        // process: the mean of its threads', the control loop left out)
    double ready = 0;
    double blocked = 0;
    double cpuPercent = 0; // processes: the sum of their threads
    int core = -1;         // the core it last ran on (a process: its main thread's)
    QString reason;        // why blocked, in words
    qint64 itemsDone = -1; // live only: items a lab thread has put or got; -1 when it has no counter
    int threads = 0;       // processes: the thread rows shown under it
    double gil = -1;       // CPython's GIL held (task.sample `gil`): a thread's share, a process's threads' sum
                           // (at most 1); -1 where no GIL is read
    // A lab process's main thread while the process runs lab threads: the worker's control loop (it waits in
    // poll() for the supervisor's commands), ProcLab's own and not part of the lesson. The window hides it unless
    // "Show ProcLab's own threads" is on; the recording keeps it like any thread.
    bool labControl = false;
    bool ghost = false;    // a task that died while it mattered, kept Terminated for the run; `reason` says what it was

    bool isProcess() const { return tid == 0; }
    bool operator==(const TaskRow &other) const = default;
    // The identity of a row across ticks.
    quint64 key() const { return (quint64(quint32(pid)) << 32) | quint32(tid); }
    static quint64 keyOf(qint64 pid, qint64 tid) { return (quint64(quint32(pid)) << 32) | quint32(tid); }
};
