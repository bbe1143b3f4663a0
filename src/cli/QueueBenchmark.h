#pragma once

#include <QCoreApplication>
#include <QString>

// proclab bench queue [--seconds S] [--json] — items per second between two processes, 64-byte items, measured in
// one run:
//  1. SharedQueue: a forked producer process puts into a memfd queue (capacity 1024) as fast as it can; this
//     process gets for S seconds;
//     the same again with putMany/getMany, up to 64 items per lock round trip;
//  2. PipeChannel: the same through a pipe (64-byte records);
//  3. the reference: Python's multiprocessing.Queue (maxsize 1024) with 64-byte bytes objects between two Python
//     processes, by tests/bench/queue_reference.py (python3 on PATH; the script is found beside the source tree the
//     binary was built in, or at $PROCLAB_QUEUE_REFERENCE).
// Each is measured `rounds` times; the median is reported, with the ratios against Python. The verdict on the
// target (≥ 1 M items/s and ≥ 20× Python) is for single-item put/get, the way the experiments use the queue. The producer children
// carry a parent-death signal and are reaped through pidfds; nothing outlives the run.
// Returns 0, or 1 when a measurement failed (the reference missing is not a failure: it is reported as such).
class QueueBenchmark
{
    Q_DECLARE_TR_FUNCTIONS(QueueBenchmark)
public:
    struct Options {
        double seconds = 1;     // per round and channel, 0.1 … 60
        int rounds = 3;         // median of this many rounds, 1 … 9
        bool json = false;      // one JSON line on stdout instead of a table
        QString referenceScript; // empty: look for tests/bench/queue_reference.py
    };
    static int run(const Options &options);

    // The reference script: options.referenceScript, else $PROCLAB_QUEUE_REFERENCE, else
    // tests/bench/queue_reference.py in a parent folder of the binary (the build tree). Empty if none exists.
    static QString findReferenceScript(const QString &given);
};
