#include "AnalysisScenarios.h"

#include <QSet>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

WaitTick AnalysisScenarios::lockRing(int size, qint64 pid, qint64 firstTid, bool closed, qint64 firstLock)
{
    WaitTick tick;
    for (int i = 0; i < size; ++i) {
        WaitInput thread;
        thread.pid = pid;
        thread.tid = firstTid + i;
        thread.name = u"lock-taker-"_s + QString::number(i + 1);
        thread.locksHeld = {firstLock + i};
        thread.waitEpoch = 1;
        if (closed || i + 1 < size) {
            thread.waitKind = WaitKind::Lock;
            thread.waitObject = firstLock + (i + 1) % size;
        }
        tick.threads.append(thread);
        tick.locks.append({firstLock + i, u"L"_s + QString::number(firstLock + i), firstTid + i, pid, true});
    }
    tick.processes.append({pid, 1, u"proclab-worker"_s, true});
    return tick;
}

void AnalysisScenarios::merge(WaitTick *tick, const WaitTick &other)
{
    tick->threads += other.threads;
    tick->locks += other.locks;
    tick->queues += other.queues;
    tick->pipes += other.pipes;
    tick->processes += other.processes;
}

WaitTick AnalysisScenarios::joinDeadlock(qint64 parentPid, qint64 childPid)
{
    WaitTick tick;
    WaitInput parent;
    parent.pid = parent.tid = parentPid;
    parent.name = u"parent"_s;
    parent.waitKind = WaitKind::Child;
    parent.waitObject = childPid;
    WaitInput child;
    child.pid = child.tid = childPid;
    child.name = u"child"_s;
    child.waitKind = WaitKind::PipeWrite;
    child.waitObject = 1;
    tick.threads = {parent, child};
    tick.pipes.append({1, u"P1"_s, {parentPid}, {childPid}});
    tick.processes.append({parentPid, 1, u"parent"_s, true});
    tick.processes.append({childPid, parentPid, u"child"_s, true});
    return tick;
}

AnalysisScenarios::Contention::Contention(int producers, int consumers, quint32 seed, qint64 pid, qint64 queueId)
    : m_producers(producers), m_pid(pid), m_queue(queueId), m_random(seed)
{
    for (int i = 0; i < producers + consumers; ++i)
        m_tids.append(pid + 1 + i);
}

WaitTick AnalysisScenarios::Contention::next(double t)
{
    const qint64 queueMutex = 1000 + m_queue;
    const int count = int(m_tids.size());
    QList<WaitInput> threads(count);
    std::uniform_int_distribution<int> percent(0, 99), pick(0, count - 1);
    // Every tenth tick is the hardest case there is without a deadlock: every thread but one blocked on the queue.
    const bool extreme = percent(m_random) < 10;
    for (int i = 0; i < count; ++i) {
        WaitInput &thread = threads[i];
        const bool producer = i < m_producers;
        thread.pid = m_pid;
        thread.tid = m_tids[i];
        thread.name = (producer ? u"producer-"_s : u"consumer-"_s) + QString::number(producer ? i : i - m_producers);
        const int roll = extreme ? 0 : percent(m_random);
        if (roll < 75) {
            thread.waitKind = producer ? WaitKind::QueueFull : WaitKind::QueueEmpty;
            thread.waitObject = m_queue;
        } else if (roll < 85) {
            thread.waitKind = WaitKind::Lock;
            thread.waitObject = queueMutex;
        }
    }
    QList<int> working;
    for (int i = 0; i < count; ++i) {
        if (threads[i].waitKind == WaitKind::None)
            working.append(i);
    }
    LockState mutex{queueMutex, u"Q1-mutex"_s, 0, m_pid, true};
    if (working.isEmpty()) {
        const int chosen = pick(m_random);
        if (!extreme && percent(m_random) < 50) {
            // Nobody works, but the queue's mutex is free: its waiter goes on.
            threads[chosen].waitKind = WaitKind::Lock;
            threads[chosen].waitObject = queueMutex;
        } else {
            threads[chosen].waitKind = WaitKind::None;
            working.append(chosen);
        }
    }
    if (!working.isEmpty() && percent(m_random) < 60) {
        const int owner = working[std::uniform_int_distribution<int>(0, int(working.size()) - 1)(m_random)];
        mutex.ownerTid = threads[owner].tid;
        threads[owner].locksHeld = {queueMutex};
    }
    for (int i = 0; i < count; ++i) {
        const bool changed = m_previous.size() != count || m_previous[i].waitKind != threads[i].waitKind;
        const quint64 before = m_previous.size() == count ? m_previous[i].waitEpoch : 0;
        threads[i].waitEpoch = before + ((changed || percent(m_random) < 50) ? 1 : 0);
    }
    m_previous = threads;

    WaitTick tick;
    tick.t = t;
    tick.threads = threads;
    tick.locks = {mutex};
    tick.queues = {{m_queue, u"Q1"_s, m_tids.first(m_producers), m_tids.sliced(m_producers)}};
    tick.processes = {{m_pid, 1, u"proclab-worker"_s, true}};
    return tick;
}

AnalysisScenarios::LockRun::LockRun(const QList<QList<qint64>> &orders, quint32 seed, qint64 pid)
    : m_pid(pid), m_random(seed)
{
    for (qsizetype i = 0; i < orders.size(); ++i) {
        Thread thread;
        thread.tid = pid + 1 + i;
        thread.order = orders[i];
        m_threads.append(thread);
    }
}

QList<qint64> AnalysisScenarios::LockRun::tids() const
{
    QList<qint64> result;
    for (const Thread &thread : m_threads)
        result.append(thread.tid);
    return result;
}

bool AnalysisScenarios::LockRun::step(Thread &thread)
{
    if (thread.taken == thread.order.size()) {
        for (qint64 lock : std::as_const(thread.order))
            m_owner.remove(lock);
        thread.taken = 0;
        ++thread.epoch;
        return true;
    }
    const qint64 lock = thread.order[thread.taken];
    if (m_owner.value(lock, 0) != 0) {
        if (!thread.waiting) {
            thread.waiting = true;
            ++thread.epoch;
        }
        return false;
    }
    m_owner.insert(lock, thread.tid);
    ++thread.taken;
    if (thread.waiting) {
        thread.waiting = false;
        ++thread.epoch;
    }
    return true;
}

bool AnalysisScenarios::LockRun::stuck() const
{
    for (const Thread &thread : m_threads) {
        if (thread.taken == thread.order.size() || m_owner.value(thread.order[thread.taken], 0) == 0)
            return false;
    }
    return true;
}

WaitTick AnalysisScenarios::LockRun::next(double t, int steps)
{
    std::uniform_int_distribution<int> pick(0, int(m_threads.size()) - 1);
    for (int s = 0; s < steps; ++s)
        step(m_threads[pick(m_random)]);

    WaitTick tick;
    tick.t = t;
    QSet<qint64> locks;
    for (const Thread &thread : std::as_const(m_threads)) {
        WaitInput input;
        input.pid = m_pid;
        input.tid = thread.tid;
        input.name = u"lock-taker-"_s + QString::number(thread.tid - m_pid);
        input.locksHeld = thread.order.first(thread.taken);
        input.waitEpoch = thread.epoch;
        if (thread.waiting) {
            input.waitKind = WaitKind::Lock;
            input.waitObject = thread.order[thread.taken];
        }
        tick.threads.append(input);
        for (qint64 lock : thread.order)
            locks.insert(lock);
    }
    QList<qint64> sorted(locks.cbegin(), locks.cend());
    std::sort(sorted.begin(), sorted.end());
    for (qint64 lock : std::as_const(sorted))
        tick.locks.append({lock, u"L"_s + QString::number(lock), m_owner.value(lock, 0), m_pid, true});
    tick.processes = {{m_pid, 1, u"proclab-worker"_s, true}};
    return tick;
}
