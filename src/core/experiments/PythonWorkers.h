#pragma once

#include "Experiment.h"
#include "LiveFigures.h"

#include <QCoreApplication>
#include <QSet>

class ExperimentRun;
class RecordedRun;

// cpu-vs-io with lang=python: the lesson's workers as real python3 threads (the system's interpreter running the
// cpu_vs_io.py script ProcLab ships), whose GIL ProcLab reads from outside (ExperimentRun::readGil). Threads of
// one process share its one GIL; with using=processes each process has its own.
//
// What it measures comes from the kernel (the threads' running shares: the cores used) and from the GIL itself
// (each thread's share of the reads at which it held it, CPython's own count of hand-overs) — not from anything
// the script says about itself.
class PythonWorkers
{
    Q_DECLARE_TR_FUNCTIONS(PythonWorkers)
public:
    // Starts `workers` threads doing `work` ("cpu" or "io", io_ms per item): in one python3 process, or one
    // process each. False after an error event (no python3, no script, a spawn refused).
    static bool start(ExperimentRun &run, int workers, bool processes, const QString &work, int ioMs);
    // The live GIL figures of the last interval: gil_holder (the thread that held the first process's GIL most),
    // gil_held (the mean share of the reads at which each process's GIL was held), gil_handovers (CPython's own
    // count since the start).
    static void report(ExperimentRun &run, LiveFigures::Moment moment);

    // What the recorded run says of the GIL of the lab's python processes.
    struct Measured
    {
        bool read = false;       // a python.gil summary of a lab process was recorded
        QString notShown;        // else: why not (python.interpreter's message), when known
        double held = 0;         // the mean, over the processes, of the share of reads at which the GIL was held
        double workersHeld = 0;  // the mean, over the processes, of the summed shares of the worker threads
        int holders = 0;         // worker threads that held their GIL for a fair part of the run
        qint64 handovers = -1;   // CPython's own count, summed over the processes (-1 unknown)
        int processes = 0;
    };
    static Measured measured(const RecordedRun &run, const QSet<qint64> &workerTids, int workers);
    // Adds the measured GIL to a cpu-vs-io verdict: the figures, and the bounds that a real GIL must meet.
    static void judge(PhenomenonVerdict &verdict, const Measured &gil, bool cpu, bool sharedGil, int workers);
};
