#pragma once

#include "StepAction.h"

#include <cstdint>
#include <stop_token>

class ThreadTelemetry;
struct StepRecord;

// The stepping thread's side of step mode: before each of its lesson's actions the thread calls pass(), which
// parks it on the slot's futex word until the supervisor grants a step (StepControl::grant) or lets it run free;
// after the action, done() says what it did (race: the value loaded or stored).
//
// An inactive gate (default, or no telemetry slot) lets every pass() through at once, so the roles call it
// unconditionally. Used only by the thread that owns the slot.
class StepGate
{
public:
    StepGate() = default;
    // Stepping as thread `number` (1-based) of the experiment; inactive when `number` ≤ 0 or `telemetry` is null.
    StepGate(ThreadTelemetry *telemetry, int number);

    bool isActive() const { return m_record != nullptr; }
    // Waits for a grant before `action` on `object` (-1: none) with `value` known beforehand (race store: the value
    // it will write). True at once when inactive or free; false when `stop` was requested while it waited.
    bool pass(StepAction action, std::int64_t object, std::int64_t value, const std::stop_token &stop);
    // The step granted by the last pass() has finished with `result`.
    void done(std::int64_t result = 0);

private:
    StepRecord *m_record = nullptr;
    std::uint32_t m_taken = 0;
};
