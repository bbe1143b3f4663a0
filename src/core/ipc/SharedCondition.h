#pragma once

#include <time.h>

#include <atomic>
#include <cstdint>

// A condition variable for threads of several processes: a sequence word in shared memory and the futex system
// call on it. SharedQueue's "not full" and "not empty" are two of these.
//
// Why not a process-shared pthread_cond_t: glibc 2.36's condvar keeps a per-group reference count (__g_refs) that
// each waiter raises around its futex wait. A waiter SIGKILLed there never lowers it, and the next
// pthread_cond_signal that has to switch groups waits in __condvar_quiesce_and_switch_g1 for it to drop — for ever,
// while holding the queue's mutex. Seen on this machine with two consumers killed while blocked on an empty queue
// (tst_ipcprocesses::killedWaiterIsForgotten); killing blocked processes is what the lab does. Here a dead waiter
// holds nothing: the kernel drops it from the futex's wait queue when it dies, and a wake goes to a live one.
//
// Protocol (the caller holds its mutex around the check):
//     ticket = ticket(word); if (!condition) { unlock; sleep(word, ticket, wakeAt); relock; re-check }
//     notifier, after changing the condition: notifyOne(word) or notifyAll(word)
// A notification between ticket() and sleep() changes the word, so the futex wait returns at once: nothing is lost,
// even when the notifier does not hold the mutex (a stop request). Spurious wake-ups happen; callers re-check.
class SharedCondition
{
public:
    // The value to pass to sleep(); read before the caller checks its condition for the last time.
    static std::uint32_t ticket(const std::atomic<std::uint32_t> &word);
    // Sleeps until a notification after ticket(), or until wakeAt (absolute CLOCK_MONOTONIC), or a signal.
    static void sleep(std::atomic<std::uint32_t> &word, std::uint32_t ticket, const timespec &wakeAt);
    // Wakes one sleeper (a live one: the kernel forgets dead ones).
    static void notifyOne(std::atomic<std::uint32_t> &word);
    // Wakes every sleeper.
    static void notifyAll(std::atomic<std::uint32_t> &word);
};
