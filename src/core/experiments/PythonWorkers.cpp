#include "PythonWorkers.h"

#include "ExperimentRun.h"
#include "LabPaths.h"
#include "RecordedRun.h"
#include "base/EventKind.h"
#include "base/LabRole.h"
#include "python/GilSession.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString Role = LabRole::Python;

QList<int> pythonPids(ExperimentRun &run)
{
    QList<int> pids;
    for (const LabProcessInfo &process : run.lab().processes()) {
        if (process.role == Role)
            pids << int(process.pid);
    }
    std::sort(pids.begin(), pids.end());
    return pids;
}
} // namespace

bool PythonWorkers::start(ExperimentRun &run, int workers, bool processes, const QString &work, int ioMs)
{
    const QString python = LabPaths::pythonProgram();
    if (python.isEmpty()) {
        run.reportError(tr("lang=python runs the system's python3 (/usr/bin/python3), which is not installed."));
        return false;
    }
    const QString script = LabPaths::labScript(u"cpu_vs_io.py"_s);
    if (script.isEmpty()) {
        run.reportError(tr("The script cpu_vs_io.py was not found in share/proclab/python beside ProcLab's programs."));
        return false;
    }
    run.readGil();
    const int count = processes ? workers : 1;
    const int each = processes ? 1 : workers;
    for (int i = 0; i < count; ++i) {
        WorkerLaunch launch;
        launch.role = Role;
        launch.arguments = {u"--python"_s, python, u"--script"_s, script, u"--"_s,
                            u"--threads"_s, QString::number(each), u"--work"_s, work,
                            u"--io-ms"_s, QString::number(ioMs), u"--first"_s, QString::number(i * each + 1)};
        if (!run.spawn(launch))
            return false;
    }
    return true;
}

void PythonWorkers::report(ExperimentRun &run, LiveFigures::Moment moment)
{
    const GilSession *gil = run.gil();
    if (!gil)
        return;
    const QList<int> pids = pythonPids(run);
    const QHash<int, GilTally> &interval = gil->lastInterval();
    bool holderKnown = false;
    double held = 0;
    int read = 0;
    for (const int pid : pids) {
        const GilTally tally = interval.value(pid);
        if (tally.reads == 0)
            continue;
        held += double(tally.heldReads) / double(tally.reads);
        ++read;
        if (holderKnown)
            continue;
        // The thread that held the first process's GIL most in the interval (0: nobody held it).
        int holder = 0;
        quint64 most = 0;
        for (auto it = tally.byTid.constBegin(); it != tally.byTid.constEnd(); ++it) {
            if (it.value() > most)
                most = it.value(), holder = it.key();
        }
        run.report(u"gil_holder"_s, holder, moment, {{u"pid"_s, pid}});
        holderKnown = true;
    }
    if (read > 0)
        run.report(u"gil_held"_s, held / read, moment, {{u"processes"_s, read}});
    const QHash<int, GilTally> totals = gil->sampler().totals();
    qint64 handovers = 0;
    bool known = false;
    for (const int pid : pids) {
        const GilTally tally = totals.value(pid);
        if (tally.switchesKnown)
            handovers += qint64(tally.switches), known = true;
    }
    if (known)
        run.report(u"gil_handovers"_s, double(handovers), moment);
}

PythonWorkers::Measured PythonWorkers::measured(const RecordedRun &run, const QSet<qint64> &workerTids, int workers)
{
    Measured gil;
    for (const SessionEvent &event : run.ofKind(EventKind::PythonInterpreter)) {
        if (event.fields.value(u"gil"_s).toString() != u"shown"_s)
            gil.notShown = event.fields.value(u"message"_s).toString();
    }
    const QList<SessionEvent> summaries = run.ofKind(EventKind::PythonGil);
    const int perProcess = std::max(1, workers / std::max<int>(1, int(summaries.size())));
    double held = 0;
    double workersHeld = 0;
    for (const SessionEvent &summary : summaries) {
        ++gil.processes;
        held += summary.fields.value(u"held"_s).toDouble();
        for (const QJsonValue &value : summary.fields.value(u"threads"_s).toArray()) {
            const QJsonObject thread = value.toObject();
            if (!workerTids.contains(thread.value(u"tid"_s).toInteger()))
                continue;
            const double share = thread.value(u"gil"_s).toDouble();
            workersHeld += share;
            // A fair part: a quarter of what an equal turn would give it.
            gil.holders += share >= 0.25 / perProcess;
        }
        if (summary.fields.contains(u"handovers"_s))
            gil.handovers = std::max<qint64>(gil.handovers, 0) + summary.fields.value(u"handovers"_s).toInteger();
    }
    gil.read = gil.processes > 0;
    if (gil.read) {
        gil.held = held / gil.processes;
        gil.workersHeld = workersHeld / gil.processes;
    }
    return gil;
}

void PythonWorkers::judge(PhenomenonVerdict &verdict, const Measured &gil, bool cpu, bool sharedGil, int workers)
{
    if (!gil.read) {
        verdict.observed = false;
        verdict.onlyLoadBoundsFailed = false;
        verdict.detail = gil.notShown.isEmpty()
            ? tr("The GIL of the python3 workers was not read: without it the lesson is not shown.")
            : tr("The GIL of the python3 workers was not read (%1): without it the lesson is not shown.").arg(gil.notShown);
        return;
    }
    verdict.figures.insert(u"gil_held"_s, gil.held);
    verdict.figures.insert(u"gil_workers"_s, gil.workersHeld);
    verdict.figures.insert(u"gil_holders"_s, gil.holders);
    verdict.figures.insert(u"gil_processes"_s, gil.processes);
    if (gil.handovers >= 0)
        verdict.figures.insert(u"gil_handovers"_s, gil.handovers);
    const QString handovers = gil.handovers >= 0 ? QString::number(gil.handovers) : tr("unknown");
    if (!cpu) {
        // Sleeping threads release the GIL: they hold it only for the little work per item. Load cannot raise it.
        const bool released = gil.workersHeld <= 0.3;
        verdict.observed = verdict.observed && released;
        verdict.detail += u' ' + tr("The python3 threads held their GIL %1 % of the time: waiting for IO releases it.")
                                     .arg(gil.workersHeld * 100, 0, 'f', 0);
        return;
    }
    // CPU-bound Python threads need the GIL for every step: a process's GIL is held about all the time, and in a
    // shared GIL every thread gets turns. A busy machine can delay a hand-over (a woken waiter waits for a core),
    // so these are bounds load can break.
    const bool busyGil = gil.workersHeld >= 0.8;
    const bool turns = !sharedGil || gil.holders >= std::min(2, workers);
    verdict.observed = verdict.observed && busyGil && turns;
    if (sharedGil)
        verdict.detail += u' ' + tr("The real GIL was held %1 % of the time, by %2 of the %3 threads in turn (%4 hand-overs): "
                                    "one thread at a time runs Python code.")
                                     .arg(gil.workersHeld * 100, 0, 'f', 0).arg(gil.holders).arg(workers).arg(handovers);
    else
        verdict.detail += u' ' + tr("Each of the %1 python3 processes held its own GIL %2 % of the time.")
                                     .arg(gil.processes).arg(gil.workersHeld * 100, 0, 'f', 0);
}
