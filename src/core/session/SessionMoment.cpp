#include "SessionMoment.h"
#include "base/EventKind.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {
qint64 integer(const QJsonObject &fields, const QString &key)
{
    return fields.value(key).toInteger(0);
}
} // namespace

SessionMoment::Ghost &SessionMoment::ghostOf(const Process &process)
{
    Ghost &ghost = ghosts[process.pid];
    if (ghost.pid == 0) {
        ghost.pid = process.pid;
        ghost.ppid = process.ppid;
        ghost.name = process.name;
        ghost.role = process.role;
        ghost.exit = process.exit;
        ghost.diedT = process.exitT;
        ghost.locks = process.heldAtExit;
        ghost.holderTid = process.holderTid;
        ghost.holderName = process.holderName;
    }
    return ghost;
}

void SessionMoment::keepIfItMattered(const Process &process, double t)
{
    QStringList held = process.heldAtExit;
    qint64 holderTid = process.holderTid;
    QString holderName = process.holderName;
    for (const Task &task : std::as_const(tasks)) {
        if (task.pid != process.pid || task.holds.isEmpty())
            continue;
        for (const QString &lock : task.holds) {
            if (!held.contains(lock))
                held << lock;
        }
        holderTid = task.tid;
        holderName = !task.name.isEmpty() ? task.name : task.role;
    }
    int orphans = 0;
    for (const Process &child : std::as_const(processes))
        orphans += child.ppid == process.pid && !child.exited ? 1 : 0;
    if (held.isEmpty() && orphans == 0)
        return;
    Ghost &ghost = ghostOf(process);
    ghost.diedT = t;
    ghost.locks = held;
    ghost.holderTid = holderTid;
    ghost.holderName = holderName;
    ghost.orphans = orphans;
}

void SessionMoment::apply(const SessionEvent &event)
{
    t = std::max(t, event.t);
    ++eventCount;
    const QJsonObject &f = event.fields;
    const QString &kind = event.kind;
    const qint64 pid = integer(f, u"pid"_s);
    const qint64 tid = integer(f, u"tid"_s);

    if (kind == EventKind::TaskSample) {
        Task &task = tasks[tid];
        task.pid = pid;
        task.tid = tid;
        task.state = f.value(u"state"_s).toString();
        task.running = f.value(u"running"_s).toDouble();
        task.ready = f.value(u"ready"_s).toDouble();
        task.blocked = f.value(u"blocked"_s).toDouble();
        task.cpu = f.value(u"cpu"_s).toDouble();
        task.core = f.value(u"core"_s).toInt(-1);
        task.reason = f.value(u"reason"_s).toString();
        // Files written before these fields existed carry none: the thread then waits on nothing known.
        task.wait = f.value(u"wait"_s).toString();
        task.waitOn = integer(f, u"wait_on"_s);
        task.waitLabel = f.value(u"wait_label"_s).toString();
        task.holds.clear();
        for (const QJsonValue &lock : f.value(u"holds"_s).toArray())
            task.holds << lock.toString();
        task.tick = quint64(std::max<qint64>(0, integer(f, u"tick"_s)));
        task.gil = f.contains(u"gil"_s) ? f.value(u"gil"_s).toDouble() : -1;
    } else if (kind == EventKind::TaskState) {
        Task &task = tasks[tid];
        task.pid = pid;
        task.tid = tid;
        task.state = f.value(u"to"_s).toString();
        task.reason = f.value(u"reason"_s).toString();
    } else if (kind == EventKind::CpuSample) {
        cpus = f.value(u"cpus"_s).toArray();
        cpusT = event.t;
    } else if (kind == EventKind::QueueSample) {
        const QJsonValue name = f.value(u"queue"_s);
        queues.insert(name.isString() ? name.toString() : QString::number(name.toDouble()), f);
    } else if (kind == EventKind::ThreadStart) {
        Task &task = tasks[tid];
        task.pid = pid;
        task.tid = tid;
        task.role = f.value(u"role"_s).toString();
        task.name = f.value(u"name"_s).toString();
        if (!task.role.isEmpty() && tid != pid && processes.contains(pid))
            processes[pid].runsLabThreads = true;
    } else if (kind == EventKind::ThreadExit) {
        // A thread that ends holding a lock (killed with its process) leaves the lock held: its process remembers.
        const auto task = tasks.constFind(tid);
        if (task != tasks.cend() && !task->holds.isEmpty() && processes.contains(pid)) {
            Process &process = processes[pid];
            for (const QString &lock : task->holds) {
                if (!process.heldAtExit.contains(lock))
                    process.heldAtExit << lock;
            }
            process.holderTid = tid;
            process.holderName = !task->name.isEmpty() ? task->name : task->role;
        }
        tasks.remove(tid);
    } else if (kind == EventKind::ProcessSpawn) {
        Process process;
        process.pid = pid;
        process.ppid = integer(f, u"ppid"_s);
        process.name = f.value(u"name"_s).toString();
        process.role = f.value(u"role"_s).toString();
        processes.insert(pid, process);
    } else if (kind == EventKind::ProcessRole) {
        processes[pid].pid = pid;
        processes[pid].role = f.value(u"role"_s).toString();
    } else if (kind == EventKind::ProcessReparent) {
        processes[pid].pid = pid;
        processes[pid].formerPpid = integer(f, u"from"_s);
        processes[pid].ppid = integer(f, u"to"_s);
    } else if (kind == EventKind::ProcessExit) {
        Process &process = processes[pid];
        process.pid = pid;
        process.exited = true;
        process.exit = f;
        process.exit.remove(u"pid"_s);
        process.exitT = event.t;
        keepIfItMattered(process, event.t);
    } else if (kind == EventKind::ProcessZombie) {
        processes[pid].pid = pid;
        processes[pid].zombie = true;
        // A zombie keeps only its main thread, in state Z.
        for (auto it = tasks.begin(); it != tasks.end();) {
            if (it->pid == pid && it->tid != pid) {
                it = tasks.erase(it);
            } else {
                if (it->pid == pid)
                    it->state = u"zombie"_s;
                ++it;
            }
        }
    } else if (kind == EventKind::ProcessReap) {
        const auto process = processes.constFind(pid);
        if (process != processes.cend() && process->zombie) {
            Ghost &ghost = ghostOf(*process);
            ghost.reapedT = event.t;
        }
        processes.remove(pid);
        for (auto it = tasks.begin(); it != tasks.end();)
            it = it->pid == pid ? tasks.erase(it) : std::next(it);
    } else if (kind == EventKind::DeadlockDetected) {
        deadlock = f;
    } else if (kind == EventKind::LockOwnerDead) {
        deadOwners << f;
        // The finding names the dead owner for certain, also when no sample caught it holding the lock.
        const qint64 owner = integer(f, u"owner_pid"_s);
        const QString lock = f.value(u"lock"_s).toString();
        const auto process = processes.constFind(owner);
        Ghost *ghost = nullptr;
        if (ghosts.contains(owner))
            ghost = &ghosts[owner];
        else if (process != processes.cend() && process->exited)
            ghost = &ghostOf(*process);
        if (ghost && !lock.isEmpty()) {
            if (!ghost->locks.contains(lock))
                ghost->locks << lock;
            if (ghost->holderTid == 0)
                ghost->holderTid = integer(f, u"owner_tid"_s);
        }
    } else if (kind == EventKind::LockOrderInversion) {
        inversions << f;
    } else if (kind == EventKind::DeadlockResolved) {
        deadlock = {};
        deadOwners.clear();
    } else if (kind == EventKind::PoolTask) {
        const std::optional<SessionReportData::PoolTask> task = SessionReportData::poolTaskOf(f);
        if (task && poolTasks.size() < SessionReportData::MaxPoolTasks)
            poolTasks << *task;
    } else if (kind == EventKind::Phenomenon) {
        phenomenon = f;
    } else if (kind == EventKind::ExperimentStop) {
        stopped = true;
    }
}
