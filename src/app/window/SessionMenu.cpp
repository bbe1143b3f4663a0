#include "SessionMenu.h"

#include "FrameFanOut.h"
#include "SessionInfoWidget.h"
#include "StatusBarController.h"
#include "dialogs/RunProgramDialog.h"
#include "events/EventLogPanel.h"
#include "programs/ProgramConsole.h"
#include "programs/ProgramSession.h"
#include "replay/ReplayBar.h"
#include "replay/ReplayController.h"
#include "tasks/TaskActions.h"
#include "timeline/TimelinePanel.h"

#include "session/SessionRetention.h"

#include "base/EventKind.h"

#include <QAction>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QTabWidget>
#include <QToolBar>

using namespace Qt::Literals::StringLiterals;

SessionMenu::SessionMenu(const Views &views, QObject *parent)
    : QObject(parent)
    , m_views(views)
    , m_program(new ProgramSession(this))
    , m_replay(new ReplayController(this))
    , m_console(new ProgramConsole)
    , m_bar(new ReplayBar(m_replay))
    , m_barHolder(new QToolBar(views.window))
    , m_run(new QAction(this))
    , m_attach(new QAction(this))
    , m_stop(new QAction(this))
    , m_signalMenu(new QMenu(views.menu))
{
    m_views.tabs->addTab(m_console, QString());
    m_barHolder->setObjectName(u"replayToolBar"_s);
    m_barHolder->setMovable(false);
    m_barHolder->addWidget(m_bar);
    m_views.window->addToolBar(Qt::BottomToolBarArea, m_barHolder);
    m_barHolder->hide();
    // Only a loaded replay shows the bar: no toolbar menu entry brings back an empty "0.0 s of 0.0 s".
    m_barHolder->toggleViewAction()->setVisible(false);

    m_views.menu->insertActions(m_views.before, {m_run, m_attach, m_stop});
    m_views.taskActions->setProgramSession(m_program, m_views.window);
    m_signalMenu->addActions({m_views.taskActions->terminateAction(), m_views.taskActions->killAction()});
    m_views.menu->insertMenu(m_views.before, m_signalMenu);
    m_views.menu->insertSeparator(m_views.before);

    connect(m_run, &QAction::triggered, this, &SessionMenu::askRun);
    connect(m_attach, &QAction::triggered, this, &SessionMenu::askAttach);
    connect(m_stop, &QAction::triggered, this, &SessionMenu::stopAll);

    connect(m_program, &ProgramSession::ticked, m_views.frames, &FrameFanOut::show);
    connect(m_program, &ProgramSession::eventsArrived, m_views.frames->views().eventLog, &EventLogPanel::append);
    connect(m_program, &ProgramSession::eventsArrived, this, [this](const QList<SessionEvent> &events) {
        for (const SessionEvent &event : events) {
            // Tasks the sampler could not read for want of file descriptors: said where the user looks.
            if (event.kind == EventKind::Error && event.fields.value(u"what"_s).toString() == u"sample"_s)
                statusBar()->showMessage(event.fields.value(u"message"_s).toString());
        }
    });
    connect(m_program, &ProgramSession::output, m_console, &ProgramConsole::appendOutput);
    connect(
        m_program, &ProgramSession::oldSessionsDeleted, this,
        [this](const QStringList &paths) { statusBar()->showMessage(SessionRetention::deletedMessage(paths)); },
        Qt::QueuedConnection);
    connect(m_program, &ProgramSession::outputSkipped, m_console, &ProgramConsole::appendSkipped);
    connect(m_program, &ProgramSession::finished, this, [this](int status) {
        const QString text = m_program->isAttached() ? tr("Stopped watching process %1.")
                                                           .arg(m_program->programRun()->programPid())
                                                     : tr("The program ended with status %1.").arg(status);
        m_console->appendNote(text);
        statusBar()->showMessage(text);
        statusBar()->setRecording(false);
        m_views.frames->endLive();
        updateActions();
        Q_EMIT finished();
    });

    connect(m_replay, &ReplayController::historyShown, m_views.frames, &FrameFanOut::showHistory);
    connect(m_replay, &ReplayController::moved, m_views.frames, &FrameFanOut::showMoment);
    connect(m_replay, &ReplayController::eventsShown, m_views.frames, &FrameFanOut::showEvents);
    retranslate();
    updateActions();
}

SessionMenu::~SessionMenu()
{
    // Quitting ends the program's tree (and reaps it) before the views go.
    m_program->stopAndWait();
}

bool SessionMenu::isReplaying() const
{
    return m_replay->isLoaded();
}

bool SessionMenu::isBusy() const
{
    return m_program->isRunning();
}

void SessionMenu::setExperimentRunning(bool running)
{
    m_experimentRunning = running;
    if (running)
        closeReplay();
    updateActions();
}

QString SessionMenu::lastLogPath() const
{
    return m_program->programRun() ? m_program->programRun()->logPath() : QString();
}

void SessionMenu::askRun()
{
    RunProgramDialog dialog(RunProgramDialog::Mode::Run, m_views.window);
    if (!m_lastCommandLine.isEmpty())
        dialog.setCommandLine(m_lastCommandLine);
    if (!m_lastDirectory.isEmpty())
        dialog.setWorkingDirectory(m_lastDirectory);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_lastCommandLine = dialog.commandLine();
    m_lastDirectory = dialog.workingDirectory();
    runProgram(dialog.command(), dialog.workingDirectory());
}

void SessionMenu::askAttach()
{
    RunProgramDialog dialog(RunProgramDialog::Mode::Attach, m_views.window);
    QString why;
    if (dialog.exec() == QDialog::Accepted && !attachTo(dialog.pid(), &why))
        QMessageBox::warning(m_views.window, tr("Attach to process"),
                             tr("Could not attach to process %1: %2").arg(dialog.pid()).arg(why));
}

bool SessionMenu::runProgram(const QStringList &command, const QString &workingDirectory, QString *error)
{
    clearViews();
    m_console->clear();
    m_console->appendNote(tr("$ %1").arg(command.join(u' ')));
    QString why;
    if (m_experimentRunning || !m_program->run(command, workingDirectory, m_intervalMs, m_record, &why)) {
        if (m_experimentRunning)
            why = tr("stop the experiment first");
        const QString text = tr("Could not run %1: %2").arg(command.value(0), why);
        m_console->appendNote(text);
        statusBar()->showMessage(text);
        if (error)
            *error = why;
        updateActions();
        return false;
    }
    m_views.tabs->setCurrentWidget(m_console);
    m_views.info->showOpened(lastLogPath(), tr("program: %1").arg(command.join(u' ')), {}, 0, QString());
    statusBar()->setRecording(m_record);
    statusBar()->showMessage(tr("Running %1 (PID %2).").arg(command.value(0)).arg(m_program->programRun()->programPid()));
    updateActions();
    Q_EMIT started();
    return true;
}

bool SessionMenu::attachTo(qint64 pid, QString *error)
{
    clearViews();
    QString why;
    if (m_experimentRunning || !m_program->attach(pid_t(pid), m_intervalMs, m_record, &why)) {
        if (m_experimentRunning)
            why = tr("stop the experiment first");
        const QString text = tr("Could not attach to process %1: %2").arg(pid).arg(why);
        statusBar()->showMessage(text);
        if (error)
            *error = why;
        updateActions();
        return false;
    }
    m_views.info->showOpened(lastLogPath(), tr("attached to process %1").arg(pid), {}, 0, QString());
    statusBar()->setRecording(m_record);
    statusBar()->showMessage(tr("Watching process %1 read-only.").arg(pid));
    updateActions();
    Q_EMIT started();
    return true;
}

bool SessionMenu::openReplay(const QString &path, QString *error)
{
    QString why;
    clearViews();
    if (!m_replay->load(path, &why)) {
        m_barHolder->hide();
        Q_EMIT replayClosed();
        statusBar()->showMessage(tr("Could not open %1: %2").arg(QFileInfo(path).fileName(), why));
        if (error)
            *error = why;
        return false;
    }
    const SessionReplay &replay = m_replay->replay();
    m_views.info->showOpened(path, replay.header().experiment, replay.header().parameters,
                             int(replay.events().size()), replay.truncationNote());
    // The queue chart takes its room only for a session that recorded a queue (as live).
    const QList<SessionEvent> &events = replay.events();
    m_views.frames->setQueuesShown(std::any_of(events.cbegin(), events.cend(), [](const SessionEvent &event) {
        return event.kind == EventKind::QueueSample;
    }));
    m_views.frames->views().timeline->setCoreCount(replay.header().cores);
    m_bar->reset();
    m_barHolder->show();
    m_views.tabs->setCurrentWidget(m_views.frames->views().eventLog);
    statusBar()->showMessage(tr("Replaying %1: drag the timeline or press play.").arg(QFileInfo(path).fileName()));
    updateActions();
    Q_EMIT replayOpened(replay.header(), path);
    return true;
}

void SessionMenu::stopAll()
{
    m_program->stop();
    closeReplay();
    updateActions();
}

void SessionMenu::hideEmptyReplayBar()
{
    if (!m_replay->isLoaded())
        m_barHolder->hide();
}

void SessionMenu::closeReplay()
{
    // Also when nothing is loaded: a window state saved during a replay must not bring back an empty bar.
    m_barHolder->hide();
    if (!m_replay->isLoaded())
        return;
    m_replay->close();
    Q_EMIT replayClosed();
}

StatusBarController *SessionMenu::statusBar() const
{
    return m_views.frames->views().status;
}

void SessionMenu::clearViews()
{
    closeReplay();
    m_views.frames->clear();
}

void SessionMenu::updateActions()
{
    const bool busy = m_program->isRunning();
    m_run->setEnabled(!busy && !m_experimentRunning);
    m_attach->setEnabled(!busy && !m_experimentRunning);
    m_stop->setEnabled(busy || m_replay->isLoaded());
}

void SessionMenu::retranslate()
{
    m_run->setText(tr("Run a &program…"));
    m_run->setStatusTip(tr("Run a command of your own and watch its processes and threads"));
    m_attach->setText(tr("&Attach to process…"));
    m_attach->setStatusTip(tr("Watch a running process of yours and its children, read-only"));
    m_stop->setText(tr("Stop program / replay"));
    m_stop->setStatusTip(tr("A program run: end it and everything it started. Attached: stop watching. Replay: close it."));
    m_signalMenu->setTitle(tr("Signal the selected process"));
    m_views.tabs->setTabText(m_views.tabs->indexOf(m_console), tr("Console"));
    m_barHolder->setWindowTitle(tr("Replay"));
}
