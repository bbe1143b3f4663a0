// Per-tick cost of the live futex cross-check (FutexCrossCheck::observe) with N real lab threads blocked on
// queues of a real telemetry block, in this process.
//
//   proclab_bench_futex [--threads N] [--ticks N]
//
// Half the threads put into a full queue, half get from an empty one, all through SharedQueue with their telemetry
// slots, so every one of them is a wait the cross-check looks at. The first tick sees every wait as new (one
// syscall read per thread, plus each process's maps once) but looks at no more than 64 of them; later ticks take
// the rest, then re-check each confirmed wait every 10 ticks at a phase of its own. The reference, timed on the same ticks in the same run, is the rest of the per-tick analysis:
// WaitTickBuilder::build plus DeadlockMonitor::analyse.

#include "analysis/DeadlockMonitor.h"
#include "analysis/FutexCrossCheck.h"
#include "experiments/TelemetryFutexLayout.h"
#include "experiments/WaitTickBuilder.h"
#include "ipc/TelemetryBlock.h"
#include "ipc/ThreadIdentity.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMutex>
#include <QSet>
#include <QTextStream>

#include <algorithm>
#include <atomic>
#include <stop_token>
#include <thread>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {
double median(QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples.isEmpty() ? 0 : samples[samples.size() / 2];
}
double percentile90(QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples.isEmpty() ? 0 : samples[samples.size() * 9 / 10];
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({u"threads"_s, u"blocked lab threads"_s, u"N"_s, u"500"_s});
    parser.addOption({u"ticks"_s, u"ticks to time"_s, u"N"_s, u"200"_s});
    parser.process(app);
    const int threads = std::max(2, parser.value(u"threads"_s).toInt());
    const int ticks = std::max(11, parser.value(u"ticks"_s).toInt());
    QTextStream out(stdout);

    TelemetryBlockSpec spec;
    spec.slotCount = threads + 1;
    spec.queues = {SharedQueueSpec{1, 64, false}, SharedQueueSpec{1, 64, false}};
    TelemetryBlock block = TelemetryBlock::create(spec);
    if (!block.isValid()) {
        out << "cannot create the telemetry block: " << block.errorString() << Qt::endl;
        return 1;
    }
    std::array<std::byte, 64> item{};
    block.queue(0)->put(item); // full: its putters block; queue 1 stays empty: its getters block
    const auto mapping = TelemetryFutexLayout::read(block.fd());
    if (!mapping) {
        out << "cannot read the block's layout" << Qt::endl;
        return 1;
    }

    std::stop_source stop;
    std::atomic<int> started = 0;
    std::vector<std::thread> lab;
    QSet<qint64> live;
    QMutex liveLock;
    for (int i = 0; i < threads; ++i) {
        lab.emplace_back([&, i] {
            const bool putter = i % 2 == 0;
            // Roles the wait-for graph does not know as either side of a queue: with "producer" and "consumer"
            // every putter would wait for the getters and they for the putters — a 500-thread knot, a real
            // deadlock, whose 62,500 releaser edges would make a poor reference.
            ThreadTelemetry telemetry = block.claimSlot(putter ? u"putter"_s : u"getter"_s);
            {
                QMutexLocker locker(&liveLock);
                live.insert(ThreadIdentity::currentTid());
            }
            ++started;
            WaitOptions options;
            options.telemetry = &telemetry;
            options.stop = stop.get_token();
            std::array<std::byte, 64> mine{};
            if (putter)
                block.queue(0)->put(mine, options);
            else
                block.queue(1)->get(mine, options);
        });
    }
    // Every thread waiting (its telemetry says so) before timing starts.
    for (;;) {
        int waiting = 0;
        for (const WaitInput &thread : WaitTickBuilder::build(0, block.snapshot(), {}, live).threads)
            waiting += thread.waitKind == WaitKind::QueueFull || thread.waitKind == WaitKind::QueueEmpty;
        if (started == threads && waiting == threads)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }

    FutexCrossCheck check;
    check.setMapping(*mapping);
    DeadlockMonitor monitor;
    QList<double> crossCheck, reference;
    double firstTick = 0;
    QElapsedTimer timer;
    for (int t = 0; t < ticks; ++t) {
        const TelemetrySnapshot snapshot = block.snapshot(); // the sampler's read, common to both
        timer.start();
        WaitTick tick = WaitTickBuilder::build(t * 0.1, snapshot, {}, live);
        monitor.analyse(tick);
        const double analysis = timer.nsecsElapsed() / 1000.0;
        timer.start();
        check.observe(&tick);
        const double observe = timer.nsecsElapsed() / 1000.0;
        if (t == 0)
            firstTick = observe;
        else
            crossCheck << observe;
        reference << analysis;
    }
    stop.request_stop();
    for (std::thread &thread : lab)
        thread.join();

    out << "threads " << threads << ", ticks " << ticks << "\n";
    out << "cross-check, first tick (every wait new, 64 looked at): " << qRound(firstTick) << " us\n";
    out << "cross-check, later ticks: median " << qRound(median(crossCheck)) << " us, p90 "
        << qRound(percentile90(crossCheck)) << " us\n";
    out << "reference (WaitTickBuilder::build + DeadlockMonitor::analyse): median " << qRound(median(reference))
        << " us\n";
    out << "ratio cross-check / reference (medians): " << QString::number(median(crossCheck) / median(reference), 'f', 2)
        << "\n";
    out << "waits checked " << check.waitsChecked() << ", maps reads " << check.mapsReads() << ", confirmed " << check.waitsConfirmed() << ", syscall reads "
        << check.syscallReads() << ", unreadable " << check.unreadable() << Qt::endl;
    return check.waitsConfirmed() == threads ? 0 : 1;
}
