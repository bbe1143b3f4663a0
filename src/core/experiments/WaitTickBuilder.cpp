#include "WaitTickBuilder.h"

#include "base/LabRole.h"

#include <QHash>

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

WaitTick WaitTickBuilder::build(double t, const TelemetrySnapshot &telemetry, const QList<LabProcessInfo> &processes,
                                const QSet<qint64> &liveTids)
{
    WaitTick tick;
    tick.t = t;
    QSet<qint64> queueIds;
    QSet<qint64> pipeIds;
    QHash<qint64, QString> roles;
    QHash<qint64, QString> processNames;
    for (const LabProcessInfo &process : processes) {
        processNames.insert(process.pid, process.name);
        for (const LabThreadInfo &thread : process.threads)
            roles.insert(thread.tid, thread.role);
    }
    for (const ThreadTelemetrySample &slot : telemetry.threads) {
        if (slot.exited)
            continue;
        WaitInput input;
        input.pid = slot.pid;
        input.tid = slot.tid;
        // The slot carries the thread's name; a thread the lab did not start (the joiner's forked child) names its
        // slot by its role, and is the main thread of a lab process with a name of its own (joiner-child-1).
        input.name = slot.tid == slot.pid && !roles.contains(slot.tid) ? processNames.value(slot.pid, slot.role)
                                                                       : slot.role;
        input.role = roles.value(slot.tid, slot.role);
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
            if (LabRole::putsInto(thread.role, id))
                queue.producerTids << thread.tid;
            if (LabRole::takesFrom(thread.role, id))
                queue.consumerTids << thread.tid;
        }
        tick.queues << queue;
    }
    for (qint64 id : std::as_const(pipeIds)) {
        PipeState pipe;
        pipe.id = id;
        pipe.name = u"P%1"_s.arg(id + 1); // the analysis words it: "pipe P1 (full)"
        for (const WaitInput &thread : std::as_const(tick.threads)) {
            if (LabRole::putsInto(thread.role, 0))
                pipe.writerTids << thread.tid;
            if (LabRole::takesFrom(thread.role, 0))
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
