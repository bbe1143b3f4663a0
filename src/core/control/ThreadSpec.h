#pragma once

#include "ControlMessage.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// One lab thread, from the experiment that asks for it to the worker thread that runs it: what LabController
// sends in a ControlMessage "add" (toAdd), what the worker reads back from it (fromAdd), and what a worker
// started with a thread role gets from its command line (WorkerOptions). The keys of "add" are written and read
// here only (protocol in ControlMessage.h).
struct ThreadSpec
{
    QString role;     // base/LabRole.h: producer, consumer, poller, cpu, io, sleeper, lock-taker, racer, joiner, …
    QString name;     // the thread's name (at most 15 bytes); empty: LabController numbers the role session-wide
    double rate = 0;  // items (or wake-ups) per second; 0 = as fast as it can (io and sleeper: 10)
    int queue = -1;   // producer/consumer: index of the telemetry block's queue; -1: the worker's own channel
    QList<int> locks; // lock-taker: lock indexes, taken in this order each round (racer: the first guards it)
    int stepMs = 100; // lock-taker: pause after each lock but the last, and between rounds
    int holdMs = 200; // lock-taker: how long all are held; -1 = until a release command (pool: a task's time)
    int rounds = 0;   // lock-taker: 0 = forever (racer: milliseconds; joiner, isolation, pool: counts)
    bool busy = false; // producer/consumer/poller: spin the CPU while pacing instead of sleeping
    bool useProcesses = false; // isolation: fork children rather than start threads
    bool drainFirst = false;   // joiner: read the pipe before joining the child
    QString mode;              // pool: apply, apply_async, map or all
    int party = 0;             // racer: threads that wait for each other at the start line (pool: workers)
    int gil = -1;              // cpu: index of the lock held while computing (a GIL); -1 none
    qint64 initialValue = 0;   // isolation: the parent's value before the children change theirs
    int stepNumber = 0;        // step mode: the thread's 1-based number; it parks before each action (StepGate)

    // The "add" request for this thread (its id is filled in by WorkerConnection::send()).
    ControlMessage toAdd() const;
    // The thread an "add" asks for; std::nullopt when a value is malformed or out of range (the worker answers
    // `failed … reason=bad-parameter`). The role is taken as it is: whether the worker runs it is the worker's
    // to say (`unknown-role`).
    static std::optional<ThreadSpec> fromAdd(const ControlMessage &add);
    // The worker options that start a worker's own thread with these settings (WorkerLaunch::arguments, read by
    // WorkerOptions::parse): --rate, --busy, --locks, --step, --hold, --rounds, each only when not the default.
    // The role and name go as --role and --name (WorkerLaunch::role, ::name); the other fields have no option.
    QStringList workerOptions() const;

    bool operator==(const ThreadSpec &other) const = default;
};
