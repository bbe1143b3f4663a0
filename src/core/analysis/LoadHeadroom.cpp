#include "LoadHeadroom.h"
#include "base/EventKind.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {
// One task's running share over time: each sample's share holds until the task's next sample (samples come on
// every change and at least twice a second, so a busy stretch makes more of them than an idle one: a plain mean
// of the samples would weigh the busy stretches more than their time).
struct TaskTrack
{
    double integral = 0; // core-seconds
    double lastT = -1;
    double lastRunning = 0;
};
constexpr double HoldS = 0.5; // how long a task's last sample counts at most (until the last cpu.sample)
} // namespace

LoadHeadroom::LoadHeadroom(const QList<SessionEvent> &events)
{
    QSet<int> cpus;
    bool haveAllowance = false;
    double start = 0;
    double busySum = 0;
    int cpuSamples = 0;
    double firstCpu = -1;
    double lastCpu = 0;
    QHash<qint64, TaskTrack> tasks;
    for (const SessionEvent &event : events) {
        if (event.kind == EventKind::ExperimentStart) {
            start = event.t;
            const QJsonObject allowance = event.fields.value(u"allowance"_s).toObject();
            if (allowance.isEmpty())
                continue;
            haveAllowance = true;
            for (const QJsonValue &cpu : allowance.value(u"cpus"_s).toArray())
                cpus.insert(cpu.toInt());
            m_quota = allowance.value(u"quota"_s).toDouble(-1);
        } else if (event.kind == EventKind::CpuSample) {
            // The first sample is the average since boot: not this run's.
            if (firstCpu < 0) {
                firstCpu = event.t;
                continue;
            }
            for (const QJsonValue &value : event.fields.value(u"cpus"_s).toArray()) {
                const QJsonObject cpu = value.toObject();
                if (cpus.isEmpty() || cpus.contains(cpu.value(u"core"_s).toInt()))
                    busySum += std::clamp(cpu.value(u"busy"_s).toDouble(), 0.0, 1.0);
            }
            ++cpuSamples;
            lastCpu = event.t;
        } else if (event.kind == EventKind::TaskSample) {
            TaskTrack &track = tasks[event.fields.value(u"tid"_s).toInteger()];
            if (track.lastT >= 0)
                track.integral += track.lastRunning * std::max(0.0, event.t - track.lastT);
            track.lastT = event.t;
            track.lastRunning = std::clamp(event.fields.value(u"running"_s).toDouble(), 0.0, 1.0);
        }
    }
    if (!haveAllowance || cpuSamples == 0)
        return;
    m_known = true;
    m_allowed = double(cpus.size());
    if (m_quota > 0)
        m_allowed = m_allowed > 0 ? std::min(m_allowed, m_quota) : m_quota;
    // Each task's core-seconds over the run, so a pool worker busy for one second does not count as busy for
    // the whole run.
    const double span = std::max(0.5, lastCpu - std::max(start, firstCpu));
    for (const TaskTrack &track : std::as_const(tasks))
        m_lab += (track.integral + track.lastRunning * std::clamp(lastCpu - track.lastT, 0.0, HoldS)) / span;
    m_others = std::max(0.0, busySum / cpuSamples - m_lab);
}

double LoadHeadroom::freeCores() const
{
    double free = std::max(0.0, m_allowed - m_others);
    if (m_quota > 0)
        free = std::min(free, m_quota);
    return free;
}

QJsonObject LoadHeadroom::toJson() const
{
    return {{u"allowed_cores"_s, m_allowed}, {u"other_busy"_s, m_others}, {u"lab_running"_s, m_lab},
            {u"free_cores"_s, freeCores()}};
}
