#pragma once

#include "IpcWait.h"
#include "MonotonicDeadline.h"

#include <pthread.h>

// A pthread mutex that lives in shared memory and can be used by several processes (PTHREAD_PROCESS_SHARED),
// optionally robust (PTHREAD_MUTEX_ROBUST). Stateless helpers over a pthread_mutex_t the caller placed in a
// MAP_SHARED mapping; SharedQueue and SharedLock build on it.
//
// Robust: when the owner dies (a SIGKILL while holding it), the kernel walks the dead thread's robust list, marks
// the futex FUTEX_OWNER_DIED and wakes one waiter, whose lock call returns EOWNERDEAD. That caller then owns the
// mutex and must repair what it protects and call pthread_mutex_consistent(); unlocking without doing so makes the
// mutex ENOTRECOVERABLE for everybody. Not robust: the waiters sleep until they are killed or time out.
//
// glibc 2.36 quirk: the first lock call that reports ENOTRECOVERABLE leaves the lock word set (its trylock takes
// the word, sees the owner field, and returns without clearing it), so later calls see the mutex as merely busy and
// wait. Callers must remember NotRecoverable themselves: SharedQueue and SharedLock keep a flag in shared memory and
// check it before trying.
class ProcessSharedMutex
{
public:
    enum class Outcome {
        Busy,           // tryLock() only: somebody else holds it
        Acquired,       // now held
        OwnerDied,      // now held, EOWNERDEAD: the caller must repair and then call markConsistent()
        Timeout,        // the WaitOptions timeout passed
        Stopped,        // stop requested
        NotRecoverable, // ENOTRECOVERABLE
        Failed,         // another error; errno-style code in *error
    };

    enum class Kind {
        // PTHREAD_MUTEX_ADAPTIVE_NP: spins briefly before sleeping in the kernel. For the queue's mutex, held for
        // a few hundred nanoseconds at a time, where a futex sleep and wake would cost far more than the wait.
        Adaptive,
        // PTHREAD_MUTEX_ERRORCHECK: unlocking a mutex one does not hold fails with EPERM and relocking one's own
        // with EDEADLK instead of undefined behaviour — for the lab's named locks, which user commands drive.
        ErrorCheck,
    };
    // Initialises *mutex in place as process-shared, robust when asked. Returns 0 or an errno value.
    static int initialize(pthread_mutex_t *mutex, bool robust, Kind kind);
    // One attempt that never blocks (no clock read, no system call when the mutex is free): Busy, Acquired,
    // OwnerDied, NotRecoverable or Failed. Callers try first and only then announce that they wait (telemetry,
    // waiter lists), so the uncontended path stays a single compare-and-swap.
    static Outcome tryLock(pthread_mutex_t *mutex, int *error = nullptr);
    // Waits for the mutex: pthread_mutex_clocklock on CLOCK_MONOTONIC in slices of WaitOptions::stopLatency, so a
    // stop request or the timeout end the wait even when the owner died holding a non-robust mutex. `deadline` is
    // the caller's (shared with a condvar wait that may follow, so the timeout covers both). Never Busy.
    // `*error` (may be null) receives the errno value of Failed.
    static Outcome waitLock(pthread_mutex_t *mutex, const WaitOptions &options, MonotonicDeadline &deadline,
                            int *error = nullptr);
    // pthread_mutex_consistent() after OwnerDied and the repair. Returns 0 or an errno value.
    static int markConsistent(pthread_mutex_t *mutex);
    // Releases the mutex. Returns 0 or an errno value.
    static int unlock(pthread_mutex_t *mutex);
};
