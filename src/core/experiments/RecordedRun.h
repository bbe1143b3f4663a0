#pragma once

#include "base/SessionEvent.h"

#include <QHash>
#include <QList>
#include <QSet>

// Questions an experiment's check asks of a recorded run: which threads had which role, their mean shares, what
// the queues did, the figures the experiment measured. Pure: it reads only the events, so it works the same on a
// live run and on a session file read back from disk.
class RecordedRun
{
public:
    explicit RecordedRun(const QList<SessionEvent> &events);

    const QList<SessionEvent> &events() const { return m_events; }
    QList<SessionEvent> ofKind(const QString &kind) const;
    bool has(const QString &kind) const;

    // TIDs of lab threads with this role (base/LabRole.h), from thread.start events; and PIDs of processes with
    // it, from process.spawn/process.role. The role, not the name: a thread the user renamed still counts.
    QSet<qint64> threadsWithRole(const QString &role) const;
    QSet<qint64> processesWithRole(const QString &role) const;
    // TIDs of every thread of these processes seen in task.sample events.
    QSet<qint64> threadsOfProcesses(const QSet<qint64> &pids) const;

    // The mean of a task.sample field ("running", "ready", "blocked", "cpu") over the samples of these TIDs with
    // t in [from, to]; -1 when there is none.
    double meanOf(const QString &field, const QSet<qint64> &tids, double from = 0, double to = 1e18) const;
    // The mean over time of the summed field across these TIDs (e.g. cores used together: sum of "running").
    double meanSumOf(const QString &field, const QSet<qint64> &tids, double from = 0, double to = 1e18) const;
    // Whether any task.sample or task.state of this task had the state (lower case).
    bool taskWasInState(qint64 pid, const QString &state) const;

    // The last `measure` event called `name`: its value; `fallback` when there is none.
    double measure(const QString &name, double fallback = -1) const;
    QJsonObject measureEvent(const QString &name) const;
    // The largest value of a queue.sample field over the run, or from time `from` on (-1 when none).
    double maxQueue(const QString &field, double from = -1) const;
    double lastQueue(const QString &field) const;
    // Time of the experiment.start event (0 when absent) and of the last event.
    double startTime() const;
    double endTime() const;

private:
    QList<SessionEvent> m_events;
};
