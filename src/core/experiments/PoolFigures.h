#pragma once

#include <QList>
#include <QString>

// The layout of the figures the pool driver (the worker's "pool" thread) writes into the telemetry block, and
// how to read them: per mode a makespan, and per task the worker PID and its start and end (ns since the
// driver's start of that mode). Shared by the worker, which writes, and PoolExperiment, which reads.
class PoolFigures
{
public:
    static constexpr int MaxTasks = 64;
    static constexpr int ModeCount = 3; // apply, apply_async, map
    static constexpr int PerTask = 3;   // pid, start ns, end ns

    struct Task
    {
        qint64 pid = 0;
        double startS = 0;
        double endS = 0;
    };

    explicit PoolFigures(const QList<qint64> &figures);

    static int figureCount() { return ModeCount * (1 + MaxTasks * PerTask); }
    static QString modeName(int mode);
    static int modeIndex(const QString &name); // -1 when unknown
    static int makespanIndex(int mode) { return mode * (1 + MaxTasks * PerTask); }
    static int taskIndex(int mode, int task) { return makespanIndex(mode) + 1 + task * PerTask; }

    double makespanS(int mode) const;
    Task task(int mode, int task) const;

private:
    QList<qint64> m_figures;
};
