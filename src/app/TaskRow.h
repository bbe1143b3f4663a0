#pragma once

#include <QString>
#include <QtGlobal>

// The state a row shows (docs/architecture.md, "What a state means"). The window keeps its own copy of the
// sampler's states so its models and tests do not depend on how the sampler is built; TaskRowBuilder maps one onto
// the other.
enum class LabTaskState : quint8 { New, Running, Ready, Blocked, Stopped, Zombie, Terminated };

// One row of the task tree as plain values: a lab process (tid == 0) or one of its threads. Built once per tick
// from the sampler's snapshot and the telemetry block; the model only diffs rows.
struct TaskRow
{
    qint64 pid = 0;
    qint64 tid = 0;  // 0 for a process row
    qint64 ppid = 0; // processes: the parent now (the supervisor after a re-parenting); threads: unused
    QString name;    // OS name: "proclab-worker", "producer-3"
    QString role;    // lab role: "producer", "consumer", "child"; empty when unknown
    QString command; // processes: the OS name when the lab gave the process a name of its own ("queue-host")
    LabTaskState state = LabTaskState::New;
    char letter = 0; // the raw /proc state letter (R, S, D, T, Z …), 0 when unknown
    double running = 0; // fractions of the last interval, smoothed; they add up to 1 for a live task
    double ready = 0;
    double blocked = 0;
    double cpuPercent = 0; // processes: the sum of their threads
    int core = -1;         // the core it last ran on
    QString reason;        // why blocked, in words
    qint64 itemsDone = -1; // items a lab thread has put or got; -1 when it has no counter
    int threads = 0;       // processes: live threads

    bool isProcess() const { return tid == 0; }
    bool operator==(const TaskRow &other) const = default;
    // The identity of a row across ticks.
    quint64 key() const { return (quint64(quint32(pid)) << 32) | quint32(tid); }
    static quint64 keyOf(qint64 pid, qint64 tid) { return (quint64(quint32(pid)) << 32) | quint32(tid); }
};
