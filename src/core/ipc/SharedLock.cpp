#include "SharedLock.h"

#include "MonotonicDeadline.h"
#include "ProcessSharedMutex.h"
#include "TelemetryLayout.h"
#include "ThreadIdentity.h"
#include "ThreadTelemetry.h"

#include <cerrno>
#include <cstring>

namespace {
constexpr auto relaxed = std::memory_order_relaxed;
} // namespace

SharedLock::SharedLock(SharedLockRecord *record, int index)
    : m_record(record)
    , m_index(index)
{
}

QString SharedLock::name() const
{
    if (!m_record)
        return {};
    return QString::fromUtf8(m_record->name, qsizetype(strnlen(m_record->name, sizeof m_record->name)));
}

bool SharedLock::isRobust() const
{
    return m_record && m_record->robust != 0;
}

void SharedLock::addWaiter(pid_t tid)
{
    m_record->waiterCount.fetch_add(1, relaxed);
    for (auto &entry : m_record->waiters) {
        std::int32_t expected = 0;
        if (entry.compare_exchange_strong(expected, tid, relaxed))
            return;
    }
}

void SharedLock::removeWaiter(pid_t tid)
{
    for (auto &entry : m_record->waiters) {
        std::int32_t expected = tid;
        if (entry.compare_exchange_strong(expected, 0, relaxed))
            break;
    }
    m_record->waiterCount.fetch_sub(1, relaxed);
}

IpcStatus SharedLock::lock(const WaitOptions &options, bool *ownerDied)
{
    if (ownerDied)
        *ownerDied = false;
    if (!m_record)
        return IpcStatus::Failed;
    if (m_record->notRecoverable.load(relaxed) != 0)
        return IpcStatus::NotRecoverable; // see ProcessSharedMutex: glibc reports it only once
    const pid_t tid = ThreadIdentity::currentTid();
    ProcessSharedMutex::Outcome outcome = ProcessSharedMutex::tryLock(&m_record->mutex);
    if (outcome == ProcessSharedMutex::Outcome::Busy) {
        // Announce the wait before blocking: this is what the wait-for graph reads.
        ThreadTelemetry *telemetry = options.telemetry;
        const ThreadState before = telemetry ? telemetry->state() : ThreadState::Idle;
        const std::int64_t beforeObject = telemetry ? telemetry->waitObject() : -1;
        addWaiter(tid);
        if (telemetry)
            telemetry->setState(ThreadState::WaitLock, m_index);
        MonotonicDeadline deadline(options.timeout);
        outcome = ProcessSharedMutex::waitLock(&m_record->mutex, options, deadline);
        removeWaiter(tid);
        if (telemetry)
            telemetry->setState(before, beforeObject);
    }
    switch (outcome) {
    case ProcessSharedMutex::Outcome::Acquired:
        break;
    case ProcessSharedMutex::Outcome::OwnerDied:
        // The lock guards no state of its own: the lesson is that the next locker is told and goes on.
        m_record->lastDeadOwner.store(m_record->owner.load(relaxed), relaxed);
        m_record->ownerDeaths.fetch_add(1, relaxed);
        if (ProcessSharedMutex::markConsistent(&m_record->mutex) != 0) {
            ProcessSharedMutex::unlock(&m_record->mutex);
            return IpcStatus::Failed;
        }
        if (ownerDied)
            *ownerDied = true;
        break;
    case ProcessSharedMutex::Outcome::NotRecoverable:
        m_record->notRecoverable.store(1, relaxed);
        return IpcStatus::NotRecoverable;
    case ProcessSharedMutex::Outcome::Timeout:
        return IpcStatus::Timeout;
    case ProcessSharedMutex::Outcome::Stopped:
        return IpcStatus::Stopped;
    case ProcessSharedMutex::Outcome::Busy:
    case ProcessSharedMutex::Outcome::Failed:
        return IpcStatus::Failed;
    }
    m_record->owner.store(TelemetryLayout::packOwner(ThreadIdentity::currentPid(), tid), relaxed);
    m_record->acquisitions.fetch_add(1, relaxed);
    if (options.telemetry)
        options.telemetry->noteLockAcquired(m_index);
    return IpcStatus::Ok;
}

IpcStatus SharedLock::unlock(ThreadTelemetry *telemetry)
{
    if (!m_record)
        return IpcStatus::Failed;
    const std::uint64_t owner = m_record->owner.load(relaxed);
    m_record->owner.store(0, relaxed);
    if (ProcessSharedMutex::unlock(&m_record->mutex) != 0) {
        m_record->owner.store(owner, relaxed); // not ours (EPERM): leave the record as it was
        return IpcStatus::Failed;
    }
    if (telemetry)
        telemetry->noteLockReleased(m_index);
    return IpcStatus::Ok;
}

LockSample SharedLock::sample() const
{
    LockSample sample;
    if (!m_record)
        return sample;
    sample.index = m_index;
    sample.name = name();
    sample.robust = m_record->robust != 0;
    const std::uint64_t owner = m_record->owner.load(relaxed);
    sample.ownerPid = TelemetryLayout::ownerPid(owner);
    sample.ownerTid = TelemetryLayout::ownerTid(owner);
    sample.waiterCount = int(m_record->waiterCount.load(relaxed));
    for (const auto &entry : m_record->waiters) {
        const std::int32_t tid = entry.load(relaxed);
        if (tid != 0)
            sample.waiterTids.append(tid);
    }
    sample.acquisitions = m_record->acquisitions.load(relaxed);
    sample.ownerDeaths = m_record->ownerDeaths.load(relaxed);
    const std::uint64_t lastDead = m_record->lastDeadOwner.load(relaxed);
    sample.lastDeadOwnerPid = TelemetryLayout::ownerPid(lastDead);
    sample.lastDeadOwnerTid = TelemetryLayout::ownerTid(lastDead);
    sample.notRecoverable = m_record->notRecoverable.load(relaxed) != 0;
    return sample;
}
