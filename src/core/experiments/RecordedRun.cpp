#include "RecordedRun.h"
#include "base/EventKind.h"

#include <QMap>

using namespace Qt::Literals::StringLiterals;

RecordedRun::RecordedRun(const QList<SessionEvent> &events)
    : m_events(events)
{
}

QList<SessionEvent> RecordedRun::ofKind(const QString &kind) const
{
    QList<SessionEvent> found;
    for (const SessionEvent &event : m_events) {
        if (event.kind == kind)
            found << event;
    }
    return found;
}

bool RecordedRun::has(const QString &kind) const
{
    for (const SessionEvent &event : m_events) {
        if (event.kind == kind)
            return true;
    }
    return false;
}

QSet<qint64> RecordedRun::threadsWithRole(const QString &role) const
{
    QSet<qint64> tids;
    for (const SessionEvent &event : m_events) {
        if (event.kind == EventKind::ThreadStart && event.fields.value(u"role"_s).toString() == role)
            tids.insert(event.fields.value(u"tid"_s).toInteger());
    }
    return tids;
}

QSet<qint64> RecordedRun::processesWithRole(const QString &role) const
{
    QSet<qint64> pids;
    for (const SessionEvent &event : m_events) {
        if ((event.kind == EventKind::ProcessSpawn || event.kind == EventKind::ProcessRole)
            && event.fields.value(u"role"_s).toString() == role)
            pids.insert(event.fields.value(u"pid"_s).toInteger());
    }
    return pids;
}

QSet<qint64> RecordedRun::threadsOfProcesses(const QSet<qint64> &pids) const
{
    QSet<qint64> tids;
    for (const SessionEvent &event : m_events) {
        if (event.kind == EventKind::TaskSample && pids.contains(event.fields.value(u"pid"_s).toInteger()))
            tids.insert(event.fields.value(u"tid"_s).toInteger());
    }
    return tids;
}

double RecordedRun::meanOf(const QString &field, const QSet<qint64> &tids, double from, double to) const
{
    double sum = 0;
    int count = 0;
    for (const SessionEvent &event : m_events) {
        if (event.kind != EventKind::TaskSample || event.t < from || event.t > to)
            continue;
        if (!tids.contains(event.fields.value(u"tid"_s).toInteger()))
            continue;
        sum += event.fields.value(field).toDouble();
        ++count;
    }
    return count ? sum / count : -1;
}

double RecordedRun::meanSumOf(const QString &field, const QSet<qint64> &tids, double from, double to) const
{
    // Each task is sampled at its own moments (at most twice a second, and on changes), so sum per task its
    // mean over the window rather than adding samples of different instants.
    QMap<qint64, std::pair<double, int>> perTask;
    for (const SessionEvent &event : m_events) {
        if (event.kind != EventKind::TaskSample || event.t < from || event.t > to)
            continue;
        const qint64 tid = event.fields.value(u"tid"_s).toInteger();
        if (!tids.contains(tid))
            continue;
        auto &[sum, count] = perTask[tid];
        sum += event.fields.value(field).toDouble();
        ++count;
    }
    if (perTask.isEmpty())
        return -1;
    double total = 0;
    for (const auto &[sum, count] : perTask)
        total += sum / count;
    return total;
}

bool RecordedRun::taskWasInState(qint64 pid, const QString &state) const
{
    for (const SessionEvent &event : m_events) {
        if (event.kind == EventKind::TaskSample && event.fields.value(u"pid"_s).toInteger() == pid
            && event.fields.value(u"state"_s).toString() == state)
            return true;
        if (event.kind == EventKind::TaskState && event.fields.value(u"pid"_s).toInteger() == pid
            && event.fields.value(u"to"_s).toString() == state)
            return true;
    }
    return false;
}

QJsonObject RecordedRun::measureEvent(const QString &name) const
{
    for (auto it = m_events.crbegin(); it != m_events.crend(); ++it) {
        if (it->kind == EventKind::Measure && it->fields.value(u"name"_s).toString() == name)
            return it->fields;
    }
    return {};
}

double RecordedRun::measure(const QString &name, double fallback) const
{
    const QJsonObject event = measureEvent(name);
    return event.isEmpty() ? fallback : event.value(u"value"_s).toDouble(fallback);
}

double RecordedRun::maxQueue(const QString &field, double from) const
{
    double best = -1;
    for (const SessionEvent &event : m_events) {
        if (event.kind == EventKind::QueueSample && event.t >= from)
            best = std::max(best, event.fields.value(field).toDouble());
    }
    return best;
}

double RecordedRun::lastQueue(const QString &field) const
{
    for (auto it = m_events.crbegin(); it != m_events.crend(); ++it) {
        if (it->kind == EventKind::QueueSample)
            return it->fields.value(field).toDouble();
    }
    return -1;
}

double RecordedRun::startTime() const
{
    for (const SessionEvent &event : m_events) {
        if (event.kind == EventKind::ExperimentStart)
            return event.t;
    }
    return 0;
}

double RecordedRun::endTime() const
{
    return m_events.isEmpty() ? 0 : m_events.last().t;
}
