#pragma once

#include "base/SessionEvent.h"

#include <QJsonObject>
#include <QList>

// How many cores were free for the lab during a recorded run: the cores it was allowed (affinity mask and cgroup
// quota, the experiment.start event's "allowance") minus what everything else on the machine kept busy — the busy
// share of the allowed cores (cpu.sample) less the running share of the lab's own tasks (task.sample). Pure over
// the events, so a session read back from disk gives the same figures.
//
// Why not only the load average or /proc/stat: on a 2-core machine one unrelated busy program takes half of it,
// and in a container /proc/stat covers the whole host; what matters is the share of the lab's own cores that the
// lab did not use.
class LoadHeadroom
{
public:
    explicit LoadHeadroom(const QList<SessionEvent> &events);

    // Whether the run recorded what is needed (an allowance and at least one cpu.sample).
    bool isKnown() const { return m_known; }
    double allowedCores() const { return m_allowed; }
    // Cores' worth of time the rest of the machine used on the lab's CPUs, on average over the run (≥ 0).
    double otherBusy() const { return m_others; }
    double lab() const { return m_lab; }
    // allowed − others, never below 0 and never above the quota.
    double freeCores() const;
    QJsonObject toJson() const;

private:
    bool m_known = false;
    double m_allowed = 0;
    double m_quota = -1;
    double m_others = 0;
    double m_lab = 0;
};
