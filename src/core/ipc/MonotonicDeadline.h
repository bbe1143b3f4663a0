#pragma once

#include "IpcWait.h"

#include <time.h>

#include <chrono>
#include <cstdint>
#include <optional>

// A point on CLOCK_MONOTONIC after which a wait gives up, sliced so that stop requests are noticed.
//
// CLOCK_MONOTONIC, not CLOCK_REALTIME: a wall-clock step (NTP, the user) must not stretch or cut a wait. The
// conditions of SharedQueue sleep with FUTEX_WAIT_BITSET (absolute, CLOCK_MONOTONIC) and locks use
// pthread_mutex_clocklock(CLOCK_MONOTONIC), so the absolute times built here are on the same clock.
//
// Lazy: the clock is first read when a method is called, so an object made on a fast path that never waits costs
// nothing, and the timeout counts from the moment the caller first had to wait.
class MonotonicDeadline
{
public:
    // No timeout means "never".
    explicit MonotonicDeadline(std::optional<std::chrono::nanoseconds> timeout);

    // CLOCK_MONOTONIC in nanoseconds.
    static std::int64_t nowNs();
    // True when a timeout was given and it has passed.
    bool expired() const;
    // Nanoseconds left (0 when expired); INT64_MAX without a timeout.
    std::int64_t remainingNs() const;
    // The absolute time of the next wake-up: the deadline, or now + WaitOptions::stopLatency if that is earlier.
    timespec nextSlice() const;
    // Milliseconds until nextSlice(), for poll(); at least 0.
    int nextSliceMs() const;

private:
    void start() const;

    std::optional<std::chrono::nanoseconds> m_timeout;
    mutable bool m_started = false;
    mutable std::int64_t m_deadlineNs = 0; // INT64_MAX: none
};
