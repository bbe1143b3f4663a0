#include "OrphanExperiment.h"

#include "ExperimentRun.h"
#include "RecordedRun.h"
#include "base/EventKind.h"
#include "base/LabRole.h"

#include <csignal>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

QString OrphanExperiment::title() const
{
    return tr("Orphan: the parent dies first");
}

QString OrphanExperiment::summary() const
{
    return tr("A lab process with children is killed; its children are adopted by ProcLab, the subreaper, and "
              "their parent PID changes.");
}

QString OrphanExperiment::explanation() const
{
    return tr("Every process has a parent. When a parent dies before its children, they become orphans and the "
              "kernel gives them a new parent: the nearest ancestor that declared itself a 'subreaper', or init "
              "(PID 1). ProcLab is a subreaper, so it adopts them: watch the PPID column of the children change from "
              "the killed parent to ProcLab's own PID. The orphans keep running; killing a parent does not kill its "
              "children (in Python too: terminate() on a Process leaves the processes it started).");
}

QString OrphanExperiment::python() const
{
    return u"import multiprocessing as mp, os, time\n\n"
           "def child():\n"
           "    while True:\n"
           "        print('child', os.getpid(), 'parent', os.getppid())\n"
           "        time.sleep(1)\n\n"
           "def parent():\n"
           "    mp.Process(target=child).start()\n"
           "    time.sleep(60)\n\n"
           "if __name__ == '__main__':\n"
           "    p = mp.Process(target=parent)\n"
           "    p.start(); time.sleep(1)\n"
           "    p.kill()   # the child lives on: its parent PID changes\n"_s;
}

QList<ParameterSpec> OrphanExperiment::parameters() const
{
    return {
        ParameterSpec::integer(u"parents"_s, 1, 1, 16, tr("parent processes")),
        ParameterSpec::integer(u"children"_s, 2, 1, 16, tr("children each parent forks")),
        ParameterSpec::real(u"kill_after"_s, 1.0, 0.2, 30, tr("seconds before the parents are killed")),
    };
}

bool OrphanExperiment::start(ExperimentRun &run)
{
    const ParameterValues &v = run.values();
    for (int p = 0; p < v.integer(u"parents"_s); ++p) {
        WorkerLaunch launch;
        launch.role = LabRole::Host;
        launch.name = u"parent-%1"_s.arg(p + 1);
        const auto pid = run.spawn(launch);
        if (!pid)
            return false;
        m_parents << *pid;
        for (int c = 0; c < v.integer(u"children"_s); ++c)
            run.lab().forkChild(*pid, u"worker"_s, LabRole::Sleeper);
    }
    run.after(v.real(u"kill_after"_s), [this, &run] {
        for (pid_t pid : std::as_const(m_parents))
            m_killed = run.lab().sendSignal(pid, SIGKILL) || m_killed;
    });
    return true;
}

QStringList OrphanExperiment::liveFigures() const
{
    return {u"orphans_adopted"_s};
}

void OrphanExperiment::observe(ExperimentRun &run, const SessionEvent &event)
{
    // Each adoption the kill caused, the moment the kernel re-parented the orphan: how many, and by whom.
    if (event.kind != EventKind::ProcessReparent || !m_killed
        || !m_parents.contains(pid_t(event.fields.value(u"from"_s).toInteger())))
        return;
    m_adopted.insert(event.fields.value(u"pid"_s).toInteger());
    m_newParent = event.fields.value(u"to"_s).toInteger();
    const int expected = run.values().integer(u"parents"_s) * run.values().integer(u"children"_s);
    reportAdopted(run, int(m_adopted.size()) == expected ? LiveFigures::Moment::Settled : LiveFigures::Moment::Running);
}

void OrphanExperiment::reportAdopted(ExperimentRun &run, LiveFigures::Moment moment) const
{
    const int expected = run.values().integer(u"parents"_s) * run.values().integer(u"children"_s);
    run.report(u"orphans_adopted"_s, double(m_adopted.size()), moment,
               {{u"new_parent"_s, m_newParent}, {u"expected"_s, expected}});
}

void OrphanExperiment::finish(ExperimentRun &run)
{
    if (m_killed)
        reportAdopted(run, LiveFigures::Moment::Settled);
    run.measure(u"stopping"_s, run.now());
}

PhenomenonVerdict OrphanExperiment::check(const QList<SessionEvent> &events, const ParameterValues &values) const
{
    const RecordedRun run(events);
    const QSet<qint64> parents = run.processesWithRole(LabRole::Host);
    // Only adoptions the kill caused count: from the first SIGKILL of a parent until the experiment began to stop
    // (the teardown ends every process, and what happens then is not the lesson).
    double killedAt = -1;
    for (const SessionEvent &event : run.ofKind(EventKind::SignalSent)) {
        if (killedAt < 0 && event.fields.value(u"signal"_s).toInt() == SIGKILL
            && parents.contains(event.fields.value(u"pid"_s).toInteger()))
            killedAt = event.t;
    }
    const QJsonObject stopping = run.measureEvent(u"stopping"_s);
    const double stoppedAt = stopping.isEmpty() ? run.endTime() : stopping.value(u"value"_s).toDouble();
    QSet<qint64> adoptedChildren;
    qint64 newParent = 0;
    for (const SessionEvent &event : run.ofKind(EventKind::ProcessReparent)) {
        if (killedAt >= 0 && event.t >= killedAt && event.t <= stoppedAt
            && parents.contains(event.fields.value(u"from"_s).toInteger())) {
            adoptedChildren.insert(event.fields.value(u"pid"_s).toInteger());
            newParent = event.fields.value(u"to"_s).toInteger();
        }
    }
    const int adopted = int(adoptedChildren.size());
    const int expected = values.integer(u"parents"_s) * values.integer(u"children"_s);
    PhenomenonVerdict verdict;
    verdict.observed = adopted == expected;
    verdict.figures = {{u"reparented"_s, adopted}, {u"expected"_s, expected}, {u"new_parent"_s, newParent}};
    verdict.detail = verdict.observed
        ? tr("%1 of %2 orphan(s) were re-parented to PID %3 when their parent was killed.")
              .arg(adopted).arg(expected).arg(newParent)
        : tr("%1 of %2 orphan(s) were seen re-parented between their parent's kill and the stop.")
              .arg(adopted).arg(expected);
    return verdict;
}

Prediction OrphanExperiment::prediction() const
{
    return {tr("The parent of running children is killed. What happens to the children?"),
            {tr("They die with their parent"), tr("They live on, adopted by a new parent")}};
}

int OrphanExperiment::provedChoice(const QJsonObject &figures, const ParameterValues &) const
{
    return figures.value(u"reparented"_s).toInt() > 0 ? 1 : 0;
}
