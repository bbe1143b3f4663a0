#include "StepController.h"

#include "SessionController.h"

#include "experiments/StepGrants.h"
#include "experiments/StepSchedule.h"
#include "ipc/MonotonicDeadline.h"
#include "ipc/StepControl.h"
#include "ipc/TelemetryBlock.h"

#include <QAction>

using namespace Qt::Literals::StringLiterals;

namespace {
// A thread that has not reached its next gate this long after its grant was asked for will not soon: say so.
constexpr std::int64_t PatienceNs = 10'000'000'000;
} // namespace

StepController::StepController(SessionController *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_step(new QAction(this))
    , m_runFree(new QAction(this))
    , m_runAllFree(new QAction(this))
    , m_scheduleAgain(new QAction(this))
{
    m_step->setObjectName(u"actionStep"_s);
    m_step->setIcon(QIcon(u":/icons/step.svg"_s));
    m_step->setShortcut(QKeySequence(Qt::Key_F10));
    m_runFree->setObjectName(u"actionRunFree"_s);
    m_runAllFree->setObjectName(u"actionRunAllFree"_s);
    m_scheduleAgain->setObjectName(u"actionScheduleAgain"_s);
    m_scheduleAgain->setIcon(QIcon(u":/icons/resume.svg"_s));
    for (QAction *action : {m_step, m_runFree, m_runAllFree, m_scheduleAgain})
        action->setShortcutContext(Qt::WindowShortcut);
    for (int number = 1; number <= 9; ++number) {
        auto *action = new QAction(this);
        action->setObjectName(u"actionStepThread%1"_s.arg(number));
        action->setShortcut(QKeySequence(Qt::Key_0 + number));
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, [this, number] { grant(number); });
        m_numbers << action;
    }
    connect(m_step, &QAction::triggered, this, [this] {
        if (m_selection)
            grantRow(*m_selection);
        else
            Q_EMIT message(tr("Select a stepping thread's row first, or press its number."));
    });
    connect(m_runFree, &QAction::triggered, this, [this] {
        const int number = m_selection ? numberOf(m_selection->tid) : 0;
        if (number > 0)
            runFree(number);
        else
            Q_EMIT message(tr("Select a stepping thread's row first."));
    });
    connect(m_runAllFree, &QAction::triggered, this, &StepController::runAllFree);
    connect(m_scheduleAgain, &QAction::triggered, this, [this] {
        if (!m_schedule.isEmpty() && !m_session->isRunning())
            Q_EMIT scheduleAgainRequested(m_schedule);
    });
    connect(m_session, &SessionController::started, this, &StepController::onStarted);
    connect(m_session, &SessionController::stopped, this, &StepController::onStopped);
    m_timer.setInterval(10);
    connect(&m_timer, &QTimer::timeout, this, &StepController::poll);
    retranslate();
    updateActions();
}

StepController::~StepController() = default;

bool StepController::isStepping() const
{
    return m_grants && !m_runner && m_session->isRunning();
}

void StepController::onStarted()
{
    ExperimentRun *run = m_session->run();
    m_wanted.clear();
    m_runner = nullptr;
    m_grants.reset();
    m_threads = 0;
    if (run && run->isStepping()) {
        m_threads = run->experiment().steppingThreads(run->values());
        m_grants = std::make_unique<StepGrants>(*run);
        m_timer.start();
        Q_EMIT message(m_threads > 1 ? tr("Step mode: press 1–%1 (or double-click a thread's row) to let that thread "
                                          "take its next step.")
                                           .arg(std::min(m_threads, 9))
                                     : tr("Step mode: press 1 (or double-click the thread's row) to let it take its "
                                          "next step."));
    }
    updateActions();
}

void StepController::onStopped()
{
    m_timer.stop();
    m_wanted.clear();
    if (ExperimentRun *run = m_session->run(); run && run->isStepping()) {
        const RecordedSchedule recorded = RecordedSchedule::of(run->events());
        if (!recorded.isEmpty())
            m_schedule = recorded;
    }
    if (m_runner) {
        m_runner->deleteLater();
        m_runner = nullptr;
    }
    updateActions();
}

void StepController::setSelection(const std::optional<TaskRow> &row)
{
    m_selection = row;
    updateActions();
}

void StepController::setSchedule(const RecordedSchedule &schedule)
{
    m_schedule = schedule;
    updateActions();
}

QList<int> StepController::granted() const
{
    return m_grants ? m_grants->granted() : QList<int>{};
}

int StepController::numberOf(qint64 tid) const
{
    ExperimentRun *run = m_session->run();
    if (!run || tid == 0)
        return 0;
    for (const ThreadTelemetrySample &thread : run->lastTelemetry().threads)
        if (thread.tid == tid && !thread.exited)
            return thread.step.number;
    return 0;
}

int StepController::slotOf(int number) const
{
    ExperimentRun *run = m_session->run();
    TelemetryBlock *block = run ? run->telemetry() : nullptr;
    if (!block)
        return -1;
    const TelemetrySnapshot snapshot = block->snapshot();
    const ThreadTelemetrySample *thread = StepControl::find(snapshot, number);
    return thread && !thread->exited ? thread->slot : -1;
}

void StepController::grantRow(const TaskRow &row)
{
    if (!isStepping())
        return; // activating a row means nothing else yet; no message for an ordinary double-click
    const int number = numberOf(row.tid);
    if (number <= 0) {
        Q_EMIT message(tr("%1 does not step: only the lesson's threads take steps.").arg(row.name));
        return;
    }
    grant(number);
}

void StepController::grant(int number)
{
    if (m_runner) {
        Q_EMIT message(tr("The recorded schedule is being granted: wait for it to end."));
        return;
    }
    if (!isStepping()) {
        Q_EMIT message(tr("No run steps now: check Step mode before Start."));
        return;
    }
    if (number < 1 || number > m_threads) {
        Q_EMIT message(tr("There is no thread %1: this run steps threads 1 to %2.").arg(number).arg(m_threads));
        return;
    }
    if (m_wanted.isEmpty())
        m_frontSinceNs = MonotonicDeadline::nowNs();
    m_wanted.append(number);
    poll();
}

void StepController::runFree(int number)
{
    if (!isStepping())
        return;
    const int slot = slotOf(number);
    if (slot < 0) {
        Q_EMIT message(tr("Thread %1 has finished.").arg(number));
        return;
    }
    m_wanted.removeAll(number);
    StepControl(m_session->run()->telemetry()).runFree(slot);
    Q_EMIT message(tr("Thread %1 runs free: it no longer waits for grants.").arg(number));
}

void StepController::runAllFree()
{
    if (!isStepping())
        return;
    m_wanted.clear();
    ExperimentRun *run = m_session->run();
    const TelemetrySnapshot snapshot = run->telemetry()->snapshot();
    StepControl control(run->telemetry());
    for (const int number : StepControl::numbers(snapshot)) {
        const ThreadTelemetrySample *thread = StepControl::find(snapshot, number);
        if (thread && !thread->exited)
            control.runFree(thread->slot);
    }
    Q_EMIT message(tr("Every thread runs free."));
}

void StepController::runSchedule(const QList<int> &grants)
{
    ExperimentRun *run = m_session->run();
    if (!run || !run->isRunning() || !run->isStepping() || grants.isEmpty())
        return;
    m_wanted.clear();
    m_runner = new StepSchedule(*run, grants, this);
    connect(m_runner, &StepSchedule::finished, this, [this] {
        if (ExperimentRun *current = m_session->run())
            current->stop(ExperimentRun::StopReason::Schedule);
    });
    connect(m_runner, &StepSchedule::failed, this, [this](const QString &reason) {
        Q_EMIT message(tr("The recorded schedule could not go on: %1").arg(reason));
        if (ExperimentRun *current = m_session->run())
            current->stop(ExperimentRun::StopReason::Error);
    });
    m_runner->start();
    Q_EMIT message(tr("Granting the recorded schedule: %n step(s).", nullptr, int(grants.size())));
    updateActions();
}

void StepController::poll()
{
    ExperimentRun *run = m_session->run();
    TelemetryBlock *block = run && run->isRunning() ? run->telemetry() : nullptr;
    if (!m_grants || m_runner || !block)
        return;
    const TelemetrySnapshot snapshot = block->snapshot();
    const std::int64_t now = MonotonicDeadline::nowNs();
    const int outstanding = m_grants->outstandingNumber();
    switch (m_grants->resolve(snapshot, now)) {
    case StepGrants::Progress::Vanished:
        Q_EMIT message(tr("Thread %1 ended during its step.").arg(outstanding));
        m_frontSinceNs = now;
        break;
    case StepGrants::Progress::Ended:
        m_frontSinceNs = now;
        break;
    case StepGrants::Progress::Pending:
    case StepGrants::Progress::None:
        break;
    }
    while (!m_wanted.isEmpty()) {
        const int number = m_wanted.first();
        const ThreadTelemetrySample *thread = StepControl::find(snapshot, number);
        QString refusal;
        switch (m_grants->readiness(snapshot, number)) {
        case StepGrants::Readiness::Outstanding: return; // its turn comes when the step before it has ended
        case StepGrants::Readiness::Ready: {
            const StepSample step = thread->step;
            m_grants->grant(snapshot, number, now);
            m_wanted.removeFirst();
            m_frontSinceNs = now;
            Q_EMIT message(tr("Step %1: %2")
                               .arg(m_grants->granted().size())
                               .arg(StepSchedule::describe(thread->role, step.action,
                                                           StepGrants::objectName(snapshot, step.action, step.object),
                                                           step.value)));
            return;
        }
        case StepGrants::Readiness::BlockedInside:
            refusal = tr("Thread %1 is blocked inside its step (%2) and cannot take another.")
                          .arg(number)
                          .arg(m_grants->blockedStep(number));
            break;
        case StepGrants::Readiness::Finished:
            refusal = tr("Thread %1 has finished: it takes no more steps.").arg(number);
            break;
        case StepGrants::Readiness::NotYet:
            if (thread && thread->step.free) {
                refusal = tr("Thread %1 runs free: it takes no steps.").arg(number);
                break;
            }
            if (now - m_frontSinceNs < PatienceNs)
                return; // on its way to its next gate
            refusal = tr("Thread %1 did not reach its next step within 10 s.").arg(number);
            break;
        }
        m_wanted.removeFirst();
        m_frontSinceNs = now;
        Q_EMIT message(refusal);
    }
}

void StepController::updateActions()
{
    const bool stepping = isStepping();
    const bool threadSelected = m_selection && !m_selection->isProcess();
    m_step->setEnabled(stepping && threadSelected);
    m_runFree->setEnabled(stepping && threadSelected);
    m_runAllFree->setEnabled(stepping);
    for (QAction *action : std::as_const(m_numbers))
        action->setEnabled(stepping);
    m_scheduleAgain->setEnabled(!m_schedule.isEmpty() && !m_session->isRunning());
}

void StepController::retranslate()
{
    m_step->setText(tr("Step"));
    m_step->setToolTip(tr("Let the selected thread take its next step (F10; or press the thread's number, or "
                          "double-click its row)"));
    m_runFree->setText(tr("Run free"));
    m_runFree->setToolTip(tr("Let the selected thread run without waiting for grants"));
    m_runAllFree->setText(tr("Run all free"));
    m_runAllFree->setToolTip(tr("Let every stepping thread run without waiting for grants"));
    m_scheduleAgain->setText(tr("Run this schedule again"));
    m_scheduleAgain->setToolTip(tr("Start the same experiment with the same parameters in step mode and grant the "
                                   "recorded steps in the same order"));
    for (int i = 0; i < m_numbers.size(); ++i)
        m_numbers.at(i)->setText(tr("Step thread %1").arg(i + 1));
}
