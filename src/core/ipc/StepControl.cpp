#include "StepControl.h"

#include "TelemetryBlock.h"
#include "TelemetryLayout.h"

#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <climits>

namespace {
void wakeAll(std::atomic<std::uint32_t> &word)
{
    // Not private: the waiter is a thread of a lab process.
    ::syscall(SYS_futex, reinterpret_cast<std::uint32_t *>(&word), FUTEX_WAKE, INT_MAX, nullptr, nullptr, 0);
}
} // namespace

const ThreadTelemetrySample *StepControl::find(const TelemetrySnapshot &snapshot, int number)
{
    const ThreadTelemetrySample *exited = nullptr;
    for (const ThreadTelemetrySample &thread : snapshot.threads) {
        if (thread.step.number != number)
            continue;
        if (!thread.exited)
            return &thread;
        exited = &thread;
    }
    return exited;
}

QList<int> StepControl::numbers(const TelemetrySnapshot &snapshot)
{
    QList<int> found;
    for (const ThreadTelemetrySample &thread : snapshot.threads)
        if (thread.step.number > 0 && !found.contains(thread.step.number))
            found.append(thread.step.number);
    std::sort(found.begin(), found.end());
    return found;
}

bool StepControl::grant(int slot)
{
    StepRecord *record = m_block ? m_block->stepRecord(slot) : nullptr;
    if (!record)
        return false;
    record->grants.fetch_add(1, std::memory_order_acq_rel);
    wakeAll(record->grants);
    return true;
}

bool StepControl::runFree(int slot)
{
    StepRecord *record = m_block ? m_block->stepRecord(slot) : nullptr;
    if (!record)
        return false;
    record->free.store(1, std::memory_order_release);
    record->grants.fetch_add(1, std::memory_order_acq_rel); // changes the futex word, so the sleeper wakes
    wakeAll(record->grants);
    return true;
}
