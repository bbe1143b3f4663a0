#include "StepGrants.h"

#include "ExperimentRun.h"
#include "StepSchedule.h"
#include "base/EventKind.h"
#include "ipc/StepControl.h"

using namespace Qt::Literals::StringLiterals;

namespace {
// A step whose thread sits in a wait this long is blocked inside it (a lock held by another, an empty queue).
constexpr std::int64_t BlockedAfterNs = 300'000'000;
} // namespace

StepGrants::Readiness StepGrants::readiness(const TelemetrySnapshot &snapshot, int number) const
{
    if (m_blocked.contains(number))
        return Readiness::BlockedInside;
    const ThreadTelemetrySample *thread = StepControl::find(snapshot, number);
    if (thread && thread->exited)
        return Readiness::Finished;
    if (m_hasOutstanding)
        return Readiness::Outstanding;
    if (!thread || !thread->step.waitingForGrant())
        return Readiness::NotYet;
    return Readiness::Ready;
}

bool StepGrants::grant(const TelemetrySnapshot &snapshot, int number, std::int64_t nowNs)
{
    if (readiness(snapshot, number) != Readiness::Ready)
        return false;
    const ThreadTelemetrySample *thread = StepControl::find(snapshot, number);
    m_outstanding = Outstanding{};
    m_outstanding.number = number;
    m_outstanding.grant = int(m_granted.size()) + 1;
    m_outstanding.grants = thread->step.grants + 1;
    m_outstanding.action = thread->step.action;
    m_outstanding.object = thread->step.object;
    m_outstanding.value = thread->step.value;
    m_outstanding.sinceNs = nowNs;
    m_hasOutstanding = true;
    m_granted.append(number);
    StepControl(m_run.telemetry()).grant(thread->slot);
    return true;
}

StepGrants::Progress StepGrants::resolve(const TelemetrySnapshot &snapshot, std::int64_t nowNs)
{
    if (!m_hasOutstanding)
        return Progress::None;
    const ThreadTelemetrySample *thread = StepControl::find(snapshot, m_outstanding.number);
    if (!thread) {
        m_hasOutstanding = false;
        return Progress::Vanished;
    }
    if (thread->step.completed >= m_outstanding.grants) {
        record(*thread, snapshot, false, false);
    } else if (thread->exited) {
        record(*thread, snapshot, false, true);
    } else if (isWaitState(thread->state)) {
        if (m_outstanding.blockedSinceNs == 0)
            m_outstanding.blockedSinceNs = nowNs;
        if (nowNs - m_outstanding.blockedSinceNs < BlockedAfterNs)
            return Progress::Pending;
        m_blocked.insert(m_outstanding.number,
                         StepSchedule::describe(thread->role, m_outstanding.action,
                                                objectName(snapshot, m_outstanding.action, m_outstanding.object),
                                                m_outstanding.value));
        record(*thread, snapshot, true, false);
    } else {
        m_outstanding.blockedSinceNs = 0;
        return Progress::Pending;
    }
    m_hasOutstanding = false;
    return Progress::Ended;
}

QString StepGrants::objectName(const TelemetrySnapshot &snapshot, StepAction action, std::int64_t object)
{
    if (action == StepAction::Acquire || action == StepAction::Release) {
        for (const LockSample &lock : snapshot.locks)
            if (lock.index == object)
                return lock.name;
    }
    if (action == StepAction::Load || action == StepAction::Store)
        return u"counter"_s; // the race's one shared variable, named as in the lesson's code
    return {};
}

void StepGrants::record(const ThreadTelemetrySample &thread, const TelemetrySnapshot &snapshot, bool blocked,
                        bool finished)
{
    const Outstanding &step = m_outstanding;
    const std::int64_t value = blocked || finished ? step.value : thread.step.result;
    QJsonObject fields{{u"step"_s, step.grant},
                       {u"thread"_s, step.number},
                       {u"pid"_s, thread.pid},
                       {u"tid"_s, thread.tid},
                       {u"role"_s, thread.role},
                       {u"action"_s, stepActionName(step.action)}};
    const QString object = objectName(snapshot, step.action, step.object);
    if (!object.isEmpty())
        fields.insert(u"object"_s, object);
    if (step.action == StepAction::Load || step.action == StepAction::Store || step.action == StepAction::Put
        || step.action == StepAction::Get)
        fields.insert(u"value"_s, double(value));
    if (blocked)
        fields.insert(u"blocked"_s, true);
    if (finished)
        fields.insert(u"finished"_s, true);
    m_run.emitEvent(EventKind::Step, fields);
}
