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

std::uint32_t SharedCondition::ticket(const std::atomic<std::uint32_t> &word)
{
    // Sequentially consistent, like the notifiers' increment: a stop flag set before a notification is then seen
    // by a waiter whose ticket predates it, or the ticket is stale and the wait returns at once.
    return word.load(std::memory_order_seq_cst);
}

void SharedCondition::sleep(std::atomic<std::uint32_t> &word, std::uint32_t ticket, const timespec &wakeAt)
{
    // FUTEX_WAIT_BITSET takes an absolute time on CLOCK_MONOTONIC (FUTEX_WAIT would take a relative one).
    // EAGAIN (the word changed), ETIMEDOUT and EINTR all mean the same to the caller: re-check.
    futex(&word, FUTEX_WAIT_BITSET, ticket, &wakeAt, FUTEX_BITSET_MATCH_ANY);
}

void SharedCondition::notifyOne(std::atomic<std::uint32_t> &word)
{
    word.fetch_add(1, std::memory_order_seq_cst);
    futex(&word, FUTEX_WAKE, 1, nullptr, 0);
}

void SharedCondition::notifyAll(std::atomic<std::uint32_t> &word)
{
    word.fetch_add(1, std::memory_order_seq_cst);
    futex(&word, FUTEX_WAKE, INT_MAX, nullptr, 0);
}
