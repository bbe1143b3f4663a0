#pragma once

#include "TaskRow.h"

#include "control/LabProcessInfo.h"
#include "ipc/TelemetrySnapshot.h"
#include "probe/Snapshot.h"

#include <QList>

// Turns one sampler tick into the task tree's rows: a row per lab process and per thread, with the lab's roles,
// the telemetry's item counters, and the (already annotated) reasons. Pure: no /proc, no widgets.
class TaskRowBuilder
{
public:
    // `supervisor`: the window's own PID, never shown (the sampler roots at it). Tasks the sampler reports as
    // Terminated and processes marked gone are left out: the model greys them itself when they stop coming.
    static QList<TaskRow> build(const Snapshot &snapshot, const TelemetrySnapshot &telemetry,
                                const QList<LabProcessInfo> &processes, qint64 supervisor);
    static LabTaskState stateOf(TaskState state);
};
