#include "DeadlockExperiment.h"

#include "ExperimentRun.h"
#include "RecordedRun.h"
#include "WorkerHosts.h"
#include "base/EventKind.h"
#include "base/LabRole.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

QString DeadlockExperiment::title() const
{
    return tr("Deadlock: locks taken in opposite orders");
}

QString DeadlockExperiment::summary() const
{
    return tr("Threads in a ring each hold one lock and wait for the next; the wait-for cycle is found and shown.");
}

QString DeadlockExperiment::explanation() const
{
    return tr("Each thread takes its own lock, pauses, then asks for its neighbour's. Thread 1 holds L1 and waits "
              "for L2, thread 2 holds L2 and waits for L3 … and the last waits for L1. Every thread waits for one "
              "that waits too: a cycle, so none can ever go on — a deadlock. The threads are Blocked on a futex and "
              "use no CPU; nothing the kernel does will end it. ProcLab reads who holds and who waits for each lock "
              "from shared memory, draws the wait-for graph and marks the cycle. With ordered=true every thread takes "
              "the locks in one global order (lowest number first), a cycle cannot form, and they run for ever.");
}

QString DeadlockExperiment::python() const
{
    return u"import threading, time\n\n"
           "a, b = threading.Lock(), threading.Lock()\n\n"
           "def worker(first, second):\n"
           "    with first:\n"
           "        time.sleep(0.1)\n"
           "        with second:      # never returns\n"
           "            pass\n\n"
           "threading.Thread(target=worker, args=(a, b)).start()\n"
           "threading.Thread(target=worker, args=(b, a)).start()\n"_s;
}

QList<ParameterSpec> DeadlockExperiment::parameters() const
{
    return {
        ParameterSpec::integer(u"threads"_s, 2, 2, 5, tr("threads in the ring (one lock each)")),
        ParameterSpec::boolean(u"ordered"_s, false, tr("take the locks in one global order (prevents the deadlock)")),
        ParameterSpec::integer(u"step_ms"_s, 100, 0, 5000, tr("pause between taking the first and the second lock")),
        ParameterSpec::choice(u"using"_s, u"threads"_s, {u"threads"_s, u"processes"_s},
                              tr("threads of one process, or one process per member with locks in shared memory")),
    };
}

int DeadlockExperiment::steppingThreads(const ParameterValues &values) const
{
    return values.integer(u"threads"_s);
}

bool DeadlockExperiment::start(ExperimentRun &run)
{
    const ParameterValues &v = run.values();
    const int members = v.integer(u"threads"_s);
    TelemetryBlockSpec spec;
    spec.slotCount = members + 16;
    for (int i = 1; i <= members; ++i)
        spec.lockNames << u"L%1"_s.arg(i);
    if (!run.createTelemetry(spec))
        return false;

    const bool processes = v.text(u"using"_s) == u"processes"_s;
    WorkerHosts hosts(run, processes, u"ring"_s);
    for (int i = 0; i < members; ++i) {
        const std::optional<pid_t> host = hosts.hostFor(i);
        if (!host)
            return false;
        int first = i;
        int second = (i + 1) % members;
        if (v.boolean(u"ordered"_s) && first > second)
            std::swap(first, second);
        ThreadSpec thread;
        thread.role = LabRole::LockTaker;
        thread.locks = {first, second};
        thread.stepMs = v.integer(u"step_ms"_s);
        thread.holdMs = 20;
        thread.rounds = 0;
        thread.stepNumber = run.isStepping() ? i + 1 : 0;
        run.lab().addThread(*host, thread);
    }
    return true;
}

QStringList DeadlockExperiment::liveFigures() const
{
    return {u"cycle_length"_s, u"lock_acquisitions"_s};
}

void DeadlockExperiment::observe(ExperimentRun &run, const SessionEvent &event)
{
    reportCycle(run, event);
}

void DeadlockExperiment::reportCycle(ExperimentRun &run, const SessionEvent &event)
{
    // The cycle, the moment the analysis finds it: how many threads, which locks.
    if (event.kind == EventKind::DeadlockDetected)
        run.report(u"cycle_length"_s, double(event.fields.value(u"cycle"_s).toArray().size()),
                   LiveFigures::Moment::Running, {{u"cycle"_s, event.fields.value(u"cycle"_s)}});
}

void DeadlockExperiment::tick(ExperimentRun &run, const Snapshot &)
{
    reportAcquisitions(run, LiveFigures::Moment::Running);
}

void DeadlockExperiment::finish(ExperimentRun &run)
{
    reportAcquisitions(run, LiveFigures::Moment::Settled);
}

void DeadlockExperiment::reportAcquisitions(ExperimentRun &run, LiveFigures::Moment moment)
{
    quint64 acquisitions = 0;
    for (const LockSample &lock : run.lastTelemetry().locks)
        acquisitions += lock.acquisitions;
    run.report(u"lock_acquisitions"_s, double(acquisitions), moment);
}

PhenomenonVerdict DeadlockExperiment::check(const QList<SessionEvent> &events, const ParameterValues &values) const
{
    const RecordedRun run(events);
    const int members = values.integer(u"threads"_s);
    int longest = 0;
    for (const SessionEvent &event : run.ofKind(EventKind::DeadlockDetected))
        longest = std::max(longest, int(event.fields.value(u"cycle"_s).toArray().size()));
    const double acquisitions = run.measure(u"lock_acquisitions"_s, 0);
    PhenomenonVerdict verdict;
    verdict.figures = {{u"cycle_length"_s, longest}, {u"lock_acquisitions"_s, acquisitions}};
    if (values.boolean(u"ordered"_s)) {
        verdict.observed = longest == 0 && acquisitions > members;
        verdict.detail = verdict.observed
            ? tr("Locks taken in one order: no deadlock formed; the threads took locks %1 times.").arg(acquisitions)
            : longest ? tr("A deadlock formed although the locks were taken in order.")
                      : tr("No deadlock, but the threads made no progress either.");
    } else {
        verdict.observed = longest == members;
        verdict.detail = verdict.observed
            ? tr("A deadlock of %1 threads formed: each holds one lock and waits for the next.").arg(members)
            : tr("No deadlock cycle of %1 threads was detected.").arg(members);
    }
    return verdict;
}

Prediction DeadlockExperiment::prediction() const
{
    return {tr("Threads in a ring each take their own lock, then the next thread's. What happens?"),
            {tr("They all finish their rounds"), tr("They wait for each other forever: a deadlock")}};
}

int DeadlockExperiment::provedChoice(const QJsonObject &figures, const ParameterValues &values) const
{
    if (figures.value(u"cycle_length"_s).toInt() > 0)
        return 1;
    return figures.value(u"lock_acquisitions"_s).toDouble() > values.integer(u"threads"_s) ? 0 : -1;
}
