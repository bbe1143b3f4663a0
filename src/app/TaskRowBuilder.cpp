#include "TaskRowBuilder.h"

#include <QHash>

LabTaskState TaskRowBuilder::stateOf(TaskState state)
{
    switch (state) {
    case TaskState::New: return LabTaskState::New;
    case TaskState::Running: return LabTaskState::Running;
    case TaskState::Ready: return LabTaskState::Ready;
    case TaskState::Blocked: return LabTaskState::Blocked;
    case TaskState::Stopped: return LabTaskState::Stopped;
    case TaskState::Zombie: return LabTaskState::Zombie;
    case TaskState::Terminated: return LabTaskState::Terminated;
    }
    return LabTaskState::Blocked;
}

QList<TaskRow> TaskRowBuilder::build(const Snapshot &snapshot, const TelemetrySnapshot &telemetry,
                                     const QList<LabProcessInfo> &processes, qint64 supervisor)
{
    QHash<qint64, const LabProcessInfo *> labProcesses;
    QHash<qint64, QString> threadRoles;
    for (const LabProcessInfo &process : processes) {
        labProcesses.insert(process.pid, &process);
        for (const LabThreadInfo &thread : process.threads)
            threadRoles.insert(thread.tid, thread.role);
    }
    QHash<qint64, const ThreadTelemetrySample *> slots;
    for (const ThreadTelemetrySample &slot : telemetry.threads) {
        if (!slot.exited)
            slots.insert(slot.tid, &slot);
    }

    QList<TaskRow> rows;
    rows.reserve(snapshot.processes.size() + snapshot.tasks.size());
    QHash<qint64, qsizetype> processRow;
    for (const ProcessSample &sample : snapshot.processes) {
        if (sample.gone || sample.pid == supervisor)
            continue;
        TaskRow row;
        row.pid = sample.pid;
        row.ppid = sample.ppid;
        row.name = sample.name;
        if (const LabProcessInfo *lab = labProcesses.value(sample.pid)) {
            row.role = lab->role;
            // Every lab process is "proclab-worker" to the kernel: the lab's own name ("queue-host", "child-2")
            // says which one it is; the OS name stays in the tool tip.
            if (!lab->name.isEmpty() && lab->name != sample.name) {
                row.command = sample.name;
                row.name = lab->name;
            }
        }
        row.letter = sample.stat;
        row.threads = sample.threads;
        row.state = sample.stat == 'Z' ? LabTaskState::Zombie : LabTaskState::Blocked;
        processRow.insert(sample.pid, rows.size());
        rows << row;
    }

    // A process shows the most active state of its threads (a process is running while one of its threads is),
    // its summed CPU and items, and its threads' average shares.
    QHash<qint64, int> threadCount;
    for (const TaskSample &task : snapshot.tasks) {
        if (task.state == TaskState::Terminated || task.pid == supervisor)
            continue;
        const auto owner = processRow.constFind(task.pid);
        if (owner == processRow.cend())
            continue;
        TaskRow row;
        row.pid = task.pid;
        row.tid = task.tid;
        row.ppid = task.ppid;
        row.name = task.name;
        row.role = threadRoles.value(task.tid);
        row.state = stateOf(task.state);
        row.letter = task.stat;
        row.running = task.running;
        row.ready = task.ready;
        row.blocked = task.blocked;
        row.cpuPercent = task.cpuPercent;
        row.core = task.core;
        row.reason = task.reason;
        if (const ThreadTelemetrySample *slot = slots.value(task.tid)) {
            row.itemsDone = qint64(slot->itemsDone);
            if (row.role.isEmpty())
                row.role = slot->role;
        }

        TaskRow &process = rows[*owner];
        const int n = ++threadCount[task.pid];
        process.running += (row.running - process.running) / n;
        process.ready += (row.ready - process.ready) / n;
        process.blocked += (row.blocked - process.blocked) / n;
        process.cpuPercent += row.cpuPercent;
        if (row.itemsDone >= 0)
            process.itemsDone = std::max<qint64>(process.itemsDone, 0) + row.itemsDone;
        if (task.tid == task.pid)
            process.core = row.core;
        if (process.state != LabTaskState::Zombie) {
            static constexpr LabTaskState priority[] = {LabTaskState::Running, LabTaskState::Ready,
                                                        LabTaskState::Blocked, LabTaskState::Stopped,
                                                        LabTaskState::New, LabTaskState::Zombie};
            const auto rank = [](LabTaskState s) {
                return int(std::find(std::begin(priority), std::end(priority), s) - std::begin(priority));
            };
            if (n == 1 || rank(row.state) < rank(process.state))
                process.state = row.state;
            if (task.tid == task.pid && row.state == LabTaskState::Stopped)
                process.state = LabTaskState::Stopped;
        }
        rows << row;
    }
    return rows;
}
