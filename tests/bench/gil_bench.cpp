// Not a test: the CPU cost of reading the GIL at 200 Hz per Python process, against the task sampler's on the same
// processes, measured in the same run (docs/benchmarks.md).
//
//   proclab_bench_gil [PROCESSES] [SECONDS] [ROUNDS] [PYTHON]     (defaults 4, 5, 3, /usr/bin/python3.11)
//
// Each round starts PROCESSES copies of tests/fixtures/python/gil_cpu_threads.py (two pure-Python threads each:
// the GIL changes hands all the time), then for SECONDS runs, side by side, a GilSampler at 200 Hz over them (its
// thread's CPU time: CLOCK_THREAD_CPUTIME_ID) and a TaskSampler at exec's default 100 ms over them (the CPU time
// of its sample() calls on this thread), and a GilSampler watching nothing (it idles at 20 Hz). Prints per round and
// the medians: µs of CPU per second per Python process, and µs per GIL read (reading thread minus the idle one).
#include "probe/TaskSampler.h"
#include "python/GilSampler.h"

#include <QCoreApplication>
#include <QProcess>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <thread>
#include <vector>

namespace {
qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

qint64 monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int processes = args.size() > 1 ? args[1].toInt() : 4;
    const int seconds = args.size() > 2 ? args[2].toInt() : 5;
    const int rounds = args.size() > 3 ? args[3].toInt() : 3;
    const QString python = args.size() > 4 ? args[4] : QStringLiteral("/usr/bin/python3.11");
    const QString script = QStringLiteral(PROCLAB_SOURCE_DIR "/tests/fixtures/python/gil_cpu_threads.py");
    if (processes < 1 || seconds < 1 || rounds < 1) {
        std::fprintf(stderr, "usage: proclab_bench_gil [PROCESSES>0] [SECONDS>0] [ROUNDS>0] [PYTHON]\n");
        return 2;
    }
    std::vector<double> gilPerProcess, taskPerProcess, floorCost, perRead;
    for (int round = 0; round < rounds; ++round) {
        std::vector<std::unique_ptr<QProcess>> children;
        QList<int> pids;
        for (int i = 0; i < processes; ++i) {
            auto child = std::make_unique<QProcess>();
            child->start(python, {script, QString::number(seconds + 3)});
            if (!child->waitForStarted(5000)) {
                std::fprintf(stderr, "cannot start %s\n", qPrintable(python));
                return 1;
            }
            pids << int(child->processId());
            children.push_back(std::move(child));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(500)); // interpreters up, threads spinning
        GilSampler gil;
        gil.setPids(pids);
        GilSampler idle;
        TaskSampler tasks;
        tasks.setWatchedPids(pids);
        tasks.sample();
        gil.start();
        idle.start();
        std::this_thread::sleep_for(std::chrono::milliseconds(300)); // interpreters located
        const qint64 gilCpu0 = gil.threadCpuNs(), idleCpu0 = idle.threadCpuNs();
        const quint64 rounds0 = gil.rounds();
        gil.takeInterval();
        qint64 taskCpu = 0;
        const qint64 start = monotonicNs();
        while (monotonicNs() - start < qint64(seconds) * 1000000000) {
            const qint64 before = threadCpuNs();
            tasks.sample();
            taskCpu += threadCpuNs() - before;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        const double elapsedS = double(monotonicNs() - start) / 1e9;
        const qint64 gilCpu = gil.threadCpuNs() - gilCpu0;
        const qint64 idleCpu = idle.threadCpuNs() - idleCpu0;
        quint64 reads = 0;
        for (const GilTally &tally : gil.takeInterval())
            reads += tally.reads;
        const quint64 gilRounds = gil.rounds() - rounds0;
        gil.stop();
        idle.stop();
        for (auto &child : children) {
            child->kill();
            child->waitForFinished(5000);
        }
        const double gilUs = double(gilCpu) / 1e3 / elapsedS / processes;
        const double taskUs = double(taskCpu) / 1e3 / elapsedS / processes;
        const double floorUs = double(idleCpu) / 1e3 / elapsedS;
        const double readUs = reads ? double(gilCpu - idleCpu) / 1e3 / double(reads) : 0;
        std::printf("round %d: %llu GIL rounds (%.0f Hz), %llu reads; CPU µs/s per process: GIL %.0f, task sampler "
                    "%.0f; GIL sampler watching nothing %.0f µs/s; %.2f µs per GIL read above that\n",
                    round + 1, (unsigned long long)gilRounds, double(gilRounds) / elapsedS,
                    (unsigned long long)reads, gilUs, taskUs, floorUs, readUs);
        gilPerProcess.push_back(gilUs);
        taskPerProcess.push_back(taskUs);
        floorCost.push_back(floorUs);
        perRead.push_back(readUs);
    }
    std::printf("median over %d rounds, %d processes × 2 threads: GIL reads %.0f µs/s per process (%.2f%% of a core), "
                "task sampler %.0f µs/s per process; GIL sampler watching nothing %.0f µs/s; %.2f µs per read\n",
                rounds, processes, median(gilPerProcess), median(gilPerProcess) / 1e4, median(taskPerProcess),
                median(floorCost), median(perRead));
    return 0;
}
