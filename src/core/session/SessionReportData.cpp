#include "SessionReportData.h"
#include "base/EventKind.h"

#include <QJsonArray>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {
qint64 integer(const QJsonObject &object, const QString &key)
{
    return object.value(key).toInteger(0);
}

// Keeps every other point once a series is full, and takes later points at half the rate: memory stays bounded
// and the points stay evenly spread over the whole session.
template<typename Point> void thinned(QList<Point> &points, qsizetype &stride)
{
    QList<Point> kept;
    kept.reserve(points.size() / 2 + 1);
    for (qsizetype i = 0; i < points.size(); i += 2)
        kept << points[i];
    points.swap(kept);
    stride *= 2;
}
} // namespace

void SessionReportData::add(const SessionEvent &event)
{
    // A session of more than a year is a damaged file; the bound keeps every axis finite.
    m_duration = std::max(m_duration, std::min(event.t, 3.2e7));
    ++m_kindCounts[event.kind];
    const QJsonObject &f = event.fields;
    if (f.value(u"pid"_s).isDouble())
        m_pids.insert(integer(f, u"pid"_s), true);
    if (f.value(u"tid"_s).isDouble())
        m_tids.insert(integer(f, u"tid"_s), true);

    if (event.kind == EventKind::CpuSample) {
        addCpuSample(event);
        return;
    }
    if (event.kind == EventKind::QueueSample) {
        addQueueSample(event);
        return;
    }
    if (event.kind == EventKind::TaskSample) {
        if (f.value(u"gil"_s).isDouble() && m_gilSamples.size() < MaxGilSamples)
            m_gilSamples.append({event.t, integer(f, u"pid"_s), integer(f, u"tid"_s), f.value(u"gil"_s).toDouble()});
        setState(integer(f, u"pid"_s), integer(f, u"tid"_s), event.t, f.value(u"state"_s).toString());
        return;
    }
    if (event.kind == EventKind::TaskState)
        setState(integer(f, u"pid"_s), integer(f, u"tid"_s), event.t, f.value(u"to"_s).toString());
    else if (event.kind == EventKind::ThreadExit)
        closeLane(integer(f, u"tid"_s), event.t);
    else if (event.kind == EventKind::ProcessReap)
        closeLane(integer(f, u"pid"_s), event.t);
    else if (event.kind == EventKind::Phenomenon) {
        m_hasPhenomenon = true;
        m_phenomenon = f;
    } else if (event.kind == EventKind::PoolTask)
        addPoolTask(f);
    else if (event.kind == EventKind::Measure)
        addFigure(event);
    else if (event.kind == EventKind::PythonGil && m_gilSummaries.size() < MaxFigures)
        m_gilSummaries << f;
    else if (event.kind == EventKind::PythonInterpreter && m_interpreters.size() < MaxFigures)
        m_interpreters << f;
    else if (event.kind == EventKind::DeadlockDetected && f.value(u"cycle"_s).isArray()) {
        const QJsonArray cycle = f.value(u"cycle"_s).toArray();
        if (cycle.size() <= MaxCycleMembers)
            m_cycle = cycle;
    }
    if (event.kind == EventKind::ProcessSpawn || event.kind == EventKind::ProcessRole || event.kind == EventKind::ThreadStart) {
        const qint64 id = f.value(u"tid"_s).isDouble() ? integer(f, u"tid"_s) : integer(f, u"pid"_s);
        const QString name =
            f.value(u"role"_s).toString().isEmpty() ? f.value(u"name"_s).toString() : f.value(u"role"_s).toString();
        if (!name.isEmpty())
            m_names.insert(id, name);
    }
    if (m_table.size() < MaxTableRows)
        m_table << event;
    else
        ++m_omittedRows;
}

void SessionReportData::addPoolTask(const QJsonObject &fields)
{
    const std::optional<PoolTask> task = poolTaskOf(fields);
    if (task && m_poolTasks.size() < MaxPoolTasks)
        m_poolTasks << *task;
}

std::optional<SessionReportData::PoolTask> SessionReportData::poolTaskOf(const QJsonObject &fields)
{
    // A recording is hostile input: only finite times, a task that ends after it starts, a known mode.
    PoolTask task;
    task.mode = fields.value(u"mode"_s).toString();
    task.task = fields.value(u"task"_s).toInt(-1);
    task.pid = integer(fields, u"pid"_s);
    task.start = fields.value(u"start"_s).toDouble(-1);
    task.end = fields.value(u"end"_s).toDouble(-1);
    const bool valid = (task.mode == u"apply"_s || task.mode == u"apply_async"_s || task.mode == u"map"_s)
        && task.task >= 0 && task.pid > 0 && task.start >= 0 && task.end >= task.start && task.end <= 3.2e7;
    if (!valid)
        return std::nullopt;
    return task;
}

void SessionReportData::addFigure(const SessionEvent &event)
{
    const QString name = event.fields.value(u"name"_s).toString();
    const QJsonValue value = event.fields.value(u"value"_s);
    if (name.isEmpty() || name.size() > 64 || !value.isDouble())
        return;
    QJsonObject extra = event.fields;
    extra.remove(u"name"_s);
    extra.remove(u"value"_s);
    for (Figure &figure : m_figures) {
        if (figure.name == name) {
            figure = Figure{name, value.toDouble(), extra, event.t};
            return;
        }
    }
    if (m_figures.size() < MaxFigures)
        m_figures << Figure{name, value.toDouble(), extra, event.t};
}

const SessionReportData::Figure *SessionReportData::figure(const QString &name) const
{
    for (const Figure &figure : m_figures) {
        if (figure.name == name)
            return &figure;
    }
    return nullptr;
}

void SessionReportData::addCpuSample(const SessionEvent &event)
{
    if (m_cpuSeen++ % m_cpuStride != 0)
        return;
    CpuPoint point;
    point.t = event.t;
    const QJsonArray cpus = event.fields.value(u"cpus"_s).toArray();
    for (const QJsonValue &value : cpus) {
        const QJsonObject cpu = value.toObject();
        const qint64 core = cpu.value(u"core"_s).toInteger(point.busy.size());
        if (core < 0 || core > 4096)
            continue;
        if (point.busy.size() <= core)
            point.busy.resize(core + 1, 0.0);
        point.busy[core] = std::clamp(cpu.value(u"busy"_s).toDouble(), 0.0, 1.0);
    }
    m_cores = std::max(m_cores, int(point.busy.size()));
    m_cpu << point;
    if (m_cpu.size() >= 2 * MaxSeriesPoints)
        thinned(m_cpu, m_cpuStride);
}

void SessionReportData::addQueueSample(const SessionEvent &event)
{
    const QJsonObject &f = event.fields;
    const QJsonValue name = f.value(u"queue"_s);
    const QString queue = name.isString() ? name.toString() : QString::number(name.toDouble());
    if (!m_queues.contains(queue) && m_queues.size() >= 8)
        return;
    Series &series = m_queues[queue];
    if (series.seen++ % series.stride != 0)
        return;
    // Depths beyond any real queue only come from damaged files; bounded, they cannot break the chart's scale.
    const auto bounded = [&f](const QString &key) {
        return std::clamp(f.value(key).toDouble(), 0.0, 1e12);
    };
    series.points << QueuePoint{event.t, bounded(u"depth"_s), bounded(u"capacity"_s)};
    if (series.points.size() >= 2 * MaxSeriesPoints)
        thinned(series.points, series.stride);
}

SessionReportData::Lane *SessionReportData::lane(qint64 pid, qint64 tid)
{
    const auto found = m_laneByTid.constFind(tid);
    if (found != m_laneByTid.constEnd())
        return &m_lanes[*found];
    if (m_lanes.size() >= MaxLanes) {
        ++m_omittedLanes;
        m_laneByTid.insert(tid, -1);
        return nullptr;
    }
    m_laneByTid.insert(tid, m_lanes.size());
    m_lanes << Lane{pid, tid, {}, {}, false};
    return &m_lanes.last();
}

void SessionReportData::setState(qint64 pid, qint64 tid, double t, const QString &state)
{
    if (tid <= 0 || state.isEmpty())
        return;
    if (m_laneByTid.value(tid, 0) < 0)
        return; // a lane past the limit
    Lane *l = lane(pid, tid);
    if (!l)
        return;
    if (l->open && l->spans.last().state == state) {
        l->spans.last().to = t;
        return;
    }
    if (l->open)
        l->spans.last().to = t;
    if (state == u"terminated"_s) {
        l->open = false;
        return;
    }
    // A thread flipping state at every tick for an hour still makes a bounded lane; later changes merge into
    // the last span.
    if (l->spans.size() >= 4 * MaxSeriesPoints) {
        l->open = true;
        return;
    }
    l->spans << StateSpan{t, t, state};
    l->open = true;
}

void SessionReportData::closeLane(qint64 tid, double t)
{
    const qsizetype index = m_laneByTid.value(tid, -1);
    if (index < 0)
        return;
    Lane &l = m_lanes[index];
    if (l.open)
        l.spans.last().to = t;
    l.open = false;
}

void SessionReportData::finish()
{
    for (Lane &l : m_lanes) {
        if (l.open)
            l.spans.last().to = m_duration;
        l.open = false;
        l.label = labelFor(l.pid, l.tid);
    }
    // Group threads under their process, processes in order of their PIDs: lanes of one process stay together.
    std::stable_sort(m_lanes.begin(), m_lanes.end(),
                     [](const Lane &a, const Lane &b) { return std::tie(a.pid, a.tid) < std::tie(b.pid, b.tid); });
}

QString SessionReportData::labelFor(qint64 pid, qint64 tid) const
{
    QString name = m_names.value(tid);
    if (name.isEmpty() && tid != pid)
        name = m_names.value(pid);
    const QString ids = tid == pid ? u"%1"_s.arg(pid) : u"%1/%2"_s.arg(pid).arg(tid);
    return name.isEmpty() ? ids : name + u" · "_s + ids;
}
