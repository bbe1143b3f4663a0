#include "ReplayHistory.h"

#include "base/EventKind.h"
#include "frame/FrameRowBuilder.h"
#include "frame/LabCoreShare.h"
#include "probe/TaskStateName.h"
#include "session/SessionReplay.h"

#include <QHash>
#include <QSet>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {
// The core map's rule, as live (CoreMapWidget): a thread counts on its core when it ran at least this share.
constexpr double RanOnCore = 0.05;

// The reader refuses unknown state names; a moment built from events of an older kind may still lack one.
TaskState stateNamed(const QString &name)
{
    return TaskStateName::fromName(name).value_or(TaskState::Blocked);
}

struct ThreadNow
{
    qint64 pid = 0;
    QString role;
    QString name; // thread.start's name; empty for a main thread
    TaskState state = TaskState::New;
    int core = -1;
    double running = 0;
    qsizetype lane = -1; // index into the history's lanes
};

struct ProcessNow
{
    bool exited = false;
    bool zombie = false;
    QString name;
    bool runsLabThreads = false; // a thread.start with a role came from it (FrameRowBuilder's rule)
};

// The walk over the window's events: which threads are shown (as FrameRowBuilder::rowsOf decides), their state
// runs, and which thread each core ran.
class TimelineWalk
{
public:
    TimelineWalk(ReplayHistory *history, const SessionMoment &start, int cores)
        : m_history(history)
        , m_lastT(history->from)
    {
        m_history->cores = QList<QList<CoreRun>>(std::max(0, cores));
        for (const SessionMoment::Process &process : start.processes)
            m_processes.insert(process.pid, {process.exited, process.zombie, process.name, process.runsLabThreads});
        for (const SessionMoment::Task &task : start.tasks) {
            ThreadNow &thread = m_threads[task.tid];
            thread.pid = task.pid;
            thread.role = task.role;
            thread.name = task.name;
            thread.state = stateNamed(task.state);
            thread.core = task.core;
            thread.running = task.running;
            if (shown(thread))
                openLane(task.tid, thread, history->from);
        }
    }

    void apply(const SessionEvent &event)
    {
        if (event.t > m_lastT + 1e-9)
            closeTick(event.t);
        const QString &kind = event.kind;
        const QJsonObject &f = event.fields;
        const qint64 tid = f.value(u"tid"_s).toInteger();
        const qint64 pid = f.value(u"pid"_s).toInteger();
        if (kind == EventKind::TaskSample || kind == EventKind::TaskState) {
            ThreadNow &thread = m_threads[tid];
            thread.pid = pid;
            const bool sample = kind == EventKind::TaskSample;
            setState(tid, thread, stateNamed(f.value(sample ? u"state"_s : u"to"_s).toString()), event.t);
            if (sample) {
                thread.core = f.value(u"core"_s).toInt(-1);
                thread.running = f.value(u"running"_s).toDouble();
                if (f.contains(u"gil"_s) && thread.lane >= 0) {
                    // As live: a sample's share is drawn from its time until the next one.
                    QList<GilRun> &gil = m_history->lanes[thread.lane].gil;
                    if (!gil.isEmpty())
                        gil.last().end = std::max(gil.last().end, event.t);
                    gil.append({event.t, event.t, f.value(u"gil"_s).toDouble()});
                }
            }
        } else if (kind == EventKind::ThreadStart) {
            ThreadNow &thread = m_threads[tid];
            thread.pid = pid;
            thread.role = f.value(u"role"_s).toString();
            thread.name = f.value(u"name"_s).toString();
            if (!thread.role.isEmpty() && tid != pid && m_processes.contains(pid))
                m_processes[pid].runsLabThreads = true;
            if (thread.lane >= 0) {
                m_history->lanes[thread.lane].name = laneName(tid, thread);
                m_laneRoles[thread.lane] = thread.role;
            } else if (shown(thread))
                openLane(tid, thread, event.t);
        } else if (kind == EventKind::ThreadExit) {
            endThread(tid, event.t);
        } else if (kind == EventKind::ProcessSpawn) {
            m_processes.insert(pid, {false, false, f.value(u"name"_s).toString(), false});
            for (auto it = m_threads.begin(); it != m_threads.end(); ++it) {
                if (it->pid == pid && it->lane < 0)
                    openLane(it.key(), *it, event.t);
            }
        } else if (kind == EventKind::ProcessExit || kind == EventKind::ProcessZombie || kind == EventKind::ProcessReap) {
            ProcessNow &process = m_processes[pid];
            process.exited = true;
            process.zombie = process.zombie || kind == EventKind::ProcessZombie;
            const bool gone = kind == EventKind::ProcessReap || !process.zombie;
            QList<qint64> ended;
            for (auto it = m_threads.begin(); it != m_threads.end(); ++it) {
                if (it->pid != pid)
                    continue;
                if (gone || it.key() != pid)
                    ended << it.key();
                else
                    setState(it.key(), *it, TaskState::Zombie, event.t);
            }
            for (qint64 gone : std::as_const(ended))
                endThread(gone, event.t);
            if (kind == EventKind::ProcessReap)
                m_processes.remove(pid);
        }
    }

    void finish(double to)
    {
        closeTick(to);
        markControlThreads();
        for (auto it = m_threads.cbegin(); it != m_threads.cend(); ++it) {
            if (it->lane >= 0) {
                ThreadLane &lane = m_history->lanes[it->lane];
                lane.runs.last().end = to;
                lane.lastSeen = to;
                if (!lane.gil.isEmpty())
                    lane.gil.last().end = std::max(lane.gil.last().end, to);
            }
        }
    }

private:
    bool shown(const ThreadNow &thread) const
    {
        const auto process = m_processes.constFind(thread.pid);
        return process != m_processes.cend() && (!process->exited || process->zombie);
    }

    // The name the live task list gives the thread (FrameRowBuilder::rowsOf): thread.start's name, else its role,
    // else, for a main thread, its process's name.
    QString laneName(qint64 tid, const ThreadNow &thread) const
    {
        if (!thread.name.isEmpty())
            return thread.name;
        if (!thread.role.isEmpty() || tid != thread.pid)
            return thread.role;
        return m_processes.value(thread.pid).name;
    }

    void openLane(qint64 tid, ThreadNow &thread, double t)
    {
        thread.lane = m_history->lanes.size();
        m_history->lanes.append({thread.pid, tid, laneName(tid, thread), {{t, t, thread.state}}, t, {}});
        m_laneRoles.append(thread.role);
    }

    // As live (FrameRowBuilder): a main thread with no role in a process that runs lab threads is its control loop.
    void markControlThreads()
    {
        QSet<qint64> runsLabThreads;
        for (qsizetype i = 0; i < m_history->lanes.size(); ++i) {
            const ThreadLane &lane = m_history->lanes.at(i);
            if (lane.tid != lane.pid && !m_laneRoles.at(i).isEmpty())
                runsLabThreads.insert(lane.pid);
        }
        for (qsizetype i = 0; i < m_history->lanes.size(); ++i) {
            ThreadLane &lane = m_history->lanes[i];
            // A zombie's main thread is what is left of its process, not a control loop (as live).
            lane.labControl = lane.tid == lane.pid && m_laneRoles.at(i).isEmpty() && runsLabThreads.contains(lane.pid)
                && (lane.runs.isEmpty() || lane.runs.last().state != TaskState::Zombie);
        }
        // As live (CoreMapWidget): a control loop's slices before it was known as one are not in the core map.
        QSet<qint64> control;
        for (const ThreadLane &lane : std::as_const(m_history->lanes)) {
            if (lane.labControl)
                control.insert(lane.tid);
        }
        for (QList<CoreRun> &runs : m_history->cores)
            runs.removeIf([&](const CoreRun &run) { return control.contains(run.tid); });
    }

    void setState(qint64 tid, ThreadNow &thread, TaskState state, double t)
    {
        thread.state = state;
        if (thread.lane < 0) {
            if (shown(thread))
                openLane(tid, thread, t);
            return;
        }
        ThreadLane &lane = m_history->lanes[thread.lane];
        lane.lastSeen = t;
        StateRun &last = lane.runs.last();
        last.end = std::max(last.end, t);
        if (last.state != state)
            lane.runs.append({t, t, state});
    }

    void endThread(qint64 tid, double t)
    {
        const auto it = m_threads.find(tid);
        if (it == m_threads.end())
            return;
        if (it->lane >= 0) {
            ThreadLane &lane = m_history->lanes[it->lane];
            lane.runs.last().end = std::max(lane.runs.last().end, t);
            lane.lastSeen = t;
            if (!lane.gil.isEmpty())
                lane.gil.last().end = std::max(lane.gil.last().end, t);
        }
        m_threads.erase(it);
    }

    // Everything recorded at one time is in: each core ran, since the last tick, the busiest thread on it.
    void closeTick(double t)
    {
        QList<std::pair<qint64, double>> best(m_history->cores.size(), {0, 0});
        for (auto it = m_threads.cbegin(); it != m_threads.cend(); ++it) {
            if (it->lane < 0 || it->core < 0 || it->core >= best.size() || it->running < RanOnCore)
                continue;
            // As live: the core map is of lab threads; a control loop's slice is no lesson.
            if (it.key() == it->pid && it->role.isEmpty() && m_processes.value(it->pid).runsLabThreads
                && it->state != TaskState::Zombie)
                continue;
            auto &current = best[it->core];
            if (current.first == 0 || it->running > current.second)
                current = {it.key(), it->running};
        }
        for (qsizetype core = 0; core < best.size(); ++core) {
            const qint64 tid = best.at(core).first;
            if (tid == 0)
                continue;
            QList<CoreRun> &runs = m_history->cores[core];
            if (!runs.isEmpty() && runs.last().tid == tid && runs.last().end >= m_lastT - 1e-9)
                runs.last().end = t;
            else
                runs.append({m_lastT, t, tid});
        }
        m_lastT = t;
    }

    ReplayHistory *m_history;
    QHash<qint64, ThreadNow> m_threads;
    QHash<qint64, ProcessNow> m_processes;
    QStringList m_laneRoles; // each lane's role, beside m_history->lanes
    double m_lastT;
};
} // namespace

void ReplayHistory::addSample(const SessionEvent &event, const SessionMoment &moment)
{
    if (event.kind == EventKind::CpuSample) {
        CpuSample sample{event.t, FrameRowBuilder::cpusOf(event.fields.value(u"cpus"_s).toArray()), {}};
        QList<double> busy;
        for (const CpuLoad &load : std::as_const(sample.cpus))
            busy << load.busy;
        // The live window's rule (FrameFanOut::show) over the same rows a frame of this moment has.
        sample.labShares = LabCoreShare::perCore(FrameRowBuilder::rowsOf(moment), int(sample.cpus.size()), busy);
        cpus.append(sample);
    } else if (event.kind == EventKind::QueueSample) {
        // The queues of one tick are recorded one after the other with the same t: one chart sample.
        const QJsonValue nameValue = event.fields.value(u"queue"_s);
        const QString name = nameValue.isString() ? nameValue.toString() : QString::number(nameValue.toDouble());
        if (queues.isEmpty() || queues.last().t != event.t || queues.last().names.contains(name))
            queues.append({event.t, {}, {}});
        QueueSample &sample = queues.last();
        const auto at = std::lower_bound(sample.names.cbegin(), sample.names.cend(), name) - sample.names.cbegin();
        sample.names.insert(at, name);
        sample.queues.insert(at, FrameRowBuilder::queueOf(event.fields));
    }
}

ReplayHistory ReplayHistory::samplesBetween(const SessionReplay &replay, qsizetype first, qsizetype last,
                                            SessionMoment atFirst)
{
    ReplayHistory history;
    const QList<SessionEvent> &events = replay.events();
    last = std::min(last, events.size());
    first = std::max<qsizetype>(0, first);
    for (qsizetype i = first; i < last; ++i) {
        atFirst.apply(events.at(i));
        history.addSample(events.at(i), atFirst);
    }
    if (first < last && last > 0) {
        history.from = events.at(std::max<qsizetype>(0, first)).t;
        history.to = events.at(last - 1).t;
    }
    return history;
}

ReplayHistory ReplayHistory::window(const SessionReplay &replay, double from, double to, int cores)
{
    ReplayHistory history;
    history.reset = true;
    history.from = std::max(0.0, from);
    history.to = to;
    const QList<SessionEvent> &events = replay.events();
    const qsizetype first = replay.eventsUntil(history.from);
    const qsizetype last = replay.eventsUntil(to);
    SessionMoment moment = replay.momentAfter(first);
    TimelineWalk walk(&history, moment, cores);
    for (qsizetype i = first; i < last; ++i) {
        const SessionEvent &event = events.at(i);
        moment.apply(event);
        if (event.kind.endsWith(u".sample"_s) && !event.kind.startsWith(u"task."_s))
            history.addSample(event, moment);
        else
            walk.apply(event);
    }
    walk.finish(to);
    return history;
}
