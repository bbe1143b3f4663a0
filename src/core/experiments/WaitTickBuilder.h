#pragma once

#include "analysis/WaitInput.h"
#include "control/LabProcessInfo.h"
#include "ipc/TelemetrySnapshot.h"

#include <QSet>

// Fills the deadlock analysis's plain input (WaitTick) from what the lab knows at one tick: the telemetry block
// (what each lab thread says it waits on, who owns each lock), the processes the controller started, and the
// TIDs the sampler saw alive. A thread's side of a queue follows its role as the controller recorded it
// (LabThreadInfo::role), never its name (LabRole::putsInto). Kept apart so the analysis stays independent of shared memory and /proc.
class WaitTickBuilder
{
public:
    // liveTids: TIDs the sampler saw this tick in a state other than Zombie or Terminated.
    static WaitTick build(double t, const TelemetrySnapshot &telemetry, const QList<LabProcessInfo> &processes,
                          const QSet<qint64> &liveTids);
};
