#pragma once

#include "CpuLoad.h"
#include "ProcRecords.h"

#include <QList>

// Turns successive /proc/stat readings into per-core load, with htop's arithmetic: guest is already inside user
// (not added twice), iowait counts as idle, steal is its own share and not busy, and every difference saturates at
// zero — the kernel's counters can go backwards (a core taken offline and back, or iowait, which is sampled per
// run queue and is known to step back).
//
// The shares are smoothed exponentially with a fixed time constant, because at 10 Hz a core has only 10 ticks
// per interval and the raw share jumps in steps of 10 %.
class CpuLoadMeter
{
public:
    explicit CpuLoadMeter(double smoothingSeconds = 0.5);

    // Feeds one reading (from ProcParser::parseCpuTimes: aggregate first) taken intervalS after the previous one.
    // The first reading has no previous one: its shares are those since boot. A core that appears later starts the
    // same way. Returns the aggregate as total and one CpuLoad per core in *cores.
    CpuLoad update(const QList<CpuTimes> &reading, double intervalS, QList<CpuLoad> *cores);

    // Raw (unsmoothed) load between two readings of one core; saturating. Pure.
    static CpuLoad between(const CpuTimes &before, const CpuTimes &after);
    // The smoothing weight of a new interval: 1 - exp(-interval / timeConstant).
    static double weight(double intervalS, double timeConstantS);

private:
    struct Core {
        CpuTimes last;
        CpuLoad smoothed;
        bool seen = false;
    };
    CpuLoad step(Core *core, const CpuTimes &now, double intervalS) const;

    static constexpr int MaxCore = 65535; // the kernel's NR_CPUS ceiling is far below
    double m_smoothingS;
    Core m_total;
    QList<Core> m_cores;
};
