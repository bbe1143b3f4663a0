#pragma once

#include "WorkerThread.h"
#include "ipc/ThreadState.h"

#include <QByteArray>
#include <QLatin1String>

#include <cstdint>
#include <stop_token>

class FigureBoard;

// What a lesson role (race, join, isolation, pool) gets from the WorkerThread that runs it: its settings, the
// worker's shared pieces, its telemetry slot (may be null) and the cooperative stop token.
struct RoleContext
{
    const ThreadSpec &settings;
    const WorkerChannels &channels;
    ThreadTelemetry *telemetry;
    std::stop_token stop;
    pid_t tid;
    StepGate *gate; // step mode: pass it before each lesson action (inactive outside step mode); never null

    // Sleeps until `untilNs` (CLOCK_MONOTONIC) in slices, so a stop request that raced past the wake signal is
    // still seen soon; false on stop.
    static bool sleepUntil(std::int64_t untilNs, const std::stop_token &stop);
    bool sleepMs(int ms) const;
    // Burns `ns` of this thread's own CPU time (CLOCK_THREAD_CPUTIME_ID): a CPU-bound task whose wall time grows
    // when it must share a core.
    static void burnCpu(std::int64_t ns);
    void setState(ThreadState state, std::int64_t waitObject = -1) const;
    // A helper thread the role started itself (not through "add"): called in the helper, it names the thread and
    // tells the supervisor (thread-start, then thread-exit from helperEnds), so the task list shows it as the
    // lab's and takes its process's main thread for the control loop it is. Returns the helper's TID.
    pid_t announceHelper(QLatin1String role, const QByteArray &name) const;
    void helperEnds(pid_t tid, QLatin1String role) const;
};
