#include "PoolExperiment.h"

#include "ExperimentRun.h"
#include "FigureText.h"
#include "RecordedRun.h"
#include "base/EventKind.h"
#include "base/LabRole.h"
#include "ipc/PoolFigures.h"

using namespace Qt::Literals::StringLiterals;

QString PoolExperiment::title() const
{
    return tr("Process pool: apply, apply_async, map");
}

QString PoolExperiment::summary() const
{
    return tr("A pool of worker processes runs CPU-bound tasks; apply waits for each task, apply_async and map "
              "keep every worker busy. A Gantt chart shows which worker ran what, when.");
}

QString PoolExperiment::explanation() const
{
    return tr("Pool.apply(f, args) sends one task to a worker and blocks until its result comes back, so the tasks "
              "run one after another however many workers there are: the makespan is the sum of the task times. "
              "apply_async() and map() hand out all the tasks at once; the workers take them from a shared task "
              "queue and run in parallel, limited by the number of cores: the makespan drops to about the sum "
              "divided by min(workers, cores). Watch the Gantt chart: with apply, one bar at a time; with "
              "apply_async, a bar on every worker. The tasks burn CPU time, so more workers than cores only share "
              "the cores (their bars stretch).");
}

QString PoolExperiment::python() const
{
    return u"from multiprocessing import Pool\n\n"
           "def task(n):\n"
           "    return sum(i * i for i in range(n))   # CPU-bound\n\n"
           "if __name__ == '__main__':\n"
           "    with Pool(4) as pool:\n"
           "        r = [pool.apply(task, (10**6,)) for _ in range(6)]     # one at a time\n"
           "        rs = [pool.apply_async(task, (10**6,)) for _ in range(6)]\n"
           "        r = [x.get() for x in rs]                              # all at once\n"
           "        r = pool.map(task, [10**6] * 6)\n"_s;
}

QList<ParameterSpec> PoolExperiment::parameters() const
{
    return {
        ParameterSpec::integer(u"workers"_s, 4, 1, 32, tr("worker processes in the pool")),
        ParameterSpec::integer(u"tasks"_s, 6, 1, PoolFigures::MaxTasks, tr("tasks to run")),
        ParameterSpec::integer(u"task_ms"_s, 150, 10, 5000, tr("CPU time of one task, in ms")),
        ParameterSpec::choice(u"mode"_s, u"all"_s, {u"all"_s, u"apply"_s, u"apply_async"_s, u"map"_s},
                              tr("how tasks are handed out; 'all' runs the three one after another")),
    };
}

double PoolExperiment::settleSeconds(const ParameterValues &values) const
{
    const double sum = values.integer(u"tasks"_s) * values.integer(u"task_ms"_s) / 1000.0;
    const double modes = values.text(u"mode"_s) == u"all"_s ? 2.2 : 1.0;
    return 1.0 + sum * modes;
}

bool PoolExperiment::start(ExperimentRun &run)
{
    const ParameterValues &v = run.values();
    const int workers = v.integer(u"workers"_s);
    TelemetryBlockSpec spec;
    spec.slotCount = workers + 16;
    spec.queues = {SharedQueueSpec{PoolFigures::MaxTasks, 64, false}, SharedQueueSpec{PoolFigures::MaxTasks, 64, false}};
    if (!run.createTelemetry(spec) || !run.createFigures(PoolFigures::figureCount()))
        return false;
    run.measure(u"setup"_s, workers, {{u"cores"_s, run.cores()}});
    for (int i = 0; i < workers; ++i) {
        WorkerLaunch launch;
        launch.role = LabRole::PoolWorker;
        launch.name = u"pool-worker-%1"_s.arg(i + 1);
        if (!run.spawn(launch))
            return false;
    }
    WorkerLaunch host;
    host.role = LabRole::Host;
    host.name = u"pool-parent"_s;
    const auto parent = run.spawn(host);
    if (!parent)
        return false;
    ThreadSpec driver;
    driver.role = LabRole::Pool;
    driver.rounds = v.integer(u"tasks"_s);
    driver.holdMs = v.integer(u"task_ms"_s);
    driver.mode = v.text(u"mode"_s);
    driver.party = workers;
    return run.lab().addThread(*parent, driver);
}

QStringList PoolExperiment::liveFigures() const
{
    return {u"makespan_apply"_s, u"makespan_apply_async"_s, u"makespan_map"_s};
}

void PoolExperiment::tick(ExperimentRun &run, const Snapshot &)
{
    recordEnded(run);
}

void PoolExperiment::finish(ExperimentRun &run)
{
    recordEnded(run);
}

void PoolExperiment::recordEnded(ExperimentRun &run)
{
    const PoolFigures figures(run.lastFigures());
    const int tasks = std::min(run.values().integer(u"tasks"_s), PoolFigures::MaxTasks);
    for (int mode = 0; mode < PoolFigures::ModeCount; ++mode) {
        const qint64 modeStart = figures.modeStartNs(mode);
        if (modeStart <= 0)
            continue;
        for (int task = 0; task < tasks; ++task) {
            const PoolFigures::Task t = figures.task(mode, task);
            if (t.pid <= 0 || t.endS <= 0 || m_recordedTasks.contains(mode * PoolFigures::MaxTasks + task))
                continue;
            m_recordedTasks.insert(mode * PoolFigures::MaxTasks + task);
            // In session time, like every other event: the Gantt chart draws them on the run's own axis.
            const double start = run.clock().at(modeStart + qint64(t.startS * 1e9));
            const double end = run.clock().at(modeStart + qint64(t.endS * 1e9));
            run.emitEvent(EventKind::PoolTask, {{u"mode"_s, PoolFigures::modeName(mode)}, {u"task"_s, task},
                                           {u"pid"_s, t.pid}, {u"start"_s, start}, {u"end"_s, end}});
        }
        const double makespan = figures.makespanS(mode);
        if (makespan > 0)
            run.report(u"makespan_"_s + PoolFigures::modeName(mode), makespan, LiveFigures::Moment::Settled,
                       {{u"start"_s, run.clock().at(modeStart)}});
    }
}

PhenomenonVerdict PoolExperiment::check(const QList<SessionEvent> &events, const ParameterValues &values) const
{
    const RecordedRun run(events);
    const double cores = run.measureEvent(u"setup"_s).value(u"cores"_s).toDouble(1);
    const double parallel = std::min<double>(values.integer(u"workers"_s), cores);
    const double sum = values.integer(u"tasks"_s) * values.integer(u"task_ms"_s) / 1000.0;
    const QString mode = values.text(u"mode"_s);
    const double apply = run.measure(u"makespan_apply"_s, -1);
    const double async = run.measure(u"makespan_apply_async"_s, -1);
    const double map = run.measure(u"makespan_map"_s, -1);
    PhenomenonVerdict verdict;
    verdict.figures = {{u"sum_s"_s, sum}, {u"parallel"_s, parallel}, {u"apply_s"_s, apply},
                       {u"apply_async_s"_s, async}, {u"map_s"_s, map}};
    // apply: one task at a time, so at least ~the sum of the task times. apply_async / map: clearly faster than
    // one at a time when more than one core can work. Compared with apply measured in the same run where there is
    // one, so a machine busy with other work slows both sides alike.
    const double oneAtATime = apply > 0 ? apply : sum;
    const auto sequentialOk = [&](double m) { return m >= 0.85 * sum; };
    const auto parallelOk = [&](double m) { return m > 0 && (parallel < 2 || m <= 0.85 * oneAtATime); };
    // Load cannot make apply faster than one task at a time; it can take away the cores a speed-up needs, and on
    // fewer than two cores there is no speed-up to show.
    bool sequential = true;
    bool parallelBounds = true;
    if (mode == u"all"_s || mode == u"apply"_s)
        sequential = sequentialOk(apply);
    if (mode == u"all"_s || mode == u"apply_async"_s)
        parallelBounds = parallelBounds && parallelOk(async);
    if (mode == u"all"_s || mode == u"map"_s)
        parallelBounds = parallelBounds && parallelOk(map);
    verdict.observed = sequential && parallelBounds;
    // A mode that never finished within the run (-1) is what load does: too slow, not too fast. Only an apply that
    // was measured faster than one task at a time is a failure load cannot explain.
    const bool applyTooFast = (mode == u"all"_s || mode == u"apply"_s) && apply >= 0 && !sequentialOk(apply);
    verdict.freeCoresNeeded = mode == u"apply"_s ? 0 : std::min(values.integer(u"workers"_s), 2);
    verdict.onlyLoadBoundsFailed = !applyTooFast;
    // Only the modes this run was asked for; one that did not end within the run says so.
    QStringList modes;
    const auto describe = [&](const QString &name, double makespan) {
        if (mode != u"all"_s && mode != name)
            return;
        modes << (makespan >= 0 ? tr("%1 took %2 s").arg(name, FigureText::significant(makespan))
                                : tr("%1 did not finish").arg(name));
    };
    describe(u"apply"_s, apply);
    describe(u"apply_async"_s, async);
    describe(u"map"_s, map);
    verdict.detail = tr("Sum of task times %1 s on %2 parallel worker(s): %3.")
                         .arg(FigureText::significant(sum)).arg(parallel).arg(modes.join(u", "_s));
    return verdict;
}

Prediction PoolExperiment::prediction() const
{
    return {tr("The same tasks on a pool of workers: apply() one by one, or apply_async() and map(). Which finishes first?"),
            {tr("apply()"), tr("apply_async() and map()"), tr("All take about as long")}};
}

int PoolExperiment::provedChoice(const QJsonObject &figures, const ParameterValues &) const
{
    const double apply = figures.value(u"apply_s"_s).toDouble(-1);
    double parallel = -1;
    for (const QString &key : {u"apply_async_s"_s, u"map_s"_s}) {
        const double s = figures.value(key).toDouble(-1);
        if (s > 0 && (parallel < 0 || s < parallel))
            parallel = s;
    }
    if (apply <= 0 || parallel <= 0)
        return -1;
    // Within 15 % of each other: about as long.
    if (apply > parallel * 1.15)
        return 1;
    return parallel > apply * 1.15 ? 0 : 2;
}
