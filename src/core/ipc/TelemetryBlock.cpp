#include "TelemetryBlock.h"

#include "MonotonicDeadline.h"
#include "ProcessSharedMutex.h"
#include "TelemetryLayout.h"
#include "ThreadIdentity.h"

#include <sched.h>

#include <algorithm>
#include <cstring>
#include <new>

namespace {
constexpr auto relaxed = std::memory_order_relaxed;
constexpr auto acquire = std::memory_order_acquire;
constexpr auto release = std::memory_order_release;
constexpr std::size_t alignment = 64;

constexpr std::size_t alignUp(std::size_t bytes)
{
    return (bytes + alignment - 1) / alignment * alignment;
}

struct Placement
{
    std::size_t slotsOffset = 0;
    std::size_t locksOffset = 0;
    std::size_t queueOffsets[TelemetryLayout::maxQueues] = {};
    std::size_t queueBytes[TelemetryLayout::maxQueues] = {};
    std::size_t totalBytes = 0;
};

Placement placementOf(int slotCount, int lockCount, const QList<SharedQueueSpec> &queues)
{
    Placement placement;
    placement.slotsOffset = alignUp(sizeof(TelemetryHeader));
    placement.locksOffset = placement.slotsOffset + std::size_t(slotCount) * sizeof(TelemetrySlotRecord);
    std::size_t end = placement.locksOffset + std::size_t(lockCount) * sizeof(SharedLockRecord);
    for (qsizetype i = 0; i < queues.size(); ++i) {
        placement.queueOffsets[i] = alignUp(end);
        placement.queueBytes[i] = SharedQueue::requiredBytes(queues.at(i));
        end = placement.queueOffsets[i] + placement.queueBytes[i];
    }
    placement.totalBytes = alignUp(end);
    return placement;
}

// Reads one slot under its seqlock; false if the writer kept it busy for 2 ms (it died mid-write, or was preempted
// there for longer than a time slice).
bool readSlot(const TelemetrySlotRecord &slot, int index, ThreadTelemetrySample *sample)
{
    constexpr std::int64_t patienceNs = 2'000'000;
    std::int64_t giveUpAt = 0;
    for (int attempt = 0;; ++attempt) {
        if (attempt > 0 && attempt % 64 == 0) {
            // A write takes nanoseconds; still odd after this many tries means the writer is not running.
            const std::int64_t now = MonotonicDeadline::nowNs();
            if (giveUpAt == 0)
                giveUpAt = now + patienceNs;
            else if (now > giveUpAt)
                return false;
            sched_yield();
        }
        const std::uint32_t before = slot.sequence.load(acquire);
        if (before % 2 != 0)
            continue;
        sample->slot = index;
        sample->pid = slot.pid.load(acquire);
        sample->tid = slot.tid.load(acquire);
        char role[TelemetryLayout::roleBytes];
        for (std::size_t word = 0; word < std::size(slot.role); ++word) {
            const std::uint64_t value = slot.role[word].load(acquire);
            std::memcpy(role + word * 8, &value, 8);
        }
        const std::uint32_t rawState = slot.state.load(acquire);
        const std::uint32_t heldCount = slot.heldLockCount.load(acquire);
        sample->waitObject = slot.waitObject.load(acquire);
        sample->stateSinceNs = slot.stateSinceNs.load(acquire);
        sample->itemsDone = slot.itemsDone.load(acquire);
        sample->lockAcquisitions = slot.lockAcquisitions.load(acquire);
        sample->waits = slot.waits.load(acquire);
        sample->waitedNs = slot.waitedNs.load(acquire);
        std::int32_t held[TelemetryLayout::maxHeldLocks];
        const std::uint32_t listed = std::min<std::uint32_t>(heldCount, TelemetryLayout::maxHeldLocks);
        for (std::uint32_t i = 0; i < listed; ++i)
            held[i] = slot.heldLocks[i].load(acquire);
        // Relaxed is enough here: the acquire loads above cannot be reordered after it.
        if (slot.sequence.load(relaxed) != before)
            continue;
        role[TelemetryLayout::roleBytes - 1] = '\0';
        sample->role = QString::fromUtf8(role, qsizetype(strnlen(role, sizeof role)));
        sample->state = threadStateFromRaw(rawState);
        sample->exited = sample->state == ThreadState::Exited;
        sample->heldLocks.clear();
        for (std::uint32_t i = 0; i < listed; ++i)
            sample->heldLocks.append(held[i]);
        // Step mode: outside the seqlock (StepRecord's fields are written one by one, by two parties).
        const StepRecord &step = slot.step;
        StepSample &out = sample->step;
        out.number = step.number.load(acquire);
        out.completed = step.completed.load(acquire);
        out.grants = step.grants.load(acquire);
        out.taken = step.taken.load(acquire);
        out.parked = step.parked.load(acquire) != 0;
        out.free = step.free.load(acquire) != 0;
        out.action = stepActionFromRaw(step.action.load(acquire));
        out.object = step.object.load(acquire);
        out.value = step.value.load(acquire);
        out.result = step.result.load(acquire);
        return true;
    }
}
} // namespace

TelemetryBlock::~TelemetryBlock() = default;

TelemetrySlotRecord *TelemetryBlock::slotRecord(int index) const
{
    auto *base = static_cast<std::byte *>(m_region.data()) + m_header->slotsOffset;
    return std::launder(reinterpret_cast<TelemetrySlotRecord *>(base + std::size_t(index) * sizeof(TelemetrySlotRecord)));
}

SharedLockRecord *TelemetryBlock::lockRecord(int index) const
{
    auto *base = static_cast<std::byte *>(m_region.data()) + m_header->locksOffset;
    return std::launder(reinterpret_cast<SharedLockRecord *>(base + std::size_t(index) * sizeof(SharedLockRecord)));
}

TelemetryBlock TelemetryBlock::create(const TelemetryBlockSpec &spec)
{
    TelemetryBlock block;
    if (spec.slotCount < 1 || spec.slotCount > TelemetryLayout::maxSlots) {
        block.m_error = tr("a telemetry block has 1 to %1 thread slots").arg(TelemetryLayout::maxSlots);
        return block;
    }
    if (spec.lockNames.size() > TelemetryLayout::maxLocks) {
        block.m_error = tr("a telemetry block has at most %1 locks").arg(TelemetryLayout::maxLocks);
        return block;
    }
    for (const QString &name : spec.lockNames) {
        if (name.isEmpty() || name.toUtf8().size() >= TelemetryLayout::lockNameBytes) {
            block.m_error = tr("lock name '%1' must have 1 to %2 bytes").arg(name).arg(TelemetryLayout::lockNameBytes - 1);
            return block;
        }
    }
    if (spec.queues.size() > TelemetryLayout::maxQueues) {
        block.m_error = tr("a telemetry block has at most %1 queues").arg(TelemetryLayout::maxQueues);
        return block;
    }
    for (const SharedQueueSpec &queue : spec.queues) {
        if (SharedQueue::requiredBytes(queue) == 0) {
            block.m_error = tr("a queue holds 1 to %1 items of 1 to %2 bytes")
                                .arg(SharedQueue::maxCapacity)
                                .arg(SharedQueue::maxItemSize);
            return block;
        }
    }
    const int lockCount = int(spec.lockNames.size());
    const Placement placement = placementOf(spec.slotCount, lockCount, spec.queues);
    block.m_region = SharedMemory::create("proclab-telemetry", placement.totalBytes);
    if (!block.m_region.isValid()) {
        block.m_error = block.m_region.errorString();
        return block;
    }
    auto *base = static_cast<std::byte *>(block.m_region.data());
    auto *header = new (base) TelemetryHeader{};
    header->magic = TelemetryLayout::magic;
    header->version = TelemetryLayout::version;
    header->headerBytes = sizeof(TelemetryHeader);
    header->slotBytes = sizeof(TelemetrySlotRecord);
    header->lockBytes = sizeof(SharedLockRecord);
    header->slotCount = std::uint32_t(spec.slotCount);
    header->lockCount = std::uint32_t(lockCount);
    header->queueCount = std::uint32_t(spec.queues.size());
    header->totalBytes = placement.totalBytes;
    header->slotsOffset = placement.slotsOffset;
    header->locksOffset = placement.locksOffset;
    for (qsizetype i = 0; i < spec.queues.size(); ++i) {
        header->queueOffsets[i] = placement.queueOffsets[i];
        header->queueBytes[i] = placement.queueBytes[i];
    }
    block.m_header = header;
    for (int i = 0; i < spec.slotCount; ++i)
        new (base + placement.slotsOffset + std::size_t(i) * sizeof(TelemetrySlotRecord)) TelemetrySlotRecord{};
    for (int i = 0; i < lockCount; ++i) {
        auto *record = new (base + placement.locksOffset + std::size_t(i) * sizeof(SharedLockRecord)) SharedLockRecord{};
        const QByteArray name = spec.lockNames.at(i).toUtf8();
        std::memcpy(record->name, name.constData(), std::size_t(name.size()));
        record->robust = spec.robustLocks ? 1 : 0;
        const int error = ProcessSharedMutex::initialize(&record->mutex, spec.robustLocks,
                                                         ProcessSharedMutex::Kind::ErrorCheck);
        if (error != 0) {
            block.m_error = tr("cannot set up lock %1: %2").arg(spec.lockNames.at(i),
                                                                QString::fromLocal8Bit(std::strerror(error)));
            block.m_header = nullptr;
            return block;
        }
        block.m_locks.push_back(SharedLock(record, i));
    }
    for (qsizetype i = 0; i < spec.queues.size(); ++i) {
        SharedQueue queue = SharedQueue::placeAt(base + placement.queueOffsets[i], placement.queueBytes[i],
                                                 spec.queues.at(i), int(i));
        if (!queue.isValid()) {
            block.m_error = queue.errorString();
            block.m_header = nullptr;
            return block;
        }
        block.m_queues.push_back(std::move(queue));
    }
    return block;
}

TelemetryBlock TelemetryBlock::attach(int fd, SharedMemory::FdOwnership ownership)
{
    TelemetryBlock block;
    block.m_region = SharedMemory::attach(fd, ownership);
    if (!block.m_region.isValid()) {
        block.m_error = block.m_region.errorString();
        return block;
    }
    if (!block.openLayout()) {
        block.m_header = nullptr;
        block.m_locks.clear();
        block.m_queues.clear();
    }
    return block;
}

bool TelemetryBlock::openLayout()
{
    const std::size_t mapped = m_region.size();
    if (mapped < sizeof(TelemetryHeader)) {
        m_error = tr("the shared memory is too small for a telemetry block");
        return false;
    }
    auto *base = static_cast<std::byte *>(m_region.data());
    auto *header = std::launder(reinterpret_cast<TelemetryHeader *>(base));
    if (header->magic != TelemetryLayout::magic || header->version != TelemetryLayout::version
        || header->headerBytes != sizeof(TelemetryHeader) || header->slotBytes != sizeof(TelemetrySlotRecord)
        || header->lockBytes != sizeof(SharedLockRecord)) {
        m_error = tr("the shared memory holds no telemetry block of this ProcLab version");
        return false;
    }
    const bool countsInRange = header->slotCount >= 1 && header->slotCount <= std::uint32_t(TelemetryLayout::maxSlots)
                               && header->lockCount <= std::uint32_t(TelemetryLayout::maxLocks)
                               && header->queueCount <= std::uint32_t(TelemetryLayout::maxQueues);
    const bool sizesAgree = header->totalBytes == mapped
                            && header->slotsOffset == alignUp(sizeof(TelemetryHeader))
                            && header->locksOffset == header->slotsOffset + header->slotCount * sizeof(TelemetrySlotRecord)
                            && header->locksOffset + header->lockCount * sizeof(SharedLockRecord) <= mapped;
    if (!countsInRange || !sizesAgree) {
        m_error = tr("the telemetry block in shared memory has an inconsistent size");
        return false;
    }
    m_header = header;
    for (int i = 0; i < int(header->lockCount); ++i)
        m_locks.push_back(SharedLock(lockRecord(i), i));
    for (int i = 0; i < int(header->queueCount); ++i) {
        const std::uint64_t offset = header->queueOffsets[i];
        const std::uint64_t bytes = header->queueBytes[i];
        if (offset < header->locksOffset || offset > mapped || bytes > mapped - offset) {
            m_error = tr("the telemetry block in shared memory has an inconsistent size");
            return false;
        }
        SharedQueue queue = SharedQueue::openAt(base + offset, std::size_t(bytes), i);
        if (!queue.isValid()) {
            m_error = queue.errorString();
            return false;
        }
        m_queues.push_back(std::move(queue));
    }
    return true;
}

StepRecord *TelemetryBlock::stepRecord(int slot) const
{
    if (!m_header || slot < 0 || slot >= int(m_header->slotCount))
        return nullptr;
    return &slotRecord(slot)->step;
}

int TelemetryBlock::slotCount() const
{
    return m_header ? int(m_header->slotCount) : 0;
}

SharedQueue *TelemetryBlock::queue(int index)
{
    if (index < 0 || index >= queueCount())
        return nullptr;
    return &m_queues[std::size_t(index)];
}

SharedLock TelemetryBlock::lock(int index) const
{
    if (index < 0 || index >= lockCount())
        return {};
    return m_locks[std::size_t(index)];
}

int TelemetryBlock::lockIndex(const QString &name) const
{
    for (const SharedLock &lock : m_locks) {
        if (lock.name() == name)
            return lock.index();
    }
    return -1;
}

ThreadTelemetry TelemetryBlock::claimSlot(const QString &role)
{
    if (!m_header)
        return {};
    // Never-used slots first, so an exited thread's last counters stay readable as long as possible.
    for (const std::uint32_t wanted : {TelemetryLayout::slotFree, TelemetryLayout::slotExited}) {
        for (int i = 0; i < int(m_header->slotCount); ++i) {
            TelemetrySlotRecord *slot = slotRecord(i);
            std::uint32_t expected = wanted;
            if (slot->occupancy.load(relaxed) != wanted
                || !slot->occupancy.compare_exchange_strong(expected, TelemetryLayout::slotLive, acquire))
                continue;
            std::uint32_t highWater = m_header->claimedSlots.load(relaxed);
            while (highWater < std::uint32_t(i + 1)
                   && !m_header->claimedSlots.compare_exchange_weak(highWater, std::uint32_t(i + 1), release))
                ;
            ThreadTelemetry telemetry(slot, i);
            telemetry.start(ThreadIdentity::currentPid(), ThreadIdentity::currentTid(), role);
            return telemetry;
        }
    }
    return {};
}

int TelemetryBlock::releaseSlotsOf(pid_t pid)
{
    if (!m_header || pid <= 0)
        return 0;
    int released = 0;
    QList<pid_t> deadTids;
    const int claimed = int(std::min(m_header->claimedSlots.load(acquire), m_header->slotCount));
    for (int i = 0; i < claimed; ++i) {
        TelemetrySlotRecord *slot = slotRecord(i);
        if (slot->occupancy.load(acquire) != TelemetryLayout::slotLive || slot->pid.load(acquire) != pid)
            continue;
        deadTids.append(slot->tid.load(acquire));
        // The writer is dead, so this process may write the slot; an odd sequence means it died mid-write.
        std::uint32_t sequence = slot->sequence.load(relaxed);
        sequence += sequence % 2;
        slot->sequence.store(sequence + 1, relaxed);
        slot->state.store(std::uint32_t(ThreadState::Exited), release);
        slot->waitObject.store(-1, release);
        slot->stateSinceNs.store(MonotonicDeadline::nowNs(), release);
        slot->heldLockCount.store(0, release);
        slot->sequence.store(sequence + 2, release);
        slot->occupancy.store(TelemetryLayout::slotExited, release);
        ++released;
    }
    for (int i = 0; i < lockCount(); ++i) {
        SharedLockRecord *record = lockRecord(i);
        for (auto &entry : record->waiters) {
            std::int32_t tid = entry.load(relaxed);
            if (tid != 0 && deadTids.contains(tid) && entry.compare_exchange_strong(tid, 0, relaxed))
                record->waiterCount.fetch_sub(1, relaxed);
        }
    }
    for (SharedQueue &queue : m_queues)
        queue.forgetWaitersOf(pid);
    return released;
}

TelemetrySnapshot TelemetryBlock::snapshot() const
{
    TelemetrySnapshot snapshot;
    snapshot.takenNs = MonotonicDeadline::nowNs();
    if (!m_header)
        return snapshot;
    const int claimed = int(std::min(m_header->claimedSlots.load(acquire), m_header->slotCount));
    for (int i = 0; i < claimed; ++i) {
        const TelemetrySlotRecord *slot = slotRecord(i);
        if (slot->occupancy.load(acquire) == TelemetryLayout::slotFree)
            continue;
        ThreadTelemetrySample sample;
        if (readSlot(*slot, i, &sample))
            snapshot.threads.append(sample);
    }
    for (const SharedLock &lock : m_locks)
        snapshot.locks.append(lock.sample());
    for (const SharedQueue &queue : m_queues)
        snapshot.queues.append(queue.stats());
    return snapshot;
}
