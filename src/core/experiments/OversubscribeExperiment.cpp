#include "OversubscribeExperiment.h"

#include "ExperimentRun.h"
#include "WorkerHosts.h"
#include "RecordedRun.h"
#include "TickFigures.h"
#include "base/LabRole.h"

using namespace Qt::Literals::StringLiterals;

QString OversubscribeExperiment::title() const
{
    return tr("Oversubscription: more busy workers than cores");
}

QString OversubscribeExperiment::summary() const
{
    return tr("Twice as many CPU-bound workers as cores: each spends part of its time Ready, waiting for a core.");
}

QString OversubscribeExperiment::explanation() const
{
    return tr("A core runs one thread at a time. With more runnable threads than cores, the scheduler gives each a "
              "time slice in turn; between its slices a thread is Ready — it could run, but no core is free. Tools "
              "like top show Running and Ready alike as 'R'; ProcLab tells them apart from the kernel's own "
              "accounting (schedstat: time on a core and time waiting in the run queue). With twice as many workers "
              "as cores each runs about half the time and waits the other half. pin=true puts all of them on one "
              "core, and the Ready share grows further. This is multiprogramming: the CPU is shared in time.");
}

QString OversubscribeExperiment::python() const
{
    return u"import multiprocessing as mp, os\n\n"
           "def spin():\n"
           "    while True:\n"
           "        pass\n\n"
           "if __name__ == '__main__':\n"
           "    for _ in range(2 * os.cpu_count()):\n"
           "        mp.Process(target=spin).start()\n"_s;
}

QList<ParameterSpec> OversubscribeExperiment::parameters() const
{
    return {
        ParameterSpec::integer(u"workers"_s, 0, 0, 256, tr("busy workers (0: twice the number of cores)")),
        ParameterSpec::choice(u"using"_s, u"processes"_s, {u"threads"_s, u"processes"_s},
                              tr("one process per worker, or threads of one process")),
        ParameterSpec::boolean(u"pin"_s, false, tr("pin every worker to core 0")),
    };
}

static int workerCount(const ParameterValues &values, int cores)
{
    const int workers = values.integer(u"workers"_s);
    return workers > 0 ? workers : 2 * cores;
}

bool OversubscribeExperiment::start(ExperimentRun &run)
{
    const ParameterValues &v = run.values();
    const int workers = workerCount(v, run.cores());
    const bool processes = v.text(u"using"_s) == u"processes"_s;
    run.measure(u"workers"_s, workers, {{u"cores"_s, run.cores()}});
    const QStringList pinned = v.boolean(u"pin"_s) ? QStringList{u"--cpu"_s, u"0"_s} : QStringList{};
    WorkerHosts hosts(run, processes, u"spinners"_s, pinned);
    for (int i = 0; i < workers; ++i) {
        const std::optional<pid_t> host = hosts.hostFor(i);
        if (!host)
            return false;
        ThreadSpec thread;
        thread.role = LabRole::Cpu;
        run.lab().addThread(*host, thread);
    }
    return true;
}

QStringList OversubscribeExperiment::liveFigures() const
{
    return {u"ready_share"_s, u"running_share"_s};
}

void OversubscribeExperiment::tick(ExperimentRun &run, const Snapshot &snapshot)
{
    // Each worker's share of the time Ready (waiting for a core) and running, now, on average over the workers.
    const TickFigures figures(run.lastTelemetry(), run.threadRoles(), &snapshot);
    const QSet<pid_t> workers = TickFigures::threadsWithRole(run.lab().processes(), LabRole::Cpu);
    const double ready = figures.meanOf(&TaskSample::ready, workers);
    const double running = figures.meanOf(&TaskSample::running, workers);
    if (ready >= 0) {
        run.report(u"ready_share"_s, ready, LiveFigures::Moment::Running, {{u"workers"_s, int(workers.size())}});
        run.report(u"running_share"_s, running);
    }
}

PhenomenonVerdict OversubscribeExperiment::check(const QList<SessionEvent> &events, const ParameterValues &values) const
{
    const RecordedRun run(events);
    const QSet<qint64> workers = run.threadsWithRole(LabRole::Cpu);
    // Skip the first second: threads start one after another and the run queue fills only once all run.
    const double from = run.startTime() + 1.0;
    const double ready = run.meanOf(u"ready"_s, workers, from);
    const double running = run.meanOf(u"running"_s, workers, from);
    const double cores = run.measureEvent(u"workers"_s).value(u"cores"_s).toDouble(1);
    const int count = workerCount(values, int(cores));
    PhenomenonVerdict verdict;
    verdict.figures = {{u"workers"_s, count}, {u"cores"_s, cores}, {u"mean_ready"_s, ready},
                       {u"mean_running"_s, running}};
    // Only meaningful when the workers outnumber the cores they may use.
    const double usable = values.boolean(u"pin"_s) ? 1 : cores;
    if (count <= usable) {
        // Little Ready time needs a core per worker: other programs' load breaks that bound.
        verdict.observed = ready >= 0 && ready < 0.25;
        verdict.freeCoresNeeded = count;
        verdict.onlyLoadBoundsFailed = ready >= 0;
        verdict.detail = tr("%1 worker(s) on %2 core(s): no more workers than cores, so little Ready time (mean "
                            "%3).")
                             .arg(count).arg(usable).arg(ready, 0, 'f', 2);
        return verdict;
    }
    // More workers than cores are Ready at least a quarter of the time; other programs' load only adds to it, so
    // this bound needs no free core and a failure is always not observed.
    verdict.observed = ready >= 0.25;
    verdict.detail = verdict.observed
        ? tr("%1 busy workers on %2 core(s): each was Ready (waiting for a core) %3 % of the time and running %4 %.")
              .arg(count).arg(usable).arg(ready * 100, 0, 'f', 0).arg(running * 100, 0, 'f', 0)
        : tr("The workers were Ready only %1 % of the time on average (expected at least 25 %).")
              .arg(ready * 100, 0, 'f', 0);
    return verdict;
}

Prediction OversubscribeExperiment::prediction() const
{
    return {tr("More busy workers than cores. Is a worker ever ready to run but waiting for a core?"),
            {tr("No: each always has a core"), tr("Yes: a clear share of the time")}};
}

int OversubscribeExperiment::provedChoice(const QJsonObject &figures, const ParameterValues &) const
{
    const double ready = figures.value(u"mean_ready"_s).toDouble(-1);
    if (ready < 0)
        return -1;
    return ready >= 0.1 ? 1 : 0;
}
