#pragma once

#include "IpcWait.h"
#include "TelemetrySnapshot.h"

struct SharedLockRecord;

// One of the lab's named locks (L1, L2, …) in a TelemetryBlock: a process-shared mutex, robust when the block was
// made so, that also publishes who holds it and who waits for it — so the deadlock analysis reads "TID 812 waits
// for L2, held by TID 811" from shared memory, with no system call and no ptrace.
//
// A handle (view) into the block's mapping; it must not outlive the TelemetryBlock. Copyable (it is only a
// pointer). lock() and unlock() are called by the thread that takes the lock.
class SharedLock
{
public:
    SharedLock() = default;

    bool isValid() const { return m_record != nullptr; }
    int index() const { return m_index; }
    QString name() const;
    bool isRobust() const;

    // Takes the lock. Uncontended: one compare-and-swap. Contended: the calling TID is entered in the waiter list,
    // the thread's telemetry (options.telemetry) says WaitLock on this index, and it waits as `options` allow
    // (a dead non-robust owner keeps it waiting until the timeout, a stop request or a kill). Once held: the owner
    // (PID, TID) is published, acquisitions counted, the telemetry back to Working with the lock in its held list.
    // Robust lock whose owner died holding it: the lock is made consistent at once (it guards no state of its
    // own), ownerDeaths and lastDeadOwner are recorded, *ownerDied (if given) set, and the result is Ok.
    // Returns Ok, Timeout, Stopped, NotRecoverable or Failed.
    IpcStatus lock(const WaitOptions &options = {}, bool *ownerDied = nullptr);
    // Releases a lock the calling thread holds; removes it from the telemetry's held list. Ok or Failed (EPERM:
    // not the owner, for robust locks).
    IpcStatus unlock(ThreadTelemetry *telemetry = nullptr);

    // The lock's published state, read without taking it.
    LockSample sample() const;

private:
    friend class TelemetryBlock;
    SharedLock(SharedLockRecord *record, int index);
    void addWaiter(pid_t tid);
    void removeWaiter(pid_t tid);

    SharedLockRecord *m_record = nullptr;
    int m_index = -1;
};
