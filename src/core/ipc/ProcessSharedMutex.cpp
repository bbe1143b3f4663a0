#include "ProcessSharedMutex.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>

int ProcessSharedMutex::initialize(pthread_mutex_t *mutex, bool robust, Kind kind)
{
    pthread_mutexattr_t attributes;
    int error = pthread_mutexattr_init(&attributes);
    if (error != 0)
        return error;
    error = pthread_mutexattr_setpshared(&attributes, PTHREAD_PROCESS_SHARED);
    if (error == 0 && robust)
        error = pthread_mutexattr_setrobust(&attributes, PTHREAD_MUTEX_ROBUST);
    if (error == 0)
        error = pthread_mutexattr_settype(&attributes,
                                          kind == Kind::Adaptive ? PTHREAD_MUTEX_ADAPTIVE_NP : PTHREAD_MUTEX_ERRORCHECK);
    if (error == 0)
        error = pthread_mutex_init(mutex, &attributes);
    pthread_mutexattr_destroy(&attributes);
    return error;
}

namespace {
ProcessSharedMutex::Outcome outcomeOf(int code, int *error)
{
    switch (code) {
    case 0:
        return ProcessSharedMutex::Outcome::Acquired;
    case EBUSY:
        return ProcessSharedMutex::Outcome::Busy;
    case EOWNERDEAD:
        return ProcessSharedMutex::Outcome::OwnerDied;
    case ENOTRECOVERABLE:
        return ProcessSharedMutex::Outcome::NotRecoverable;
    default:
        if (error)
            *error = code;
        return ProcessSharedMutex::Outcome::Failed;
    }
}

int lockUntilNextSlice(pthread_mutex_t *mutex, const MonotonicDeadline &deadline)
{
#if defined(__SANITIZE_THREAD__)
    // GCC 12's ThreadSanitizer has no interceptor for pthread_mutex_clocklock (glibc 2.30): a mutex taken that way
    // is invisible to it, and every later unlock is reported as an unlock of an unlocked mutex. The sanitizer build
    // uses pthread_mutex_timedlock on CLOCK_REALTIME for one slice instead; only there can a wall-clock step stretch
    // a slice.
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    const std::int64_t sliceNs = std::min<std::int64_t>(deadline.remainingNs(),
                                                        std::chrono::nanoseconds(WaitOptions::stopLatency).count());
    const std::int64_t at = std::int64_t(now.tv_sec) * 1'000'000'000 + now.tv_nsec + sliceNs;
    const timespec wakeAt{time_t(at / 1'000'000'000), long(at % 1'000'000'000)};
    return pthread_mutex_timedlock(mutex, &wakeAt);
#else
    const timespec wakeAt = deadline.nextSlice();
    return pthread_mutex_clocklock(mutex, CLOCK_MONOTONIC, &wakeAt);
#endif
}
} // namespace

ProcessSharedMutex::Outcome ProcessSharedMutex::tryLock(pthread_mutex_t *mutex, int *error)
{
    return outcomeOf(pthread_mutex_trylock(mutex), error);
}

ProcessSharedMutex::Outcome ProcessSharedMutex::waitLock(pthread_mutex_t *mutex, const WaitOptions &options,
                                                         MonotonicDeadline &deadline, int *error)
{
    for (;;) {
        if (options.stop.stop_requested())
            return Outcome::Stopped;
        if (deadline.expired())
            return Outcome::Timeout;
        const int code = lockUntilNextSlice(mutex, deadline);
        if (code != ETIMEDOUT)
            return outcomeOf(code, error);
    }
}

int ProcessSharedMutex::markConsistent(pthread_mutex_t *mutex)
{
    return pthread_mutex_consistent(mutex);
}

int ProcessSharedMutex::unlock(pthread_mutex_t *mutex)
{
    return pthread_mutex_unlock(mutex);
}
