#include "TickFigures.h"

QSet<pid_t> TickFigures::threadsWithRole(const QList<LabProcessInfo> &processes, const QString &role)
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

bool TickFigures::hasRole(const ThreadTelemetrySample &thread, const QString &role) const
{
    return m_roles.value(thread.tid) == role;
}

quint64 TickFigures::itemsOf(const QString &role) const
{
    quint64 items = 0;
    for (const ThreadTelemetrySample &thread : m_telemetry.threads) {
        if (hasRole(thread, role))
            items += thread.itemsDone;
    }
    return items;
}

int TickFigures::exitedWithRole(const QString &role) const
{
    int exited = 0;
    for (const ThreadTelemetrySample &thread : m_telemetry.threads)
        exited += thread.exited && hasRole(thread, role) ? 1 : 0;
    return exited;
}

int TickFigures::countWithRole(const QString &role) const
{
    int count = 0;
    for (const ThreadTelemetrySample &thread : m_telemetry.threads)
        count += hasRole(thread, role) ? 1 : 0;
    return count;
}
