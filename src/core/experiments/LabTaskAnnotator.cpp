#include "LabTaskAnnotator.h"

#include "StepGrants.h"

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

QString LabTaskAnnotator::pausedBefore(const ThreadTelemetrySample &slot, const TelemetrySnapshot &telemetry)
{
    if (slot.step.number <= 0 || !slot.step.parked || slot.step.free)
        return {};
    const QString object = StepGrants::objectName(telemetry, slot.step.action, slot.step.object);
    switch (slot.step.action) {
    case StepAction::Load: return tr("paused before: load %1").arg(object);
    case StepAction::Store: return tr("paused before: store %1 ← %2").arg(object).arg(slot.step.value);
    case StepAction::Acquire: return tr("paused before: acquire %1").arg(object);
    case StepAction::Release: return tr("paused before: release %1").arg(object);
    case StepAction::Put: return tr("paused before: put an item");
    case StepAction::Get: return tr("paused before: get an item");
    case StepAction::None: break;
    }
    return {};
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
        const QString paused = pausedBefore(*slot, telemetry);
        const QString words = paused.isEmpty() ? describe(*slot, telemetry) : paused;
        if (!words.isEmpty()) {
            task.reason = words;
            task.reasonSource = u"telemetry"_s;
        }
    }
    return copy;
}
