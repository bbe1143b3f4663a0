#pragma once

#include "SharedCondition.h"
#include "SharedQueue.h"

#include <pthread.h>

#include <atomic>
#include <cstdint>
#include <type_traits>

// The layout of a SharedQueue in shared memory: this header, then capacity × itemSize bytes of items. An ABI between
// the processes of one build, hence the magic and the version (bumped when a field changes).
namespace SharedQueueLayout {
inline constexpr std::uint32_t magic = 0x51514c50; // "PLQQ" in memory on little-endian
inline constexpr std::uint32_t version = 3;
} // namespace SharedQueueLayout

// The queue's header. Items are copied under the mutex; the counters are atomics so the sampler reads them
// without it. puts and gets only ever grow (64 bits do not wrap in the lifetime of a lab): the ring position is
// count % capacity and the depth is puts - gets, so there is no separate head/tail pair to get out of step.
struct alignas(64) SharedQueueHeader
{
    std::uint32_t magic;
    std::uint32_t version;
    std::uint32_t capacity;
    std::uint32_t itemSize;
    std::uint32_t robust;
    std::uint32_t headerBytes;
    std::uint64_t totalBytes;
    pthread_mutex_t mutex;
    SharedCondition::Word notFull;
    SharedCondition::Word notEmpty;
    std::atomic<std::uint32_t> sequence; // seqlock over puts and gets: odd while the mutex holder updates them
    std::atomic<std::uint32_t> shutDown;
    std::atomic<std::uint64_t> owner; // TelemetryLayout::packOwner of the mutex holder, 0 when free
    std::atomic<std::uint64_t> puts;
    std::atomic<std::uint64_t> gets;
    std::atomic<std::uint32_t> blockedPutters;
    std::atomic<std::uint32_t> blockedGetters;
    std::atomic<std::uint32_t> notRecoverable;
    std::atomic<std::uint64_t> ownerDeaths;
    std::atomic<std::uint64_t> lastDeadOwner;
    std::atomic<std::uint64_t> waitingPutters[SharedQueue::maxListedWaiters]; // packOwner; 0 = empty entry
    std::atomic<std::uint64_t> waitingGetters[SharedQueue::maxListedWaiters];
};

static_assert(std::is_standard_layout_v<SharedQueueHeader>);
static_assert(std::atomic<std::uint64_t>::is_always_lock_free && std::atomic<std::uint32_t>::is_always_lock_free);

