#pragma once

#include "analysis/WaitInput.h"

struct SessionMoment;

// The wait-for analysis's input (WaitTick) for a recorded moment, so that a replay draws the same graph the live
// window drew: each lab thread's wait and held locks from its last task.sample ("wait", "wait_on", "wait_label",
// "holds"), the queues' sides from the threads' recorded roles (LabRole::putsInto, as WaitTickBuilder decides
// live), the processes alive.
// Files recorded before task samples carried waits still show their findings: the cycle of an unresolved
// deadlock.detected (each member waits for what the event names, held by the TID it names) and the locks of
// lock.owner_dead findings.
class ReplayWaits
{
public:
    static WaitTick build(const SessionMoment &moment);
};
