#include "ProducerConsumerProcessesExperiment.h"

#include "ExperimentRun.h"
#include "ProducerConsumerThreadsExperiment.h"
#include "base/LabRole.h"

using namespace Qt::Literals::StringLiterals;

QString ProducerConsumerProcessesExperiment::title() const
{
    return tr("Producers and consumers: processes");
}

QString ProducerConsumerProcessesExperiment::summary() const
{
    return tr("One process per producer and per consumer, passing items through a shared-memory queue or a pipe.");
}

QString ProducerConsumerProcessesExperiment::explanation() const
{
    return tr("Processes do not share memory, so a queue between them must live somewhere both can reach. "
              "channel=shm puts it in shared memory (a memfd mapped by every process, with a process-shared mutex "
              "and condition variables); channel=pipe sends the items through a kernel pipe, as Python's "
              "multiprocessing.Queue does underneath. Each producer and consumer is its own process with its own "
              "PID. The same blocking appears as with threads: producers block on a full queue (or a full pipe), "
              "consumers on an empty one — now the kernel parks processes, not threads of one process.");
}

QString ProducerConsumerProcessesExperiment::python() const
{
    return u"import multiprocessing as mp, time\n\n"
           "def producer(q):\n"
           "    while True:\n"
           "        time.sleep(0.02)\n"
           "        q.put('item')\n\n"
           "def consumer(q):\n"
           "    while True:\n"
           "        q.get()\n"
           "        time.sleep(0.06)\n\n"
           "if __name__ == '__main__':\n"
           "    q = mp.Queue(8)          # a pipe plus a feeder thread\n"
           "    for f in (producer, producer, consumer, consumer):\n"
           "        mp.Process(target=f, args=(q,)).start()\n"_s;
}

QList<ParameterSpec> ProducerConsumerProcessesExperiment::parameters() const
{
    QList<ParameterSpec> specs = ProducerConsumerThreadsExperiment::flowParameters();
    for (ParameterSpec &spec : specs) {
        if (spec.name == u"producers"_s) {
            spec.maximum = 64;
            spec.description = tr("producer processes");
        } else if (spec.name == u"consumers"_s) {
            spec.maximum = 64;
            spec.description = tr("consumer processes");
        }
    }
    specs << ParameterSpec::choice(u"channel"_s, u"shm"_s, {u"shm"_s, u"pipe"_s},
                                   tr("shared-memory queue, or a pipe"));
    return specs;
}

bool ProducerConsumerProcessesExperiment::start(ExperimentRun &run)
{
    const ParameterValues &v = run.values();
    const bool pipe = v.text(u"channel"_s) == u"pipe"_s;
    TelemetryBlockSpec spec;
    spec.slotCount = v.integer(u"producers"_s) + v.integer(u"consumers"_s) + 16;
    spec.queues = {SharedQueueSpec{v.integer(u"capacity"_s), 64, false}};
    if (!run.createTelemetry(spec) || (pipe && !run.createPipe(v.integer(u"capacity"_s))))
        return false;
    const auto spawn = [&](const QString &role, int count, int periodMs) {
        for (int i = 0; i < count; ++i) {
            WorkerLaunch launch;
            launch.role = role;
            launch.name = u"%1-%2"_s.arg(role).arg(i + 1);
            ThreadSpec thread; // the process's one thread, started at once (its role and name are the process's)
            thread.rate = periodMs > 0 ? 1000.0 / periodMs : 0;
            thread.busy = v.boolean(u"busy"_s);
            launch.arguments << thread.workerOptions();
            if (!run.spawn(launch))
                return false;
        }
        return true;
    };
    return spawn(LabRole::Producer, v.integer(u"producers"_s), v.integer(u"produce_ms"_s))
        && spawn(LabRole::Consumer, v.integer(u"consumers"_s), v.integer(u"consume_ms"_s));
}

void ProducerConsumerProcessesExperiment::observe(ExperimentRun &run, const SessionEvent &event)
{
    ProducerConsumerThreadsExperiment::reportFlow(run, event);
}

QStringList ProducerConsumerProcessesExperiment::liveFigures() const
{
    return ProducerConsumerThreadsExperiment::flowFigures();
}

PhenomenonVerdict ProducerConsumerProcessesExperiment::check(const QList<SessionEvent> &events,
                                                            const ParameterValues &values) const
{
    return ProducerConsumerThreadsExperiment::checkFlow(events, values);
}

Prediction ProducerConsumerProcessesExperiment::prediction() const
{
    return {tr("Producer and consumer processes share one queue (or pipe). Who ends up waiting?"),
            {tr("The producers (queue full)"), tr("The consumers (queue empty)"), tr("Both, at different times"), tr("Neither")}};
}

int ProducerConsumerProcessesExperiment::provedChoice(const QJsonObject &figures, const ParameterValues &) const
{
    const int putters = figures.value(u"max_blocked_putters"_s).toInt();
    const int getters = figures.value(u"max_blocked_getters"_s).toInt();
    if (putters > 0 && getters > 0)
        return 2;
    return putters > 0 ? 0 : getters > 0 ? 1 : 3;
}
