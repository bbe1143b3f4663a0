#include "SharedCondition.h"

#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <climits>

static_assert(sizeof(std::atomic<std::uint32_t>) == sizeof(std::uint32_t)
                  && std::atomic<std::uint32_t>::is_always_lock_free,
              "the futex word must be a plain 32-bit word");

namespace {
// Not FUTEX_PRIVATE_FLAG: the word is in a MAP_SHARED mapping used by several processes.
long futex(std::atomic<std::uint32_t> *word, int operation, std::uint32_t value, const timespec *timeout,
           std::uint32_t bitset)
{
    return syscall(SYS_futex, reinterpret_cast<std::uint32_t *>(word), operation, value, timeout, nullptr, bitset);
}
} // namespace

std::uint32_t SharedCondition::ticket(const Word &word)
{
    // Sequentially consistent, like the notifiers' increment: a stop flag set before a notification is then seen
    // by a waiter whose ticket predates it, or the ticket is stale and the wait returns at once.
    return word.sequence.load(std::memory_order_seq_cst);
}

void SharedCondition::sleep(Word &word, std::uint32_t ticket, const timespec &wakeAt)
{
    // The announcement and the notifiers' increment of the sequence are both sequentially consistent: either the
    // notifier sees this sleeper and wakes it, or its increment comes first and the futex wait below, which
    // compares the word with the ticket inside the kernel, returns at once.
    word.sleepers.fetch_add(1, std::memory_order_seq_cst);
    // FUTEX_WAIT_BITSET takes an absolute time on CLOCK_MONOTONIC (FUTEX_WAIT would take a relative one).
    // EAGAIN (the word changed), ETIMEDOUT and EINTR all mean the same to the caller: re-check.
    const long woken = futex(&word.sequence, FUTEX_WAIT_BITSET, ticket, &wakeAt, FUTEX_BITSET_MATCH_ANY);
    // 0: a FUTEX_WAKE took this thread off the futex, and its notifier has already taken it off the count — at
    // once, so that the notifications made while this thread waits for a core to run on are free.
    if (woken != 0)
        word.sleepers.fetch_sub(1, std::memory_order_relaxed);
}

namespace {
void wake(SharedCondition::Word &word, int atMost)
{
    word.sequence.fetch_add(1, std::memory_order_seq_cst);
    if (word.sleepers.load(std::memory_order_seq_cst) == 0)
        return;
    const long woken = futex(&word.sequence, FUTEX_WAKE, std::uint32_t(atMost), nullptr, 0);
    if (woken > 0)
        word.sleepers.fetch_sub(std::uint32_t(woken), std::memory_order_relaxed);
}
} // namespace

void SharedCondition::notifyOne(Word &word)
{
    wake(word, 1);
}

void SharedCondition::notifyAll(Word &word)
{
    wake(word, INT_MAX);
}
