#pragma once

#include <QCoreApplication>

// proclab bench recorder [--seconds S] [--json] — how fast the session recorder is, measured in one run:
//  1. paced: a producer records `rate` task.sample events per second (100 000 by default) for S seconds in
//     batches of 100 per millisecond, as a sampler would; reports the producer's cost per record() call, the
//     recorder thread's CPU per event, and whether every event reached the file in order (none dropped);
//  2. flat out: 200 000 events, made beforehand, recorded at once; reports the events per second the recorder
//     sustains until the last is on disk — its ceiling;
//  3. the reference: formatting the same event with QJsonDocument (SessionEvent::toJsonLine) against the
//     recorder's SessionJsonWriter, per event.
// The file goes to a temporary folder and is removed. Returns 0, or 1 when events were lost in the paced run.
class RecorderBenchmark
{
    Q_DECLARE_TR_FUNCTIONS(RecorderBenchmark)
public:
    struct Options
    {
        double seconds = 3;
        int rate = 100000; // events per second in the paced run
        bool json = false; // one JSON line on stdout instead of a table
    };
    static int run(const Options &options);
};
