#include "SessionClock.h"

#include <ctime>

SessionClock::SessionClock()
{
    restart();
}

void SessionClock::restart()
{
    timespec wall{};
    clock_gettime(CLOCK_REALTIME, &wall);
    m_startMonotonicNs = monotonicNs();
    m_startUnix = double(wall.tv_sec) + double(wall.tv_nsec) / 1e9;
}

double SessionClock::now() const
{
    return at(monotonicNs());
}

double SessionClock::at(int64_t monotonicNs) const
{
    return double(monotonicNs - m_startMonotonicNs) / 1e9;
}

int64_t SessionClock::monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}
