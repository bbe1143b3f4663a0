#pragma once

#include "WaitInput.h"

#include <QList>
#include <QString>

// The findings of the analysis as plain values: what WaitForGraph, LockOrderGraph and DeadlockMonitor produce,
// what DeadlockExplainer turns into words and what the events carry.

// A thread as findings name it.
struct ThreadRef
{
    qint64 pid = 0;
    qint64 tid = 0;
    QString name;
    bool operator==(const ThreadRef &other) const { return pid == other.pid && tid == other.tid; }
};

// One thread of a deadlock, in cycle order.
struct CycleMember
{
    ThreadRef thread;
    WaitKind waitKind = WaitKind::None;
    qint64 waitObject = 0;
    QString object;          // the waited-for object's label: "L2", "Q1", "4711" (a child's PID), "P1"
    QString waitsFor;        // "lock L2", "queue Q1 (full)", "child 4711", "pipe P1 (full)", …
    qint64 heldBy = 0;       // the lock's owner; for other waits the next member of the cycle that could release it
    QList<qint64> releasers; // every member of the cycle that could release this wait (one for an AND wait)
    QStringList locksHeld;   // labels of the locks it holds, in acquisition order
};

// A set of threads that can never go on: every one of them is blocked, and every thread that could release any of
// them is blocked in the same set (a cycle of single waits, or a knot when a wait has several possible releasers).
struct DeadlockCycle
{
    QList<CycleMember> members;     // in cycle order, starting at the smallest TID
    QList<ThreadRef> blockedBehind; // blocked threads outside the cycle that wait, directly or not, on its members
    QList<qint64> tids() const;     // the members' TIDs sorted ascending: the cycle's identity across ticks
};

// A lock held by a thread or process that is gone: its waiters can never get it (a non-robust mutex).
struct OwnerDeadLock
{
    qint64 lockId = 0;
    QString lock; // label, e.g. "L1"
    qint64 ownerPid = 0;
    qint64 ownerTid = 0;
    QList<ThreadRef> waiters;
};

// One lock order as seen: `to` was taken (or requested) while `from` was held.
struct LockOrder
{
    qint64 from = 0;
    qint64 to = 0;
    QList<ThreadRef> seenBy; // the first few threads that took the locks in this order
    double firstSeen = 0;    // session time
};

// A cycle in the lock-order graph: a potential deadlock, whether or not anything hangs. For two locks it is the
// pair of opposite orders A→B and B→A; for a ring of n locks the n orders that close it.
struct LockOrderInversion
{
    QList<LockOrder> orders; // in cycle order: orders[i].to == orders[i+1].from
};

// The telemetry and the kernel disagree on what a thread waits for (see FutexMapping).
struct FutexMismatch
{
    ThreadRef thread;
    WaitKind telemetryKind = WaitKind::None;
    qint64 telemetryObject = 0;
    FutexObservation futex;
};
