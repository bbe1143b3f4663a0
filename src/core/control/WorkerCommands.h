#pragma once

#include "ControlMessage.h"

#include <QList>
#include <QString>

#include <sys/types.h>

// One thread to start in a worker.
struct ThreadLaunch
{
    QString role;     // producer, consumer, poller, cpu, io, sleeper, lock-taker, racer, joiner, isolation, pool
    QString name;     // the thread's name (at most 15 bytes); empty: LabController numbers the role session-wide
    double rate = 0;  // items (or wake-ups) per second; 0 = as fast as it can (io and sleeper: 10)
    int queue = -1;   // producer/consumer: index of the telemetry block's queue; -1: the worker's own channel
    QList<int> locks; // lock-taker: lock indexes, taken in this order
    int stepMs = 100; // lock-taker: pause between taking one lock and the next
    int holdMs = 200; // lock-taker: how long all are held; -1 = until a release command
    int rounds = 0;   // lock-taker: 0 = forever
    bool busy = false; // producer/consumer: spin the CPU while pacing instead of sleeping
    bool useProcesses = false; // isolation: fork children rather than start threads
    bool drainFirst = false;   // joiner: read the pipe before joining the child
    QString mode;              // pool: apply, apply_async, map or all
    int party = 0;             // racer: threads that wait for each other at the start line
    int gil = -1;              // cpu: index of the lock held while computing (a GIL); -1 none
    qint64 initialValue = 0;   // isolation: the parent's value before the children change theirs
    int stepNumber = 0;        // step mode: the thread's 1-based number; it parks before each action (StepGate)
};

// The requests of the control protocol (ControlMessage.h), built from typed arguments. Ids are filled in by
// WorkerConnection::send().
class WorkerCommands
{
public:
    static ControlMessage addThread(const ThreadLaunch &thread);
    static ControlMessage stopThread(pid_t tid);
    // tid 0: every thread of the process.
    static ControlMessage setRate(double rate, pid_t tid);
    static ControlMessage takeLocks(pid_t tid, const QList<int> &locks);
    static ControlMessage releaseLocks(pid_t tid);
    // kind "worker" or "sleeper".
    static ControlMessage forkChild(const QString &kind, const QString &role);
    static ControlMessage exitProcess(int code);

private:
    static QByteArray joined(const QList<int> &numbers);
};
