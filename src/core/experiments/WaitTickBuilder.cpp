#include "WaitTickBuilder.h"

using namespace Qt::Literals::StringLiterals;

namespace {
WaitKind waitKindOf(ThreadState state)
{
    switch (state) {
    case ThreadState::WaitLock:
        return WaitKind::Lock;
    case ThreadState::WaitQueueFull:
        return WaitKind::QueueFull;
    case ThreadState::WaitQueueEmpty:
        return WaitKind::QueueEmpty;
    case ThreadState::WaitChild:
        return WaitKind::Child;
    case ThreadState::WaitPipeWrite:
        return WaitKind::PipeWrite;
    case ThreadState::WaitPipeRead:
        return WaitKind::PipeRead;
    default:
        return WaitKind::None;
    }
}

} // namespace

// Which side of a queue or pipe a role is on. Roles are the worker's: "producer-2", "consumer-1", "poller-1";
// the pool's driver puts tasks on queue 0 and takes results from queue 1, its workers the other way round.
bool WaitTickBuilder::putsInto(const QString &role, qint64 queue)
{
    if (role.startsWith(u"pool-worker"_s))
        return queue == 1;
    if (role.startsWith(u"pool"_s))
        return queue == 0;
    return role.startsWith(u"producer"_s) || role.startsWith(u"writer"_s) || role.startsWith(u"joiner-child"_s);
}

bool WaitTickBuilder::takesFrom(const QString &role, qint64 queue)
{
    if (role.startsWith(u"pool-worker"_s))
        return queue == 0;
    if (role.startsWith(u"pool"_s))
        return queue == 1;
    return role.startsWith(u"consumer"_s) || role.startsWith(u"poller"_s)
        || (role.startsWith(u"joiner"_s) && !role.startsWith(u"joiner-child"_s));
}

WaitTick WaitTickBuilder::build(double t, const TelemetrySnapshot &telemetry, const QList<LabProcessInfo> &processes,
                                const QSet<qint64> &liveTids)
{
    WaitTick tick;
    tick.t = t;
    QSet<qint64> queueIds;
    QSet<qint64> pipeIds;
    for (const ThreadTelemetrySample &slot : telemetry.threads) {
        if (slot.exited)
            continue;
        WaitInput input;
        input.pid = slot.pid;
        input.tid = slot.tid;
        input.name = slot.role;
        input.alive = liveTids.contains(slot.tid);
        input.waitKind = input.alive ? waitKindOf(slot.state) : WaitKind::None;
        input.waitObject = slot.waitObject;
        for (int lock : slot.heldLocks)
            input.locksHeld << lock;
        input.waitEpoch = slot.waits;
        if (input.waitKind == WaitKind::QueueFull || input.waitKind == WaitKind::QueueEmpty)
            queueIds.insert(slot.waitObject);
        if (input.waitKind == WaitKind::PipeWrite || input.waitKind == WaitKind::PipeRead)
            pipeIds.insert(slot.waitObject);
        tick.threads << input;
    }
    for (const LockSample &sample : telemetry.locks) {
        LockState lock;
        lock.id = sample.index;
        lock.name = sample.name;
        lock.ownerTid = sample.ownerTid;
        lock.ownerPid = sample.ownerPid;
        lock.ownerAlive = sample.ownerTid == 0 || liveTids.contains(sample.ownerTid);
        tick.locks << lock;
    }
    for (qsizetype q = 0; q < telemetry.queues.size(); ++q)
        queueIds.insert(q);
    for (qint64 id : std::as_const(queueIds)) {
        QueueState queue;
        queue.id = id;
        queue.name = u"Q%1"_s.arg(id + 1);
        for (const WaitInput &thread : std::as_const(tick.threads)) {
            if (putsInto(thread.name, id))
                queue.producerTids << thread.tid;
            if (takesFrom(thread.name, id))
                queue.consumerTids << thread.tid;
        }
        tick.queues << queue;
    }
    for (qint64 id : std::as_const(pipeIds)) {
        PipeState pipe;
        pipe.id = id;
        pipe.name = u"P%1"_s.arg(id + 1); // the analysis words it: "pipe P1 (full)"
        for (const WaitInput &thread : std::as_const(tick.threads)) {
            if (putsInto(thread.name, 0))
                pipe.writerTids << thread.tid;
            if (takesFrom(thread.name, 0))
                pipe.readerTids << thread.tid;
        }
        tick.pipes << pipe;
    }
    for (const LabProcessInfo &info : processes) {
        ProcessState process;
        process.pid = info.pid;
        process.parentPid = info.parent;
        process.name = info.name;
        process.alive = info.state != LabProcessInfo::State::Zombie;
        tick.processes << process;
    }
    return tick;
}
