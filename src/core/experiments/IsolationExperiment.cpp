#include "IsolationExperiment.h"

#include "ExperimentRun.h"
#include "RecordedRun.h"
#include "base/LabRole.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace {
// Figure slots written by the worker's isolation role: 0 the parent's value after the children or threads ended,
// 1 … n what each child or thread saw after its own change.
constexpr qint64 InitialValue = 100;
} // namespace

QString IsolationExperiment::title() const
{
    return tr("Isolation: processes do not share data");
}

QString IsolationExperiment::summary() const
{
    return tr("Children each change 'their' copy of a variable and the parent's stays as it was; threads change the "
              "one variable they share.");
}

QString IsolationExperiment::explanation() const
{
    return tr("A new process gets a copy of its parent's memory (copy-on-write after fork, or a fresh interpreter "
              "with spawn). When a child changes a global variable it changes its own copy: the parent never sees "
              "it. Threads live in one address space, so a change by any thread is the change. Here the parent "
              "holds value = 100; each child or thread sets it to its own number and reports what it sees; then "
              "the parent reports its value. With using=processes the parent still has 100; with using=threads it "
              "has whatever the last thread wrote. To share data between processes you need shared memory "
              "(multiprocessing.Value, Array), a Manager, or messages (Queue, Pipe).");
}

QString IsolationExperiment::python() const
{
    return u"import multiprocessing as mp, threading\n\n"
           "value = 100\n\n"
           "def change(n):\n"
           "    global value\n"
           "    value = n\n\n"
           "if __name__ == '__main__':\n"
           "    ps = [mp.Process(target=change, args=(i,)) for i in (1, 2, 3)]\n"
           "    for p in ps: p.start()\n"
           "    for p in ps: p.join()\n"
           "    print(value)   # 100: each child changed its own copy\n"
           "    ts = [threading.Thread(target=change, args=(i,)) for i in (1, 2, 3)]\n"
           "    for t in ts: t.start()\n"
           "    for t in ts: t.join()\n"
           "    print(value)   # 3: threads share it\n"_s;
}

QList<ParameterSpec> IsolationExperiment::parameters() const
{
    return {
        ParameterSpec::integer(u"children"_s, 3, 1, 16, tr("children (or threads) that change the value")),
        ParameterSpec::choice(u"using"_s, u"processes"_s, {u"processes"_s, u"threads"_s},
                              tr("separate processes, or threads of one process")),
    };
}

bool IsolationExperiment::start(ExperimentRun &run)
{
    const ParameterValues &v = run.values();
    TelemetryBlockSpec spec;
    spec.slotCount = v.integer(u"children"_s) + 16;
    if (!run.createTelemetry(spec) || !run.createFigures(v.integer(u"children"_s) + 1))
        return false;
    WorkerLaunch launch;
    launch.role = LabRole::Host;
    launch.name = u"parent"_s;
    const auto pid = run.spawn(launch);
    if (!pid)
        return false;
    ThreadSpec thread;
    thread.role = LabRole::Isolation;
    thread.rounds = v.integer(u"children"_s);
    thread.useProcesses = v.text(u"using"_s) == u"processes"_s;
    thread.initialValue = InitialValue;
    if (!run.lab().addThread(*pid, thread))
        return false;
    // The children are copies of the parent made by fork(), real processes of the lab: seen in the tree, named,
    // ended with the run.
    if (thread.useProcesses) {
        for (int i = 0; i < v.integer(u"children"_s); ++i) {
            if (!run.lab().forkChild(*pid, u"isolation"_s, LabRole::IsolatedChild))
                return false;
        }
    }
    return true;
}

QStringList IsolationExperiment::liveFigures() const
{
    return {u"parent_value"_s};
}

void IsolationExperiment::tick(ExperimentRun &run, const Snapshot &)
{
    reportValues(run, LiveFigures::Moment::Running);
}

void IsolationExperiment::finish(ExperimentRun &run)
{
    reportValues(run, LiveFigures::Moment::Settled);
}

void IsolationExperiment::reportValues(ExperimentRun &run, LiveFigures::Moment moment)
{
    // The parent's value beside what each child saw (0: that child has not reported yet).
    const QList<qint64> figures = run.lastFigures();
    if (figures.isEmpty() || figures.first() == 0)
        return;
    QJsonArray seen;
    for (qsizetype i = 1; i < figures.size(); ++i)
        seen.append(figures.at(i));
    run.report(u"parent_value"_s, double(figures.first()), moment,
               {{u"children_saw"_s, seen}, {u"initial"_s, double(InitialValue)}});
}

PhenomenonVerdict IsolationExperiment::check(const QList<SessionEvent> &events, const ParameterValues &values) const
{
    const RecordedRun run(events);
    const QJsonObject parent = run.measureEvent(u"parent_value"_s);
    PhenomenonVerdict verdict;
    if (parent.isEmpty() || parent.value(u"value"_s).toDouble() == 0) {
        verdict.detail = tr("The parent did not report its value.");
        return verdict;
    }
    const qint64 value = qint64(parent.value(u"value"_s).toDouble());
    const QJsonArray seen = parent.value(u"children_saw"_s).toArray();
    bool childrenChanged = !seen.isEmpty();
    for (const QJsonValue &child : seen)
        childrenChanged = childrenChanged && child.toInteger() != InitialValue && child.toInteger() != 0;
    verdict.figures = {{u"parent_value"_s, value}, {u"initial"_s, InitialValue}, {u"children_saw"_s, seen}};
    if (values.text(u"using"_s) == u"processes"_s) {
        verdict.observed = value == InitialValue && childrenChanged;
        verdict.detail = verdict.observed
            ? tr("Each child changed its own copy; the parent's value is still %1.").arg(value)
            : tr("Expected the parent's value to stay %1; it is %2.").arg(InitialValue).arg(value);
    } else {
        verdict.observed = value != InitialValue && childrenChanged;
        verdict.detail = verdict.observed
            ? tr("The threads changed the one shared value: the parent now sees %1 (was %2).").arg(value).arg(
                  InitialValue)
            : tr("Expected the threads to change the parent's value; it is still %1.").arg(value);
    }
    return verdict;
}

Prediction IsolationExperiment::prediction() const
{
    return {tr("Children change a variable they got from their parent. What does the parent see afterwards?"),
            {tr("Its own value, unchanged"), tr("The children's changes")}};
}

int IsolationExperiment::provedChoice(const QJsonObject &figures, const ParameterValues &) const
{
    if (!figures.contains(u"parent_value"_s))
        return -1;
    return figures.value(u"parent_value"_s).toDouble() == figures.value(u"initial"_s).toDouble() ? 0 : 1;
}
