#pragma once

#include "base/SessionEvent.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// One thread's measurement at one tick, as the session records it (a task.sample line).
struct TaskRecord
{
    qint64 pid = 0;
    qint64 tid = 0;
    QString state;      // lower case: new, running, ready, blocked, stopped, zombie, terminated
    double running = 0; // shares of the interval, 0..1
    double ready = 0;
    double blocked = 0;
    double cpu = 0; // percent of one core
    int core = -1;  // last core it ran on
    QString reason; // why blocked, in plain words; empty otherwise
    // What a lab thread said in its telemetry, for the wait-for graph of a replay; empty for other tasks.
    QString wait;          // "lock", "queue_full", "queue_empty", "child", "pipe_write", "pipe_read"; "" none
    qint64 waitOn = 0;     // the object's id (lock, queue or pipe index, a child's PID)
    QString waitLabel;     // a lock's name ("L2", "GIL-1"); empty for other waits
    QStringList holds;     // names of the locks it holds, oldest first
};

// Decides which per-task samples go into the session file, so that an hour with 500 threads sampled at 10 Hz
// stays a modest file: a task's sample is recorded at most once per `minInterval` (0.5 s: twice a second), and
// always when its state changed — then a task.state event (from, to, reason) comes first. A task's first sample
// has one too, from "new" (unless it is still new), so every task's first observed state is in the event stream. A change of what a lab
// thread waits on or holds admits a sample too (no task.state), so a replayed wait-for graph is never stale.
//
// Pure: it keeps only the last recorded state and time per task, reads no clock and writes nothing.
class SampleThrottle
{
public:
    explicit SampleThrottle(double minInterval = 0.5);

    // Takes this tick's samples of every task and returns the events to record, in order: the task.state
    // events of the tasks whose state changed, then the task.sample events admitted. A task's first sample is
    // always admitted, with a task.state from "new" to its first state. Tasks missing from `samples`
    // are forgotten, so memory follows the live task count; a TID that reappears counts as new. `tick` is the
    // sampler tick's own number (Snapshot::sequence), written into every event as "tick"; 0 (unknown) writes none.
    QList<SessionEvent> offer(double t, const QList<TaskRecord> &samples, quint64 tick = 0);

    // The task.sample fields of one sample: pid, tid, state, running, ready, blocked, cpu, core, reason, and
    // wait, wait_on, wait_label, holds when the thread waits on or holds a lab object.
    static QJsonObject sampleFields(const TaskRecord &sample);
    // The resolution the file keeps: shares to four decimals, CPU percent to one. A live view rounds the same
    // way, so what it shows equals what a replay of the file shows.
    static double roundedShare(double share);
    static double roundedCpu(double percent);
    qsizetype trackedTasks() const { return m_last.size(); }

private:
    struct Recorded
    {
        double t = 0;
        QString state;
        QString wait;
        qint64 waitOn = 0;
        QStringList holds;
    };
    double m_minInterval;
    QHash<qint64, Recorded> m_last; // by TID
};
