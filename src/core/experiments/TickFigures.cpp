#include "TickFigures.h"

QSet<pid_t> TickFigures::threadsWithRole(const QList<LabProcessInfo> &processes, QStringView role)
{
    QSet<pid_t> tids;
    for (const LabProcessInfo &process : processes) {
        for (const LabThreadInfo &thread : process.threads) {
            if (thread.role == role)
                tids.insert(thread.tid);
        }
    }
    return tids;
}

TickFigures::Total TickFigures::totalOf(double TaskSample::*share, const QSet<pid_t> &tids) const
{
    Total total;
    if (!m_snapshot)
        return total;
    for (const TaskSample &task : m_snapshot->tasks) {
        if (task.state != TaskState::Terminated && tids.contains(task.tid)) {
            total.sum += task.*share;
            ++total.sampled;
        }
    }
    return total;
}

double TickFigures::sumOf(double TaskSample::*share, const QSet<pid_t> &tids) const
{
    const Total total = totalOf(share, tids);
    return total.sampled > 0 ? total.sum : -1;
}

double TickFigures::meanOf(double TaskSample::*share, const QSet<pid_t> &tids) const
{
    const Total total = totalOf(share, tids);
    return total.sampled > 0 ? total.sum / total.sampled : -1;
}

quint64 TickFigures::itemsOf(QStringView rolePrefix) const
{
    quint64 items = 0;
    for (const ThreadTelemetrySample &thread : m_telemetry.threads) {
        if (thread.role.startsWith(rolePrefix))
            items += thread.itemsDone;
    }
    return items;
}

int TickFigures::exitedWithRole(QStringView rolePrefix) const
{
    int exited = 0;
    for (const ThreadTelemetrySample &thread : m_telemetry.threads)
        exited += thread.exited && thread.role.startsWith(rolePrefix) ? 1 : 0;
    return exited;
}

int TickFigures::countWithRole(QStringView rolePrefix) const
{
    int count = 0;
    for (const ThreadTelemetrySample &thread : m_telemetry.threads)
        count += thread.role.startsWith(rolePrefix) ? 1 : 0;
    return count;
}
