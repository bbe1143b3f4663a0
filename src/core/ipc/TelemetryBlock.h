#pragma once

#include "SharedLock.h"
#include "SharedMemory.h"
#include "SharedQueue.h"
#include "TelemetrySnapshot.h"
#include "ThreadTelemetry.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

struct TelemetryHeader;
struct TelemetrySlotRecord;
struct SharedLockRecord;
struct StepRecord;

// What one experiment's telemetry block holds.
struct TelemetryBlockSpec
{
    int slotCount = 64;            // thread slots, 1 … TelemetryLayout::maxSlots
    QStringList lockNames;         // the named locks ("L1", "L2", …), 0 … maxLocks, ≤ 15 bytes each
    bool robustLocks = false;      // PTHREAD_MUTEX_ROBUST for every named lock
    QList<SharedQueueSpec> queues; // 0 … TelemetryLayout::maxQueues queues placed in the same memfd
};

// The shared memory of one experiment: a versioned block (magic, version, counts) in one sealed memfd, holding a
// slot per lab thread, the lab's named locks and its queues. The supervisor create()s it and passes the fd to
// every proclab-worker of the experiment, which attach()es; the sampler reads it with snapshot() — plain loads
// from the mapping, no system call — every tick.
//
// Movable, not copyable. queue(), lock() and claimSlot() hand out views into the mapping: they must not outlive
// the block. Everything else is thread-safe and process-safe.
class TelemetryBlock
{
    Q_DECLARE_TR_FUNCTIONS(TelemetryBlock)
public:
    TelemetryBlock() = default;
    TelemetryBlock(TelemetryBlock &&other) noexcept = default;
    TelemetryBlock &operator=(TelemetryBlock &&other) noexcept = default;
    TelemetryBlock(const TelemetryBlock &) = delete;
    TelemetryBlock &operator=(const TelemetryBlock &) = delete;
    ~TelemetryBlock();

    // A new block; invalid with errorString() when the spec is out of range or the memfd cannot be made.
    static TelemetryBlock create(const TelemetryBlockSpec &spec);
    // Opens a block made by create() in another process (fd inherited or passed by number). Refuses a wrong
    // magic, version, record size or total size.
    static TelemetryBlock attach(int fd, SharedMemory::FdOwnership ownership = SharedMemory::FdOwnership::Adopt);

    bool isValid() const { return m_header != nullptr; }
    QString errorString() const { return m_error; }
    int fd() const { return m_region.fd(); }
    int slotCount() const;
    int lockCount() const { return int(m_locks.size()); }
    int queueCount() const { return int(m_queues.size()); }

    // Views on the block's queues and locks; null / invalid for an index out of range.
    SharedQueue *queue(int index);
    SharedLock lock(int index) const;
    // The index of the lock named `name`, or -1.
    int lockIndex(const QString &name) const;

    // A slot for the calling thread (its PID and TID, the given role, state Idle). Takes a never-used slot first,
    // then one whose thread exited. Invalid handle when every slot is live.
    ThreadTelemetry claimSlot(const QString &role);
    // After the supervisor reaped process `pid`: marks its still-live slots Exited (a SIGKILLed process cannot),
    // takes its threads off the lock waiter lists (those threads that had a slot: the list holds TIDs only) and
    // off the queues' blocked counts (by PID). A lock or queue mutex it died
    // holding keeps showing it as owner — that is the truth the lesson shows (the mutex is still held by a dead
    // thread) until a robust lock's next locker repairs it. Returns the number of slots released.
    int releaseSlotsOf(pid_t pid);
    // The step-mode record of slot `slot` (StepControl writes its grants), or null out of range.
    StepRecord *stepRecord(int slot) const;

    // Everything at once, as plain values; never blocks for long: a slot whose writer is mid-update is retried, and
    // left out of this snapshot if it stays so for 2 ms (a writer killed mid-write leaves its sequence odd until
    // releaseSlotsOf(), one preempted mid-write until it runs again).
    TelemetrySnapshot snapshot() const;

private:
    bool openLayout();
    TelemetrySlotRecord *slotRecord(int index) const;
    SharedLockRecord *lockRecord(int index) const;

    SharedMemory m_region;
    TelemetryHeader *m_header = nullptr;
    std::vector<SharedQueue> m_queues;
    std::vector<SharedLock> m_locks;
    QString m_error;
};
