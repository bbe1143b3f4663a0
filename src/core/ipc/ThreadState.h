#pragma once

#include <QString>

#include <cstdint>

// What a lab thread says it is doing, written to its telemetry slot. The kernel only knows "sleeping on a futex";
// this says which queue or lock, so the GUI can write "queue full" or "lock L2 held by TID 812".
//
// The values are part of the telemetry block's layout (TelemetryLayout::version): append, never renumber.
enum class ThreadState : std::uint32_t {
    Idle = 0,           // started, nothing to do yet
    Working = 1,        // doing its work (CPU or otherwise not waiting on a lab object)
    WaitQueueFull = 2,  // waitObject = queue index
    WaitQueueEmpty = 3, // waitObject = queue index
    WaitLock = 4,       // waitObject = lock index
    WaitChild = 5,      // waitObject = child PID
    WaitPipeWrite = 6,  // waitObject = channel index
    WaitPipeRead = 7,   // waitObject = channel index
    Sleeping = 8,       // a deliberate sleep (io role, rate limiting)
    Exited = 9,         // the thread has finished; the slot keeps its last counters
    WaitQueueLock = 10, // waitObject = queue index: blocked on the queue's own mutex (its owner may be dead)
};

// Lower-case stable names for session files: "idle", "working", "wait_queue_full", "wait_queue_empty",
// "wait_lock", "wait_child", "wait_pipe_write", "wait_pipe_read", "sleeping", "exited", "wait_queue_lock".
QString threadStateName(ThreadState state);
// The inverse of threadStateName(); false for an unknown name.
bool threadStateFromName(const QString &name, ThreadState *state);
// True for the Wait* states (the thread is blocked on a lab object).
bool isWaitState(ThreadState state);
// The numeric value read from shared memory, or Idle for a value this build does not know (a newer writer).
ThreadState threadStateFromRaw(std::uint32_t raw);
