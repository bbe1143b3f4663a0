#pragma once

#include "CpuLoad.h"
#include "ProcessSample.h"
#include "TaskSample.h"

#include <QList>
#include <QMetaType>
#include <QtGlobal>

#include <memory>

// Everything one sampler tick saw. Built once by TaskSampler, then never changed: it is handed out as
// std::shared_ptr<const Snapshot> and read from several threads (GUI, recorder, experiments) at once.
struct Snapshot
{
    quint64 sequence = 0;     // 1, 2, 3 … per sampler
    qint64 monotonicNs = 0;   // CLOCK_MONOTONIC at the start of the tick
    double intervalS = 0;     // time since the previous tick (0 for the first)
    CpuLoad total;            // the whole machine (core -1)
    QList<CpuLoad> cpus;      // one per core, by core number
    int runnableTasks = -1;   // procs_running of /proc/stat when the tick began (the sampler included); -1 unknown
    QList<ProcessSample> processes; // by PID
    QList<TaskSample> tasks;  // by PID, then TID; tasks that ended in this interval appear once as Terminated
    int unwatchedTasks = 0;   // tasks (or processes) not read this tick for want of a file descriptor (EMFILE)
    int keptFiles = 0;        // descriptors the sampler keeps open (the rest of its files are read per read)
};

using SnapshotPtr = std::shared_ptr<const Snapshot>;

Q_DECLARE_METATYPE(std::shared_ptr<const Snapshot>)
