#pragma once

#include "frame/TaskRow.h"

#include <QList>
#include <QString>

// The history the timeline tab draws, as plain values: the runs of one state per thread lane and the runs of one
// thread per core. The widgets keep their history in these; a replay builds them from the recorded events of the
// last minute in one go (ReplayHistory) instead of feeding the widgets tick by tick.
struct StateRun
{
    double start = 0;
    double end = 0;
    TaskState state = TaskState::New;
    bool operator==(const StateRun &) const = default;
};

// A stretch of time over which a Python thread held CPython's GIL for `share` of the time (its task.sample's
// `gil`, held until the next one).
struct GilRun
{
    double start = 0;
    double end = 0;
    double share = 0;
    bool operator==(const GilRun &) const = default;
};

struct ThreadLane
{
    qint64 pid = 0;
    qint64 tid = 0;
    QString name;
    QList<StateRun> runs; // oldest first, not overlapping
    double lastSeen = 0;  // the last time the thread was alive
    QList<GilRun> gil;    // oldest first; empty for a thread whose GIL is not read
    bool labControl = false; // a lab process's control thread (TaskRow::labControl): drawn only when asked for
};

struct CoreRun
{
    double start = 0;
    double end = 0;
    qint64 tid = 0;
    bool operator==(const CoreRun &) const = default;
};
