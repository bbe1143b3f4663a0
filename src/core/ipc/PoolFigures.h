#pragma once

#include <QList>
#include <QString>

// The layout of the figures the pool driver (the worker's "pool" thread) writes into the figure board, and how to
// read them: per mode its makespan, the CLOCK_MONOTONIC time it started, and per task the worker PID and its start
// and end (ns since the driver's start of that mode; end 0 while the task runs). Shared by the worker, which writes, and PoolExperiment, which reads.
class PoolFigures
{
public:
    static constexpr int MaxTasks = 64;
    static constexpr int ModeCount = 3; // apply, apply_async, map
    static constexpr int PerTask = 3;   // pid, start ns, end ns

    struct Task
    {
        qint64 pid = 0;
        double startS = 0; // since the mode's start
        double endS = 0;   // 0: not ended yet
    };

    explicit PoolFigures(const QList<qint64> &figures);

    static constexpr int PerMode = 2 + MaxTasks * PerTask; // makespan, start, the tasks
    static int figureCount() { return ModeCount * PerMode; }
    static QString modeName(int mode);
    static int modeIndex(const QString &name); // -1 when unknown
    static int makespanIndex(int mode) { return mode * PerMode; }
    static int modeStartIndex(int mode) { return makespanIndex(mode) + 1; }
    static int taskIndex(int mode, int task) { return makespanIndex(mode) + 2 + task * PerTask; }

    double makespanS(int mode) const; // 0 while the mode runs or when it did not run
    qint64 modeStartNs(int mode) const { return m_figures.value(modeStartIndex(mode)); } // 0: not started
    Task task(int mode, int task) const;

private:
    QList<qint64> m_figures;
};
