#include "StepSchedule.h"

#include "ExperimentRun.h"
#include "ipc/MonotonicDeadline.h"

#include <QTimer>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {
// A thread that has not reached its next step this long after it could have is stuck or the machine is very
// busy: either way the schedule cannot go on.
constexpr std::int64_t PatienceNs = 10'000'000'000;
} // namespace

StepSchedule::StepSchedule(ExperimentRun &run, const QList<int> &grants, QObject *parent)
    : QObject(parent)
    , m_run(run)
    , m_grants(grants)
    , m_steps(run)
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
    switch (m_steps.resolve(snapshot, now)) {
    case StepGrants::Progress::Vanished:
        fail(tr("thread %1 disappeared during its step").arg(m_grants.value(m_next - 1)));
        return;
    case StepGrants::Progress::Pending:
        if (now - m_steps.outstandingSinceNs() > PatienceNs)
            fail(tr("thread %1 did not finish its step within 10 s").arg(m_steps.outstandingNumber()));
        return;
    case StepGrants::Progress::Ended:
        m_waitingSinceNs = now;
        break;
    case StepGrants::Progress::None:
        break;
    }
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

void StepSchedule::grantNext(const TelemetrySnapshot &snapshot, std::int64_t now)
{
    const int number = m_grants.at(m_next);
    const int position = m_next + 1;
    switch (m_steps.readiness(snapshot, number)) {
    case StepGrants::Readiness::BlockedInside:
        fail(tr("step %1: thread %2 is blocked inside its step (%3) and cannot take another")
                 .arg(position)
                 .arg(number)
                 .arg(m_steps.blockedStep(number)));
        return;
    case StepGrants::Readiness::Finished:
        fail(tr("step %1: thread %2 has finished").arg(position).arg(number));
        return;
    case StepGrants::Readiness::NotYet:
    case StepGrants::Readiness::Outstanding:
        if (now - m_waitingSinceNs > PatienceNs)
            fail(tr("step %1: thread %2 did not reach its next step within 10 s").arg(position).arg(number));
        return;
    case StepGrants::Readiness::Ready:
        break;
    }
    if (m_steps.grant(snapshot, number, now))
        ++m_next;
}

void StepSchedule::fail(const QString &reason)
{
    if (m_over)
        return;
    m_over = true;
    m_timer->stop();
    Q_EMIT failed(reason);
}
