#include "CpuVersusIoExperiment.h"

#include "ExperimentRun.h"
#include "PythonWorkers.h"
#include "WorkerHosts.h"
#include "RecordedRun.h"
#include "TickFigures.h"
#include "base/LabRole.h"

using namespace Qt::Literals::StringLiterals;

QString CpuVersusIoExperiment::title() const
{
    return tr("CPU-bound versus IO-bound, and the GIL");
}

QString CpuVersusIoExperiment::summary() const
{
    return tr("Workers that compute or that wait, as threads or processes, with or without one global lock per "
              "process like CPython's GIL.");
}

QString CpuVersusIoExperiment::explanation() const
{
    return tr("CPython lets only the thread holding the Global Interpreter Lock run Python code. lang=python runs "
              "the workers as real python3 threads, and ProcLab reads their GIL from outside: watch the GIL column and "
              "band pass from thread to thread, one at a time. lang=cpp (the default) is a C++ stand-in for "
              "comparison: gil=true gives each lab process a lock like the GIL: a CPU-bound thread must hold it to compute, so however many threads and "
              "cores there are, together they use about one core — watch the running shares add up to ~100 % and "
              "the others wait Blocked on the lock. Processes each have their own GIL (using=processes), so they "
              "run in parallel on all cores; so do threads without a GIL (gil=false, like C++ or Python 3.13's "
              "free-threaded build). IO-bound work (work=io) releases the GIL while it waits, so threads overlap "
              "their waits fine: for IO, threads are enough.");
}

QString CpuVersusIoExperiment::python() const
{
    return u"import threading, multiprocessing as mp\n\n"
           "def count(n=50_000_000):\n"
           "    while n:\n"
           "        n -= 1              # holds the GIL\n\n"
           "# two threads: about one core in total\n"
           "ts = [threading.Thread(target=count) for _ in range(2)]\n"
           "# two processes: two cores\n"
           "ps = [mp.Process(target=count) for _ in range(2)]\n"_s;
}

QList<ParameterSpec> CpuVersusIoExperiment::parameters() const
{
    return {
        ParameterSpec::integer(u"workers"_s, 0, 0, 64, tr("workers (0: as many as cores, at least 2)")),
        ParameterSpec::choice(u"work"_s, u"cpu"_s, {u"cpu"_s, u"io"_s}, tr("compute, or wait for IO")),
        ParameterSpec::choice(u"using"_s, u"threads"_s, {u"threads"_s, u"processes"_s},
                              tr("threads of one process, or one process each")),
        ParameterSpec::boolean(u"gil"_s, true, tr("one global lock per process, held while computing")),
        ParameterSpec::integer(u"io_ms"_s, 20, 1, 1000, tr("IO wait per item, in ms")),
        ParameterSpec::choice(u"lang"_s, u"cpp"_s, {u"cpp"_s, u"python"_s},
                              tr("a C++ stand-in for the GIL, or real python3 threads and their GIL")),
    };
}

static int workersFor(const ParameterValues &values, int cores)
{
    const int workers = values.integer(u"workers"_s);
    return workers > 0 ? workers : std::max(2, cores);
}

static bool inPython(const ParameterValues &values)
{
    return values.text(u"lang"_s) == u"python"_s;
}

bool CpuVersusIoExperiment::start(ExperimentRun &run)
{
    const ParameterValues &v = run.values();
    const int workers = workersFor(v, run.cores());
    const bool processes = v.text(u"using"_s) == u"processes"_s;
    const bool gil = v.boolean(u"gil"_s);
    if (inPython(v)) {
        run.measure(u"setup"_s, workers, {{u"cores"_s, run.cores()}, {u"lang"_s, u"python"_s}});
        if (!gil) {
            // Debian's python3 is not a free-threaded build: its threads always share one GIL.
            run.reportError(tr("lang=python always has a GIL (the system's python3 is not free-threaded): use "
                               "gil=true, or lang=cpp for threads without one."));
            return false;
        }
        return PythonWorkers::start(run, workers, processes, v.text(u"work"_s), v.integer(u"io_ms"_s));
    }
    TelemetryBlockSpec spec;
    spec.slotCount = workers + 8;
    // One GIL per process: with processes, lock i belongs to process i only.
    const int locks = gil ? (processes ? workers : 1) : 0;
    for (int i = 0; i < locks; ++i)
        spec.lockNames << u"GIL-%1"_s.arg(i + 1);
    if (!run.createTelemetry(spec))
        return false;
    run.measure(u"setup"_s, workers, {{u"cores"_s, run.cores()}});
    WorkerHosts hosts(run, processes, processes ? u"process"_s : u"threads"_s);
    for (int i = 0; i < workers; ++i) {
        const std::optional<pid_t> host = hosts.hostFor(i);
        if (!host)
            return false;
        ThreadSpec thread;
        thread.role = v.text(u"work"_s) == u"cpu"_s ? LabRole::Cpu : LabRole::Io;
        if (thread.role == LabRole::Io)
            thread.rate = 1000.0 / v.integer(u"io_ms"_s);
        if (gil)
            thread.gil = processes ? i : 0;
        run.lab().addThread(*host, thread);
    }
    return true;
}

QStringList CpuVersusIoExperiment::liveFigures() const
{
    return {u"cores_used"_s, u"gil_holder"_s, u"gil_held"_s, u"gil_handovers"_s, u"items_done"_s, u"gil_acquisitions"_s};
}

void CpuVersusIoExperiment::tick(ExperimentRun &run, const Snapshot &snapshot)
{
    const TickFigures figures(run.lastTelemetry(), run.threadRoles(), &snapshot);
    const QString role = run.values().text(u"work"_s) == u"cpu"_s ? LabRole::Cpu : LabRole::Io;
    const double together = figures.sumOf(&TaskSample::running, TickFigures::threadsWithRole(run.lab().processes(), role));
    if (together >= 0)
        run.report(u"cores_used"_s, together, LiveFigures::Moment::Running, {{u"cores"_s, run.cores()}});
    if (inPython(run.values())) {
        PythonWorkers::report(run, LiveFigures::Moment::Running);
        return;
    }
    // Who holds the (first) GIL now: a TID, 0 while it is free.
    if (!run.lastTelemetry().locks.isEmpty()) {
        const LockSample &gil = run.lastTelemetry().locks.first();
        run.report(u"gil_holder"_s, gil.ownerTid, LiveFigures::Moment::Running, {{u"lock"_s, gil.name}});
    }
    reportCounts(run, LiveFigures::Moment::Running);
}

void CpuVersusIoExperiment::finish(ExperimentRun &run)
{
    if (inPython(run.values())) {
        PythonWorkers::report(run, LiveFigures::Moment::Settled);
        return;
    }
    reportCounts(run, LiveFigures::Moment::Settled);
}

void CpuVersusIoExperiment::reportCounts(ExperimentRun &run, LiveFigures::Moment moment)
{
    quint64 items = 0;
    for (const ThreadTelemetrySample &thread : run.lastTelemetry().threads)
        items += thread.itemsDone;
    run.report(u"items_done"_s, double(items), moment);
    quint64 acquisitions = 0;
    for (const LockSample &lock : run.lastTelemetry().locks)
        acquisitions += lock.acquisitions;
    run.report(u"gil_acquisitions"_s, double(acquisitions), moment);
}

PhenomenonVerdict CpuVersusIoExperiment::check(const QList<SessionEvent> &events, const ParameterValues &values) const
{
    const RecordedRun run(events);
    const double cores = run.measureEvent(u"setup"_s).value(u"cores"_s).toDouble(1);
    const int workers = workersFor(values, int(cores));
    const bool cpu = values.text(u"work"_s) == u"cpu"_s;
    const QSet<qint64> tids = run.threadsWithRole(cpu ? LabRole::Cpu : LabRole::Io);
    const double from = run.startTime() + 1.0;
    const double together = run.meanSumOf(u"running"_s, tids, from);
    const bool serialised = values.boolean(u"gil"_s) && values.text(u"using"_s) == u"threads"_s;
    const bool python = inPython(values);
    const double parallel = std::min<double>(workers, cores);
    PhenomenonVerdict verdict;
    verdict.figures = {{u"workers"_s, workers}, {u"cores"_s, cores}, {u"cores_used"_s, together}};
    if (together < 0) {
        verdict.detail = tr("No sample of the workers was recorded.");
        return verdict;
    }
    if (!cpu) {
        const double blocked = run.meanOf(u"blocked"_s, tids, from);
        verdict.figures.insert(u"mean_blocked"_s, blocked);
        verdict.observed = blocked >= 0.7;
        verdict.detail = tr("IO-bound workers spent %1 % of their time blocked and used %2 core(s) together: "
                            "waiting costs no CPU, GIL or not.")
                             .arg(blocked * 100, 0, 'f', 0).arg(together, 0, 'f', 2);
        if (python) {
            PythonWorkers::judge(verdict, PythonWorkers::measured(run, tids, workers), false, serialised, workers);
        } else if (values.boolean(u"gil"_s)) {
            // With a GIL every item's work took it (and the waits released it): as many acquisitions as items.
            const double items = run.measure(u"items_done"_s, -1);
            const double acquisitions = run.measure(u"gil_acquisitions"_s, -1);
            verdict.figures.insert(u"items_done"_s, items);
            verdict.figures.insert(u"gil_acquisitions"_s, acquisitions);
            const bool held = items >= 1 && acquisitions >= items;
            verdict.observed = verdict.observed && held;
            if (held)
                verdict.detail += u' ' + tr("Each of the %1 item(s) took the GIL and each wait released it.").arg(items);
            else
                verdict.detail = tr("With gil=true every item should take the GIL: %1 item(s), %2 acquisition(s).")
                                     .arg(items).arg(acquisitions);
        }
        return verdict;
    }
    // Showing that one GIL caps threads at one core, or that without it they use several, takes at least two free
    // cores: on one core both come out the same.
    verdict.freeCoresNeeded = std::min(workers, 2);
    if (serialised) {
        // About one core: never much more, whatever the number of cores. Load cannot push it above; it can push it
        // below half a core.
        verdict.observed = together <= 1.15 && together >= 0.5;
        verdict.onlyLoadBoundsFailed = together <= 1.15;
        verdict.detail = python ? tr("%1 CPU-bound python3 threads used %2 core(s) together (of %3).")
                                      .arg(workers).arg(together, 0, 'f', 2).arg(cores)
                                : tr("%1 CPU-bound threads sharing one stand-in GIL (a C++ lock, lang=cpp) used %2 "
                                     "core(s) together (of %3).")
                                      .arg(workers).arg(together, 0, 'f', 2).arg(cores);
    } else {
        // Clearly more than one core, relative to the cores there are (on one core there is nothing to show).
        verdict.observed = parallel < 1.5 ? together >= 0.8 : together >= 1 + 0.3 * (parallel - 1);
        verdict.onlyLoadBoundsFailed = true;
        verdict.detail = python ? tr("%1 CPU-bound python3 processes, a GIL each, used %2 core(s) together (of %3).")
                                      .arg(workers).arg(together, 0, 'f', 2).arg(cores)
                                : tr("%1 CPU-bound workers without a shared lock used %2 core(s) together (of %3).")
                                      .arg(workers).arg(together, 0, 'f', 2).arg(cores);
    }
    if (python) {
        const bool loadOnly = verdict.onlyLoadBoundsFailed;
        PythonWorkers::judge(verdict, PythonWorkers::measured(run, tids, workers), true, serialised, workers);
        verdict.onlyLoadBoundsFailed = loadOnly && verdict.onlyLoadBoundsFailed;
    }
    return verdict;
}

Prediction CpuVersusIoExperiment::prediction() const
{
    return {tr("How many cores will the workers use together?"),
            {tr("Less than one"), tr("About one"), tr("More than one")}};
}

int CpuVersusIoExperiment::provedChoice(const QJsonObject &figures, const ParameterValues &) const
{
    const double used = figures.value(u"cores_used"_s).toDouble(-1);
    if (used < 0)
        return -1;
    return used < 0.7 ? 0 : used <= 1.3 ? 1 : 2;
}
