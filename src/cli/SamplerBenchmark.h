#pragma once

#include <QCoreApplication>

// proclab bench sampler --threads N [--interval MS] [--seconds S] [--json]
//
// Starts the helper proclab-bench-threads (built from tests/bench, found beside this binary or at
// $PROCLAB_BENCH_THREADS) with N threads that sleep on a condition variable, samples it with a TaskSampler at the
// interval for S seconds, and reports the sampler's own CPU time (CLOCK_THREAD_CPUTIME_ID around each sample()):
// per sample and per thread-sample, medians, with the first (cold: every file opened) sample apart; also the cost
// of formatting one snapshot as a JSON line and as a summary line. The helper is killed through its pidfd and
// reaped before returning. Returns 0, 1 when the helper cannot be started.
class SamplerBenchmark
{
    Q_DECLARE_TR_FUNCTIONS(SamplerBenchmark)
public:
    static constexpr int MaxThreads = 30000;
    struct Options {
        int threads = 2000;
        int intervalMs = 100;
        double seconds = 5;
        bool json = false;
    };
    static int run(const Options &options);
    // The helper's path, or empty when it is not there.
    static QString helperPath();
};
