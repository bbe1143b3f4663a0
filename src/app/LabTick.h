#pragma once

#include "TaskRow.h"

#include "ipc/TelemetrySnapshot.h"
#include "probe/Snapshot.h"

#include <QList>

// What the views get from one sampler tick, on the GUI thread: the task rows, the per-core load, the queues, and
// the raw snapshot and telemetry for whoever needs more.
struct LabTick
{
    double t = 0;          // session time, seconds
    double intervalS = 0;
    QList<TaskRow> rows;
    QList<CpuLoad> cpus;
    TelemetrySnapshot telemetry;
    SnapshotPtr snapshot;
};
