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
    } else if (kind == EventKind::ThreadExit) {
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
        processes[pid].ppid = integer(f, u"to"_s);
    } else if (kind == EventKind::ProcessExit) {
        Process &process = processes[pid];
        process.pid = pid;
        process.exited = true;
        process.exit = f;
        process.exit.remove(u"pid"_s);
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
        processes.remove(pid);
        for (auto it = tasks.begin(); it != tasks.end();)
            it = it->pid == pid ? tasks.erase(it) : std::next(it);
    } else if (kind == EventKind::DeadlockDetected) {
        deadlock = f;
    } else if (kind == EventKind::LockOwnerDead) {
        deadOwners << f;
    } else if (kind == EventKind::LockOrderInversion) {
        inversions << f;
    } else if (kind == EventKind::DeadlockResolved) {
        deadlock = {};
        deadOwners.clear();
    } else if (kind == EventKind::Phenomenon) {
        phenomenon = f;
    } else if (kind == EventKind::ExperimentStop) {
        stopped = true;
    }
}
