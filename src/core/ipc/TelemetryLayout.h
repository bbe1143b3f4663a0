#pragma once

#include <pthread.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <type_traits>

// The layout of a telemetry block in shared memory — an ABI between the supervisor and every proclab-worker of the
// same build, and the reason for the magic and version: a block from another build is refused, not misread.
//
//   TelemetryHeader                     (one, 64-byte aligned)
//   TelemetrySlotRecord[slotCount]      (one per thread, each on its own cache lines: every owner writes its own)
//   SharedLockRecord[lockCount]         (the lab's named locks L1, L2, …)
//   queues                              (SharedQueue layouts at queueOffsets[i], each queueBytes[i] long)
//
// Fields written only while the block is created (before its fd is handed to anybody) are plain; everything
// written later is a lock-free std::atomic, so two processes and the sampler read and write them without a torn
// value and without undefined behaviour. No standalone fences: g++ 12 refuses atomic_thread_fence under TSan, so
// the seqlocks use release stores and acquire loads on the fields themselves.
namespace TelemetryLayout {
inline constexpr std::uint32_t magic = 0x42544c50;  // "PLTB" in memory on little-endian
inline constexpr std::uint32_t version = 2; // 2: StepRecord in every slot
inline constexpr int roleBytes = 16;      // 15 bytes of UTF-8 + NUL, like an OS thread name
inline constexpr int lockNameBytes = 16;
inline constexpr int maxHeldLocks = 8;    // a thread's held locks in acquisition order (lock-order analysis)
inline constexpr int maxLockWaiters = 16; // waiter TIDs listed per lock; waiterCount keeps counting past it
inline constexpr int maxQueues = 8;
inline constexpr int maxSlots = 4096;
inline constexpr int maxLocks = 64;

// Slot occupancy, claimed by compare-and-swap.
inline constexpr std::uint32_t slotFree = 0;
inline constexpr std::uint32_t slotLive = 1;
inline constexpr std::uint32_t slotExited = 2;

// A lock owner packed into one word so that PID and TID are never read from two different owners.
inline constexpr std::uint64_t packOwner(std::int32_t pid, std::int32_t tid)
{
    return (std::uint64_t(std::uint32_t(pid)) << 32) | std::uint32_t(tid);
}
inline constexpr std::int32_t ownerPid(std::uint64_t packed) { return std::int32_t(packed >> 32); }
inline constexpr std::int32_t ownerTid(std::uint64_t packed) { return std::int32_t(packed & 0xffffffffu); }
} // namespace TelemetryLayout

struct alignas(64) TelemetryHeader
{
    std::uint32_t magic;
    std::uint32_t version;
    std::uint32_t headerBytes; // sizeof(TelemetryHeader) of the writer
    std::uint32_t slotBytes;   // sizeof(TelemetrySlotRecord)
    std::uint32_t lockBytes;   // sizeof(SharedLockRecord)
    std::uint32_t slotCount;
    std::uint32_t lockCount;
    std::uint32_t queueCount;
    std::uint64_t totalBytes;
    std::uint64_t slotsOffset;
    std::uint64_t locksOffset;
    std::uint64_t queueOffsets[TelemetryLayout::maxQueues];
    std::uint64_t queueBytes[TelemetryLayout::maxQueues];
    std::atomic<std::uint32_t> claimedSlots; // slots ever claimed (a hint for readers; never decreases)
};

// Step mode (proclab run --schedule, the window's stepping): a stepping thread parks before each of its lesson's
// actions until the supervisor grants it a step. Outside the slot's seqlock: the supervisor writes `grants` and
// `free`, the thread everything else, each field on its own; `grants` is the futex word the thread sleeps on
// (process-shared: the memfd is mapped MAP_SHARED in every process).
struct StepRecord
{
    std::atomic<std::int32_t> number;     // the thread's 1-based number in the experiment; 0: not stepping
    std::atomic<std::uint32_t> grants;    // steps granted so far (supervisor; futex word)
    std::atomic<std::uint32_t> taken;     // steps the thread has started (taken ≤ grants unless free)
    std::atomic<std::uint32_t> completed; // steps the thread has finished
    std::atomic<std::uint32_t> parked;    // 1 while waiting for a grant before `action`
    std::atomic<std::uint32_t> free;      // 1: run on without grants (supervisor)
    std::atomic<std::uint32_t> action;    // StepAction of the step it waits before (or is inside)
    std::atomic<std::int64_t> object;     // the lock or queue index the action is on; -1 none
    std::atomic<std::int64_t> value;      // a value known before the step (race store: the value it will write)
    std::atomic<std::int64_t> result;     // the value of the last finished step (race: loaded or stored)
};

// One thread's record. Single writer (the thread that claimed it) under a seqlock: `sequence` is odd while a
// write is in progress; a reader retries until it reads the same even value before and after.
struct alignas(64) TelemetrySlotRecord
{
    std::atomic<std::uint32_t> sequence;
    std::atomic<std::uint32_t> occupancy; // slotFree / slotLive / slotExited, outside the seqlock (CAS)
    std::atomic<std::int32_t> pid;
    std::atomic<std::int32_t> tid;
    std::atomic<std::uint64_t> role[TelemetryLayout::roleBytes / 8]; // UTF-8 bytes packed little-endian
    std::atomic<std::uint32_t> state;                                // ThreadState
    std::atomic<std::uint32_t> heldLockCount;
    std::atomic<std::int64_t> waitObject;   // lock index, queue index, child PID; -1 for none
    std::atomic<std::int64_t> stateSinceNs; // CLOCK_MONOTONIC of the last state change
    std::atomic<std::uint64_t> itemsDone;
    std::atomic<std::uint64_t> lockAcquisitions;
    std::atomic<std::uint64_t> waits;       // times the thread entered a Wait* state
    std::atomic<std::uint64_t> waitedNs;    // total time spent in Wait* states, up to the last one that ended
    std::atomic<std::int32_t> heldLocks[TelemetryLayout::maxHeldLocks]; // lock indices, acquisition order
    StepRecord step;
};

// One named lock of the lab. The mutex is process-shared (robust when the block was made so); the other fields
// describe it for the deadlock and lock-order analysis and are written by whoever takes, waits for or releases it.
struct alignas(64) SharedLockRecord
{
    pthread_mutex_t mutex;
    char name[TelemetryLayout::lockNameBytes]; // written at creation only
    std::uint32_t robust;                      // written at creation only
    std::atomic<std::uint64_t> owner;          // packOwner(pid, tid); 0 when free
    std::atomic<std::uint32_t> waiterCount;    // threads waiting now
    std::atomic<std::uint32_t> notRecoverable;
    std::atomic<std::int32_t> waiters[TelemetryLayout::maxLockWaiters]; // TIDs; 0 = empty entry
    std::atomic<std::uint64_t> acquisitions;
    std::atomic<std::uint64_t> ownerDeaths;
    std::atomic<std::uint64_t> lastDeadOwner; // packOwner of the last owner that died holding it
};

static_assert(std::atomic<std::uint32_t>::is_always_lock_free && std::atomic<std::uint64_t>::is_always_lock_free
                  && std::atomic<std::int32_t>::is_always_lock_free && std::atomic<std::int64_t>::is_always_lock_free,
              "shared-memory atomics must be lock-free: a lock inside libatomic is not shared between processes");
static_assert(std::is_standard_layout_v<TelemetryHeader> && std::is_standard_layout_v<TelemetrySlotRecord>
                  && std::is_standard_layout_v<SharedLockRecord>,
              "shared-memory records must be standard layout");
static_assert(sizeof(TelemetrySlotRecord) % 64 == 0 && sizeof(SharedLockRecord) % 64 == 0);
