#include "LoadHeadroom.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {
struct TaskTrack
{
    double sum = 0;
    int count = 0;
    double first = 0;
    double last = 0;
};
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
        if (event.kind == u"experiment.start"_s) {
            start = event.t;
            const QJsonObject allowance = event.fields.value(u"allowance"_s).toObject();
            if (allowance.isEmpty())
                continue;
            haveAllowance = true;
            for (const QJsonValue &cpu : allowance.value(u"cpus"_s).toArray())
                cpus.insert(cpu.toInt());
            m_quota = allowance.value(u"quota"_s).toDouble(-1);
        } else if (event.kind == u"cpu.sample"_s) {
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
        } else if (event.kind == u"task.sample"_s) {
            TaskTrack &track = tasks[event.fields.value(u"tid"_s).toInteger()];
            if (track.count == 0)
                track.first = event.t;
            track.last = event.t;
            track.sum += event.fields.value(u"running"_s).toDouble();
            ++track.count;
        }
    }
    if (!haveAllowance || cpuSamples == 0)
        return;
    m_known = true;
    m_allowed = double(cpus.size());
    if (m_quota > 0)
        m_allowed = m_allowed > 0 ? std::min(m_allowed, m_quota) : m_quota;
    // Task samples come at most twice a second and on every change: weigh each task's mean by how long it lived,
    // so a pool worker of one second does not count as busy for the whole run.
    const double span = std::max(0.5, lastCpu - std::max(start, firstCpu));
    for (const TaskTrack &track : std::as_const(tasks)) {
        const double lived = std::min(span, track.last - track.first + 0.5);
        m_lab += track.sum / track.count * lived / span;
    }
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
