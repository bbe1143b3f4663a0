#pragma once

#include "ipc/TelemetrySnapshot.h"
#include "probe/Snapshot.h"

#include <QCoreApplication>

// Merges what lab threads say about themselves (the telemetry block) into what the kernel says about them (the
// sampler's Snapshot): a lab thread blocked on a futex becomes "queue full (Q1)" or "lock L2 held by TID 812".
// A stepping thread parked at its gate (step mode) is "paused before: store counter ← 42", the step it waits to be
// granted. The kernel's own reason stays for every thread the telemetry says nothing about.
class LabTaskAnnotator
{
    Q_DECLARE_TR_FUNCTIONS(LabTaskAnnotator)
public:
    // A copy of `snapshot` with the reasons of blocked lab threads replaced by the telemetry's words.
    static SnapshotPtr annotate(const SnapshotPtr &snapshot, const TelemetrySnapshot &telemetry);
    // The plain words for one slot's wait; empty when it is not waiting on a lab object.
    static QString describe(const ThreadTelemetrySample &slot, const TelemetrySnapshot &telemetry);
    // The step a parked stepping thread waits before, in words ("paused before: acquire L2"); empty when the slot is
    // not parked at a gate.
    static QString pausedBefore(const ThreadTelemetrySample &slot, const TelemetrySnapshot &telemetry);
};
