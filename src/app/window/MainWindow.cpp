#include "MainWindow.h"

#include "lessons/PoolGanttWidget.h"

#include "FrameFanOut.h"
#include "GuiOptions.h"
#include "KeyboardPaths.h"
#include "ReplayContext.h"
#include "LanguageSwitcher.h"
#include "LessonViewPicker.h"
#include "SessionInfoWidget.h"
#include "SessionMenu.h"
#include "StatusBarController.h"
#include "ThemeController.h"
#include "ChartStack.h"
#include "ToolbarText.h"
#include "charts/CpuLoadChart.h"
#include "charts/QueueChart.h"
#include "dialogs/AboutDialog.h"
#include "dialogs/HelpDialog.h"
#include "dialogs/LimitsDialog.h"
#include "dialogs/SessionOpenDialog.h"
#include "events/EventLogPanel.h"
#include "lessons/ExperimentPanel.h"
#include "lessons/LessonPathDialog.h"
#include "lessons/ParameterForm.h"
#include "lessons/PoolGanttWidget.h"
#include "lessons/ResultCard.h"
#include "lessons/PredictionBox.h"
#include "lessons/SessionController.h"
#include "lessons/StepController.h"
#include "programs/ProgramSession.h"
#include "replay/ReplayController.h"
#include "tasks/TaskActions.h"
#include "tasks/TaskTreeModel.h"
#include "tasks/TaskTreePanel.h"
#include "timeline/TimelinePanel.h"
#include "ui_mainwindow.h"
#include "waitgraph/WaitGraphPanel.h"

#include "LabPaths.h"
#include "base/EventKind.h"
#include "experiments/ExperimentCatalogue.h"
#include "experiments/LabTaskAnnotator.h"
#include "experiments/RecordedSchedule.h"
#include "session/SessionExporter.h"
#include "session/SessionReader.h"
#include "session/SessionRetention.h"

#include <algorithm>

#include <QActionGroup>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QTabBar>
#include <QTimer>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;

namespace {
const auto GeometryKey = u"window/geometry"_s;
const auto StateKey = u"window/state"_s;
const auto LanguageKey = u"settings/language"_s;
const auto ThemeKey = u"settings/theme"_s;
const auto IntervalKey = u"settings/interval"_s;
const auto RecordKey = u"settings/record"_s;
const auto RecentKey = u"session/recent"_s;
const auto MaxProcessesKey = u"settings/maxProcesses"_s;
const auto MaxThreadsKey = u"settings/maxThreads"_s;
constexpr int MaxRecent = 8;
} // namespace

MainWindow::MainWindow(LanguageSwitcher *languages, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_languages(languages)
    , m_session(new SessionController(this))
    , m_taskActions(new TaskActions(m_session, this))
    , m_status(nullptr)
    , m_theme(new ThemeController(this))
{
    m_ui->setupUi(this);
    // The charts side by side while the dock is tall enough for both, as tabs when it is not.
    m_chartStack = new ChartStack(m_ui->cpuChart, m_ui->queueChart, m_ui->chartsDock);
    m_ui->chartsDock->setWidget(m_chartStack);
    delete m_ui->chartSplitter;
    m_ui->chartSplitter = nullptr;
    setWindowIcon(QIcon(u":/icons/proclab.svg"_s));
    m_status = new StatusBarController(m_ui->statusBar, this);
    m_ui->taskPanel->setTaskActions(m_taskActions);

    const QSettings settings;
    LabLimits limits;
    limits.maxProcesses = settings.value(MaxProcessesKey, limits.maxProcesses).toInt();
    limits.maxThreads = settings.value(MaxThreadsKey, limits.maxThreads).toInt();
    m_session->setLimits(limits);
    m_session->setRecording(settings.value(RecordKey, true).toBool());
    m_ui->actionRecord->setChecked(m_session->isRecording() || settings.value(RecordKey, true).toBool());

    auto *resultCard = new ResultCard(m_ui->taskPanel);
    m_ui->taskPanel->setHeader(resultCard);
    m_poolGantt = new PoolGanttWidget(m_ui->bottomTabs);
    m_ui->bottomTabs->addTab(m_poolGantt, tr("Pool (Gantt)"));
    m_views = new FrameFanOut({m_ui->taskPanel, m_ui->cpuChart, m_ui->queueChart, m_ui->timelinePanel,
                               m_ui->waitGraphPanel, m_ui->eventLogPanel, resultCard, m_status, m_ui->bottomTabs,
                               m_ui->bottomDock, m_poolGantt},
                              this);
    connect(m_views, &FrameFanOut::deadlockChanged, this, &MainWindow::markWaitGraphTab);
    // The lesson's view comes forward when the lesson happens in a live run (not against the user's choice).
    m_viewPicker = new LessonViewPicker(m_ui->bottomTabs, m_ui->waitGraphPanel, m_poolGantt, m_ui->bottomDock, this);
    connect(m_session, &SessionController::ticked, m_viewPicker, &LessonViewPicker::show);
    m_sessionMenu = new SessionMenu({this, m_ui->menuSession, m_ui->actionOpenSession, m_views, m_ui->sessionInfo,
                                     m_ui->bottomTabs, m_taskActions},
                                    this);
    m_sessionMenu->setRecording(m_ui->actionRecord->isChecked());
    connect(m_sessionMenu, &SessionMenu::started, this, [this] {
        m_lastSessionFile = m_sessionMenu->lastLogPath();
        if (!m_lastSessionFile.isEmpty())
            addRecent(m_lastSessionFile);
        updateRunActions();
    });
    connect(m_sessionMenu, &SessionMenu::finished, this, &MainWindow::updateRunActions);
    m_replayContext = new ReplayContext(m_ui->experimentPanel, m_sessionMenu, this);
    connect(m_replayContext, &ReplayContext::changed, this, [this] {
        updateRunActions();
        updateTitle();
        m_ui->taskPanel->setReplaying(m_replayContext->isActive());
    });
    setUpActions();
    setUpLanguageMenu();
    setUpThemeMenu();
    setUpIntervalMenu();
    setUpViewMenu();
    setUpExperimentMenu();
    setUpStepping();
    fillRecentMenu();
    new KeyboardPaths({this, m_ui->menuView, m_ui->menuExperiment, m_ui->experimentPanel, m_ui->taskPanel,
                       m_ui->waitGraphPanel, m_taskActions, m_status}, this);

    connect(m_session, &SessionController::started, this, &MainWindow::onStarted);
    connect(m_session, &SessionController::stopped, this, &MainWindow::onStopped);
    connect(m_session, &SessionController::ticked, m_views, &FrameFanOut::show);
    connect(m_session, &SessionController::eventsArrived, m_views, [this](const QList<SessionEvent> &events) {
        m_views->showEvents(events);
    });
    connect(m_session, &SessionController::eventsArrived, this, &MainWindow::onEvents);
    // Queued: it comes during start(), and the "started" message must not hide it.
    connect(
        m_session, &SessionController::oldSessionsDeleted, this,
        [this](const QStringList &paths) { m_status->showMessage(SessionRetention::deletedMessage(paths)); },
        Qt::QueuedConnection);
    connect(m_ui->taskPanel, &TaskTreePanel::selectionChanged, m_taskActions, &TaskActions::setSelection);
    connect(m_taskActions, &TaskActions::message, m_status, &StatusBarController::showMessage);
    connect(m_taskActions, &TaskActions::parameterChanged, this, [this](const QString &name, const QString &text) {
        if (m_session->run())
            m_ui->experimentPanel->form()->setValues(m_session->run()->values());
        m_status->showMessage(tr("%1 is now %2.").arg(name, text));
    });
    connect(m_ui->experimentPanel->form(), &ParameterForm::liveChanged, this, &MainWindow::onLiveChange);
    connect(m_ui->experimentPanel, &ExperimentPanel::experimentChanged, this, &MainWindow::updateTitle);
    connect(m_ui->waitGraphPanel, &WaitGraphPanel::breakRequested, this, [this](qint64 pid) {
        if (m_ui->taskPanel->selectTask(pid, 0))
            m_taskActions->killAction()->trigger();
    });

    auto *clock = new QTimer(this);
    connect(clock, &QTimer::timeout, this, [this] {
        m_status->setSessionTime(m_session->sessionTime(), m_session->isRunning());
    });
    clock->start(500);

    m_status->setSessionTime(0, false);
    updateRunActions();
    updateTitle();
    restoreWindowState();
}

MainWindow::~MainWindow()
{
    m_session->stop();
}

void MainWindow::setUpActions()
{
    m_ui->actionStart->setShortcuts({QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_R)});
    // Window-wide shortcuts: they work with the focus in a line edit, a spin box, a check box or the tree (none of
    // those claims these keys in its ShortcutOverride).
    const QList<QAction *> keyed = {m_ui->actionStart, m_ui->actionStop, m_ui->actionFreeze, m_ui->actionFindTask,
                                    m_ui->actionQuit, m_ui->actionNewSession, m_ui->actionOpenSession,
                                    m_ui->actionExportSession, m_ui->actionConcepts};
    for (QAction *action : keyed)
        action->setShortcutContext(Qt::WindowShortcut);
    // The task actions live outside any menu of the .ui: add them to the window so their keys work everywhere.
    addActions(m_taskActions->toolbarActions());
    m_ui->mainToolBar->addActions({m_taskActions->terminateAction(), m_taskActions->killAction(),
                                   m_taskActions->reapAction(), m_taskActions->stopThreadAction()});
    m_ui->mainToolBar->addSeparator();
    m_ui->mainToolBar->addActions({m_taskActions->addProducerAction(), m_taskActions->addConsumerAction()});
    m_ui->experimentPanel->setActions(m_ui->actionStart, m_ui->actionStop, m_ui->actionResetParameters);
    m_toolbarText = new ToolbarText(m_ui->mainToolBar);

    connect(m_ui->actionStart, &QAction::triggered, this, &MainWindow::startExperiment);
    connect(m_ui->actionStop, &QAction::triggered, this, &MainWindow::stopExperiment);
    connect(m_ui->actionResetParameters, &QAction::triggered, this,
            [this] { m_ui->experimentPanel->form()->resetToDefaults(); });
    connect(m_ui->actionLessonPath, &QAction::triggered, this, &MainWindow::showLessonPath);
    connect(m_ui->actionFreeze, &QAction::toggled, this, [this](bool frozen) {
        m_session->setFrozen(frozen);
        m_status->setFrozen(frozen);
    });
    connect(m_ui->actionFindTask, &QAction::triggered, this, [this] {
        m_ui->taskPanel->filterEdit()->setFocus(Qt::ShortcutFocusReason);
        m_ui->taskPanel->filterEdit()->selectAll();
    });
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    const QList<std::pair<QAction *, QWidget *>> tabs = {{m_ui->actionShowTimeline, m_ui->timelinePanel},
                                                        {m_ui->actionShowEventLog, m_ui->eventLogPanel},
                                                        {m_ui->actionShowWaitGraph, m_ui->waitGraphPanel},
                                                        {m_ui->actionShowSessionInfo, m_ui->sessionInfo}};
    for (const auto &[action, page] : tabs) {
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, [this, page = page] {
            m_ui->bottomDock->show();
            m_ui->bottomDock->raise(); // in front of the charts when they share its area (small screens)
            m_ui->bottomTabs->setCurrentWidget(page);
        });
    }
    connect(m_ui->actionNewSession, &QAction::triggered, this, &MainWindow::newSession);
    connect(m_ui->actionOpenSession, &QAction::triggered, this, [this] { openSession(); });
    connect(m_ui->actionExportSession, &QAction::triggered, this, &MainWindow::exportSession);
    connect(m_ui->actionLimits, &QAction::triggered, this, &MainWindow::editLimits);
    connect(m_ui->actionRecord, &QAction::toggled, this, [this](bool on) {
        m_session->setRecording(on);
        m_sessionMenu->setRecording(on);
        QSettings().setValue(RecordKey, on);
    });
    connect(m_ui->actionConcepts, &QAction::triggered, this, [this] { showHelp(0); });
    connect(m_ui->actionShortcuts, &QAction::triggered, this, [this] { showHelp(1); });
    connect(m_ui->actionAbout, &QAction::triggered, this, [this] { AboutDialog(this).exec(); });
    connect(m_ui->actionAboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::setUpLanguageMenu()
{
    m_languageGroup = new QActionGroup(this);
    const QList<std::pair<QAction *, QString>> choices = {
        {m_ui->actionLanguageSystem, QString()},
        {m_ui->actionLanguageEnglish, u"en"_s},
        {m_ui->actionLanguageChinese, u"zh_CN"_s},
    };
    // The language asked for at start: --lang when it forced one, else the saved choice ("" follows the system).
    const QString asked = m_languages->requested();
    for (const auto &[action, language] : choices) {
        m_languageGroup->addAction(action);
        action->setChecked(language == asked);
        connect(action, &QAction::triggered, this, [this, language = language] { chooseLanguage(language); });
    }
}

void MainWindow::setUpThemeMenu()
{
    auto *group = new QActionGroup(this);
    const QList<std::pair<QAction *, ThemeController::Theme>> choices = {
        {m_ui->actionThemeSystem, ThemeController::Theme::System},
        {m_ui->actionThemeLight, ThemeController::Theme::Light},
        {m_ui->actionThemeDark, ThemeController::Theme::Dark},
    };
    const auto saved = ThemeController::fromKey(QSettings().value(ThemeKey).toString());
    for (const auto &[action, theme] : choices) {
        group->addAction(action);
        action->setChecked(theme == saved);
        connect(action, &QAction::triggered, this, [this, theme = theme] {
            m_theme->apply(theme);
            QSettings().setValue(ThemeKey, ThemeController::key(theme));
        });
    }
    m_theme->apply(saved);
}

void MainWindow::setUpIntervalMenu()
{
    m_intervalGroup = new QActionGroup(this);
    const int saved = std::clamp(QSettings().value(IntervalKey, 100).toInt(), int(GuiOptions::MinIntervalMs),
                                 int(GuiOptions::MaxIntervalMs));
    for (int ms : {50, 100, 200, 500, 1000, 2000, 5000}) {
        QAction *action = m_ui->menuInterval->addAction(ms < 1000 ? tr("%1 ms").arg(ms) : tr("%1 s").arg(ms / 1000));
        action->setCheckable(true);
        action->setData(ms);
        m_intervalGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, ms] {
            setIntervalMs(ms);
            QSettings().setValue(IntervalKey, ms);
        });
    }
    setIntervalMs(saved);
}

void MainWindow::setIntervalMs(int ms)
{
    m_session->setIntervalMs(ms);
    m_sessionMenu->setIntervalMs(ms);
    m_ui->cpuChart->setIntervalMs(ms);
    m_ui->queueChart->setIntervalMs(ms);
    m_status->setInterval(ms);
    m_ui->sessionInfo->showInterval(ms);
    for (QAction *action : m_intervalGroup->actions())
        action->setChecked(action->data().toInt() == ms);
}

void MainWindow::setUpViewMenu()
{
    for (QDockWidget *dock : {m_ui->experimentDock, m_ui->chartsDock, m_ui->bottomDock})
        m_ui->menuPanels->addAction(dock->toggleViewAction());
    m_ui->menuPanels->addAction(m_ui->mainToolBar->toggleViewAction());
    m_ui->menuColumns->addActions(m_ui->taskPanel->columnActions());
    m_ui->menuView->insertAction(m_ui->menuColumns->menuAction(), m_ui->taskPanel->ownThreadsAction());
    // One toggle for both lists of threads: the task table's rows and the timeline's lanes.
    connect(m_ui->taskPanel->ownThreadsAction(), &QAction::toggled, m_ui->timelinePanel,
            &TimelinePanel::setOwnThreadsShown);
    // The experiment panel runs the full height on the left (catalogue, form and explanation need it); the
    // events and analysis run under the tasks and the charts.
    setCorner(Qt::TopLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    sizeDocks(width());
}

void MainWindow::sizeDocks(int width)
{
    // The task table gets what the side panels leave; wider screens give the charts the extra room. When that
    // is less than the table's key columns need (PID … Why blocked, from the font), the charts leave the side
    // and become a tab of the bottom area, in front: at 1024 pixels "Why blocked" was off screen.
    const int left = std::clamp(width / 5, 250, 340);
    const int right = std::clamp(width * 22 / 100, 300, 560);
    const bool chartsBelow = width - left - right < m_ui->taskPanel->keyColumnsWidth();
    const bool below = dockWidgetArea(m_ui->chartsDock) == Qt::BottomDockWidgetArea;
    if (chartsBelow && !below) {
        tabifyDockWidget(m_ui->bottomDock, m_ui->chartsDock);
        m_ui->chartsDock->raise();
    } else if (!chartsBelow && below) {
        addDockWidget(Qt::RightDockWidgetArea, m_ui->chartsDock);
    }
    if (!chartsBelow)
        resizeDocks({m_ui->experimentDock, m_ui->chartsDock}, {left, right}, Qt::Horizontal);
    else
        resizeDocks({m_ui->experimentDock}, {left}, Qt::Horizontal);
    // Tall screens give the timeline and the wait-for graph more than a strip.
    const int bottom = height() >= 900 ? std::clamp(height() * 2 / 5, 200, 520) : std::clamp(height() * 3 / 10, 200, 360);
    resizeDocks({m_ui->bottomDock}, {chartsBelow ? std::max(bottom, height() * 2 / 5) : bottom}, Qt::Vertical);
}

void MainWindow::setUpExperimentMenu()
{
    for (const QString &id : ExperimentCatalogue::ids()) {
        QAction *action = m_ui->menuExperiment->addAction(ExperimentPanel::iconFor(id), id);
        connect(action, &QAction::triggered, this, [this, id] {
            if (!m_session->isRunning())
                m_ui->experimentPanel->selectExperiment(id);
        });
    }
}

void MainWindow::setUpStepping()
{
    m_stepping = new StepController(m_session, this);
    const QList<QAction *> actions = {m_stepping->stepAction(), m_stepping->runFreeAction(),
                                      m_stepping->runAllFreeAction(), m_stepping->scheduleAgainAction()};
    addActions(m_stepping->numberActions()); // 1–9 anywhere in the window
    addActions(actions);
    m_ui->mainToolBar->addSeparator();
    m_ui->mainToolBar->addActions(actions);
    m_toolbarText->update();
    m_ui->experimentPanel->setScheduleAction(m_stepping->scheduleAgainAction());
    // Experiment ▸ Start, Stop, Reset | Step, Run free, Run all free, Run this schedule again | the experiments.
    const QList<QAction *> menu = m_ui->menuExperiment->actions();
    const auto separator = std::find_if(menu.begin(), menu.end(), [](QAction *a) { return a->isSeparator(); });
    QAction *before = separator != menu.end() ? *separator : nullptr;
    m_ui->menuExperiment->insertSeparator(before);
    m_ui->menuExperiment->insertActions(before, actions);
    connect(m_ui->taskPanel, &TaskTreePanel::rowActivated, m_stepping, &StepController::grantRow);
    connect(m_ui->taskPanel, &TaskTreePanel::selectionChanged, m_stepping, &StepController::setSelection);
    connect(m_stepping, &StepController::message, m_status, &StatusBarController::showMessage);
    connect(m_stepping, &StepController::scheduleAgainRequested, this, &MainWindow::runScheduleAgain);
    connect(m_sessionMenu, &SessionMenu::replayOpened, this, [this] {
        m_stepping->setSchedule(RecordedSchedule::of(m_sessionMenu->replay()->replay().events()));
    });
}

void MainWindow::runScheduleAgain(const RecordedSchedule &schedule)
{
    if (m_session->isRunning())
        return;
    m_sessionMenu->stopAll(); // a replay gives the panel back first
    ExperimentPanel *panel = m_ui->experimentPanel;
    if (!panel->selectExperiment(schedule.experiment)) {
        m_status->showMessage(tr("This ProcLab has no experiment '%1'.").arg(schedule.experiment));
        return;
    }
    ParameterValues values = panel->form()->values();
    for (auto it = schedule.parameters.constBegin(); it != schedule.parameters.constEnd(); ++it) {
        QString ignored; // a value this version refuses keeps its default, as in a replay
        values.setValue(it.key(), it.value().toVariant(), &ignored);
    }
    panel->form()->setValues(values);
    panel->stepModeBox()->setChecked(true);
    startExperiment();
    if (m_session->isRunning())
        m_stepping->runSchedule(schedule.grants);
}

void MainWindow::chooseLanguage(const QString &language)
{
    QSettings().setValue(LanguageKey, language);
    m_languages->apply(language);
}

void MainWindow::applyOptions(const GuiOptions &options)
{
    if (options.intervalMs() > 0)
        setIntervalMs(options.intervalMs());
    if (!options.experiment().isEmpty() && m_ui->experimentPanel->selectExperiment(options.experiment())) {
        ParameterValues values = m_ui->experimentPanel->form()->values();
        QString error;
        for (const QString &assignment : options.assignments())
            values.assign(assignment, &error);
        m_ui->experimentPanel->form()->setValues(values);
        m_ui->experimentPanel->stepModeBox()->setChecked(options.step());
    }
    if (options.start())
        QTimer::singleShot(0, this, &MainWindow::startExperiment);
    // Once the event loop runs, as if chosen with Session ▸ Open…: a bad file shows why in the status bar.
    if (const QString path = options.openPath(); !path.isEmpty())
        QTimer::singleShot(0, this, [this, path] { openSession(path); });
}

void MainWindow::startExperiment()
{
    if (m_session->isRunning())
        return;
    if (m_sessionMenu->isBusy()) {
        m_status->showMessage(tr("Stop the program first (Session ▸ Stop program / replay)."));
        return;
    }
    m_sessionMenu->stopAll();
    const QString id = m_ui->experimentPanel->currentId();
    QString error;
    m_session->setStepping(m_ui->experimentPanel->stepMode());
    m_session->setPredicted(m_ui->experimentPanel->prediction()->choice());
    if (!m_session->start(id, m_ui->experimentPanel->form()->values(), &error))
        m_status->showMessage(tr("Could not start %1: %2").arg(id, error));
    updateRunActions();
}

void MainWindow::stopExperiment()
{
    m_session->stop();
    updateRunActions();
}

void MainWindow::onStarted()
{
    m_views->clear();
    m_viewPicker->runStarted();
    ExperimentRun *run = m_session->run();
    m_lastSessionFile = run->logPath();
    if (!m_lastSessionFile.isEmpty())
        addRecent(m_lastSessionFile);
    m_ui->sessionInfo->showStarted(run->experiment().title() + u" ("_s + run->experiment().id() + u')',
                                   run->values(), m_lastSessionFile, m_session->intervalMs(), run->cores());
    m_ui->timelinePanel->setCoreCount(run->cores());
    m_views->setQueuesShown(true);
    if (run->isStepping())
        m_ui->taskPanel->fitReasons(LabTaskAnnotator::tr("paused before: store %1 ← %2").arg(u"counter"_s).arg(42));
    m_status->setRecording(m_session->isRecording());
    updateRunActions();
}

void MainWindow::onStopped(const PhenomenonVerdict &verdict)
{
    m_ui->sessionInfo->showVerdict(verdict);
    m_status->setRecording(false);
    m_views->endLive();
    m_viewPicker->runStopped();
    if (verdict.outcome == PhenomenonVerdict::Outcome::Inconclusive)
        m_status->showMessage(tr("Stopped. Inconclusive (%1): %2").arg(verdict.loadNote, verdict.detail));
    else
        m_status->showMessage((verdict.observed ? tr("Stopped. Observed: %1") : tr("Stopped. Not observed: %1"))
                                  .arg(verdict.detail));
    updateRunActions();
}

void MainWindow::onEvents(const QList<SessionEvent> &events)
{
    for (const SessionEvent &event : events) {
        if (event.kind == EventKind::Error && event.fields.value(u"what"_s).toString() == u"sample"_s)
            m_status->showMessage(event.fields.value(u"message"_s).toString()); // tasks not read: out of fds
    }
}

void MainWindow::markWaitGraphTab(bool deadlocked)
{
    // A deadlock is the lesson of its experiment: the tab that explains it says so even when another is open.
    const int tab = m_ui->bottomTabs->indexOf(m_ui->waitGraphPanel);
    m_ui->bottomTabs->setTabIcon(tab, deadlocked ? QIcon(u":/icons/break.svg"_s) : QIcon());
    m_ui->bottomTabs->tabBar()->setTabTextColor(tab, deadlocked ? QColor(0xd2, 0x3f, 0x31) : QColor());
    m_ui->bottomTabs->setTabToolTip(tab, deadlocked ? tr("A deadlock was detected: open this tab to see its cycle.")
                                                    : QString());
}

void MainWindow::onLiveChange(const QString &name, const QString &text)
{
    QString error;
    if (m_session->changeLive(name, text, &error))
        m_status->showMessage(tr("%1 is now %2.").arg(name, text));
    else
        m_status->showMessage(error);
    m_taskActions->refresh();
}

void MainWindow::updateTitle()
{
    const Experiment *experiment = m_ui->experimentPanel->currentExperiment();
    setWindowTitle(m_replayContext->isActive() ? m_replayContext->windowTitle()
                   : experiment                ? tr("ProcLab — %1").arg(experiment->title())
                                               : tr("ProcLab"));
}

void MainWindow::updateRunActions()
{
    const bool running = m_session->isRunning();
    m_sessionMenu->setExperimentRunning(running);
    m_ui->actionStart->setEnabled(!running && !m_sessionMenu->isBusy() && !m_replayContext->isActive());
    m_ui->actionStop->setEnabled(running);
    m_ui->actionResetParameters->setEnabled(!running && !m_replayContext->isActive());
    m_ui->actionOpenSession->setEnabled(!running && !m_sessionMenu->isBusy());
    m_ui->experimentPanel->setRunning(running || m_replayContext->isActive());
    m_taskActions->refresh();
}

void MainWindow::newSession()
{
    m_session->stop();
    m_sessionMenu->stopAll();
    m_views->clear();
    m_ui->sessionInfo->clear();
    m_ui->experimentPanel->form()->resetToDefaults();
    updateRunActions();
}

void MainWindow::openSession(const QString &chosen)
{
    if (m_session->isRunning()) {
        m_status->showMessage(tr("Stop the experiment before opening a session."));
        return;
    }
    // ProcLab's own list of its sessions folder, each with its experiment and start ("Browse…" for elsewhere).
    const QString path = chosen.isEmpty() ? SessionOpenDialog::choose(LabPaths::sessionsFolder(), this) : chosen;
    if (path.isEmpty() || !m_sessionMenu->openReplay(path))
        return;
    m_lastSessionFile = path;
    addRecent(path);
}

void MainWindow::exportSession()
{
    if (m_lastSessionFile.isEmpty()) {
        m_status->showMessage(tr("Nothing to export yet: run an experiment with recording on, or open a session."));
        return;
    }
    QString filter;
    const QString jsonl = tr("JSON Lines (*.jsonl)");
    const QString csv = tr("CSV tables (*.csv)");
    const QString html = tr("HTML report (*.html)");
    const QString out = QFileDialog::getSaveFileName(this, tr("Export session"), QString(),
                                                     html + u";;"_s + csv + u";;"_s + jsonl, &filter);
    if (out.isEmpty())
        return;
    const QString format = filter == jsonl ? u"jsonl"_s : filter == csv ? u"csv"_s : u"html"_s;
    SessionReader reader;
    std::unique_ptr<SessionExporter> exporter = SessionExporter::create(format);
    if (exporter)
        exporter->protectInput(m_lastSessionFile); // the same rules as proclab export: never over the recording
    if (!exporter || !reader.open(m_lastSessionFile) || !exporter->exportTo(reader, out)) {
        m_status->showMessage(tr("Export failed: %1").arg(reader.hasError() || !exporter ? reader.errorString()
                                                                                          : exporter->errorString()));
        return;
    }
    m_status->showMessage(tr("Exported to %1.").arg(exporter->writtenFiles().join(u", "_s)));
}

void MainWindow::addRecent(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(RecentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    settings.setValue(RecentKey, recent.mid(0, MaxRecent));
    fillRecentMenu();
}

void MainWindow::fillRecentMenu()
{
    m_ui->menuRecent->clear();
    const QStringList recent = QSettings().value(RecentKey).toStringList();
    for (const QString &path : recent) {
        QAction *action = m_ui->menuRecent->addAction(QFileInfo(path).fileName());
        action->setToolTip(path);
        connect(action, &QAction::triggered, this, [this, path] { openSession(path); });
    }
    m_ui->menuRecent->setEnabled(!recent.isEmpty());
}

void MainWindow::editLimits()
{
    LimitsDialog dialog(m_session->limits(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_session->setLimits(dialog.limits());
    QSettings settings;
    settings.setValue(MaxProcessesKey, dialog.limits().maxProcesses);
    settings.setValue(MaxThreadsKey, dialog.limits().maxThreads);
}

void MainWindow::showLessonPath()
{
    if (!m_lessonPath) {
        m_lessonPath = new LessonPathDialog(this);
        connect(m_lessonPath, &LessonPathDialog::experimentChosen, this, [this](const QString &id) {
            if (m_ui->experimentPanel->selectExperiment(id))
                m_ui->experimentPanel->setFocus(Qt::OtherFocusReason);
        });
    }
    m_lessonPath->show();
    m_lessonPath->raise();
    m_lessonPath->activateWindow();
}

void MainWindow::showHelp(int page)
{
    (new HelpDialog(page == 0 ? HelpDialog::Page::Concepts : HelpDialog::Page::Shortcuts, this, this))->show();
}

void MainWindow::restoreWindowState()
{
    const QSettings settings;
    m_restoredGeometry = restoreGeometry(settings.value(GeometryKey).toByteArray());
    // A size saved by an older ProcLab after a crafted recording stretched the window (32 767 px) is not kept.
    if (m_restoredGeometry && !fitsScreen())
        m_restoredGeometry = false;
    restoreState(settings.value(StateKey).toByteArray());
    m_sessionMenu->hideEmptyReplayBar();
}

bool MainWindow::fitsScreen() const
{
    const QScreen *screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    if (!screen)
        return true;
    const QSize available = screen->availableGeometry().size();
    const QSize size = isVisible() ? frameGeometry().size() : geometry().size();
    return size.width() <= available.width() && size.height() <= available.height();
}

void MainWindow::arrangeFor(const QSize &size)
{
    resize(size);
    sizeDocks(size.width());
}

void MainWindow::showAtStart()
{
    if (m_restoredGeometry) {
        show();
        return;
    }
    // Without a window manager (Xvfb, a kiosk) "maximised" means nothing: take the screen's size as well.
    if (const QScreen *screen = QGuiApplication::primaryScreen()) {
        setGeometry(screen->availableGeometry());
        sizeDocks(screen->availableGeometry().width());
    }
    showMaximized();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_ui->bottomTabs->setTabText(m_ui->bottomTabs->indexOf(m_poolGantt), tr("Pool (Gantt)"));
        m_taskActions->retranslate();
        m_stepping->retranslate();
        m_status->retranslate();
        m_sessionMenu->retranslate();
        m_toolbarText->update();
        for (QAction *action : m_intervalGroup->actions()) {
            const int ms = action->data().toInt();
            action->setText(ms < 1000 ? tr("%1 ms").arg(ms) : tr("%1 s").arg(ms / 1000));
        }
        updateTitle();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Quitting ends every lab process and the program's tree (and reaps them) before the window goes.
    m_session->stop();
    m_sessionMenu->program()->stopAndWait();
    QSettings settings;
    // Never a size larger than the screen: the next start would open unusable.
    if (fitsScreen())
        settings.setValue(GeometryKey, saveGeometry());
    else
        settings.remove(GeometryKey);
    settings.setValue(StateKey, saveState());
    event->accept();
}
