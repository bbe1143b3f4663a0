#pragma once

#include "QueueStats.h"
#include "StepAction.h"
#include "ThreadState.h"

#include <QList>
#include <QString>

#include <sys/types.h>

#include <cstdint>

// Plain values read from a TelemetryBlock at one moment, for the sampler and the analysis. Nothing here points
// into shared memory.

// A stepping thread's step-mode record (StepRecord), read field by field.
struct StepSample
{
    int number = 0;                 // 1-based number in the experiment; 0: not stepping
    std::uint32_t grants = 0;       // steps granted
    std::uint32_t taken = 0;        // steps started
    std::uint32_t completed = 0;    // steps finished
    bool parked = false;            // waiting for a grant before `action`
    bool free = false;              // running without grants
    StepAction action = StepAction::None;
    std::int64_t object = -1;
    std::int64_t value = 0;
    std::int64_t result = 0;
    // Parked before its next step with every grant used: a grant now is taken at once.
    bool waitingForGrant() const { return parked && !free && taken == grants && completed == taken; }
};

// One thread slot. Read under the slot's seqlock: all fields come from the same write.
struct ThreadTelemetrySample
{
    int slot = -1;
    pid_t pid = 0;
    pid_t tid = 0;
    QString role;                          // "producer-3"
    ThreadState state = ThreadState::Idle;
    std::int64_t waitObject = -1;          // lock index, queue index or child PID (see ThreadState); -1 none
    std::int64_t stateSinceNs = 0;         // CLOCK_MONOTONIC of the last state change
    std::uint64_t itemsDone = 0;
    std::uint64_t lockAcquisitions = 0;
    std::uint64_t waits = 0;
    std::uint64_t waitedNs = 0;
    QList<int> heldLocks;                  // lock indices in the order they were taken
    bool exited = false;                   // the slot was released (ThreadState::Exited)
    StepSample step;
};

// One named lock. owner and lastDeadOwner are each read as one word; the waiter list is a best-effort picture
// (entries are written by the waiters themselves): the analysis should trust a wait that persists over two reads.
struct LockSample
{
    int index = -1;
    QString name;                 // "L1"
    bool robust = false;
    pid_t ownerPid = 0;           // 0 when free
    pid_t ownerTid = 0;
    int waiterCount = 0;          // threads waiting now (may exceed waiterTids.size())
    QList<pid_t> waiterTids;
    std::uint64_t acquisitions = 0;
    std::uint64_t ownerDeaths = 0;
    pid_t lastDeadOwnerPid = 0;
    pid_t lastDeadOwnerTid = 0;
    bool notRecoverable = false;
};

struct TelemetrySnapshot
{
    std::int64_t takenNs = 0;             // CLOCK_MONOTONIC
    QList<ThreadTelemetrySample> threads; // claimed slots only (live and exited), in slot order
    QList<LockSample> locks;              // every lock, in index order
    QList<QueueStats> queues;             // every queue, in index order
};
