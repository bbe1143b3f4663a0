#include "TaskActions.h"

#include "lessons/SessionController.h"
#include "programs/ProgramSession.h"

#include <QAction>
#include <QMenu>
#include <QMessageBox>

#include <csignal>

using namespace Qt::Literals::StringLiterals;

TaskActions::TaskActions(SessionController *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_terminate(new QAction(QIcon(u":/icons/terminate.svg"_s), QString(), this))
    , m_kill(new QAction(QIcon(u":/icons/kill.svg"_s), QString(), this))
    , m_stop(new QAction(QIcon(u":/icons/pause.svg"_s), QString(), this))
    , m_continue(new QAction(QIcon(u":/icons/resume.svg"_s), QString(), this))
    , m_reap(new QAction(QIcon(u":/icons/reap.svg"_s), QString(), this))
    , m_stopThread(new QAction(QIcon(u":/icons/stop-thread.svg"_s), QString(), this))
    , m_addProducer(new QAction(QIcon(u":/icons/add-producer.svg"_s), QString(), this))
    , m_addConsumer(new QAction(QIcon(u":/icons/add-consumer.svg"_s), QString(), this))
{
    m_terminate->setObjectName(u"actionTerminate"_s);
    m_kill->setObjectName(u"actionKill"_s);
    m_stop->setObjectName(u"actionStopProcess"_s);
    m_continue->setObjectName(u"actionContinue"_s);
    m_reap->setObjectName(u"actionReap"_s);
    m_stopThread->setObjectName(u"actionStopThread"_s);
    m_addProducer->setObjectName(u"actionAddProducer"_s);
    m_addConsumer->setObjectName(u"actionAddConsumer"_s);
    m_terminate->setShortcut(QKeySequence(Qt::Key_F8));
    m_kill->setShortcut(QKeySequence(Qt::Key_F9));
    m_reap->setShortcut(QKeySequence(Qt::Key_F7));
    m_stop->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_continue->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    for (QAction *action : {m_terminate, m_kill, m_stop, m_continue, m_reap, m_stopThread, m_addProducer, m_addConsumer})
        action->setShortcutContext(Qt::WindowShortcut);

    connect(m_terminate, &QAction::triggered, this, [this] { signalProcess(SIGTERM); });
    connect(m_kill, &QAction::triggered, this, [this] { signalProcess(SIGKILL); });
    connect(m_stop, &QAction::triggered, this, [this] { signalProcess(SIGSTOP); });
    connect(m_continue, &QAction::triggered, this, [this] { signalProcess(SIGCONT); });
    connect(m_reap, &QAction::triggered, this, &TaskActions::reap);
    connect(m_stopThread, &QAction::triggered, this, &TaskActions::stopThread);
    connect(m_addProducer, &QAction::triggered, this, [this] { addWorker(u"producers"_s); });
    connect(m_addConsumer, &QAction::triggered, this, [this] { addWorker(u"consumers"_s); });
    retranslate();
    refresh();
}

QString TaskActions::threadNote()
{
    return tr("POSIX cannot kill or stop a single thread from outside: a signal goes to the whole process. "
              "Stop thread asks the thread to finish its loop; a thread that is stuck ends only with its process.");
}

void TaskActions::retranslate()
{
    m_terminate->setText(tr("&Terminate (SIGTERM)"));
    m_terminate->setToolTip(tr("Ask the process to end (SIGTERM) — F8"));
    m_kill->setText(tr("&Kill (SIGKILL)"));
    m_kill->setToolTip(tr("End the process at once (SIGKILL); it cannot refuse — F9"));
    m_stop->setText(tr("&Stop (SIGSTOP)"));
    m_stop->setToolTip(tr("Freeze every thread of the process (SIGSTOP) — %1")
                           .arg(m_stop->shortcut().toString(QKeySequence::NativeText)));
    m_continue->setText(tr("&Continue (SIGCONT)"));
    m_continue->setToolTip(tr("Let a stopped process go on (SIGCONT) — %1")
                               .arg(m_continue->shortcut().toString(QKeySequence::NativeText)));
    m_reap->setText(tr("&Reap zombie"));
    m_reap->setToolTip(tr("Collect the exit status of a zombie (waitid): its PID is freed — F7"));
    m_stopThread->setText(tr("Stop &thread"));
    m_stopThread->setToolTip(threadNote());
    m_stopThread->setStatusTip(threadNote());
    m_addProducer->setText(tr("Add &producer"));
    m_addProducer->setToolTip(tr("Start one more producer thread"));
    m_addConsumer->setText(tr("Add c&onsumer"));
    m_addConsumer->setToolTip(tr("Start one more consumer thread"));
}

void TaskActions::setProgramSession(ProgramSession *program, QWidget *dialogParent)
{
    m_program = program;
    m_dialogParent = dialogParent;
    connect(program, &ProgramSession::started, this, &TaskActions::refresh);
    connect(program, &ProgramSession::finished, this, &TaskActions::refresh);
    refresh();
}

bool TaskActions::programRunning() const
{
    return m_program && m_program->isRunning() && !m_session->isRunning();
}

void TaskActions::setSelection(const std::optional<TaskRow> &row)
{
    m_selection = row;
    refresh();
}

bool TaskActions::hasLiveParameter(const QString &name) const
{
    const ExperimentRun *run = m_session->run();
    if (!run || !m_session->isRunning())
        return false;
    const ParameterSpec *spec = run->values().spec(name);
    return spec && spec->live;
}

void TaskActions::refresh()
{
    const bool running = m_session->isRunning();
    const bool alive = m_selection && m_selection->state != TaskState::Zombie
        && m_selection->state != TaskState::Terminated;
    const bool processRow = m_selection && m_selection->isProcess();
    // A program run's tree: any selected row, as the program session decides what it may signal.
    const bool program = programRunning() && m_selection;
    m_terminate->setEnabled((running && alive) || program);
    m_kill->setEnabled((running && alive) || program);
    m_stop->setEnabled(running && alive && m_selection->state != TaskState::Stopped);
    m_continue->setEnabled(running && alive);
    // A zombie's thread row reaps its process, as every signal acts on the process.
    m_reap->setEnabled(running && m_selection && m_selection->state == TaskState::Zombie);
    m_stopThread->setEnabled(running && alive && !processRow && m_selection->tid != m_selection->pid);
    m_addProducer->setEnabled(hasLiveParameter(u"producers"_s));
    m_addConsumer->setEnabled(hasLiveParameter(u"consumers"_s));
}

QString TaskActions::whyNot(const QAction *action) const
{
    const QString key = action->shortcut().toString(QKeySequence::NativeText);
    if (action == m_reap) {
        if (!m_session->isRunning())
            return tr("Nothing to reap yet: start an experiment (zombie keeps one), select a task in state Zombie "
                      "and press %1.").arg(key);
        if (!m_selection)
            return tr("Select a zombie (state Zombie) in the task table, then press %1 to reap it.").arg(key);
        return tr("Process %1 is not a zombie: only a zombie can be reaped.").arg(m_selection->pid);
    }
    if (!m_session->isRunning())
        return tr("%1 acts on a task of a running experiment: start one first.").arg(key);
    if (!m_selection)
        return tr("Select a process or a thread in the task table first (%1 acts on its process).").arg(key);
    if (action == m_stop && m_selection->state == TaskState::Stopped)
        return tr("Process %1 is stopped already: Continue lets it go on.").arg(m_selection->pid);
    return tr("Process %1 has ended: there is nothing to signal.").arg(m_selection->pid);
}

QList<QAction *> TaskActions::keyedActions() const
{
    return {m_terminate, m_kill, m_stop, m_continue, m_reap};
}

void TaskActions::fillMenu(QMenu *menu) const
{
    menu->addAction(m_terminate);
    menu->addAction(m_kill);
    menu->addAction(m_stop);
    menu->addAction(m_continue);
    menu->addAction(m_reap);
    menu->addSeparator();
    menu->addAction(m_stopThread);
    menu->addSeparator();
    menu->addAction(m_addProducer);
    menu->addAction(m_addConsumer);
}

QList<QAction *> TaskActions::toolbarActions() const
{
    return {m_terminate, m_kill, m_stop, m_continue, m_reap, m_stopThread, m_addProducer, m_addConsumer};
}

void TaskActions::signalProcess(int signal)
{
    if (programRunning() && (signal == SIGTERM || signal == SIGKILL)) {
        signalProgram(signal);
        return;
    }
    LabController *lab = m_session->lab();
    if (!lab || !m_selection)
        return;
    const qint64 pid = m_selection->pid;
    if (lab->sendSignal(pid_t(pid), signal)) {
        QString text = tr("%1 sent to process %2.").arg(LabController::signalName(signal)).arg(pid);
        if (!m_selection->isProcess())
            text += u' ' + tr("Signals go to the whole process, not to thread %1.").arg(m_selection->tid);
        Q_EMIT message(text);
    } else {
        Q_EMIT message(tr("Could not signal process %1: %2").arg(pid).arg(lab->lastError()));
    }
}

void TaskActions::signalProgram(int signal)
{
    if (!m_selection)
        return;
    const qint64 pid = m_selection->pid;
    // Attached processes are not ours to end: nothing is sent without the user's word.
    if (m_program->isAttached()
        && QMessageBox::question(m_dialogParent, tr("Signal an attached process"),
                                 tr("Send %1 to process %2? ProcLab did not start it; it may lose work.")
                                     .arg(LabController::signalName(signal))
                                     .arg(pid))
            != QMessageBox::Yes)
        return;
    Q_EMIT message(m_program->sendSignal(pid, signal)
                       ? tr("%1 sent to process %2.").arg(LabController::signalName(signal)).arg(pid)
                       : tr("Could not signal process %1: it is not in the watched tree.").arg(pid));
}

void TaskActions::reap()
{
    LabController *lab = m_session->lab();
    if (!lab || !m_selection)
        return;
    if (lab->reap(pid_t(m_selection->pid)))
        Q_EMIT message(tr("Process %1 reaped: its PID is free again.").arg(m_selection->pid));
    else
        Q_EMIT message(tr("Process %1 is not a zombie the lab keeps.").arg(m_selection->pid));
}

void TaskActions::stopThread()
{
    LabController *lab = m_session->lab();
    if (!lab || !m_selection)
        return;
    if (lab->stopThread(pid_t(m_selection->pid), pid_t(m_selection->tid)))
        Q_EMIT message(tr("Thread %1 was asked to finish.").arg(m_selection->tid) + u' ' + threadNote());
    else
        Q_EMIT message(tr("Thread %1 cannot be asked to stop: %2").arg(m_selection->tid).arg(lab->lastError()));
}

void TaskActions::addWorker(const QString &parameter)
{
    ExperimentRun *run = m_session->run();
    if (!run || !m_session->isRunning())
        return;
    const QString text = QString::number(run->values().integer(parameter) + 1);
    QString error;
    if (m_session->changeLive(parameter, text, &error))
        Q_EMIT parameterChanged(parameter, text);
    else
        Q_EMIT message(error);
}
