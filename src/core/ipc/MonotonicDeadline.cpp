#include "MonotonicDeadline.h"

#include <algorithm>
#include <limits>

namespace {
constexpr std::int64_t noDeadline = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t nsPerSecond = 1'000'000'000;
} // namespace

MonotonicDeadline::MonotonicDeadline(std::optional<std::chrono::nanoseconds> timeout)
    : m_timeout(timeout)
{
}

void MonotonicDeadline::start() const
{
    if (m_started)
        return;
    m_started = true;
    m_deadlineNs = m_timeout ? nowNs() + std::max<std::int64_t>(0, m_timeout->count()) : noDeadline;
}

std::int64_t MonotonicDeadline::nowNs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return std::int64_t(now.tv_sec) * nsPerSecond + now.tv_nsec;
}

bool MonotonicDeadline::expired() const
{
    start();
    return m_deadlineNs != noDeadline && nowNs() >= m_deadlineNs;
}

std::int64_t MonotonicDeadline::remainingNs() const
{
    start();
    if (m_deadlineNs == noDeadline)
        return noDeadline;
    return std::max<std::int64_t>(0, m_deadlineNs - nowNs());
}

timespec MonotonicDeadline::nextSlice() const
{
    start();
    const std::int64_t slice = std::chrono::nanoseconds(WaitOptions::stopLatency).count();
    const std::int64_t wake = std::min(m_deadlineNs, nowNs() + slice);
    return timespec{time_t(wake / nsPerSecond), long(wake % nsPerSecond)};
}

int MonotonicDeadline::nextSliceMs() const
{
    const std::int64_t slice = std::chrono::nanoseconds(WaitOptions::stopLatency).count();
    const std::int64_t wait = std::min(remainingNs(), slice);
    // Round up: poll() with 0 ms for 0.4 ms left would spin.
    return int((wait + 999'999) / 1'000'000);
}
