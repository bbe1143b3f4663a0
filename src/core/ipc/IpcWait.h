#pragma once

#include <chrono>
#include <optional>
#include <stop_token>

class ThreadTelemetry;

// How a blocking IPC call ended. Shared by SharedQueue, SharedLock and PipeChannel.
enum class IpcStatus {
    Ok,             // the item was put or got, the lock taken
    Timeout,        // WaitOptions::timeout passed first (a zero timeout: the call would have blocked)
    Stopped,        // the caller's stop token was triggered, or the queue was shut down
    Closed,         // PipeChannel only: every write end is closed (end of file) or the read end is gone
    NotRecoverable, // a robust mutex whose earlier owner died without repair (ENOTRECOVERABLE); the object is dead
    Failed,         // an unexpected error from the kernel or glibc (the errno is kept by the object)
};

// How long a blocking IPC call may wait, and who can interrupt it.
//
// Default: wait forever, no stop, no telemetry. A call that has to block and was given a telemetry handle sets
// that thread's semantic state (WaitQueueFull, WaitLock, …) for as long as it waits and back to the state it had
// before after, so the sampler can say why the thread is blocked; a call that does not block leaves it alone.
//
// Cooperative stop: POSIX cannot kill one thread from outside, so a waiting call looks at `stop` at least every
// WaitOptions::stopLatency and returns IpcStatus::Stopped once it is requested; a std::stop_callback also wakes it
// at once where the object supports it (SharedQueue). A thread blocked on a non-robust mutex whose owner died is
// stoppable this way too, because locks are taken in time slices.
struct WaitOptions
{
    // Longest total wait; std::nullopt waits forever; zero tries once without blocking.
    std::optional<std::chrono::nanoseconds> timeout;
    // Requested stop ends the wait with IpcStatus::Stopped (checked before blocking too).
    std::stop_token stop;
    // The calling thread's telemetry slot, or null.
    ThreadTelemetry *telemetry = nullptr;

    // Upper bound for noticing a stop request where nothing wakes the waiter at once (a lock wait, a pipe poll), and
    // the longest single sleep of any wait: every wait re-checks its stop token and deadline at least this often.
    static constexpr std::chrono::milliseconds stopLatency{100};
};

// A stable lower-case name of a status ("ok", "timeout", …) for logs and session files.
const char *ipcStatusName(IpcStatus status);
