#include "StepSchedule.h"

#include "ExperimentRun.h"
#include "base/EventKind.h"
#include "ipc/MonotonicDeadline.h"
#include "ipc/StepControl.h"

#include <QTimer>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {
// A thread that has not reached its next step this long after it could have is stuck or the machine is very
// busy: either way the schedule cannot go on.
constexpr std::int64_t PatienceNs = 10'000'000'000;
// A step whose thread sits in a wait this long is blocked inside it (a lock held by another, an empty queue).
constexpr std::int64_t BlockedAfterNs = 300'000'000;
} // namespace

StepSchedule::StepSchedule(ExperimentRun &run, const QList<int> &grants, QObject *parent)
    : QObject(parent)
    , m_run(run)
    , m_grants(grants)
{
}

bool StepSchedule::parse(const QString &text, int threads, QList<int> *grants, QString *error)
{
    grants->clear();
    for (const QString &part : text.split(u',')) {
        bool ok = false;
        const int number = part.trimmed().toInt(&ok);
        if (!ok || number < 1 || number > threads) {
            *error = QCoreApplication::translate("StepSchedule",
                                                 "--schedule takes thread numbers from 1 to %1 separated by commas, "
                                                 "got '%2'")
                         .arg(threads)
                         .arg(part);
            return false;
        }
        grants->append(number);
    }
    return true;
}

QString StepSchedule::describe(const QString &role, StepAction action, const QString &object, std::int64_t value)
{
    switch (action) {
    case StepAction::Load: return QCoreApplication::translate("StepSchedule", "%1: load %2").arg(role, object);
    case StepAction::Store:
        return QCoreApplication::translate("StepSchedule", "%1: store %2 ← %3").arg(role, object).arg(value);
    case StepAction::Acquire:
        return QCoreApplication::translate("StepSchedule", "%1: acquire %2").arg(role, object);
    case StepAction::Release:
        return QCoreApplication::translate("StepSchedule", "%1: release %2").arg(role, object);
    case StepAction::Put: return QCoreApplication::translate("StepSchedule", "%1: put an item").arg(role);
    case StepAction::Get: return QCoreApplication::translate("StepSchedule", "%1: get an item").arg(role);
    case StepAction::None: break;
    }
    return role;
}

void StepSchedule::start()
{
    m_timer = new QTimer(this);
    m_timer->setInterval(5);
    connect(m_timer, &QTimer::timeout, this, &StepSchedule::poll);
    m_waitingSinceNs = MonotonicDeadline::nowNs();
    m_timer->start();
}

void StepSchedule::poll()
{
    TelemetryBlock *block = m_run.telemetry();
    if (m_over || !block)
        return;
    const TelemetrySnapshot snapshot = block->snapshot();
    const std::int64_t now = MonotonicDeadline::nowNs();
    if (m_hasOutstanding && !resolve(snapshot, now))
        return;
    if (m_next < m_grants.size()) {
        grantNext(snapshot, now);
        return;
    }
    // The last step has ended: let the sampler see it (a few ticks, and the deadlock analysis a wait that
    // persists), then end the run.
    if (m_doneAtNs == 0)
        m_doneAtNs = now;
    const std::int64_t settleNs = std::max<std::int64_t>(800'000'000, std::int64_t(m_run.intervalMs()) * 5'000'000);
    if (now - m_doneAtNs >= settleNs) {
        m_over = true;
        m_timer->stop();
        Q_EMIT finished();
    }
}

bool StepSchedule::resolve(const TelemetrySnapshot &snapshot, std::int64_t now)
{
    const ThreadTelemetrySample *thread = StepControl::find(snapshot, m_outstanding.number);
    if (!thread) {
        fail(tr("thread %1 disappeared during its step").arg(m_outstanding.number));
        return false;
    }
    if (thread->step.completed >= m_outstanding.grants) {
        record(*thread, snapshot, false, false);
    } else if (thread->exited) {
        record(*thread, snapshot, false, true);
    } else if (isWaitState(thread->state)) {
        if (m_outstanding.blockedSinceNs == 0)
            m_outstanding.blockedSinceNs = now;
        if (now - m_outstanding.blockedSinceNs < BlockedAfterNs)
            return false;
        m_blocked.insert(m_outstanding.number,
                         describe(thread->role, m_outstanding.action,
                                  objectName(snapshot, m_outstanding.action, m_outstanding.object),
                                  m_outstanding.value));
        record(*thread, snapshot, true, false);
    } else {
        m_outstanding.blockedSinceNs = 0;
        if (now - m_outstanding.sinceNs > PatienceNs)
            fail(tr("thread %1 did not finish its step within 10 s").arg(m_outstanding.number));
        return false;
    }
    m_hasOutstanding = false;
    m_waitingSinceNs = now;
    return true;
}

void StepSchedule::grantNext(const TelemetrySnapshot &snapshot, std::int64_t now)
{
    const int number = m_grants.at(m_next);
    const int position = m_next + 1;
    if (m_blocked.contains(number)) {
        fail(tr("step %1: thread %2 is blocked inside its step (%3) and cannot take another")
                 .arg(position)
                 .arg(number)
                 .arg(m_blocked.value(number)));
        return;
    }
    const ThreadTelemetrySample *thread = StepControl::find(snapshot, number);
    if (thread && thread->exited) {
        fail(tr("step %1: thread %2 has finished").arg(position).arg(number));
        return;
    }
    if (!thread || !thread->step.waitingForGrant()) {
        if (now - m_waitingSinceNs > PatienceNs)
            fail(tr("step %1: thread %2 did not reach its next step within 10 s").arg(position).arg(number));
        return;
    }
    m_outstanding = Outstanding{};
    m_outstanding.number = number;
    m_outstanding.grant = position;
    m_outstanding.grants = thread->step.grants + 1;
    m_outstanding.action = thread->step.action;
    m_outstanding.object = thread->step.object;
    m_outstanding.value = thread->step.value;
    m_outstanding.sinceNs = now;
    m_hasOutstanding = true;
    ++m_next;
    StepControl(m_run.telemetry()).grant(thread->slot);
}

QString StepSchedule::objectName(const TelemetrySnapshot &snapshot, StepAction action, std::int64_t object)
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

void StepSchedule::record(const ThreadTelemetrySample &thread, const TelemetrySnapshot &snapshot, bool blocked,
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

void StepSchedule::fail(const QString &reason)
{
    if (m_over)
        return;
    m_over = true;
    m_timer->stop();
    Q_EMIT failed(reason);
}
