// Per-tick cost of the deadlock analysis at a realistic lab size.
//
//   proclab_bench_analysis [--threads N] [--ticks N] [--json]
//
// The lab: producer/consumer groups (8 + 8 threads on a small queue, heavy contention), threads taking locks in
// one global order, and a few deadlocked 5-thread rings that stay (so cycle search and event state are exercised
// every tick). Ticks are generated first, then DeadlockMonitor::analyse() is timed tick by tick. The reference,
// timed on the same ticks in the same run, is the least any analysis must do: index the tick's threads by TID.

#include "analysis/DeadlockMonitor.h"
#include "analysis/WaitGraphView.h"
#include "AnalysisScenarios.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTextStream>
#include <algorithm>
#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Figures
{
    double median = 0, p90 = 0, max = 0; // microseconds
};

Figures figuresOf(QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return {samples[samples.size() / 2], samples[samples.size() * 9 / 10], samples.last()};
}

QList<WaitTick> generate(int threadCount, int ticks)
{
    const int rings = 4, ringSize = 5;
    const int ordered = threadCount / 6;
    const int groups = std::max(0, (threadCount - rings * ringSize - ordered) / 16);
    const int orderedThreads = threadCount - rings * ringSize - groups * 16;

    QList<AnalysisScenarios::Contention> contention;
    for (int g = 0; g < groups; ++g)
        contention.append(AnalysisScenarios::Contention(8, 8, quint32(g + 1), 100000 + g * 100, g + 1));
    QList<QList<qint64>> orders;
    std::mt19937 random(99);
    for (int i = 0; i < orderedThreads; ++i) {
        QList<qint64> order;
        for (qint64 lock = 1; lock <= 20; ++lock) {
            if (random() % 4 == 0)
                order.append(lock);
        }
        if (order.isEmpty())
            order.append(1 + qint64(random() % 20));
        orders.append(order);
    }
    AnalysisScenarios::LockRun lockRun(orders, 5, 300000);
    WaitTick deadlocked;
    for (int r = 0; r < rings; ++r)
        AnalysisScenarios::merge(&deadlocked, AnalysisScenarios::lockRing(ringSize, 400000 + r * 10, 400001 + r * 10,
                                                                          true, 500 + r * ringSize));

    QList<WaitTick> result;
    result.reserve(ticks);
    for (int i = 0; i < ticks; ++i) {
        WaitTick tick = lockRun.next(i * 0.1, 40);
        for (AnalysisScenarios::Contention &group : contention)
            AnalysisScenarios::merge(&tick, group.next(i * 0.1));
        AnalysisScenarios::merge(&tick, deadlocked);
        result.append(tick);
    }
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({u"threads"_s, u"Lab threads per tick (default 500)."_s, u"N"_s, u"500"_s});
    parser.addOption({u"ticks"_s, u"Ticks to time (default 3000)."_s, u"N"_s, u"3000"_s});
    parser.addOption({u"json"_s, u"One JSON line on stdout."_s});
    bool threadsOk = false, ticksOk = false;
    if (!parser.parse(app.arguments())) {
        std::fprintf(stderr, "%s\n", qPrintable(parser.errorText()));
        return 2;
    }
    const int threads = parser.value(u"threads"_s).toInt(&threadsOk);
    const int ticks = parser.value(u"ticks"_s).toInt(&ticksOk);
    if (!threadsOk || !ticksOk || threads < 40 || threads > 100000 || ticks < 10 || ticks > 1000000) {
        std::fprintf(stderr, "--threads takes 40…100000 and --ticks 10…1000000\n");
        return 2;
    }

    const QList<WaitTick> input = generate(threads, ticks);
    DeadlockMonitor monitor;
    QList<double> analyse, view, reference;
    analyse.reserve(ticks);
    int events = 0, cycles = 0;
    QElapsedTimer timer;
    for (const WaitTick &tick : input) {
        timer.start();
        QHash<qint64, const WaitInput *> byTid;
        byTid.reserve(tick.threads.size());
        for (const WaitInput &thread : tick.threads)
            byTid.insert(thread.tid, &thread);
        reference.append(timer.nsecsElapsed() / 1e3);
        if (byTid.size() != tick.threads.size())
            return 1; // TIDs collide: the generator is broken

        timer.start();
        events += int(monitor.analyse(tick).size());
        analyse.append(timer.nsecsElapsed() / 1e3);
        cycles = int(monitor.graph().cycles().size());

        timer.start();
        const WaitGraphView graphView = WaitGraphView::build(monitor.lastTick(), monitor.graph());
        view.append(timer.nsecsElapsed() / 1e3);
        if (graphView.nodes.isEmpty())
            return 1;
    }
    const Figures a = figuresOf(analyse), v = figuresOf(view), r = figuresOf(reference);
    if (parser.isSet(u"json"_s)) {
        const QJsonObject line{{u"threads"_s, int(input.first().threads.size())},
                               {u"ticks"_s, ticks},
                               {u"analyse_median_us"_s, a.median},
                               {u"analyse_p90_us"_s, a.p90},
                               {u"analyse_max_us"_s, a.max},
                               {u"view_median_us"_s, v.median},
                               {u"reference_median_us"_s, r.median},
                               {u"ratio_to_reference"_s, a.median / r.median},
                               {u"share_of_100ms_tick"_s, a.median / 100000.0},
                               {u"cycles_per_tick"_s, cycles},
                               {u"events"_s, events}};
        std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
        return 0;
    }
    QTextStream out(stdout);
    out << "threads per tick:            " << input.first().threads.size() << " (" << ticks << " ticks)\n"
        << "DeadlockMonitor::analyse:    median " << a.median << " us, p90 " << a.p90 << " us, max " << a.max << " us\n"
        << "WaitGraphView::build:        median " << v.median << " us\n"
        << "reference (index by TID):    median " << r.median << " us\n"
        << "analyse / reference:         " << a.median / r.median << "\n"
        << "analyse / 100 ms tick:       " << a.median / 1000.0 << " %\n"
        << "deadlocks in each tick:      " << cycles << "; events over the run: " << events << "\n";
    return 0;
}
