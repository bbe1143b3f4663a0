#include "FrameRowBuilder.h"

#include "ReplayWaits.h"

#include "probe/TaskStateName.h"
#include "session/SessionMoment.h"

#include <QHash>
#include <QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {
// The order in which a thread's state wins its process's row: a process runs while one of its threads runs.
int rank(TaskState state)
{
    switch (state) {
    case TaskState::Running: return 0;
    case TaskState::Ready: return 1;
    case TaskState::Blocked: return 2;
    case TaskState::Stopped: return 3;
    case TaskState::New: return 4;
    case TaskState::Zombie: return 5;
    case TaskState::Terminated: return 6;
    }
    return 6;
}
} // namespace

QList<TaskRow> FrameRowBuilder::rowsOf(const SessionMoment &moment)
{
    QList<TaskRow> rows;
    rows.reserve(moment.processes.size() + moment.tasks.size());
    QHash<qint64, qsizetype> processRow;
    for (const SessionMoment::Process &process : moment.processes) {
        if (process.exited && !process.zombie)
            continue;
        TaskRow row;
        row.pid = process.pid;
        row.ppid = process.ppid;
        row.formerPpid = process.formerPpid;
        row.name = process.name;
        row.role = process.role;
        row.state = process.zombie ? TaskState::Zombie : TaskState::New;
        processRow.insert(row.pid, rows.size());
        rows << row;
    }
    // Lab threads carry a role from their thread.start; a program's threads under exec (ProcessTree) carry only a
    // name, and a forked child that works in its main thread (isolation, zombie) has no lab thread at all.
    QSet<qint64> runsLabThreads;
    for (const SessionMoment::Process &process : moment.processes) {
        if (process.runsLabThreads)
            runsLabThreads.insert(process.pid);
    }
    for (const SessionMoment::Task &task : moment.tasks) {
        if (task.tid != task.pid && !task.role.isEmpty())
            runsLabThreads.insert(task.pid);
    }
    QHash<qint64, int> sharedBy; // per process: the threads its shares are the mean of
    for (const SessionMoment::Task &task : moment.tasks) {
        const auto owner = processRow.constFind(task.pid);
        if (owner == processRow.cend())
            continue;
        const TaskState state = TaskStateName::fromName(task.state).value_or(TaskState::Blocked);
        if (state == TaskState::Terminated)
            continue;
        TaskRow row;
        row.pid = task.pid;
        row.tid = task.tid;
        // A lab's main thread gets no thread.start: it carries its process's name.
        row.name = !task.name.isEmpty() ? task.name
            : !task.role.isEmpty()      ? task.role
            : task.tid == task.pid      ? moment.processes.value(task.pid).name
                                        : QString();
        row.role = task.role;
        // A zombie's main thread is no control loop any more: it is what is left of the process, and Reap acts on it.
        row.labControl = task.tid == task.pid && task.role.isEmpty() && runsLabThreads.contains(task.pid)
            && state != TaskState::Zombie;
        row.state = state;
        row.running = task.running;
        row.ready = task.ready;
        row.blocked = task.blocked;
        row.cpuPercent = task.cpu;
        row.core = task.core;
        row.reason = task.reason;
        row.gil = task.gil;

        TaskRow &process = rows[*owner];
        // One GIL per process: its threads' shares add up to at most one core's worth.
        if (row.gil >= 0)
            process.gil = std::min(1.0, std::max(0.0, process.gil) + row.gil);
        ++process.threads;
        // Its shares are its lab threads' mean: the control loop, hidden, polls all the time, and would show a
        // process of CPU-bound threads half blocked. Its CPU time is real and counts.
        if (!row.labControl) {
            const int n = ++sharedBy[task.pid];
            process.running += (row.running - process.running) / n;
            process.ready += (row.ready - process.ready) / n;
            process.blocked += (row.blocked - process.blocked) / n;
        }
        process.cpuPercent += row.cpuPercent;
        if (task.tid == task.pid)
            process.core = row.core;
        if (process.state != TaskState::Zombie && (process.threads == 1 || rank(row.state) < rank(process.state)))
            process.state = row.state;
        rows << row;
    }
    // A stopped main thread stops the process: SIGSTOP stops every thread, and the main one is the process's
    // face (a thread still finishing its slice must not show the process running).
    for (TaskRow &row : rows) {
        if (row.isProcess() && row.state != TaskState::Zombie) {
            const auto main = moment.tasks.constFind(row.pid);
            if (main != moment.tasks.cend() && main->state == TaskStateName::name(TaskState::Stopped))
                row.state = TaskState::Stopped;
        }
    }
    if (!moment.ghostsShown())
        return rows;
    for (const SessionMoment::Ghost &ghost : moment.ghosts) {
        if (processRow.contains(ghost.pid))
            continue; // its PID was taken again
        TaskRow row;
        row.pid = ghost.pid;
        row.ppid = ghost.ppid;
        row.name = ghost.name;
        row.role = ghost.role;
        row.state = TaskState::Terminated;
        row.ghost = true;
        row.reason = ghostWords(moment, ghost.pid);
        if (ghost.holderTid != 0 && !ghost.locks.isEmpty()) {
            row.threads = 1;
            TaskRow thread = row;
            thread.ppid = 0;
            thread.tid = ghost.holderTid;
            thread.name = !ghost.holderName.isEmpty() ? ghost.holderName : ghost.name;
            thread.role.clear();
            thread.threads = 0;
            rows << row << thread;
        } else {
            rows << row;
        }
    }
    return rows;
}

QString FrameRowBuilder::ghostWords(const SessionMoment &moment, qint64 pid)
{
    const SessionMoment::Ghost ghost = moment.ghosts.value(pid);
    const bool killed = ghost.exit.contains(u"signal"_s);
    const QString at = QString::number(std::max(0.0, ghost.diedT), 'f', 1);
    QStringList words;
    if (!ghost.locks.isEmpty()) {
        const QString locks = ghost.locks.join(u", "_s);
        words << (killed ? tr("held %1 when killed at %2 s").arg(locks, at)
                         : tr("held %1 when it ended at %2 s").arg(locks, at));
    }
    if (ghost.orphans > 0) {
        if (ghost.orphans == 1)
            words << (killed ? tr("parent of 1 orphan, killed at %1 s").arg(at) : tr("parent of 1 orphan, ended at %1 s").arg(at));
        else
            words << (killed ? tr("parent of %1 orphans, killed at %2 s").arg(ghost.orphans).arg(at)
                             : tr("parent of %1 orphans, ended at %2 s").arg(ghost.orphans).arg(at));
    }
    if (ghost.reapedT >= 0) {
        const QString reaped = QString::number(ghost.reapedT, 'f', 1);
        const QString signal = ghost.exit.value(u"signal_name"_s).toString();
        words << (killed ? tr("zombie (killed by %1), reaped at %2 s").arg(signal, reaped)
                         : tr("zombie (exit code %1), reaped at %2 s").arg(ghost.exit.value(u"code"_s).toInt()).arg(reaped));
    }
    return words.join(u"; "_s);
}

Frame FrameRowBuilder::frameOf(const SessionMoment &moment, double t)
{
    Frame frame;
    frame.t = t;
    frame.rows = rowsOf(moment);
    frame.cpus = cpusOf(moment.cpus);
    for (auto it = moment.queues.cbegin(); it != moment.queues.cend(); ++it) {
        frame.queueNames << it.key();
        frame.queues << queueOf(it.value());
    }
    frame.hasWaits = true;
    frame.waits = ReplayWaits::build(moment);
    frame.deadlocked = !moment.deadlock.isEmpty();
    frame.poolTasks = moment.poolTasks;
    return frame;
}

QList<CpuLoad> FrameRowBuilder::cpusOf(const QJsonArray &cpus)
{
    QList<CpuLoad> loads;
    loads.reserve(cpus.size());
    for (const QJsonValue &value : cpus) {
        const QJsonObject cpu = value.toObject();
        CpuLoad load;
        load.core = cpu.value(u"core"_s).toInt(-1);
        load.busy = cpu.value(u"busy"_s).toDouble();
        load.user = cpu.value(u"user"_s).toDouble();
        load.system = cpu.value(u"system"_s).toDouble();
        load.iowait = cpu.value(u"iowait"_s).toDouble();
        load.steal = cpu.value(u"steal"_s).toDouble();
        loads << load;
    }
    return loads;
}

QueueStats FrameRowBuilder::queueOf(const QJsonObject &fields)
{
    QueueStats stats;
    stats.capacity = fields.value(u"capacity"_s).toInt();
    stats.depth = fields.value(u"depth"_s).toInteger();
    stats.puts = quint64(std::max<qint64>(0, fields.value(u"puts"_s).toInteger()));
    stats.gets = quint64(std::max<qint64>(0, fields.value(u"gets"_s).toInteger()));
    stats.blockedPutters = fields.value(u"blocked_putters"_s).toInt();
    stats.blockedGetters = fields.value(u"blocked_getters"_s).toInt();
    return stats;
}
