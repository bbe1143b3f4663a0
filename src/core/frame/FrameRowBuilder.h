#pragma once

#include "Frame.h"
#include "TaskRow.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

struct SessionMoment;

// The one rule that turns what a session knows at a moment into the task tree's rows, used by the live window and
// the replay alike (docs/architecture.md, "The frame pipeline"). A live source keeps a SessionMoment fed with the
// events it records (LiveFrames); a replay folds the recorded events up to t (SessionReplay::momentAt). Pure.
class FrameRowBuilder
{
    Q_DECLARE_TR_FUNCTIONS(FrameRowBuilder)

public:
    // A row per process the session started or adopted (process.spawn) and has not seen end, unless it is a
    // zombie; a row per thread of such a process that has not ended. So ProcLab's own process, which the session
    // never spawned, is never shown. A process shows the most active state of its threads (Running, Ready,
    // Blocked, Stopped, New), is Stopped when its main thread is, is New while no thread of it was seen, and is
    // Zombie once it became one; its shares are its threads' mean, its CPU their sum, its core its main thread's,
    // its GIL its threads' GIL shares summed (at most 1). A process that died while it mattered
    // (SessionMoment::Ghost) stays until the run stops as a Terminated ghost row, with the thread that held a lock
    // under it, its reason saying what it was.
    static QList<TaskRow> rowsOf(const SessionMoment &moment);
    // The frame of a recorded moment: rows, the last cpu.sample, the last queue.sample of each queue, the
    // wait-for input rebuilt from the samples (ReplayWaits), and whether a deadlock is unresolved.
    static Frame frameOf(const SessionMoment &moment, double t);
    // A cpu.sample's "cpus" as loads; a queue.sample's fields as counters.
    static QList<CpuLoad> cpusOf(const QJsonArray &cpus);
    static QueueStats queueOf(const QJsonObject &fields);
    // What a ghost was, in words: "held L1 when killed at 1.0 s", "parent of 2 orphans, killed at 1.0 s",
    // "zombie (killed by SIGTERM), reaped at 3.0 s".
    static QString ghostWords(const SessionMoment &moment, qint64 pid);
};
