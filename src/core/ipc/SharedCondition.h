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
//
// A notification makes a system call only while somebody sleeps in the kernel (Word::sleepers): a waiter counted
// as blocked by its queue but still spinning, or already woken and waiting for a core, costs the notifier nothing
// (the notifier takes the threads it woke off the count itself). FUTEX_WAKE on a shared mapping is the expensive
// kind (the kernel pins the page to find the futex's key); without this check it was half of a busy queue's time
// on this machine, and on a loaded machine a woken consumer waiting for a core drew a futile wake-up from every
// put. The count only ever errs high: a waiter SIGKILLed in its sleep leaves it one too high for good, and later
// notifications then make their system call as before — slower, never wrong.
class SharedCondition
{
public:
    // The condition in shared memory: zero-initialised is valid.
    struct Word
    {
        std::atomic<std::uint32_t> sequence; // the futex word: changed by every notification
        std::atomic<std::uint32_t> sleepers; // threads between announcing their sleep and waking from it
    };

    // The value to pass to sleep(); read before the caller checks its condition for the last time.
    static std::uint32_t ticket(const Word &word);
    // Sleeps until a notification after ticket(), or until wakeAt (absolute CLOCK_MONOTONIC), or a signal.
    static void sleep(Word &word, std::uint32_t ticket, const timespec &wakeAt);
    // Wakes one sleeper (a live one: the kernel forgets dead ones).
    static void notifyOne(Word &word);
    // Wakes every sleeper.
    static void notifyAll(Word &word);
};
