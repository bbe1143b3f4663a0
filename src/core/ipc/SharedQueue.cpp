#include "SharedQueue.h"

#include "MonotonicDeadline.h"
#include "ProcessSharedMutex.h"
#include "SharedCondition.h"
#include "SharedQueueLayout.h"
#include "TelemetryLayout.h"
#include "ThreadIdentity.h"
#include "ThreadTelemetry.h"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <new>
#include <optional>
#include <utility>

namespace {
constexpr std::size_t alignment = 64;

constexpr std::size_t alignUp(std::size_t bytes)
{
    return (bytes + alignment - 1) / alignment * alignment;
}

constexpr std::size_t headerBytes()
{
    return alignUp(sizeof(SharedQueueHeader));
}

bool specInRange(const SharedQueueSpec &spec)
{
    return spec.capacity >= 1 && spec.capacity <= SharedQueue::maxCapacity && spec.itemSize >= 1
           && spec.itemSize <= SharedQueue::maxItemSize;
}

// Publishes new counts under the seqlock. Called by the mutex holder only, so there is one writer at a time.
void publishCounts(SharedQueueHeader *header, std::uint64_t puts, std::uint64_t gets)
{
    const std::uint32_t sequence = header->sequence.load(std::memory_order_relaxed);
    header->sequence.store(sequence + 1, std::memory_order_relaxed);
    // Release stores keep the odd sequence ahead of the counts for any reader that sees a new count.
    header->puts.store(puts, std::memory_order_release);
    header->gets.store(gets, std::memory_order_release);
    header->sequence.store(sequence + 2, std::memory_order_release);
}

std::uint64_t currentOwner()
{
    return TelemetryLayout::packOwner(ThreadIdentity::currentPid(), ThreadIdentity::currentTid());
}

// How many times a would-be waiter polls the counts before it sleeps: 0 on a single CPU.
int spinLimit()
{
    static const int limit = sysconf(_SC_NPROCESSORS_ONLN) > 1 ? 400 : 0;
    return limit;
}

void cpuRelax()
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause(); // tells the core it spins: less power, and the sibling hyperthread gets the pipeline
#endif
}

// Wakes the queue's waiters when a stop is requested (runs in the requesting thread).
struct StopWaker
{
    SharedQueue *queue;
    void operator()() const noexcept { queue->wakeWaiters(); }
};
} // namespace

SharedQueue::~SharedQueue() = default;

SharedQueue::SharedQueue(SharedQueue &&other) noexcept
    : m_region(std::move(other.m_region))
    , m_header(std::exchange(other.m_header, nullptr))
    , m_items(std::exchange(other.m_items, nullptr))
    , m_index(other.m_index)
    , m_error(std::move(other.m_error))
{
}

SharedQueue &SharedQueue::operator=(SharedQueue &&other) noexcept
{
    if (this != &other) {
        m_region = std::move(other.m_region);
        m_header = std::exchange(other.m_header, nullptr);
        m_items = std::exchange(other.m_items, nullptr);
        m_index = other.m_index;
        m_error = std::move(other.m_error);
    }
    return *this;
}

std::size_t SharedQueue::requiredBytes(const SharedQueueSpec &spec)
{
    if (!specInRange(spec))
        return 0;
    return headerBytes() + alignUp(std::size_t(spec.capacity) * std::size_t(spec.itemSize));
}

SharedQueue SharedQueue::create(const SharedQueueSpec &spec)
{
    SharedQueue queue;
    if (!specInRange(spec)) {
        queue.m_error = tr("a queue holds 1 to %1 items of 1 to %2 bytes").arg(maxCapacity).arg(maxItemSize);
        return queue;
    }
    SharedMemory region = SharedMemory::create("proclab-queue", requiredBytes(spec));
    if (!region.isValid()) {
        queue.m_error = region.errorString();
        return queue;
    }
    queue = placeAt(region.data(), region.size(), spec);
    queue.m_region = std::move(region);
    return queue;
}

SharedQueue SharedQueue::attach(int fd, SharedMemory::FdOwnership ownership)
{
    SharedMemory region = SharedMemory::attach(fd, ownership);
    if (!region.isValid()) {
        SharedQueue queue;
        queue.m_error = region.errorString();
        return queue;
    }
    SharedQueue queue = openAt(region.data(), region.size());
    if (queue.isValid())
        queue.m_region = std::move(region);
    return queue;
}

SharedQueue SharedQueue::placeAt(void *memory, std::size_t bytes, const SharedQueueSpec &spec, int index)
{
    SharedQueue queue;
    const std::size_t needed = requiredBytes(spec);
    if (needed == 0 || bytes < needed || reinterpret_cast<std::uintptr_t>(memory) % alignment != 0) {
        queue.m_error = tr("the memory for the queue is too small or misaligned");
        return queue;
    }
    auto *header = new (memory) SharedQueueHeader{};
    header->magic = SharedQueueLayout::magic;
    header->version = SharedQueueLayout::version;
    header->capacity = std::uint32_t(spec.capacity);
    header->itemSize = std::uint32_t(spec.itemSize);
    header->robust = spec.robust ? 1 : 0;
    header->headerBytes = std::uint32_t(headerBytes());
    header->totalBytes = needed;
    const int error = ProcessSharedMutex::initialize(&header->mutex, spec.robust, ProcessSharedMutex::Kind::Adaptive);
    if (error != 0) {
        header->magic = 0;
        queue.m_error = tr("cannot set up the queue's mutex: %1")
                            .arg(QString::fromLocal8Bit(std::strerror(error)));
        return queue;
    }
    auto *items = static_cast<std::byte *>(memory) + headerBytes();
    std::memset(items, 0, needed - headerBytes());
    queue.m_header = header;
    queue.m_items = items;
    queue.m_index = index;
    return queue;
}

SharedQueue SharedQueue::openAt(void *memory, std::size_t bytes, int index)
{
    SharedQueue queue;
    if (bytes < headerBytes() || reinterpret_cast<std::uintptr_t>(memory) % alignment != 0) {
        queue.m_error = tr("the shared memory is too small to hold a queue");
        return queue;
    }
    auto *header = std::launder(static_cast<SharedQueueHeader *>(memory));
    const SharedQueueSpec spec{int(header->capacity), int(header->itemSize), header->robust != 0};
    if (header->magic != SharedQueueLayout::magic || header->version != SharedQueueLayout::version || header->headerBytes != headerBytes()) {
        queue.m_error = tr("the shared memory holds no queue of this ProcLab version");
        return queue;
    }
    if (!specInRange(spec) || header->totalBytes != requiredBytes(spec) || header->totalBytes > bytes) {
        queue.m_error = tr("the queue in shared memory has an inconsistent size");
        return queue;
    }
    queue.m_header = header;
    queue.m_items = static_cast<std::byte *>(memory) + headerBytes();
    queue.m_index = index;
    return queue;
}

int SharedQueue::capacity() const
{
    return m_header ? int(m_header->capacity) : 0;
}

int SharedQueue::itemSize() const
{
    return m_header ? int(m_header->itemSize) : 0;
}

void SharedQueue::repairAfterOwnerDeath()
{
    SharedQueueHeader *header = m_header;
    header->lastDeadOwner.store(header->owner.load(std::memory_order_relaxed), std::memory_order_relaxed);
    header->ownerDeaths.fetch_add(1, std::memory_order_relaxed);
    // The dead owner may have stopped between the two halves of publishCounts(): an odd sequence would make every
    // reader retry for ever. Each count is a whole atomic word, so it is either the old or the new value; the new
    // put count is stored only after the item was copied, so an item half-copied by the dead owner is simply not
    // there. What is left to check is that the counts still describe a ring.
    const std::uint32_t sequence = header->sequence.load(std::memory_order_relaxed);
    if (sequence % 2 != 0)
        header->sequence.store(sequence + 1, std::memory_order_release);
    const std::uint64_t puts = header->puts.load(std::memory_order_relaxed);
    std::uint64_t gets = header->gets.load(std::memory_order_relaxed);
    if (gets > puts)
        gets = puts;
    if (puts - gets > header->capacity)
        gets = puts - header->capacity;
    publishCounts(header, puts, gets);
}

IpcStatus SharedQueue::lockQueue(const WaitOptions &options, MonotonicDeadline &deadline)
{
    SharedQueueHeader *header = m_header;
    if (header->notRecoverable.load(std::memory_order_relaxed) != 0)
        return IpcStatus::NotRecoverable; // see ProcessSharedMutex: glibc reports it only once
    int error = 0;
    ProcessSharedMutex::Outcome outcome = ProcessSharedMutex::tryLock(&header->mutex, &error);
    // A put or get holds the mutex for a few hundred nanoseconds. Watching the owner word (a read, which leaves
    // the holder's cache line alone) until it clears and trying again is far cheaper than the futex sleep and wake
    // that pthread_mutex_clocklock ends in; glibc's own adaptive spin is too short for a holder on another core.
    for (int i = 0; i < spinLimit() && outcome == ProcessSharedMutex::Outcome::Busy; ++i) {
        if (header->owner.load(std::memory_order_relaxed) == 0)
            outcome = ProcessSharedMutex::tryLock(&header->mutex, &error);
        else
            cpuRelax();
    }
    if (outcome == ProcessSharedMutex::Outcome::Busy) {
        ThreadTelemetry *telemetry = options.telemetry;
        const ThreadState before = telemetry ? telemetry->state() : ThreadState::Idle;
        const std::int64_t beforeObject = telemetry ? telemetry->waitObject() : -1;
        if (telemetry)
            telemetry->setState(ThreadState::WaitQueueLock, m_index);
        outcome = ProcessSharedMutex::waitLock(&header->mutex, options, deadline, &error);
        if (telemetry)
            telemetry->setState(before, beforeObject);
    }
    switch (outcome) {
    case ProcessSharedMutex::Outcome::Acquired:
        break;
    case ProcessSharedMutex::Outcome::OwnerDied:
        repairAfterOwnerDeath();
        if (ProcessSharedMutex::markConsistent(&header->mutex) != 0) {
            ProcessSharedMutex::unlock(&header->mutex);
            return IpcStatus::Failed;
        }
        break;
    case ProcessSharedMutex::Outcome::NotRecoverable:
        header->notRecoverable.store(1, std::memory_order_relaxed);
        return IpcStatus::NotRecoverable;
    case ProcessSharedMutex::Outcome::Timeout:
        return IpcStatus::Timeout;
    case ProcessSharedMutex::Outcome::Stopped:
        return IpcStatus::Stopped;
    case ProcessSharedMutex::Outcome::Busy:
    case ProcessSharedMutex::Outcome::Failed:
        return IpcStatus::Failed;
    }
    header->owner.store(currentOwner(), std::memory_order_relaxed);
    return IpcStatus::Ok;
}

void SharedQueue::unlockQueue()
{
    m_header->owner.store(0, std::memory_order_relaxed);
    ProcessSharedMutex::unlock(&m_header->mutex);
}

IpcStatus SharedQueue::waitWhile(bool forSpace, const WaitOptions &options, MonotonicDeadline &deadline,
                                 bool *held)
{
    *held = true;
    SharedQueueHeader *header = m_header;
    const std::uint64_t capacity = header->capacity;
    auto mustWait = [header, capacity, forSpace] {
        const std::uint64_t depth =
            header->puts.load(std::memory_order_relaxed) - header->gets.load(std::memory_order_relaxed);
        return forSpace ? depth >= capacity : depth == 0;
    };
    if (options.stop.stop_requested())
        return IpcStatus::Stopped;
    if (deadline.expired())
        return IpcStatus::Timeout;

    // Spin a little, without the mutex, before announcing a wait: with producer and consumer on different cores the
    // other side usually frees a slot or adds an item within a microsecond or two, while a futex sleep and wake-up
    // cost two system calls and two context switches. The spin is short and not done on a single core, where the
    // other side cannot run while we spin. It is not counted as blocked: the thread is running.
    if (spinLimit() > 0) {
        unlockQueue();
        for (int i = 0; i < spinLimit() && mustWait(); ++i)
            cpuRelax();
        const IpcStatus relocked = lockQueue(options, deadline);
        if (relocked != IpcStatus::Ok) {
            *held = false;
            return relocked;
        }
        if (!mustWait())
            return IpcStatus::Ok;
    }

    std::atomic<std::uint32_t> &blocked = forSpace ? header->blockedPutters : header->blockedGetters;
    std::atomic<std::uint64_t> *listed = forSpace ? header->waitingPutters : header->waitingGetters;
    SharedCondition::Word &condition = forSpace ? header->notFull : header->notEmpty;
    const std::uint64_t me = currentOwner();

    blocked.fetch_add(1, std::memory_order_relaxed);
    int entry = -1;
    for (int i = 0; i < maxListedWaiters && entry < 0; ++i) {
        std::uint64_t expected = 0;
        if (listed[i].compare_exchange_strong(expected, me, std::memory_order_relaxed))
            entry = i;
    }
    ThreadTelemetry *telemetry = options.telemetry;
    const ThreadState before = telemetry ? telemetry->state() : ThreadState::Idle;
    const std::int64_t beforeObject = telemetry ? telemetry->waitObject() : -1;
    if (telemetry)
        telemetry->setState(forSpace ? ThreadState::WaitQueueFull : ThreadState::WaitQueueEmpty, m_index);
    std::optional<std::stop_callback<StopWaker>> stopWaker;
    if (options.stop.stop_possible())
        stopWaker.emplace(options.stop, StopWaker{this});

    IpcStatus status = IpcStatus::Ok;
    while (mustWait()) {
        // The ticket comes before the last look at the stop flags, so a stop requested after that look has
        // changed the word and the sleep returns at once.
        const std::uint32_t ticket = SharedCondition::ticket(condition);
        if (header->shutDown.load(std::memory_order_seq_cst) != 0 || options.stop.stop_requested()) {
            status = IpcStatus::Stopped;
            break;
        }
        if (deadline.expired()) {
            status = IpcStatus::Timeout;
            break;
        }
        const timespec wakeAt = deadline.nextSlice();
        unlockQueue();
        SharedCondition::sleep(condition, ticket, wakeAt);
        // Re-taking the mutex follows the same rules as taking it: a dead non-robust owner keeps us waiting until
        // the timeout or a stop, never for ever.
        status = lockQueue(options, deadline);
        if (status != IpcStatus::Ok) {
            *held = false;
            break;
        }
    }
    if (status == IpcStatus::Ok && header->shutDown.load(std::memory_order_relaxed) != 0)
        status = IpcStatus::Stopped;
    // A wake-up meant for a waiter that gives up now must not be lost: pass it on to the next one.
    if (status != IpcStatus::Ok && (!*held || !mustWait()))
        SharedCondition::notifyOne(condition);

    stopWaker.reset();
    if (entry >= 0)
        listed[entry].store(0, std::memory_order_relaxed);
    blocked.fetch_sub(1, std::memory_order_relaxed);
    if (telemetry)
        telemetry->setState(before, beforeObject);
    return status;
}

IpcStatus SharedQueue::put(std::span<const std::byte> item, const WaitOptions &options)
{
    if (!m_header || item.size() > m_header->itemSize)
        return IpcStatus::Failed;
    if (item.size() == m_header->itemSize)
        return putMany(item, nullptr, options);
    // A short item: its slot is padded with zeros, never left with a previous item's bytes.
    std::array<std::byte, maxItemSize> padded{};
    std::memcpy(padded.data(), item.data(), item.size());
    return putMany(std::span(padded).first(m_header->itemSize), nullptr, options);
}

IpcStatus SharedQueue::get(std::span<std::byte> out, const WaitOptions &options)
{
    if (!m_header || out.size() < m_header->itemSize)
        return IpcStatus::Failed;
    return getMany(out.first(m_header->itemSize), nullptr, options);
}

IpcStatus SharedQueue::putMany(std::span<const std::byte> items, int *count, const WaitOptions &options)
{
    if (count)
        *count = 0;
    if (!m_header || items.empty() || items.size() % m_header->itemSize != 0)
        return IpcStatus::Failed;
    // transfer() only reads from the buffer when putting.
    return transfer(true, const_cast<std::byte *>(items.data()), items.size() / m_header->itemSize, count, options);
}

IpcStatus SharedQueue::getMany(std::span<std::byte> out, int *count, const WaitOptions &options)
{
    if (count)
        *count = 0;
    if (!m_header || out.size() < m_header->itemSize)
        return IpcStatus::Failed;
    return transfer(false, out.data(), out.size() / m_header->itemSize, count, options);
}

IpcStatus SharedQueue::transfer(bool putting, std::byte *buffer, std::size_t maxItems, int *count,
                                const WaitOptions &options)
{
    MonotonicDeadline deadline(options.timeout);
    IpcStatus status = lockQueue(options, deadline);
    if (status != IpcStatus::Ok)
        return status;
    SharedQueueHeader *header = m_header;
    const std::uint64_t capacity = header->capacity;
    const std::size_t itemSize = header->itemSize;
    bool held = true;
    const std::uint64_t depth = header->puts.load(std::memory_order_relaxed) - header->gets.load(std::memory_order_relaxed);
    if (header->shutDown.load(std::memory_order_relaxed) != 0)
        status = IpcStatus::Stopped;
    else if (putting ? depth >= capacity : depth == 0)
        status = waitWhile(putting, options, deadline, &held);
    if (!held)
        return status;
    if (status == IpcStatus::Ok) {
        const std::uint64_t puts = header->puts.load(std::memory_order_relaxed);
        const std::uint64_t gets = header->gets.load(std::memory_order_relaxed);
        const std::uint64_t available = putting ? capacity - (puts - gets) : puts - gets;
        const std::uint64_t taken = std::min<std::uint64_t>(available, maxItems);
        // At most two copies: up to the end of the ring, then from its start.
        const std::uint64_t first = (putting ? puts : gets) % capacity;
        const std::uint64_t untilEnd = std::min(taken, capacity - first);
        std::byte *ring = m_items + first * itemSize;
        std::byte *rest = buffer + untilEnd * itemSize;
        const std::size_t restBytes = (taken - untilEnd) * itemSize;
        if (putting) {
            std::memcpy(ring, buffer, untilEnd * itemSize);
            std::memcpy(m_items, rest, restBytes);
            publishCounts(header, puts + taken, gets);
        } else {
            std::memcpy(buffer, ring, untilEnd * itemSize);
            std::memcpy(rest, m_items, restBytes);
            publishCounts(header, puts, gets + taken);
        }
        // Notify only when somebody waits: the common case costs no system call. The counts are changed under the
        // mutex we hold, so a thread about to wait is either counted already or will see the change.
        SharedCondition::Word &otherSide = putting ? header->notEmpty : header->notFull;
        const std::uint32_t waiting =
            (putting ? header->blockedGetters : header->blockedPutters).load(std::memory_order_relaxed);
        if (waiting > 1 && taken > 1)
            SharedCondition::notifyAll(otherSide);
        else if (waiting != 0)
            SharedCondition::notifyOne(otherSide);
        if (count)
            *count = int(taken);
    }
    unlockQueue();
    return status;
}

IpcStatus SharedQueue::holdLock(const WaitOptions &options)
{
    if (!m_header)
        return IpcStatus::Failed;
    MonotonicDeadline deadline(options.timeout);
    return lockQueue(options, deadline);
}

void SharedQueue::releaseLock()
{
    if (m_header)
        unlockQueue();
}

void SharedQueue::wakeWaiters()
{
    if (!m_header)
        return;
    // No mutex needed: a waiter between its ticket and its sleep finds the word changed (SharedCondition).
    SharedCondition::notifyAll(m_header->notFull);
    SharedCondition::notifyAll(m_header->notEmpty);
}

void SharedQueue::shutdown()
{
    if (!m_header)
        return;
    m_header->shutDown.store(1, std::memory_order_seq_cst);
    wakeWaiters();
}

int SharedQueue::forgetWaitersOf(pid_t pid)
{
    if (!m_header || pid <= 0)
        return 0;
    int removed = 0;
    auto sweep = [pid, &removed](std::atomic<std::uint64_t> *listed, std::atomic<std::uint32_t> &blocked) {
        for (int i = 0; i < maxListedWaiters; ++i) {
            std::uint64_t entry = listed[i].load(std::memory_order_relaxed);
            if (entry != 0 && TelemetryLayout::ownerPid(entry) == pid
                && listed[i].compare_exchange_strong(entry, 0, std::memory_order_relaxed)) {
                blocked.fetch_sub(1, std::memory_order_relaxed);
                ++removed;
            }
        }
    };
    sweep(m_header->waitingPutters, m_header->blockedPutters);
    sweep(m_header->waitingGetters, m_header->blockedGetters);
    return removed;
}

QueueStats SharedQueue::stats() const
{
    QueueStats stats;
    if (!m_header)
        return stats;
    const SharedQueueHeader *header = m_header;
    stats.index = m_index;
    stats.capacity = int(header->capacity);
    stats.itemSize = int(header->itemSize);
    stats.robust = header->robust != 0;
    // A bounded number of tries: a holder killed mid-update (non-robust) leaves the sequence odd until somebody
    // repairs it; then each count is still a whole value, only perhaps one step apart.
    std::uint64_t puts = 0;
    std::uint64_t gets = 0;
    for (int attempt = 0; attempt < 1000; ++attempt) {
        const std::uint32_t before = header->sequence.load(std::memory_order_acquire);
        puts = header->puts.load(std::memory_order_acquire);
        gets = header->gets.load(std::memory_order_acquire);
        const std::uint32_t after = header->sequence.load(std::memory_order_relaxed);
        if (before == after && before % 2 == 0)
            break;
    }
    stats.puts = puts;
    stats.gets = gets;
    stats.depth = puts >= gets ? std::int64_t(puts - gets) : 0;
    stats.blockedPutters = int(header->blockedPutters.load(std::memory_order_relaxed));
    stats.blockedGetters = int(header->blockedGetters.load(std::memory_order_relaxed));
    const std::uint64_t owner = header->owner.load(std::memory_order_relaxed);
    stats.ownerPid = TelemetryLayout::ownerPid(owner);
    stats.ownerTid = TelemetryLayout::ownerTid(owner);
    stats.ownerDeaths = header->ownerDeaths.load(std::memory_order_relaxed);
    const std::uint64_t lastDead = header->lastDeadOwner.load(std::memory_order_relaxed);
    stats.lastDeadOwnerPid = TelemetryLayout::ownerPid(lastDead);
    stats.lastDeadOwnerTid = TelemetryLayout::ownerTid(lastDead);
    stats.notRecoverable = header->notRecoverable.load(std::memory_order_relaxed) != 0;
    stats.shutDown = header->shutDown.load(std::memory_order_relaxed) != 0;
    return stats;
}
