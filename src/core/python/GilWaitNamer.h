#pragma once

#include "GilProbe.h"
#include "probe/FutexWaitNamer.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>

// "waiting for the GIL": a thread of a CPython process whose futex lies inside that process's GIL (its condition
// variables and mutexes, GilProbe::waitRange) waits to run Python code. GilSampler tells it the ranges; the task
// sampler asks it (ReasonReader) from its own thread.
class GilWaitNamer : public FutexWaitNamer
{
    Q_DECLARE_TR_FUNCTIONS(GilWaitNamer)
public:
    QString nameOf(int pid, quint64 address) const override;
    void setRange(int pid, GilProbe::Range range);
    void remove(int pid);
    static QString waitingForTheGil();

private:
    mutable QMutex m_mutex;
    QHash<int, GilProbe::Range> m_ranges;
};
