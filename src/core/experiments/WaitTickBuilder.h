#pragma once

#include "analysis/WaitInput.h"
#include "control/LabProcessInfo.h"
#include "ipc/TelemetrySnapshot.h"

#include <QSet>

// Fills the deadlock analysis's plain input (WaitTick) from what the lab knows at one tick: the telemetry block
// (what each lab thread says it waits on, who owns each lock), the processes the controller started, and the
// TIDs the sampler saw alive. Kept apart so the analysis stays independent of shared memory and /proc.
class WaitTickBuilder
{
public:
    // liveTids: TIDs the sampler saw this tick in a state other than Zombie or Terminated.
    static WaitTick build(double t, const TelemetrySnapshot &telemetry, const QList<LabProcessInfo> &processes,
                          const QSet<qint64> &liveTids);
    // Which side of queue (or pipe) `queue` a thread of this role is on: it puts into it, or takes from it.
    // Shared with the replay, which rebuilds the graph from recorded roles.
    static bool putsInto(const QString &role, qint64 queue);
    static bool takesFrom(const QString &role, qint64 queue);
};
