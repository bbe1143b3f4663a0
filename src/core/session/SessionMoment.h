#pragma once

#include "SessionReportData.h"
#include "base/SessionEvent.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

// What a session looked like at one moment: the processes and threads alive, each thread's last sample, the
// cores' and queues' last samples, an unresolved deadlock. apply() folds one event into it — the one rule for
// both the live window (LiveFrames feeds it the events as they are recorded) and the replay (fed the recorded
// events up to t), so that a replayed moment equals what was live at that moment by construction; the rows of
// either come from FrameRowBuilder.
struct SessionMoment
{
    struct Task
    {
        qint64 pid = 0;
        qint64 tid = 0;
        QString role;
        QString name;       // thread.start's name ("producer-3"); empty for a main thread
        QString state = QStringLiteral("new");
        double running = 0;
        double ready = 0;
        double blocked = 0;
        double cpu = 0;
        int core = -1;
        QString reason;
        QString wait;      // what the lab thread waits on (task.sample "wait": "lock", "queue_full", …); "" none
        qint64 waitOn = 0; // the object's id
        QString waitLabel; // a lock's name ("L2"); empty for other waits
        QStringList holds; // names of the locks it holds, oldest first
        quint64 tick = 0;  // the sampler tick of its last task.sample (0: unknown)
        double gil = -1;   // its last task.sample's `gil` (CPython's GIL held); -1 when that sample had none
        bool operator==(const Task &) const = default;
    };
    struct Process
    {
        qint64 pid = 0;
        qint64 ppid = 0;
        QString name;
        QString role;
        qint64 formerPpid = 0; // the parent before its last re-parenting (process.reparent "from"); 0: none
        bool zombie = false;
        bool exited = false;
        QJsonObject exit; // the process.exit fields: code, or signal and signal_name
        double exitT = -1; // when it ended
        QStringList heldAtExit; // locks its threads held when they ended (their last task.sample's "holds")
        qint64 holderTid = 0;   // the thread that held them
        QString holderName;
        bool runsLabThreads = false; // a thread.start with a role came from it: its role-less main thread is the
                                     // lab's control loop, also once its lab threads have ended
        bool operator==(const Process &) const = default;
    };
    // A process that died while it mattered, kept for the rest of the run as a greyed row (FrameRowBuilder):
    // it held a lock when it ended, it left children behind (orphans), or it was a zombie and has been reaped.
    struct Ghost
    {
        qint64 pid = 0;
        qint64 ppid = 0;
        QString name;
        QString role;
        double diedT = -1;     // its process.exit
        QJsonObject exit;      // code, or signal and signal_name
        QStringList locks;     // the locks it held when it ended
        qint64 holderTid = 0;  // the thread of it that held them
        QString holderName;
        int orphans = 0;       // its children still alive when it ended
        double reapedT = -1;   // a zombie's process.reap; -1: it was no zombie
        bool operator==(const Ghost &) const = default;
    };

    double t = 0;                      // the latest t applied
    qsizetype eventCount = 0;          // events applied
    QMap<qint64, Process> processes;   // by PID; a process leaves when it is reaped
    QMap<qint64, Task> tasks;          // by TID; a thread leaves at thread.exit, or when its process is reaped
    QJsonArray cpus;                   // the last cpu.sample's "cpus"
    double cpusT = -1;                 // its t; -1 before the first
    QMap<QString, QJsonObject> queues; // the last queue.sample of each queue, by name
    QList<SessionReportData::PoolTask> poolTasks; // every pool.task so far, as each task ended (at most MaxPoolTasks)
    QMap<qint64, Ghost> ghosts;        // the dead that mattered, by PID, until the session ends (Ghost)
    QJsonObject deadlock;              // the last deadlock.detected, until a deadlock.resolved; else empty
    QList<QJsonObject> deadOwners;     // lock.owner_dead findings, until a deadlock.resolved
    QList<QJsonObject> inversions;     // every lock_order.inversion so far (a potential deadlock stays one)
    QJsonObject phenomenon;            // the last phenomenon event's fields
    bool stopped = false;              // experiment.stop was seen

    // Folds one event in. Kinds it does not know only advance t and eventCount.
    void apply(const SessionEvent &event);
    // Whether a ghost of this moment is shown: ghosts last for the rest of the run.
    bool ghostsShown() const { return !stopped; }

    bool operator==(const SessionMoment &) const = default;

private:
    Ghost &ghostOf(const Process &process);
    void keepIfItMattered(const Process &process, double t);
};
