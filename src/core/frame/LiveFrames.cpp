#include "LiveFrames.h"

#include "FrameRowBuilder.h"

#include "session/SampleThrottle.h"

#include <QHash>

void LiveFrames::clear()
{
    m_moment = SessionMoment();
}

void LiveFrames::apply(const SessionEvent &event)
{
    m_moment.apply(event);
}

Frame LiveFrames::frameOf(const Snapshot &snapshot, double t, const TelemetrySnapshot &telemetry,
                          const WaitTick *waits)
{
    QHash<qint64, const TaskSample *> taskOf;
    for (const TaskSample &task : snapshot.tasks) {
        taskOf.insert(task.tid, &task);
        const auto known = m_moment.tasks.find(task.tid);
        if (known == m_moment.tasks.end() || task.state == TaskState::Terminated)
            continue;
        known->running = SampleThrottle::roundedShare(task.running);
        known->ready = SampleThrottle::roundedShare(task.ready);
        known->blocked = SampleThrottle::roundedShare(task.blocked);
        known->cpu = SampleThrottle::roundedCpu(task.cpuPercent);
        known->core = task.core;
        known->reason = task.reason;
    }
    // Threads that ended without a thread.exit (a program's, or the supervisor's own) are of no row any more: the
    // moment keeps only what can still be shown, so its memory follows the live task count.
    m_moment.tasks.removeIf([](const auto &it) { return it.value().state == u"terminated"; });

    Frame frame = FrameRowBuilder::frameOf(m_moment, t);
    frame.intervalS = snapshot.intervalS;
    frame.tick = snapshot.sequence;
    frame.cpus = snapshot.cpus; // every tick: the file keeps two a second
    frame.hasWaits = waits != nullptr;
    frame.waits = waits ? *waits : WaitTick{};

    QHash<qint64, const ProcessSample *> processOf;
    for (const ProcessSample &process : snapshot.processes)
        processOf.insert(process.pid, &process);
    QHash<qint64, qint64> items;
    for (const ThreadTelemetrySample &slot : telemetry.threads) {
        if (!slot.exited)
            items.insert(slot.tid, qint64(slot.itemsDone));
    }
    QHash<qint64, qsizetype> processRow;
    for (qsizetype i = 0; i < frame.rows.size(); ++i) {
        TaskRow &row = frame.rows[i];
        if (row.isProcess()) {
            processRow.insert(row.pid, i);
            if (const ProcessSample *process = processOf.value(row.pid)) {
                row.letter = process->stat;
                // Every lab process is "proclab-worker" to the kernel; the row says which one it is.
                if (process->name != row.name)
                    row.command = process->name;
            }
            continue;
        }
        if (const TaskSample *task = taskOf.value(row.tid))
            row.letter = task->stat;
        const auto counted = items.constFind(row.tid);
        if (counted == items.cend())
            continue;
        row.itemsDone = *counted;
        const auto owner = processRow.constFind(row.pid);
        if (owner != processRow.cend()) {
            TaskRow &process = frame.rows[*owner];
            process.itemsDone = std::max<qint64>(process.itemsDone, 0) + row.itemsDone;
        }
    }
    return frame;
}
