#pragma once

#include "analysis/WaitInput.h"

#include <QHash>
#include <QList>
#include <random>

// Generated inputs for the deadlock analysis, shared by its unit tests and its benchmark: hand-shaped deadlocks
// and seeded random runs of lab threads that never deadlock (or deadlock at a known tick).
class AnalysisScenarios
{
public:
    // A ring of `size` threads (TIDs firstTid, firstTid+1, …, all in process `pid`): thread i holds lock i+1
    // and waits for lock (i+1) % size + 1 when `closed`; when not closed the last thread is still working.
    static WaitTick lockRing(int size, qint64 pid, qint64 firstTid, bool closed, qint64 firstLock = 1);

    // Appends `other` (threads and objects) to `tick`; ids must not collide.
    static void merge(WaitTick *tick, const WaitTick &other);

    // The join deadlock: the parent thread (parentPid/parentPid) waits for the child process; the child's
    // thread (childPid/childPid) blocks writing into pipe 1, whose only reader is the parent.
    static WaitTick joinDeadlock(qint64 parentPid, qint64 childPid);

    // Producers and consumers on one small queue guarded by a mutex (lock id 1000 + queueId), with heavy contention:
    // most threads are blocked most of the time, yet in every tick at least one producer or consumer runs or could go
    // on (the queue's mutex is free, or its owner works). Deterministic for a given seed.
    class Contention
    {
    public:
        Contention(int producers, int consumers, quint32 seed, qint64 pid = 1000, qint64 queueId = 1);
        WaitTick next(double t);
        const QList<qint64> &tids() const { return m_tids; }

    private:
        int m_producers;
        qint64 m_pid, m_queue;
        QList<qint64> m_tids;
        QList<WaitInput> m_previous;
        std::mt19937 m_random;
    };

    // Threads that take locks in fixed orders, stepped at random between ticks like a scheduler would:
    // each thread takes its locks one by one (blocking while one is owned), then releases them all. With
    // orders that are all sorted, nothing can deadlock; with opposite orders a deadlock forms at some tick and
    // stays. Deterministic for a given seed.
    class LockRun
    {
    public:
        LockRun(const QList<QList<qint64>> &orders, quint32 seed, qint64 pid = 2000);
        // Advances by `steps` random scheduler steps, then returns the tick.
        WaitTick next(double t, int steps);
        // True when no thread can move any more (every one is blocked on a lock owned by another).
        bool stuck() const;
        QList<qint64> tids() const;

    private:
        struct Thread
        {
            qint64 tid = 0;
            QList<qint64> order;
            int taken = 0; // locks of `order` held
            bool waiting = false;
            quint64 epoch = 0;
        };
        bool step(Thread &thread);

        qint64 m_pid;
        QList<Thread> m_threads;
        QHash<qint64, qint64> m_owner; // lock → tid
        std::mt19937 m_random;
    };
};
