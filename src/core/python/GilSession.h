#pragma once

#include "GilSampler.h"
#include "base/SessionEvent.h"

#include <QHash>
#include <QList>
#include <QSet>

class TaskSampler;

// The GIL's part of a session (`proclab exec`, attach, and experiments that run real CPython — cpu-vs-io with
// lang=python): a GilSampler over the session's processes, and the
// events it adds — `python.interpreter` once per CPython process (its version, and whether its GIL is shown or
// why not), a `gil` share in the task.sample of each thread of a process whose GIL is read (the fraction of the
// GIL reads since that thread's previous task.sample at which it held the GIL), and a `python.gil` summary per
// process at the end (every thread's share over the whole run, the hand-overs).
//
// A run drives it with two calls, the same in ProgramRun and ExperimentRun: tick() at every sample, finish() at
// the end. Lives on the session's thread; the GilSampler reads on its own.
class GilSession
{
public:
    explicit GilSession(int hz = GilSampler::DefaultHz);
    ~GilSession();

    // Lets the task sampler say "waiting for the GIL" (TaskSampler::setFutexNamer); before it starts sampling.
    // The task sampler must stop before this session is destroyed.
    void connectTo(TaskSampler &sampler);
    void start();
    void stop();
    // One tick of the run: the processes to watch now, and the tick's task.sample events, which get their `gil` in
    // place. Returns the python.interpreter events found since the last tick, to record before the samples.
    QList<SessionEvent> tick(double t, const QList<int> &pids, QList<SessionEvent> &samples);
    // The end of the run: stops reading; the last findings and a python.gil summary per process, to record.
    QList<SessionEvent> finish(double t);
    // What was read between the two last tick() calls, per PID (empty before the second).
    const QHash<int, GilTally> &lastInterval() const { return m_lastInterval; }
    // Every process whose GIL is read now.
    const QSet<int> &readablePids() const { return m_readable; }
    // The session's live processes.
    void setPids(const QList<int> &pids);
    // python.interpreter events for the processes whose interpreter was found since the last call.
    QList<SessionEvent> findingEvents(double t);
    // Adds `gil` to the task.sample events of threads of processes whose GIL is read.
    void annotate(QList<SessionEvent> &events);
    // One python.gil event per process whose GIL was read, over the whole session.
    QList<SessionEvent> summaryEvents(double t);

    const GilSampler &sampler() const { return m_sampler; }

private:
    void foldInterval();

    GilSampler m_sampler;
    QSet<int> m_readable;                  // PIDs whose GIL is read
    QHash<int, GilTally> m_lastInterval;
    QHash<int, quint64> m_readsOf;         // PID → GIL reads so far
    QHash<int, quint64> m_heldBy;          // TID → reads it held the GIL so far
    struct Mark {
        quint64 reads = 0;
        quint64 held = 0;
    };
    QHash<int, Mark> m_lastSample;         // TID → the counts at its previous task.sample
};
