#pragma once

#include "SessionExporter.h"

class QIODevice;
struct SessionEvent;
class CsvWriter;

// Tidy tables for a spreadsheet or pandas. FILE holds the events other than samples: t, kind, pid, tid (whole
// numbers, 0 when the event names none), one column per common detail field (eventColumns()) and `other`, the
// remaining fields as one JSON object ("{}" when none); beside it, named after FILE's stem (FILE without ".csv"):
//   <stem>.tasks.csv   t, pid, tid, state, running, ready, blocked, cpu, core, reason   (task.sample)
//   <stem>.cpus.csv    t, core, busy, user, system, iowait, steal                       (cpu.sample, one row per core)
//   <stem>.queues.csv  t, queue, depth, capacity, puts, gets, blocked_putters, blocked_getters   (queue.sample)
// RFC 4180 (see CsvWriter); a missing number is an empty field. All four files are written or none. A target
// written in place (/dev/null, a FIFO) gets FILE's table only.
class CsvExporter : public SessionExporter
{
public:
    QString format() const override;
    bool exportTo(SessionReader &reader, const QString &outputPath) override;
    // The same into open devices (tests, the fuzzer); a null companion device skips that table.
    bool write(SessionReader &reader, QIODevice *events, QIODevice *tasks, QIODevice *cpus, QIODevice *queues);

    // The companion files of FILE: tasks, cpus and queues, in that order.
    static QStringList companionPaths(const QString &outputPath);
    // The header of FILE's table, in order.
    static QStringList eventColumns();

protected:
    QStringList outputPaths(const QString &outputPath, bool companions) const override;

private:
    static void writeEvent(CsvWriter &csv, const SessionEvent &event);
    static void writeTaskSample(CsvWriter &csv, const SessionEvent &event);
    static void writeCpuSample(CsvWriter &csv, const SessionEvent &event);
    static void writeQueueSample(CsvWriter &csv, const SessionEvent &event);
};
