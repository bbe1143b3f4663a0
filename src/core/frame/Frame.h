#pragma once

#include "TaskRow.h"

#include "analysis/WaitInput.h"
#include "ipc/QueueStats.h"
#include "probe/CpuLoad.h"
#include "session/SessionReportData.h"

#include <QList>
#include <QStringList>

// What every view shows for one tick, whatever the source: a live experiment (ExperimentFrames over
// ExperimentRun), a watched program (ProgramRun) or a recording at a moment (FrameRowBuilder over a
// SessionMoment). Built in core, handed to the window's one fan-out (FrameFanOut). Plain values.
struct Frame
{
    double t = 0;          // session time, seconds
    double intervalS = 0;  // the sampling interval (0 in a replay)
    quint64 tick = 0;      // the sampler tick's own number (Snapshot::sequence); 0 in a replay
    QList<TaskRow> rows;   // FrameRowBuilder::rowsOf: one rule for live and replay
    QList<CpuLoad> cpus;   // per core; empty when none was measured yet
    QList<QueueStats> queues; // the session's queues, as recorded (queue.sample), in queueNames' order
    QStringList queueNames;   // "Q1", "pipe" …
    bool hasWaits = false; // the source knows what lab threads wait on (a program run does not)
    WaitTick waits;        // the wait-for input the analysis used (live: with the futex observations)
    bool deadlocked = false; // an unresolved deadlock.detected at this moment
    QList<SessionReportData::PoolTask> poolTasks; // the pool's tasks ended so far, in session time (Gantt chart)

};
