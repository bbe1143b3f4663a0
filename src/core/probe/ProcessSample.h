#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

// One watched process at one tick.
struct ProcessSample
{
    int pid = 0;
    int ppid = 0;
    QString name;          // comm of the main thread
    QStringList cmdline;   // read when the process is first seen and after it exec()s (comm changed)
    qint64 rssKb = 0;
    int threads = 0;       // num_threads from the process's stat
    char stat = '?';       // the main thread's letter
    quint64 startTicks = 0; // start time in clock ticks since boot (stat field 22): tells a recycled PID apart
    bool gone = false;      // the process ended (reaped) in this interval; it is dropped from the next snapshot
};
