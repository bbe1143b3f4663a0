#include "StepGate.h"

#include "TelemetryLayout.h"
#include "ThreadTelemetry.h"

#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <ctime>

namespace {
constexpr auto release = std::memory_order_release;
constexpr auto acquire = std::memory_order_acquire;

// Not FUTEX_PRIVATE_FLAG: the supervisor that wakes the word is another process sharing the memfd.
void waitWhileEqual(std::atomic<std::uint32_t> &word, std::uint32_t expected)
{
    // Sliced at 100 ms so that a stop request (SIGUSR1 may have raced past) is seen soon.
    const timespec slice{0, 100'000'000};
    ::syscall(SYS_futex, reinterpret_cast<std::uint32_t *>(&word), FUTEX_WAIT, expected, &slice, nullptr, 0);
}
} // namespace

StepGate::StepGate(ThreadTelemetry *telemetry, int number)
{
    if (!telemetry || number <= 0)
        return;
    m_record = telemetry->stepRecord();
    if (m_record)
        m_record->number.store(number, release);
}

bool StepGate::pass(StepAction action, std::int64_t object, std::int64_t value, const std::stop_token &stop)
{
    if (!m_record)
        return !stop.stop_requested();
    m_record->action.store(std::uint32_t(action), release);
    m_record->object.store(object, release);
    m_record->value.store(value, release);
    m_record->parked.store(1, release);
    for (;;) {
        if (stop.stop_requested()) {
            m_record->parked.store(0, release);
            return false;
        }
        if (m_record->free.load(acquire))
            break;
        const std::uint32_t grants = m_record->grants.load(acquire);
        if (grants > m_taken)
            break;
        waitWhileEqual(m_record->grants, grants);
    }
    ++m_taken;
    m_record->taken.store(m_taken, release);
    m_record->parked.store(0, release);
    return true;
}

void StepGate::done(std::int64_t result)
{
    if (!m_record)
        return;
    m_record->result.store(result, release);
    m_record->completed.store(m_taken, release);
}
