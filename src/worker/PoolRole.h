#pragma once

struct RoleContext;

// The `pool` experiment, both sides. The driver ("pool" thread of the parent) hands out CPU-bound tasks on queue 0
// of the telemetry block and collects results from queue 1, in the modes of Python's Pool: apply (one task, wait
// for its result, next), apply_async (all tasks at once, then all results) and map (chunks of tasks at once). It
// writes each task's worker PID, start and end, and each mode's makespan, into the figures (PoolFigures layout).
// A pool worker (process role "pool-worker") takes tasks from queue 0, burns each task's CPU time, and puts a
// result on queue 1.
class PoolRole
{
public:
    static void runDriver(const RoleContext &context);
    static void runWorker(const RoleContext &context);
};
