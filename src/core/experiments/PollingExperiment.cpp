#include "PollingExperiment.h"

#include "ExperimentRun.h"
#include "RecordedRun.h"
#include "TickFigures.h"
#include "base/LabRole.h"

using namespace Qt::Literals::StringLiterals;

QString PollingExperiment::title() const
{
    return tr("Blocking versus polling");
}

QString PollingExperiment::summary() const
{
    return tr("Two consumers wait for the same slow producer: one blocks in get(), one polls in a loop and burns a "
              "core doing nothing useful.");
}

QString PollingExperiment::explanation() const
{
    return tr("A blocking call such as queue.get() asks the kernel to put the thread to sleep until there is "
              "something to get: it is Blocked and costs no CPU at all. A polling loop asks 'anything yet?' again and "
              "again (get_nowait() in a loop, catching Empty): it is always Running, uses a whole core, and gets its "
              "items no sooner. Compare the two consumers' CPU % and their running/blocked bars. Polling is a "
              "mistake whenever a blocking call (or select/poll/epoll on many sources) can do the waiting.");
}

QString PollingExperiment::python() const
{
    return u"import queue\n\n"
           "def blocking_consumer(q):\n"
           "    while True:\n"
           "        item = q.get()            # sleeps until an item comes\n\n"
           "def polling_consumer(q):\n"
           "    while True:\n"
           "        try:\n"
           "            item = q.get_nowait() # returns at once\n"
           "        except queue.Empty:\n"
           "            continue              # ... and asks again: 100 % CPU\n"_s;
}

QList<ParameterSpec> PollingExperiment::parameters() const
{
    return {
        ParameterSpec::integer(u"produce_ms"_s, 200, 1, 10000, tr("time between two items of the producer, in ms"),
                               true),
        ParameterSpec::boolean(u"polling"_s, true, tr("run the polling consumer beside the blocking one")),
    };
}

bool PollingExperiment::start(ExperimentRun &run)
{
    const ParameterValues &v = run.values();
    TelemetryBlockSpec spec;
    spec.slotCount = 16;
    spec.queues = {SharedQueueSpec{64, 64, false}};
    if (!run.createTelemetry(spec))
        return false;
    WorkerLaunch host;
    host.role = LabRole::Host;
    host.name = u"polling"_s;
    const auto pid = run.spawn(host);
    if (!pid)
        return false;
    ThreadSpec producer;
    producer.role = LabRole::Producer;
    producer.rate = 1000.0 / v.integer(u"produce_ms"_s);
    run.lab().addThread(*pid, producer);
    ThreadSpec blocking;
    blocking.role = LabRole::Consumer;
    run.lab().addThread(*pid, blocking);
    if (v.boolean(u"polling"_s)) {
        ThreadSpec poller;
        poller.role = LabRole::Poller;
        run.lab().addThread(*pid, poller);
    }
    return true;
}

QStringList PollingExperiment::liveFigures() const
{
    return {u"poller_running"_s, u"consumer_running"_s, u"items_polling"_s, u"items_blocking"_s};
}

void PollingExperiment::tick(ExperimentRun &run, const Snapshot &snapshot)
{
    // How much of a core each consumer uses now: the poller burns one while the blocking one sleeps.
    const TickFigures figures(run.lastTelemetry(), run.threadRoles(), &snapshot);
    const double blocking = figures.sumOf(&TaskSample::running, TickFigures::threadsWithRole(run.lab().processes(), LabRole::Consumer));
    if (blocking >= 0)
        run.report(u"consumer_running"_s, blocking);
    const double polling = figures.sumOf(&TaskSample::running, TickFigures::threadsWithRole(run.lab().processes(), LabRole::Poller));
    if (polling >= 0)
        run.report(u"poller_running"_s, polling);
    reportItems(run, LiveFigures::Moment::Running);
}

void PollingExperiment::finish(ExperimentRun &run)
{
    reportItems(run, LiveFigures::Moment::Settled);
}

void PollingExperiment::reportItems(ExperimentRun &run, LiveFigures::Moment moment)
{
    // What each consumer got, from its own telemetry counter: the sentence says what was measured.
    const TickFigures figures(run.lastTelemetry(), run.threadRoles());
    run.report(u"items_blocking"_s, double(figures.itemsOf(LabRole::Consumer)), moment);
    run.report(u"items_polling"_s, double(figures.itemsOf(LabRole::Poller)), moment);
}

PhenomenonVerdict PollingExperiment::check(const QList<SessionEvent> &events, const ParameterValues &values) const
{
    const RecordedRun run(events);
    const double from = run.startTime() + 0.5;
    const double blocking = run.meanOf(u"running"_s, run.threadsWithRole(LabRole::Consumer), from);
    PhenomenonVerdict verdict;
    verdict.figures = {{u"blocking_running"_s, blocking}};
    if (!values.boolean(u"polling"_s)) {
        verdict.observed = blocking >= 0 && blocking < 0.1;
        verdict.detail = tr("The blocking consumer ran %1 % of the time: it sleeps while it waits.")
                             .arg(blocking * 100, 0, 'f', 1);
        return verdict;
    }
    const double polling = run.meanOf(u"running"_s, run.threadsWithRole(LabRole::Poller), from);
    const double itemsBlocking = run.measure(u"items_blocking"_s, -1);
    const double itemsPolling = run.measure(u"items_polling"_s, -1);
    verdict.figures.insert(u"polling_running"_s, polling);
    verdict.figures.insert(u"items_blocking"_s, itemsBlocking);
    verdict.figures.insert(u"items_polling"_s, itemsPolling);
    // Items went through, and the sentence says who got them (which one is a race the kernel decides).
    const bool itemsWent = itemsBlocking + itemsPolling >= 1;
    // "Most of a core" on a shared, noisy machine: at least 40 % of the time on a core, and far more than the
    // blocking consumer.
    verdict.observed = polling >= 0.4 && blocking >= 0 && blocking < 0.1 && itemsWent;
    // The poller needs a core to burn; the blocking consumer's idleness and the items each got are load-proof.
    verdict.freeCoresNeeded = 1;
    verdict.onlyLoadBoundsFailed = blocking >= 0 && blocking < 0.1 && itemsWent;
    verdict.detail = verdict.observed
        ? tr("The polling consumer ran %1 % of the time and got %3 item(s); the blocking one ran %2 % and got %4.")
              .arg(polling * 100, 0, 'f', 0).arg(blocking * 100, 0, 'f', 1).arg(itemsPolling).arg(itemsBlocking)
        : !itemsWent
        ? tr("No item reached either consumer (the polling one got %1, the blocking one %2).")
              .arg(itemsPolling).arg(itemsBlocking)
        : tr("Expected the polling consumer to burn most of a core and the blocking one almost none; saw %1 % "
             "and %2 %.")
              .arg(polling * 100, 0, 'f', 0).arg(blocking * 100, 0, 'f', 1);
    return verdict;
}

Prediction PollingExperiment::prediction() const
{
    return {tr("A consumer waits for items that come rarely. How much CPU does it use while it waits?"),
            {tr("Almost none: it sleeps"), tr("Most of a core: it keeps asking")}};
}

int PollingExperiment::provedChoice(const QJsonObject &figures, const ParameterValues &) const
{
    // The poller's share when there is one (polling=true), else the blocking consumer's.
    const double share = figures.value(figures.contains(u"polling_running"_s) ? u"polling_running"_s
                                                                               : u"blocking_running"_s).toDouble(-1);
    if (share < 0)
        return -1;
    return share >= 0.4 ? 1 : share < 0.1 ? 0 : -1;
}
