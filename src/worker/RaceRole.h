#pragma once

struct RoleContext;

// The `race` experiment's racer: adds 1 to a shared counter (figure 0) for `rounds` milliseconds, as a plain load
// and a plain store — the read-modify-write that loses updates when two threads interleave. With a lock (settings.locks) each
// update holds the lab's lock 0 instead. All racers wait for each other at a start line (figure 1) so that they
// really run at the same time.
class RaceRole
{
public:
    static void run(const RoleContext &context);
};
