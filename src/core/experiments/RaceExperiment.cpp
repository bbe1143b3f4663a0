#include "RaceExperiment.h"

#include "ExperimentRun.h"
#include "FigureText.h"
#include "RecordedRun.h"
#include "TickFigures.h"
#include "base/LabRole.h"

using namespace Qt::Literals::StringLiterals;

QString RaceExperiment::title() const
{
    return tr("Race condition: lost updates");
}

QString RaceExperiment::summary() const
{
    return tr("Threads add to one shared counter without a lock; updates are lost. locked=true fixes it.");
}

QString RaceExperiment::explanation() const
{
    return tr("'counter += 1' is three steps: read the value, add one, write it back. When two threads read the same "
              "value before either writes, both write the same result and one increment is lost. The threads here "
              "keep adding 1 for 'race_ms' to one counter in shared memory, exactly like that (a plain load and a plain "
              "store, no atomic add). At the end the counter is short of the increments the threads made by the number of "
              "lost updates. With locked=true each update holds a lock, the steps cannot interleave, and nothing is "
              "lost — at the price of the threads waiting for each other. The same happens with Python threads "
              "(the GIL can switch threads between the read and the write) and with processes sharing a Value "
              "without its lock.");
}

QString RaceExperiment::python() const
{
    return u"import threading\n\n"
           "balance = 0\n"
           "lock = threading.Lock()\n\n"
           "def change(n, locked):\n"
           "    global balance\n"
           "    for _ in range(1_000_000):\n"
           "        if locked:\n"
           "            with lock:\n"
           "                balance = balance + n\n"
           "                balance = balance - n\n"
           "        else:\n"
           "            balance = balance + n   # read, add, write:\n"
           "            balance = balance - n   # another thread may run in between\n"_s;
}

QList<ParameterSpec> RaceExperiment::parameters() const
{
    return {
        ParameterSpec::integer(u"threads"_s, 2, 2, 16, tr("threads updating the counter")),
        ParameterSpec::integer(u"race_ms"_s, 1500, 100, 30000, tr("how long the threads keep adding, in ms")),
        ParameterSpec::boolean(u"locked"_s, false, tr("hold a lock for each update")),
    };
}

double RaceExperiment::settleSeconds(const ParameterValues &values) const
{
    return values.integer(u"race_ms"_s) / 1000.0 + 1.0;
}

int RaceExperiment::steppingThreads(const ParameterValues &values) const
{
    return values.integer(u"threads"_s);
}

bool RaceExperiment::start(ExperimentRun &run)
{
    const ParameterValues &v = run.values();
    TelemetryBlockSpec spec;
    spec.slotCount = v.integer(u"threads"_s) + 8;
    spec.lockNames = {u"counter"_s};
    if (!run.createTelemetry(spec) || !run.createFigures(2)) // 0: the counter, 1: racers at the start line
        return false;
    WorkerLaunch host;
    host.role = LabRole::Host;
    host.name = u"race"_s;
    const auto pid = run.spawn(host);
    if (!pid)
        return false;
    for (int i = 0; i < v.integer(u"threads"_s); ++i) {
        ThreadSpec thread;
        thread.role = LabRole::Racer;
        thread.rounds = v.integer(u"race_ms"_s);
        thread.locks = v.boolean(u"locked"_s) ? QList<int>{0} : QList<int>{};
        thread.party = v.integer(u"threads"_s);
        thread.stepNumber = run.isStepping() ? i + 1 : 0;
        run.lab().addThread(*pid, thread);
    }
    return true;
}

QStringList RaceExperiment::liveFigures() const
{
    return {u"lost_updates"_s, u"increments_done"_s, u"counter"_s};
}

void RaceExperiment::reportFigures(ExperimentRun &run, LiveFigures::Moment moment)
{
    const TickFigures figures(run.lastTelemetry(), run.threadRoles());
    const quint64 done = figures.itemsOf(LabRole::Racer);
    const qint64 counter = run.lastFigures().value(0);
    run.report(u"increments_done"_s, double(done), moment);
    run.report(u"counter"_s, double(counter), moment);
    run.report(u"lost_updates"_s, double(qint64(done) - counter), moment, {{u"of"_s, double(done)}});
}

void RaceExperiment::tick(ExperimentRun &run, const Snapshot &)
{
    // The figures are final the moment every racer has finished (its telemetry slot says so).
    const TickFigures figures(run.lastTelemetry(), run.threadRoles());
    const int racers = run.values().integer(u"threads"_s);
    const bool allDone = figures.countWithRole(LabRole::Racer) == racers && figures.exitedWithRole(LabRole::Racer) == racers;
    reportFigures(run, allDone ? LiveFigures::Moment::Settled : LiveFigures::Moment::Running);
}

void RaceExperiment::finish(ExperimentRun &run)
{
    reportFigures(run, LiveFigures::Moment::Settled);
}

PhenomenonVerdict RaceExperiment::check(const QList<SessionEvent> &events, const ParameterValues &values) const
{
    const RecordedRun run(events);
    const double done = run.measure(u"increments_done"_s, 0);
    const double lost = run.measure(u"lost_updates"_s, -1);
    const double counter = run.measure(u"counter"_s, 0);
    PhenomenonVerdict verdict;
    verdict.figures = {{u"increments"_s, done}, {u"counter"_s, counter}, {u"lost_updates"_s, lost}};
    if (done <= 0 || lost < 0) {
        verdict.detail = tr("The threads did not report their increments.");
        return verdict;
    }
    if (values.boolean(u"locked"_s)) {
        verdict.observed = lost == 0;
        verdict.detail = verdict.observed
            ? tr("With the lock, all %1 increments arrived: none lost.").arg(FigureText::count(qint64(done)))
            : tr("%1 updates were lost although every update held the lock.").arg(FigureText::count(qint64(lost)));
    } else {
        verdict.observed = lost > 0;
        verdict.detail = verdict.observed
            ? tr("%1 of %2 increments were lost (%4 %): the counter ended at %3.")
                  .arg(FigureText::count(qint64(lost)), FigureText::count(qint64(done)),
                       FigureText::count(qint64(counter)), FigureText::percent(lost / done))
            : tr("No update was lost this time; the threads did not overlap.");
    }
    return verdict;
}

Prediction RaceExperiment::prediction() const
{
    return {tr("Threads add 1 to one shared counter, each as a read and a write. Where does the counter end?"),
            {tr("At exactly the number of increments made"), tr("Short of it: some updates are lost"), tr("Above it")}};
}

int RaceExperiment::provedChoice(const QJsonObject &figures, const ParameterValues &) const
{
    const double done = figures.value(u"increments"_s).toDouble();
    const double lost = figures.value(u"lost_updates"_s).toDouble(-1);
    if (done <= 0)
        return -1;
    return lost > 0 ? 1 : lost == 0 ? 0 : 2;
}
