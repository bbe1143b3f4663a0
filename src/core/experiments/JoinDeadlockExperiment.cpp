#include "JoinDeadlockExperiment.h"

#include "DeadlockExperiment.h"
#include "ExperimentRun.h"
#include "RecordedRun.h"
#include "analysis/WaitKindName.h"
#include "base/EventKind.h"
#include "base/LabRole.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

QString JoinDeadlockExperiment::title() const
{
    return tr("Join deadlock: joining a child that still has data to send");
}

QString JoinDeadlockExperiment::summary() const
{
    return tr("The parent waits for its child to end; the child waits for the parent to read the pipe. Neither "
              "goes on.");
}

QString JoinDeadlockExperiment::explanation() const
{
    return tr("Python's multiprocessing guidelines warn: a process that has put items on a queue will not end "
              "until they are all flushed into the pipe underneath — so joining it before the queue is emptied can "
              "deadlock. Here the child writes more than the pipe can hold (a pipe buffers 64 KiB) and blocks in "
              "write() until somebody reads. The parent calls join — waitid() — before reading, and blocks until "
              "the child ends. Parent waits for child, child waits for parent: a cycle through a pipe. ProcLab "
              "shows it as parent → child → pipe → parent. With drain_first=true the parent reads everything "
              "before joining, and both end.");
}

QString JoinDeadlockExperiment::python() const
{
    return u"import multiprocessing as mp\n\n"
           "def child(q):\n"
           "    q.put('x' * 1_000_000)   # more than the pipe holds\n\n"
           "if __name__ == '__main__':\n"
           "    q = mp.Queue()\n"
           "    p = mp.Process(target=child, args=(q,))\n"
           "    p.start()\n"
           "    p.join()                 # deadlock: join before get\n"
           "    data = q.get()\n"_s;
}

QList<ParameterSpec> JoinDeadlockExperiment::parameters() const
{
    return {
        ParameterSpec::integer(u"kib"_s, 1024, 1, 65536, tr("KiB the child writes into the pipe")),
        ParameterSpec::boolean(u"drain_first"_s, false, tr("read the pipe before joining (avoids the deadlock)")),
    };
}

bool JoinDeadlockExperiment::start(ExperimentRun &run)
{
    const ParameterValues &v = run.values();
    TelemetryBlockSpec spec;
    spec.slotCount = 16;
    if (!run.createTelemetry(spec) || !run.createFigures(1))
        return false;
    WorkerLaunch launch;
    launch.role = LabRole::Host;
    launch.name = u"parent"_s;
    const auto pid = run.spawn(launch);
    if (!pid)
        return false;
    ThreadSpec thread;
    thread.role = LabRole::Joiner;
    thread.rounds = v.integer(u"kib"_s);
    thread.drainFirst = v.boolean(u"drain_first"_s);
    return run.lab().addThread(*pid, thread);
}

QStringList JoinDeadlockExperiment::liveFigures() const
{
    return {u"cycle_length"_s, u"child_joined"_s};
}

void JoinDeadlockExperiment::observe(ExperimentRun &run, const SessionEvent &event)
{
    DeadlockExperiment::reportCycle(run, event);
}

void JoinDeadlockExperiment::tick(ExperimentRun &run, const Snapshot &)
{
    // 1 the moment the parent's join returned on the child's own exit: final then.
    const QList<qint64> figures = run.lastFigures();
    const double joined = figures.isEmpty() ? 0 : double(figures.first());
    run.report(u"child_joined"_s, joined, joined == 1 ? LiveFigures::Moment::Settled : LiveFigures::Moment::Running);
}

void JoinDeadlockExperiment::finish(ExperimentRun &run)
{
    // Read before the lab stops: a join the teardown forces (the child killed) is not the lesson's.
    const QList<qint64> figures = run.lastFigures();
    run.report(u"child_joined"_s, figures.isEmpty() ? 0 : double(figures.first()), LiveFigures::Moment::Settled);
}

PhenomenonVerdict JoinDeadlockExperiment::check(const QList<SessionEvent> &events, const ParameterValues &values) const
{
    const RecordedRun run(events);
    bool throughPipe = false;
    for (const SessionEvent &event : run.ofKind(EventKind::DeadlockDetected)) {
        const QJsonArray cycle = event.fields.value(u"cycle"_s).toArray();
        bool child = false;
        bool pipe = false;
        for (const QJsonValue &member : cycle) {
            const WaitKind wait = WaitKindName::named(member.toObject().value(u"wait"_s).toString());
            child = child || wait == WaitKind::Child;
            pipe = pipe || wait == WaitKind::PipeRead || wait == WaitKind::PipeWrite;
        }
        throughPipe = throughPipe || (child && pipe);
    }
    PhenomenonVerdict verdict;
    verdict.figures = {{u"cycle_through_pipe"_s, throughPipe}};
    if (values.boolean(u"drain_first"_s)) {
        // The joined child's own normal exit, seen by the parent's join before the stop; the host's exit at the
        // teardown is always there and proves nothing.
        const double joined = run.measure(u"child_joined"_s, 0);
        verdict.figures.insert(u"child_joined"_s, joined);
        const bool childEnded = joined == 1;
        verdict.observed = !throughPipe && childEnded;
        verdict.detail = verdict.observed ? tr("The parent read the pipe first; the child finished and was joined.")
                                          : tr("Expected the child to finish once the parent drained the pipe.");
    } else {
        verdict.observed = throughPipe;
        verdict.detail = verdict.observed
            ? tr("Deadlock: the parent waits for the child to end, the child waits for the parent to read the pipe.")
            : tr("No cycle parent → child → pipe → parent was detected.");
    }
    return verdict;
}

Prediction JoinDeadlockExperiment::prediction() const
{
    return {tr("A parent joins a child that is still writing into a full pipe. What happens?"),
            {tr("The join returns once the child has written everything"), tr("Parent and child wait for each other forever")}};
}

int JoinDeadlockExperiment::provedChoice(const QJsonObject &figures, const ParameterValues &) const
{
    return figures.value(u"cycle_through_pipe"_s).toBool() ? 1 : 0;
}
