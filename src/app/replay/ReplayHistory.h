#pragma once

#include "timeline/TimelineHistory.h"

#include "ipc/QueueStats.h"
#include "probe/CpuLoad.h"
#include "session/SessionMoment.h"

#include <QJsonArray>
#include <QList>

class SessionReplay;
struct SessionEvent;

// What a replay shows over a span of session time, built from the recorded samples only: the per-core loads
// (cpu.sample, the lab's part of each from the rows at that moment), the queues (queue.sample, grouped by tick), and — for a whole history window — each thread's
// state runs and each core's thread runs. A seek back, or a jump forward, gives the views the window that ends
// at the new moment in one piece, so they show the same minute whichever way the user came there.
struct ReplayHistory
{
    struct CpuSample
    {
        double t = 0;
        QList<CpuLoad> cpus;
        // Per core, the lab's share (LabCoreShare over the rows of the moment the sample was taken in), as the
        // live chart draws it; the rest of the busy time is other programs'.
        QList<double> labShares;
    };
    struct QueueSample
    {
        double t = 0;
        QList<QueueStats> queues; // one per recorded queue, by name
        QStringList names;
    };

    bool reset = false; // true: the views drop what they had and take this as their whole history
    double from = 0;
    double to = 0;
    QList<CpuSample> cpus;
    QList<QueueSample> queues;
    QList<ThreadLane> lanes;   // reset only
    QList<QList<CoreRun>> cores; // reset only: one list per core

    // The samples recorded in events [first, last): what a step forward adds. `atFirst`: the moment after the
    // first `first` events (the moment the views showed before the step, which the caller has).
    static ReplayHistory samplesBetween(const SessionReplay &replay, qsizetype first, qsizetype last,
                                        SessionMoment atFirst);
    // The whole window (from, to]: samples, and the lanes and core runs starting from the moment at `from`.
    // `cores`: the machine's core count (the header's).
    static ReplayHistory window(const SessionReplay &replay, double from, double to, int cores);

private:
    // `moment`: the recording's moment with `event` in it (its rows give the lab's share of each core).
    void addSample(const SessionEvent &event, const SessionMoment &moment);
};
