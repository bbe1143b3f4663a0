#include "CpuLoadMeter.h"

#include <cmath>

namespace {
quint64 since(quint64 before, quint64 after)
{
    return after > before ? after - before : 0;
}
} // namespace

CpuLoadMeter::CpuLoadMeter(double smoothingSeconds)
    : m_smoothingS(smoothingSeconds)
{
}

CpuLoad CpuLoadMeter::between(const CpuTimes &before, const CpuTimes &after)
{
    // user and nice already contain guest and guest_nice: the kernel adds guest time to both.
    const quint64 user = since(before.user, after.user) + since(before.nice, after.nice);
    const quint64 system = since(before.system, after.system) + since(before.irq, after.irq)
        + since(before.softirq, after.softirq);
    const quint64 idle = since(before.idle, after.idle);
    const quint64 iowait = since(before.iowait, after.iowait);
    const quint64 steal = since(before.steal, after.steal);
    const quint64 total = user + system + idle + iowait + steal;
    CpuLoad load;
    load.core = after.core;
    if (total == 0)
        return load;
    const double t = double(total);
    load.user = double(user) / t;
    load.system = double(system) / t;
    load.iowait = double(iowait) / t;
    load.steal = double(steal) / t;
    load.busy = load.user + load.system;
    return load;
}

double CpuLoadMeter::weight(double intervalS, double timeConstantS)
{
    if (timeConstantS <= 0 || intervalS <= 0)
        return 1.0;
    return 1.0 - std::exp(-intervalS / timeConstantS);
}

CpuLoad CpuLoadMeter::step(Core *core, const CpuTimes &now, double intervalS) const
{
    if (!core->seen) {
        core->smoothed = between(CpuTimes{}, now);
        core->seen = true;
    } else {
        const CpuLoad raw = between(core->last, now);
        const double w = weight(intervalS, m_smoothingS);
        CpuLoad &s = core->smoothed;
        s.user += w * (raw.user - s.user);
        s.system += w * (raw.system - s.system);
        s.iowait += w * (raw.iowait - s.iowait);
        s.steal += w * (raw.steal - s.steal);
        s.busy = s.user + s.system;
    }
    core->last = now;
    core->smoothed.core = now.core;
    return core->smoothed;
}

CpuLoad CpuLoadMeter::update(const QList<CpuTimes> &reading, double intervalS, QList<CpuLoad> *cores)
{
    cores->clear();
    CpuLoad total;
    for (const CpuTimes &times : reading) {
        if (times.core < 0) {
            total = step(&m_total, times, intervalS);
            continue;
        }
        if (times.core > MaxCore)
            continue;
        if (times.core >= m_cores.size())
            m_cores.resize(times.core + 1);
        cores->append(step(&m_cores[times.core], times, intervalS));
    }
    return total;
}
