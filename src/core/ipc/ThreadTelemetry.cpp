#include "ThreadTelemetry.h"

#include "MonotonicDeadline.h"
#include "TelemetryLayout.h"

#include <algorithm>
#include <cstring>
#include <utility>

// One writer per slot (the thread that claimed it), so the writer never needs a read-modify-write: it keeps its
// own copy of the sequence and counters are loaded relaxed and stored with release. Release stores between the odd
// and the even sequence keep every field inside the write for a reader that acquires them.

namespace {
constexpr auto release = std::memory_order_release;
constexpr auto relaxed = std::memory_order_relaxed;

void bump(std::atomic<std::uint64_t> &counter, std::uint64_t by)
{
    counter.store(counter.load(relaxed) + by, release);
}

// Stepping off, nothing granted, nothing pending (StepRecord's fields as a new slot has them).
void clearStep(StepRecord &step)
{
    step.number.store(0, release);
    step.grants.store(0, release);
    step.taken.store(0, release);
    step.completed.store(0, release);
    step.parked.store(0, release);
    step.free.store(0, release);
    step.action.store(0, release);
    step.object.store(-1, release);
    step.value.store(0, release);
    step.result.store(0, release);
}
} // namespace

ThreadTelemetry::ThreadTelemetry(TelemetrySlotRecord *slot, int index)
    : m_slot(slot)
    , m_index(index)
{
}

ThreadTelemetry::~ThreadTelemetry()
{
    markExited();
}

ThreadTelemetry::ThreadTelemetry(ThreadTelemetry &&other) noexcept
    : m_slot(std::exchange(other.m_slot, nullptr))
    , m_index(std::exchange(other.m_index, -1))
    , m_sequence(other.m_sequence)
    , m_state(other.m_state)
    , m_waitObject(other.m_waitObject)
    , m_stateSinceNs(other.m_stateSinceNs)
    , m_heldCount(other.m_heldCount)
{
}

ThreadTelemetry &ThreadTelemetry::operator=(ThreadTelemetry &&other) noexcept
{
    if (this != &other) {
        markExited();
        m_slot = std::exchange(other.m_slot, nullptr);
        m_index = std::exchange(other.m_index, -1);
        m_sequence = other.m_sequence;
        m_state = other.m_state;
        m_waitObject = other.m_waitObject;
        m_stateSinceNs = other.m_stateSinceNs;
        m_heldCount = other.m_heldCount;
    }
    return *this;
}

void ThreadTelemetry::beginWrite()
{
    ++m_sequence;
    m_slot->sequence.store(m_sequence, relaxed);
}

void ThreadTelemetry::endWrite()
{
    ++m_sequence;
    m_slot->sequence.store(m_sequence, release);
}

void ThreadTelemetry::start(pid_t pid, pid_t tid, const QString &role)
{
    // A previous owner killed mid-write may have left the sequence odd: start from the next even value.
    m_sequence = m_slot->sequence.load(relaxed);
    m_sequence += m_sequence % 2;
    m_state = ThreadState::Idle;
    m_waitObject = -1;
    m_stateSinceNs = MonotonicDeadline::nowNs();
    m_heldCount = 0;
    beginWrite();
    m_slot->pid.store(pid, release);
    m_slot->tid.store(tid, release);
    writeRole(role);
    m_slot->state.store(std::uint32_t(m_state), release);
    m_slot->heldLockCount.store(0, release);
    m_slot->waitObject.store(-1, release);
    m_slot->stateSinceNs.store(m_stateSinceNs, release);
    m_slot->itemsDone.store(0, release);
    m_slot->lockAcquisitions.store(0, release);
    m_slot->waits.store(0, release);
    m_slot->waitedNs.store(0, release);
    for (auto &held : m_slot->heldLocks)
        held.store(-1, release);
    // A reused slot must not look like a stepping thread until its new owner says so (StepGate).
    clearStep(m_slot->step);
    endWrite();
}

StepRecord *ThreadTelemetry::stepRecord() const
{
    return m_slot ? &m_slot->step : nullptr;
}

void ThreadTelemetry::writeRole(const QString &role)
{
    // At most 15 bytes of UTF-8, cut before a continuation byte so no character is split.
    QByteArray bytes = role.toUtf8();
    qsizetype length = std::min<qsizetype>(bytes.size(), TelemetryLayout::roleBytes - 1);
    while (length > 0 && length < bytes.size() && (std::uint8_t(bytes.at(length)) & 0xc0) == 0x80)
        --length;
    char packed[TelemetryLayout::roleBytes] = {};
    std::memcpy(packed, bytes.constData(), std::size_t(length));
    for (std::size_t word = 0; word < std::size(m_slot->role); ++word) {
        std::uint64_t value = 0;
        std::memcpy(&value, packed + word * 8, 8);
        m_slot->role[word].store(value, release);
    }
}

void ThreadTelemetry::setState(ThreadState state, std::int64_t waitObject)
{
    if (!m_slot || (state == m_state && waitObject == m_waitObject))
        return;
    const std::int64_t now = MonotonicDeadline::nowNs();
    const bool wasWaiting = isWaitState(m_state);
    const bool waits = isWaitState(state);
    beginWrite();
    if (wasWaiting)
        bump(m_slot->waitedNs, std::uint64_t(now - m_stateSinceNs));
    // One wait per time the thread blocks: going from one wait to another inside the same blocking call (a get
    // that waits for an item, then for the queue's mutex to look again, then for an item) is still one wait.
    if (waits && !wasWaiting)
        bump(m_slot->waits, 1);
    m_slot->state.store(std::uint32_t(state), release);
    m_slot->waitObject.store(waitObject, release);
    m_slot->stateSinceNs.store(now, release);
    endWrite();
    m_state = state;
    m_waitObject = waitObject;
    m_stateSinceNs = now;
}

void ThreadTelemetry::addItems(std::uint64_t count)
{
    if (!m_slot)
        return;
    beginWrite();
    bump(m_slot->itemsDone, count);
    endWrite();
}

void ThreadTelemetry::noteLockAcquired(int lockIndex)
{
    if (!m_slot)
        return;
    beginWrite();
    if (m_heldCount < TelemetryLayout::maxHeldLocks)
        m_slot->heldLocks[m_heldCount].store(lockIndex, release);
    ++m_heldCount;
    m_slot->heldLockCount.store(std::uint32_t(m_heldCount), release);
    bump(m_slot->lockAcquisitions, 1);
    endWrite();
}

void ThreadTelemetry::noteLockReleased(int lockIndex)
{
    if (!m_slot || m_heldCount == 0)
        return;
    const int listed = std::min(m_heldCount, TelemetryLayout::maxHeldLocks);
    int position = -1;
    for (int i = listed - 1; i >= 0 && position < 0; --i) {
        if (m_slot->heldLocks[i].load(relaxed) == lockIndex)
            position = i;
    }
    if (position < 0 && m_heldCount <= TelemetryLayout::maxHeldLocks)
        return; // not held through this handle
    beginWrite();
    if (position >= 0) {
        for (int i = position; i + 1 < listed; ++i)
            m_slot->heldLocks[i].store(m_slot->heldLocks[i + 1].load(relaxed), release);
        m_slot->heldLocks[listed - 1].store(-1, release);
    }
    --m_heldCount;
    m_slot->heldLockCount.store(std::uint32_t(m_heldCount), release);
    endWrite();
}

void ThreadTelemetry::setRole(const QString &role)
{
    if (!m_slot)
        return;
    beginWrite();
    writeRole(role);
    endWrite();
}

void ThreadTelemetry::markExited()
{
    if (!m_slot)
        return;
    if (m_slot->occupancy.load(std::memory_order_acquire) != TelemetryLayout::slotLive) {
        // Released already by TelemetryBlock::releaseSlotsOf(): the slot is not ours to write any more.
        m_slot = nullptr;
        m_index = -1;
        return;
    }
    setState(ThreadState::Exited);
    beginWrite();
    m_slot->heldLockCount.store(0, release);
    for (auto &held : m_slot->heldLocks)
        held.store(-1, release);
    // A reused slot must not look like a stepping thread until its new owner says so (StepGate).
    clearStep(m_slot->step);
    endWrite();
    m_slot->occupancy.store(TelemetryLayout::slotExited, release);
    m_slot = nullptr;
    m_index = -1;
}
