#include "RaceRole.h"

#include "RoleContext.h"
#include "ipc/FigureBoard.h"
#include "ipc/MonotonicDeadline.h"
#include "ipc/SharedLock.h"
#include "ipc/TelemetryBlock.h"
#include "ipc/ThreadTelemetry.h"

#include "ipc/StepGate.h"

#include <sched.h>

void RaceRole::run(const RoleContext &context)
{
    const FigureBoard *figures = context.channels.figures;
    if (!figures || figures->count() < 2)
        return;
    std::atomic<std::int64_t> &counter = *figures->at(0);
    std::atomic<std::int64_t> &startLine = *figures->at(1);

    startLine.fetch_add(1);
    while (startLine.load() < context.settings.party && !context.stop.stop_requested())
        ::sched_yield();

    const bool locked = !context.settings.locks.isEmpty() && context.channels.telemetry;
    SharedLock lock = locked ? context.channels.telemetry->lock(context.settings.locks.front()) : SharedLock();
    WaitOptions options;
    options.stop = context.stop;
    options.telemetry = context.telemetry;
    // The racers race for a fixed time, not a fixed count: on a busy machine a count could be done before the
    // other racer ever got a core, and nothing would overlap.
    constexpr int Batch = 1024;
    int pending = 0;
    // Each racer's own: a shared scratch variable written by every racer would be a C++ data race of its own.
    volatile int sink = 0;
    const std::int64_t until = MonotonicDeadline::nowNs() + std::int64_t(context.settings.rounds) * 1'000'000;
    StepGate &gate = *context.gate;
    // Step mode: every step is the student's; the race counts increments (each store reported at once), not time.
    const bool stepping = gate.isActive();
    const std::stop_token &stop = context.stop;
    constexpr std::int64_t CounterObject = 0; // the figure board's counter
    while (!stop.stop_requested()) {
        if (locked && (!gate.pass(StepAction::Acquire, 0, 0, stop) || lock.lock(options) != IpcStatus::Ok))
            break;
        if (locked)
            gate.done(0);
        if (!gate.pass(StepAction::Load, CounterObject, 0, stop))
            break;
        // Deliberately not fetch_add: read, add, write back, like `balance = balance + 1`.
        const std::int64_t value = counter.load(std::memory_order_relaxed);
        gate.done(value);
        // A little work between the read and the write (Python spends far longer there): it widens the window
        // in which another thread's update is overwritten, so the race shows on any machine.
        for (int spin = 0; spin < 16; ++spin)
            sink = sink + spin;
        if (!gate.pass(StepAction::Store, CounterObject, value + 1, stop))
            break;
        counter.store(value + 1, std::memory_order_relaxed);
        gate.done(value + 1);
        if (stepping && context.telemetry)
            context.telemetry->addItems(1);
        if (locked) {
            const bool granted = gate.pass(StepAction::Release, 0, 0, stop);
            lock.unlock(context.telemetry); // released on a stop too
            if (!granted)
                break;
            gate.done(0);
        }
        if (stepping)
            continue;
        if (++pending == Batch) {
            if (context.telemetry)
                context.telemetry->addItems(pending);
            pending = 0;
            if (MonotonicDeadline::nowNs() >= until)
                break;
        }
    }
    if (context.telemetry && pending)
        context.telemetry->addItems(pending);
}
