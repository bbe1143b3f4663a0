#include "ProducerConsumerThreadsExperiment.h"

#include "ExperimentRun.h"
#include "RecordedRun.h"
#include "base/EventKind.h"
#include "base/LabRole.h"

using namespace Qt::Literals::StringLiterals;

QString ProducerConsumerThreadsExperiment::title() const
{
    return tr("Producers and consumers: threads");
}

QString ProducerConsumerThreadsExperiment::summary() const
{
    return tr("Producer and consumer threads share one bounded queue in one process; watch its depth and who "
              "blocks on full or empty.");
}

QString ProducerConsumerThreadsExperiment::explanation() const
{
    return tr("Threads of one process share its memory, so they can share one queue object. Producers put items, "
              "consumers get them; the queue holds at most 'capacity' items. When producers are faster the queue "
              "fills up and every put blocks (state Blocked, reason 'queue full') until a consumer takes an item; "
              "when consumers are faster it runs empty and they block on get ('queue empty'). A blocked thread uses "
              "no CPU: the kernel parks it on a futex until it is woken. Change the rates while it runs and watch "
              "the queue depth move and the blocked side switch.");
}

QString ProducerConsumerThreadsExperiment::python() const
{
    return u"import queue, threading, time\n\n"
           "q = queue.Queue(maxsize=8)\n\n"
           "def producer():\n"
           "    while True:\n"
           "        time.sleep(0.05)   # produce_ms\n"
           "        q.put('item')      # blocks while full\n\n"
           "def consumer():\n"
           "    while True:\n"
           "        q.get()            # blocks while empty\n"
           "        time.sleep(0.1)    # consume_ms\n\n"
           "for f in [producer] * 2 + [consumer] * 2:\n"
           "    threading.Thread(target=f).start()\n"_s;
}

QList<ParameterSpec> ProducerConsumerThreadsExperiment::flowParameters()
{
    return {
        ParameterSpec::integer(u"producers"_s, 2, 1, 256, tr("producer threads"), true),
        ParameterSpec::integer(u"consumers"_s, 2, 1, 256, tr("consumer threads"), true),
        ParameterSpec::integer(u"capacity"_s, 8, 1, 4096, tr("queue capacity in items")),
        ParameterSpec::integer(u"produce_ms"_s, 20, 0, 10000, tr("time to produce one item, in ms"), true),
        ParameterSpec::integer(u"consume_ms"_s, 60, 0, 10000, tr("time to consume one item, in ms"), true),
        ParameterSpec::boolean(u"busy"_s, false, tr("spin the CPU for that time instead of sleeping")),
    };
}

QList<ParameterSpec> ProducerConsumerThreadsExperiment::parameters() const
{
    return flowParameters();
}

int ProducerConsumerThreadsExperiment::steppingThreads(const ParameterValues &values) const
{
    return values.integer(u"producers"_s) + values.integer(u"consumers"_s);
}

bool ProducerConsumerThreadsExperiment::start(ExperimentRun &run)
{
    const ParameterValues &v = run.values();
    TelemetryBlockSpec spec;
    spec.slotCount = v.integer(u"producers"_s) + v.integer(u"consumers"_s) + 64;
    spec.queues = {SharedQueueSpec{v.integer(u"capacity"_s), 64, false}};
    if (!run.createTelemetry(spec))
        return false;
    WorkerLaunch host;
    host.role = LabRole::Host;
    host.name = u"queue-host"_s;
    const auto pid = run.spawn(host);
    if (!pid)
        return false;
    m_host = *pid;
    int stepNumber = 0; // step mode: producers first, then consumers, numbered from 1
    const auto addThreads = [&](const QString &role, int count, int periodMs) {
        for (int i = 0; i < count; ++i) {
            ThreadSpec thread;
            thread.role = role;
            // In step mode the grants pace the threads.
            thread.rate = periodMs > 0 && !run.isStepping() ? 1000.0 / periodMs : 0;
            thread.busy = v.boolean(u"busy"_s);
            thread.stepNumber = run.isStepping() ? ++stepNumber : 0;
            run.lab().addThread(m_host, thread);
        }
    };
    addThreads(LabRole::Producer, v.integer(u"producers"_s), v.integer(u"produce_ms"_s));
    addThreads(LabRole::Consumer, v.integer(u"consumers"_s), v.integer(u"consume_ms"_s));
    return true;
}

void ProducerConsumerThreadsExperiment::changeLive(ExperimentRun &run, const QString &name, const QVariant &value)
{
    if (!m_host)
        return;
    const auto info = run.lab().process(m_host);
    if (!info)
        return;
    const auto threadsOf = [&](const QString &role) {
        QList<pid_t> tids;
        for (const LabThreadInfo &thread : info->threads) {
            if (thread.role == role)
                tids << thread.tid;
        }
        return tids;
    };
    if (name == u"produce_ms"_s || name == u"consume_ms"_s) {
        const QString role = name == u"produce_ms"_s ? LabRole::Producer : LabRole::Consumer;
        for (pid_t tid : threadsOf(role))
            run.lab().setRate(m_host, value.toInt() > 0 ? 1000.0 / value.toInt() : 0, tid);
    } else if (name == u"producers"_s || name == u"consumers"_s) {
        const QString role = name == u"producers"_s ? LabRole::Producer : LabRole::Consumer;
        QList<pid_t> tids = threadsOf(role);
        const int wanted = value.toInt();
        for (int i = int(tids.size()); i < wanted; ++i) {
            ThreadSpec thread;
            thread.role = role;
            const int periodMs = run.values().integer(role == LabRole::Producer ? u"produce_ms"_s : u"consume_ms"_s);
            thread.rate = periodMs > 0 ? 1000.0 / periodMs : 0;
            thread.busy = run.values().boolean(u"busy"_s);
            run.lab().addThread(m_host, thread);
        }
        for (qsizetype i = tids.size(); i > wanted; --i)
            run.lab().stopThread(m_host, tids.at(i - 1));
    }
}

PhenomenonVerdict ProducerConsumerThreadsExperiment::checkFlow(const QList<SessionEvent> &events,
                                                              const ParameterValues &values)
{
    const RecordedRun run(events);
    const double produceRate = values.integer(u"producers"_s) * 1000.0 / std::max(1, values.integer(u"produce_ms"_s));
    const double consumeRate = values.integer(u"consumers"_s) * 1000.0 / std::max(1, values.integer(u"consume_ms"_s));
    const double gets = run.lastQueue(u"gets"_s);
    // A pipe's capacity is the kernel's buffer (at least a page), not the parameter: take what was sampled.
    const double capacity = run.lastQueue(u"capacity"_s) > 0 ? run.lastQueue(u"capacity"_s)
                                                               : values.integer(u"capacity"_s);
    const double maxDepth = run.maxQueue(u"depth"_s);
    const double blockedPutters = run.maxQueue(u"blocked_putters"_s);
    // At start-up every consumer waits for the first item, one production period late, whichever side is faster:
    // a getter blocked then shows nothing. Count from the second second on.
    const double blockedGetters = run.maxQueue(u"blocked_getters"_s, run.startTime() + 1.0);

    PhenomenonVerdict verdict;
    verdict.figures = {{u"gets"_s, gets},          {u"max_depth"_s, maxDepth},
                       {u"capacity"_s, capacity},  {u"max_blocked_putters"_s, blockedPutters},
                       {u"max_blocked_getters"_s, blockedGetters}, {u"produce_rate"_s, produceRate},
                       {u"consume_rate"_s, consumeRate}};
    if (gets <= 0) {
        verdict.detail = tr("No item went through the queue.");
        return verdict;
    }
    if (produceRate > consumeRate) {
        // A full pipe may be sampled a few records short of its size while a consumer reads.
        verdict.observed = maxDepth >= 0.75 * capacity && blockedPutters >= 1;
        verdict.detail = verdict.observed
            ? tr("Producers were faster: the queue filled up (%1 of %2) and up to %3 producer(s) blocked on a full "
                 "queue; %4 items went through.")
                  .arg(maxDepth).arg(capacity).arg(blockedPutters).arg(gets)
            : tr("Producers were faster, but no producer was seen blocked on a full queue.");
    } else {
        verdict.observed = blockedGetters >= 1;
        verdict.detail = verdict.observed
            ? tr("Consumers were faster: the queue ran empty and up to %1 consumer(s) blocked waiting for an item; "
                 "%2 items went through.")
                  .arg(blockedGetters).arg(gets)
            : tr("Consumers were faster, but no consumer was seen blocked on an empty queue.");
    }
    return verdict;
}

void ProducerConsumerThreadsExperiment::reportFlow(ExperimentRun &run, const SessionEvent &event)
{
    if (event.kind != EventKind::QueueSample)
        return;
    const QJsonObject &q = event.fields;
    run.report(u"items_through"_s, q.value(u"gets"_s).toDouble());
    run.report(u"queue_depth"_s, q.value(u"depth"_s).toDouble(), LiveFigures::Moment::Running,
               {{u"capacity"_s, q.value(u"capacity"_s)}});
    run.report(u"blocked_producers"_s, q.value(u"blocked_putters"_s).toDouble());
    run.report(u"blocked_consumers"_s, q.value(u"blocked_getters"_s).toDouble());
}

QStringList ProducerConsumerThreadsExperiment::flowFigures()
{
    return {u"queue_depth"_s, u"blocked_producers"_s, u"blocked_consumers"_s, u"items_through"_s};
}

void ProducerConsumerThreadsExperiment::observe(ExperimentRun &run, const SessionEvent &event)
{
    reportFlow(run, event);
}

QStringList ProducerConsumerThreadsExperiment::liveFigures() const
{
    return flowFigures();
}

PhenomenonVerdict ProducerConsumerThreadsExperiment::check(const QList<SessionEvent> &events,
                                                          const ParameterValues &values) const
{
    return checkFlow(events, values);
}

Prediction ProducerConsumerThreadsExperiment::prediction() const
{
    return {tr("Producers and consumers share a bounded queue. Who ends up waiting?"),
            {tr("The producers (queue full)"), tr("The consumers (queue empty)"), tr("Both, at different times"), tr("Neither")}};
}

int ProducerConsumerThreadsExperiment::provedChoice(const QJsonObject &figures, const ParameterValues &) const
{
    const int putters = figures.value(u"max_blocked_putters"_s).toInt();
    const int getters = figures.value(u"max_blocked_getters"_s).toInt();
    if (putters > 0 && getters > 0)
        return 2;
    return putters > 0 ? 0 : getters > 0 ? 1 : 3;
}
