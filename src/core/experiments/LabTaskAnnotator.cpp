#include "LabTaskAnnotator.h"

#include <QHash>

using namespace Qt::Literals::StringLiterals;

QString LabTaskAnnotator::describe(const ThreadTelemetrySample &slot, const TelemetrySnapshot &telemetry)
{
    const qint64 object = slot.waitObject;
    switch (slot.state) {
    case ThreadState::WaitQueueFull:
        return tr("queue full (Q%1)").arg(object + 1);
    case ThreadState::WaitQueueEmpty:
        return tr("queue empty (Q%1)").arg(object + 1);
    case ThreadState::WaitLock: {
        const LockSample lock = telemetry.locks.value(int(object));
        const QString name = lock.name.isEmpty() ? u"L%1"_s.arg(object + 1) : lock.name;
        return lock.ownerTid ? tr("lock %1 held by TID %2").arg(name).arg(lock.ownerTid) : tr("lock %1").arg(name);
    }
    case ThreadState::WaitChild:
        return tr("waiting for child %1").arg(object);
    case ThreadState::WaitPipeWrite:
        return tr("writing into a full pipe");
    case ThreadState::WaitPipeRead:
        return tr("reading an empty pipe");
    default:
        return {};
    }
}

SnapshotPtr LabTaskAnnotator::annotate(const SnapshotPtr &snapshot, const TelemetrySnapshot &telemetry)
{
    if (!snapshot || telemetry.threads.isEmpty())
        return snapshot;
    QHash<qint64, const ThreadTelemetrySample *> byTid;
    for (const ThreadTelemetrySample &slot : telemetry.threads) {
        if (!slot.exited)
            byTid.insert(slot.tid, &slot);
    }
    auto copy = std::make_shared<Snapshot>(*snapshot);
    for (TaskSample &task : copy->tasks) {
        if (task.state != TaskState::Blocked)
            continue;
        const auto *slot = byTid.value(task.tid);
        if (!slot)
            continue;
        const QString words = describe(*slot, telemetry);
        if (!words.isEmpty()) {
            task.reason = words;
            task.reasonSource = u"telemetry"_s;
        }
    }
    return copy;
}
