#include "DeadlockMonitor.h"
#include "WaitKindName.h"

#include "DeadlockExplainer.h"
#include "base/EventKind.h"

#include <QJsonArray>
#include <QSet>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

QJsonObject threadJson(const ThreadRef &thread)
{
    return {{u"pid"_s, thread.pid}, {u"tid"_s, thread.tid}, {u"name"_s, thread.name}};
}

QJsonArray tidsJson(const QList<qint64> &tids)
{
    QJsonArray array;
    for (qint64 tid : tids)
        array.append(tid);
    return array;
}

// Counts consecutive sightings of keyed findings: keys not seen this tick start over. Returns the keys that just
// reached `confirm` sightings; a reported key stays at -1 until it disappears.
template<typename Key> QList<Key> confirmSightings(QHash<Key, int> *counts, const QList<Key> &seenNow, int confirm)
{
    QHash<Key, int> next;
    QList<Key> confirmed;
    for (const Key &key : seenNow) {
        if (next.contains(key))
            continue;
        int count = counts->value(key, 0);
        if (count >= 0 && ++count >= confirm) {
            confirmed.append(key);
            count = -1;
        }
        next.insert(key, count);
    }
    *counts = next;
    return confirmed;
}

} // namespace

DeadlockMonitor::DeadlockMonitor(int confirmTicks) : m_confirmTicks(std::max(1, confirmTicks))
{}

QString DeadlockMonitor::lockName(qint64 lock) const
{
    return WaitForGraph::lockLabel(lock, m_lockNames.value(lock));
}

QList<SessionEvent> DeadlockMonitor::analyse(const WaitTick &tick)
{
    m_lastTick = tick;
    for (const LockState &lock : tick.locks) {
        if (!lock.name.isEmpty())
            m_lockNames.insert(lock.id, lock.name);
    }
    m_graph.build(m_lastTick);

    QList<SessionEvent> events;
    trackLockOrder(tick, &events);
    trackCycles(tick, &events);
    trackOwnerDead(tick, &events);
    trackFutex(tick, &events);
    return events;
}

void DeadlockMonitor::noteAcquisition(const ThreadRef &thread, const QList<qint64> &held, qint64 lock, double t)
{
    m_lockOrder.noteAcquisition(thread, held, lock, t);
}

void DeadlockMonitor::trackCycles(const WaitTick &tick, QList<SessionEvent> *events)
{
    QHash<qint64, const WaitInput *> threads;
    for (const WaitInput &thread : tick.threads)
        threads.insert(thread.tid, &thread);

    // Resolve first: a reported cycle ends when a member is gone, or when it has not been seen for a while.
    QSet<QList<qint64>> present;
    for (const DeadlockCycle &cycle : m_graph.cycles())
        present.insert(cycle.tids());
    for (auto it = m_active.begin(); it != m_active.end();) {
        QList<qint64> exited;
        for (qint64 tid : it.key()) {
            const WaitInput *thread = threads.value(tid);
            if (!thread || !thread->alive)
                exited.append(tid);
        }
        it->missing = present.contains(it.key()) ? 0 : it->missing + 1;
        if (!exited.isEmpty() || it->missing >= m_confirmTicks) {
            events->append(resolvedEvent(tick.t, *it, exited.isEmpty() ? u"released"_s : u"member_exited"_s, exited));
            it = m_active.erase(it);
        } else {
            ++it;
        }
    }

    QHash<QList<qint64>, Candidate> next;
    for (const DeadlockCycle &cycle : m_graph.cycles()) {
        const QList<qint64> key = cycle.tids();
        if (m_active.contains(key))
            continue;
        Candidate candidate;
        for (const CycleMember &member : cycle.members)
            candidate.epochs.insert(member.thread.tid, threads.value(member.thread.tid)->waitEpoch);
        const auto previous = m_candidates.constFind(key);
        // A member that started a new wait since the last sighting went on in between: not the same deadlock.
        const bool same = previous != m_candidates.cend() && previous->epochs == candidate.epochs;
        candidate.seen = same ? previous->seen + 1 : 1;
        if (candidate.seen >= m_confirmTicks) {
            events->append(detectedEvent(tick, cycle));
            m_active.insert(key, {cycle, tick.t, 0});
            ++m_deadlocksReported;
            continue;
        }
        next.insert(key, candidate);
    }
    m_candidates = next;
}

void DeadlockMonitor::trackOwnerDead(const WaitTick &tick, QList<SessionEvent> *events)
{
    QList<QPair<qint64, qint64>> seen;
    for (const OwnerDeadLock &finding : m_graph.ownerDeadLocks())
        seen.append({finding.lockId, finding.ownerTid});
    const QList<QPair<qint64, qint64>> confirmed = confirmSightings(&m_ownerDeadSeen, seen, m_confirmTicks);
    for (const OwnerDeadLock &finding : m_graph.ownerDeadLocks()) {
        if (!confirmed.contains(QPair<qint64, qint64>(finding.lockId, finding.ownerTid)))
            continue;
        QJsonArray waiters;
        for (const ThreadRef &waiter : finding.waiters)
            waiters.append(threadJson(waiter));
        events->append({tick.t,
                        EventKind::LockOwnerDead,
                        {{u"lock"_s, finding.lock},
                         {u"lock_id"_s, finding.lockId},
                         {u"owner_pid"_s, finding.ownerPid},
                         {u"owner_tid"_s, finding.ownerTid},
                         {u"waiters"_s, waiters},
                         {u"explanation"_s, DeadlockExplainer::explainOwnerDead(finding)}}});
    }
}

void DeadlockMonitor::trackLockOrder(const WaitTick &tick, QList<SessionEvent> *events)
{
    for (const WaitInput &thread : tick.threads) {
        if (!thread.alive)
            continue;
        const ThreadRef who{thread.pid, thread.tid, thread.name};
        m_lockOrder.noteHeld(who, thread.locksHeld, tick.t);
        // Asking for a lock while holding others is an order too: in a deadlock the last lock is never taken.
        if (thread.waitKind == WaitKind::Lock)
            m_lockOrder.noteAcquisition(who, thread.locksHeld, thread.waitObject, tick.t);
    }
    for (const LockOrderInversion &inversion : m_lockOrder.takeInversions()) {
        QJsonArray orders;
        for (const LockOrder &order : inversion.orders) {
            QJsonArray seen;
            for (const ThreadRef &thread : order.seenBy)
                seen.append(threadJson(thread));
            orders.append(QJsonObject{{u"locks"_s, QJsonArray{lockName(order.from), lockName(order.to)}},
                                      {u"lock_ids"_s, QJsonArray{order.from, order.to}},
                                      {u"seen"_s, seen},
                                      {u"first_seen"_s, order.firstSeen}});
        }
        events->append(
            {tick.t,
             EventKind::LockOrderInversion,
             {{u"orders"_s, orders}, {u"explanation"_s, DeadlockExplainer::explainInversion(inversion, m_lockNames)}}});
        ++m_inversionsReported;
    }
}

void DeadlockMonitor::trackFutex(const WaitTick &tick, QList<SessionEvent> *events)
{
    QHash<qint64, const LockState *> locks;
    for (const LockState &lock : tick.locks)
        locks.insert(lock.id, &lock);
    QHash<qint64, QString> queueNames;
    for (const QueueState &queue : tick.queues)
        queueNames.insert(queue.id, queue.name);
    const auto queueLabel = [&queueNames](qint64 id) {
        return WaitForGraph::objectLabel(WaitKind::QueueFull, id, queueNames.value(id));
    };
    QList<QString> seen;
    QHash<QString, FutexMismatch> mismatches;
    for (const WaitInput &thread : tick.threads) {
        const FutexObservation &futex = thread.futex;
        if (!thread.alive || futex.status == FutexObservation::Status::NotChecked)
            continue;
        bool mismatch = false;
        if (thread.waitKind == WaitKind::Lock) {
            const LockState *lock = locks.value(thread.waitObject);
            // A free lock, or one the thread now owns, was just handed over: the telemetry is merely behind.
            const bool handedOver = lock && (lock->ownerTid == 0 || lock->ownerTid == thread.tid);
            mismatch =
                !handedOver && (futex.status != FutexObservation::Status::Lock || futex.lockId != thread.waitObject);
        } else if (thread.waitKind == WaitKind::QueueFull || thread.waitKind == WaitKind::QueueEmpty) {
            // A queue waiter sleeps on one of the queue's condition words, or re-takes the queue's mutex after a
            // wake-up: both lie inside the queue.
            mismatch = futex.status != FutexObservation::Status::Queue || futex.queueId != thread.waitObject;
        } else if (thread.waitKind == WaitKind::None) {
            // A thread that claims to work must not be blocked on a lab lock.
            mismatch = futex.status == FutexObservation::Status::Lock;
        }
        if (!mismatch)
            continue;
        // The wait's epoch is part of the key: two sightings confirm a mismatch only when they are of the same wait
        // and the kernel gave the same answer both times.
        const QString key = QString::number(thread.tid) + u':' + QString::number(int(thread.waitKind)) + u':' +
                            QString::number(thread.waitObject) + u':' + QString::number(thread.waitEpoch) + u':' +
                            QString::number(int(futex.status)) + u':' + QString::number(futex.lockId) + u':' +
                            QString::number(futex.queueId);
        seen.append(key);
        mismatches.insert(key, {{thread.pid, thread.tid, thread.name}, thread.waitKind, thread.waitObject, futex});
    }
    for (const QString &key : confirmSightings(&m_futexSeen, seen, m_confirmTicks)) {
        const FutexMismatch m = mismatches.value(key);
        QString kernel;
        QJsonValue kernelObject = QJsonValue::Null;
        switch (m.futex.status) {
        case FutexObservation::Status::Lock:
            kernel = u"lock "_s + lockName(m.futex.lockId);
            kernelObject = lockName(m.futex.lockId);
            break;
        case FutexObservation::Status::Queue:
            kernel = u"queue "_s + queueLabel(m.futex.queueId);
            kernelObject = queueLabel(m.futex.queueId);
            break;
        case FutexObservation::Status::OtherAddress:
            kernel = u"address 0x"_s + QString::number(m.futex.address, 16);
            break;
        case FutexObservation::Status::NotInFutex:
        case FutexObservation::Status::NotChecked:
            kernel = u"none"_s;
            break;
        }
        const bool queueWait = m.telemetryKind == WaitKind::QueueFull || m.telemetryKind == WaitKind::QueueEmpty;
        const QString telemetryName = m.telemetryKind == WaitKind::Lock ? m_lockNames.value(m.telemetryObject)
                                      : queueWait                       ? queueNames.value(m.telemetryObject)
                                                                        : QString();
        const QString telemetryLabel = WaitForGraph::objectLabel(m.telemetryKind, m.telemetryObject, telemetryName);
        const QString kernelLabel = m.futex.status == FutexObservation::Status::Queue ? queueLabel(m.futex.queueId)
                                                                                       : lockName(m.futex.lockId);
        QJsonObject fields{
            {u"pid"_s, m.thread.pid},
            {u"tid"_s, m.thread.tid},
            {u"name"_s, m.thread.name},
            {u"telemetry"_s, WaitForGraph::describeWait(m.telemetryKind, m.telemetryObject, telemetryName)},
            {u"futex"_s, kernel},
            {u"futex_object"_s, kernelObject},
            {u"explanation"_s, DeadlockExplainer::explainFutexMismatch(m, telemetryLabel, kernelLabel)}};
        if (m.telemetryKind == WaitKind::Lock)
            fields.insert(u"telemetry_lock"_s, lockName(m.telemetryObject));
        if (m.futex.status != FutexObservation::Status::NotInFutex)
            fields.insert(u"futex_address"_s, QString(u"0x"_s + QString::number(m.futex.address, 16)));
        if (m.futex.inMapping)
            fields.insert(u"futex_offset"_s, qint64(m.futex.mappingOffset));
        events->append({tick.t, EventKind::LockFutexMismatch, fields});
        ++m_futexMismatchesReported;
    }
}

SessionEvent DeadlockMonitor::detectedEvent(const WaitTick &tick, const DeadlockCycle &cycle) const
{
    QJsonArray members;
    for (const CycleMember &member : cycle.members) {
        QJsonObject entry{{u"pid"_s, member.thread.pid},   {u"tid"_s, member.thread.tid},
                          {u"name"_s, member.thread.name}, {u"waits_for"_s, member.waitsFor},
                          {u"wait"_s, WaitKindName::of(member.waitKind)}, {u"object"_s, member.object},
                          {u"held_by"_s, member.heldBy},   {u"holds"_s, QJsonArray::fromStringList(member.locksHeld)}};
        if (member.releasers.size() > 1)
            entry.insert(u"releasers"_s, tidsJson(member.releasers));
        members.append(entry);
    }
    QJsonArray behind;
    for (const ThreadRef &thread : cycle.blockedBehind)
        behind.append(threadJson(thread));
    QJsonObject fields{{u"cycle"_s, members},
                       {u"tids"_s, tidsJson(cycle.tids())},
                       {u"blocked_behind"_s, behind},
                       {u"explanation"_s, DeadlockExplainer::explainCycle(cycle)}};
    if (tick.sequence > 0)
        fields.insert(u"tick"_s, qint64(tick.sequence));
    return {tick.t, EventKind::DeadlockDetected, fields};
}

SessionEvent DeadlockMonitor::resolvedEvent(double t, const Active &active, const QString &reason,
                                            const QList<qint64> &exited) const
{
    return {t,
            EventKind::DeadlockResolved,
            {{u"tids"_s, tidsJson(active.cycle.tids())},
             {u"reason"_s, reason},
             {u"exited"_s, tidsJson(exited)},
             {u"detected_at"_s, active.detectedAt}}};
}

QList<SessionEvent> DeadlockMonitor::stop(double t)
{
    QList<SessionEvent> events;
    QList<QList<qint64>> keys = m_active.keys();
    std::sort(keys.begin(), keys.end());
    for (const QList<qint64> &key : std::as_const(keys))
        events.append(resolvedEvent(t, m_active.value(key), u"stopped"_s, {}));
    reset();
    return events;
}

void DeadlockMonitor::reset()
{
    m_lastTick = {};
    m_graph.build(m_lastTick);
    m_lockOrder.clear();
    m_candidates.clear();
    m_active.clear();
    m_ownerDeadSeen.clear();
    m_futexSeen.clear();
    m_lockNames.clear();
}

QList<DeadlockCycle> DeadlockMonitor::activeDeadlocks() const
{
    QList<DeadlockCycle> cycles;
    for (const Active &active : m_active)
        cycles.append(active.cycle);
    std::sort(cycles.begin(), cycles.end(),
              [](const DeadlockCycle &a, const DeadlockCycle &b) { return a.tids() < b.tids(); });
    return cycles;
}
