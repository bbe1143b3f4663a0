#pragma once

#include <cstdint>

// The time base of a session: t = 0 at start(), read from CLOCK_MONOTONIC so that wall-clock jumps never reorder
// events; startUnix() is the wall-clock time of t = 0 for the file's header.
class SessionClock
{
public:
    SessionClock();
    void restart();
    // Seconds since start, microsecond resolution.
    double now() const;
    // Seconds since start for a CLOCK_MONOTONIC reading in nanoseconds.
    double at(int64_t monotonicNs) const;
    // Seconds since the epoch at t = 0.
    double startUnix() const { return m_startUnix; }

    static int64_t monotonicNs();

private:
    int64_t m_startMonotonicNs = 0;
    double m_startUnix = 0;
};
