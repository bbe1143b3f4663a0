#include "ReplayWaits.h"

#include "analysis/WaitKindName.h"
#include "base/LabRole.h"
#include "session/SessionMoment.h"

#include <QHash>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace {
// Ids for named objects: the graph keys nodes by id, and a lock is known in a recording by its name.
class ObjectIds
{
public:
    qint64 idOf(const QString &label, qint64 preferred)
    {
        const auto it = m_ids.constFind(label);
        if (it != m_ids.cend())
            return *it;
        qint64 id = preferred;
        while (m_used.contains(id))
            ++id;
        m_used.insert(id);
        m_ids.insert(label, id);
        return id;
    }

private:
    QHash<QString, qint64> m_ids;
    QSet<qint64> m_used;
};

bool alive(const SessionMoment::Task &task)
{
    return task.state != u"zombie"_s && task.state != u"terminated"_s;
}
} // namespace

WaitTick ReplayWaits::build(const SessionMoment &moment)
{
    WaitTick tick;
    tick.t = moment.t;
    ObjectIds lockIds;
    QHash<qint64, LockState> locks;
    QHash<qint64, QString> queues;
    QHash<qint64, QString> pipes;
    QHash<qint64, qsizetype> threadAt;
    bool recordedWaits = false;

    for (const SessionMoment::Task &task : moment.tasks) {
        const auto process = moment.processes.constFind(task.pid);
        if (process == moment.processes.cend() || (process->exited && !process->zombie))
            continue;
        // Live, the analysis sees the lab threads (telemetry slots) only: a thread with a role, or one whose
        // samples carry a lab wait. A worker's control thread (its main thread, polling for commands) is neither,
        // and a replay drew it as a green "running" node that the live graph never had.
        if (task.role.isEmpty() && task.wait.isEmpty() && task.holds.isEmpty())
            continue;
        WaitInput input;
        input.pid = task.pid;
        input.tid = task.tid;
        // The slot's name, as live: "lock-taker-1"; a main thread without a thread.start (the joiner's child) has
        // its process's name and role, as live.
        input.name = !task.name.isEmpty() ? task.name : task.tid == task.pid ? process->name : task.role;
        input.role = task.role.isEmpty() && task.tid == task.pid ? process->role : task.role;
        input.alive = alive(task);
        if (input.alive && !task.wait.isEmpty()) {
            recordedWaits = true;
            input.waitKind = WaitKindName::named(task.wait);
            input.waitObject = task.waitOn;
            if (input.waitKind == WaitKind::Lock) {
                input.waitObject = lockIds.idOf(task.waitLabel, task.waitOn);
                locks[input.waitObject].id = input.waitObject;
                locks[input.waitObject].name = task.waitLabel;
            } else if (input.waitKind == WaitKind::QueueFull || input.waitKind == WaitKind::QueueEmpty) {
                queues.insert(task.waitOn, u"Q%1"_s.arg(task.waitOn + 1));
            } else if (input.waitKind == WaitKind::PipeWrite || input.waitKind == WaitKind::PipeRead) {
                pipes.insert(task.waitOn, u"pipe %1"_s.arg(task.waitOn + 1));
            }
        }
        if (input.alive) {
            for (const QString &held : task.holds) {
                const qint64 id = lockIds.idOf(held, 1000 + locks.size());
                input.locksHeld << id;
                LockState &lock = locks[id];
                lock.id = id;
                lock.name = held;
                lock.ownerTid = task.tid;
                lock.ownerPid = task.pid;
            }
        }
        threadAt.insert(task.tid, tick.threads.size());
        tick.threads << input;
    }

    // A recording whose task samples carry no waits (a deadlock.detected without sampled waits around it): the
    // unresolved cycle as the detector recorded it, each member's wait kind and object.
    if (!recordedWaits && !moment.deadlock.isEmpty()) {
        for (const QJsonValue &value : moment.deadlock.value(u"cycle"_s).toArray()) {
            const QJsonObject member = value.toObject();
            const qint64 tid = member.value(u"tid"_s).toInteger();
            const qint64 holder = member.value(u"held_by"_s).toInteger();
            const WaitKind kind = WaitKindName::named(member.value(u"wait"_s).toString());
            const QString label = member.value(u"object"_s).toString();
            const auto at = threadAt.constFind(tid);
            if (at == threadAt.cend() || kind == WaitKind::None)
                continue;
            WaitInput &thread = tick.threads[*at];
            thread.waitKind = kind;
            if (kind == WaitKind::Lock) {
                thread.waitObject = lockIds.idOf(label, locks.size() + 1);
                LockState &lock = locks[thread.waitObject];
                lock.id = thread.waitObject;
                lock.name = label;
                lock.ownerTid = holder;
                lock.ownerPid = moment.tasks.value(holder).pid;
            } else if (kind == WaitKind::Child) {
                thread.waitObject = label.toLongLong();
            } else {
                thread.waitObject = lockIds.idOf(label, 0);
                (kind == WaitKind::QueueFull || kind == WaitKind::QueueEmpty ? queues : pipes).insert(thread.waitObject, label);
            }
        }
    }
    // A lock whose owner died holding it: its owner is no thread any more, its waiters wait for good.
    for (const QJsonObject &finding : moment.deadOwners) {
        const QString label = finding.value(u"lock"_s).toString();
        const qint64 id = lockIds.idOf(label, locks.size() + 1);
        LockState &lock = locks[id];
        lock.id = id;
        lock.name = label;
        lock.ownerTid = finding.value(u"owner_tid"_s).toInteger();
        lock.ownerPid = finding.value(u"owner_pid"_s).toInteger();
        for (const QJsonValue &waiter : finding.value(u"waiters"_s).toArray()) {
            const auto at = threadAt.constFind(waiter.toObject().value(u"tid"_s).toInteger());
            if (at != threadAt.cend() && tick.threads[*at].alive && tick.threads[*at].waitKind == WaitKind::None) {
                tick.threads[*at].waitKind = WaitKind::Lock;
                tick.threads[*at].waitObject = id;
            }
        }
    }

    QSet<qint64> liveTids;
    for (const WaitInput &thread : std::as_const(tick.threads)) {
        if (thread.alive)
            liveTids.insert(thread.tid);
    }
    for (LockState &lock : locks) {
        lock.ownerAlive = lock.ownerTid == 0 || liveTids.contains(lock.ownerTid);
        tick.locks << lock;
    }
    // Every recorded queue is drawn, as live, also when nobody waits on it ("Q1" is queue 0).
    for (auto it = moment.queues.cbegin(); it != moment.queues.cend(); ++it) {
        bool numbered = false;
        const qint64 index = it.key().startsWith(u'Q') ? it.key().mid(1).toLongLong(&numbered) - 1 : -1;
        if (numbered && index >= 0 && !queues.contains(index))
            queues.insert(index, it.key());
    }
    for (auto it = queues.cbegin(); it != queues.cend(); ++it) {
        QueueState queue{it.key(), it.value(), {}, {}};
        for (const WaitInput &thread : std::as_const(tick.threads)) {
            if (LabRole::putsInto(thread.role, queue.id))
                queue.producerTids << thread.tid;
            if (LabRole::takesFrom(thread.role, queue.id))
                queue.consumerTids << thread.tid;
        }
        tick.queues << queue;
    }
    for (auto it = pipes.cbegin(); it != pipes.cend(); ++it) {
        PipeState pipe{it.key(), it.value(), {}, {}};
        for (const WaitInput &thread : std::as_const(tick.threads)) {
            if (LabRole::putsInto(thread.role, 0))
                pipe.writerTids << thread.tid;
            if (LabRole::takesFrom(thread.role, 0))
                pipe.readerTids << thread.tid;
        }
        tick.pipes << pipe;
    }
    for (const SessionMoment::Process &process : moment.processes)
        tick.processes << ProcessState{process.pid, process.ppid, process.name, !process.exited};
    return tick;
}
