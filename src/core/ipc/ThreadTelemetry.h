#pragma once

#include "ThreadState.h"

#include <QString>

#include <sys/types.h>

#include <cstdint>

struct StepRecord;
struct TelemetrySlotRecord;

// The writing end of one thread's telemetry slot: what the thread says about itself, for the sampler.
//
// Got from TelemetryBlock::claimSlot() by the thread it describes, and used only by that thread (single writer:
// each write is one seqlock round, a handful of plain stores on x86, no system call). Readers use
// TelemetryBlock::snapshot(). The handle points into the block's mapping and must not outlive the TelemetryBlock.
// Movable, not copyable; destroying a valid handle marks the slot Exited (the counters stay readable).
class ThreadTelemetry
{
public:
    ThreadTelemetry() = default;
    ~ThreadTelemetry();
    ThreadTelemetry(ThreadTelemetry &&other) noexcept;
    ThreadTelemetry &operator=(ThreadTelemetry &&other) noexcept;
    ThreadTelemetry(const ThreadTelemetry &) = delete;
    ThreadTelemetry &operator=(const ThreadTelemetry &) = delete;

    bool isValid() const { return m_slot != nullptr; }
    int slotIndex() const { return m_index; }
    // The state last written through this handle.
    ThreadState state() const { return m_state; }
    std::int64_t waitObject() const { return m_waitObject; }

    // Records the state and what the thread waits on (-1: nothing). Entering a Wait* state from one that is not
    // counts one wait (moving between waits inside one blocking call does not);
    // leaving one adds the time spent to waitedNs. Writing the same state and object again changes nothing.
    void setState(ThreadState state, std::int64_t waitObject = -1);
    // Counts finished work items (items put or got, loops of a cpu thread, …).
    void addItems(std::uint64_t count = 1);
    // The thread now holds lock `lockIndex`: appended to the held list (acquisition order; beyond maxHeldLocks only
    // counted) and lockAcquisitions incremented. SharedLock calls this itself when given the handle.
    void noteLockAcquired(int lockIndex);
    // The thread released `lockIndex`: removed from the held list wherever it is (unlock order may differ).
    void noteLockReleased(int lockIndex);
    // Renames the role (at most 15 bytes of UTF-8; cut at a character boundary).
    void setRole(const QString &role);
    // Final state: Exited, nothing held. The slot can be claimed again by another thread; the handle becomes
    // invalid.
    void markExited();
    // The slot's step-mode record (StepGate's), null for an invalid handle.
    StepRecord *stepRecord() const;

private:
    friend class TelemetryBlock;
    ThreadTelemetry(TelemetrySlotRecord *slot, int index);
    // Fills a freshly claimed slot: identity, role, state Idle, counters zero.
    void start(pid_t pid, pid_t tid, const QString &role);
    void beginWrite();
    void endWrite();
    void writeRole(const QString &role);

    TelemetrySlotRecord *m_slot = nullptr;
    int m_index = -1;
    std::uint32_t m_sequence = 0;
    ThreadState m_state = ThreadState::Idle;
    std::int64_t m_waitObject = -1;
    std::int64_t m_stateSinceNs = 0;
    int m_heldCount = 0;
};
