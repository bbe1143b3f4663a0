// Step mode and predictions in the real window, with real lab threads: the user is the scheduler. A race stepped
// with the number keys alone loses an update before Stop; a ring stepped so deadlocks; a grant that cannot be taken
// says why and does nothing; a prediction is revealed right or wrong from the run's own figures; and "Run this
// schedule again" — after the run and from its replay — gives the same figures. Nothing of ours is left afterwards.
#include "ChildrenLeft.h"
#include "base/EventKind.h"
#include "experiments/ExperimentRun.h"
#include "lessons/ExperimentPanel.h"
#include "lessons/ParameterForm.h"
#include "lessons/PredictionBox.h"
#include "lessons/ResultCard.h"
#include "lessons/SessionController.h"
#include "lessons/StepController.h"
#include "replay/ReplayController.h"
#include "tasks/TaskTreeModel.h"
#include "tasks/TaskTreePanel.h"
#include "waitgraph/WaitGraphPanel.h"
#include "window/LanguageSwitcher.h"
#include "window/MainWindow.h"
#include "window/SessionMenu.h"

#include <QAction>
#include <QCheckBox>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>
#include <QTreeView>

#include <functional>

using namespace Qt::Literals::StringLiterals;

class tst_StepMode : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void raceLosesAnUpdateByKeyboard();
    void ringDeadlocksByKeyboard();
    void predictionRevealedAndScheduleRunAgain();
    void runAllFreeLetsTheThreadsFinish();

private:
    struct Window
    {
        LanguageSwitcher languages;
        std::unique_ptr<MainWindow> window;
    };
    static std::unique_ptr<Window> openWindow();
    // Starts `id` with threads=2 in step mode, with `predicted` chosen (-1: Skip).
    static bool startStepping(MainWindow &window, const QString &id, int predicted);
    static QList<TaskRow> rows(const TaskTreeModel *model);
    // The "Why blocked" of every thread row that shows a paused step.
    static QStringList pausedReasons(MainWindow &window);
    static void press(MainWindow &window, const QList<int> &numbers);
    static QList<SessionEvent> steps(const ExperimentRun &run);
    static QList<int> threadsOf(const QList<SessionEvent> &steps);
};

void tst_StepMode::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QSettings().setValue(u"settings/record"_s, false);
    QSettings().setValue(u"settings/interval"_s, 100);
    qputenv("PROCLAB_WORKER", PROCLAB_BIN_DIR "/proclab-worker");
}

void tst_StepMode::cleanup()
{
    QTRY_VERIFY2(childrenLeft().isEmpty(), qPrintable(childrenLeft().join(u' ')));
}

std::unique_ptr<tst_StepMode::Window> tst_StepMode::openWindow()
{
    auto opened = std::make_unique<Window>();
    opened->languages.apply(u"en"_s);
    opened->window = std::make_unique<MainWindow>(&opened->languages);
    opened->window->resize(1366, 768);
    opened->window->show();
    opened->window->activateWindow();
    return opened;
}

bool tst_StepMode::startStepping(MainWindow &window, const QString &id, int predicted)
{
    auto *panel = window.findChild<ExperimentPanel *>();
    if (!panel->selectExperiment(id))
        return false;
    ParameterValues values = panel->form()->values();
    QString error;
    values.setValue(u"threads"_s, 2, &error);
    panel->form()->setValues(values);
    if (panel->stepModeBox()->isHidden())
        return false; // the experiment does not offer step mode
    panel->stepModeBox()->setChecked(true);
    panel->prediction()->setChoice(predicted);
    window.startExperiment();
    return window.session()->isRunning() && window.session()->run()->isStepping();
}

QList<TaskRow> tst_StepMode::rows(const TaskTreeModel *model)
{
    QList<TaskRow> all;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int r = 0; r < model->rowCount(parent); ++r) {
            const QModelIndex index = model->index(r, 0, parent);
            all << *model->taskAt(index);
            walk(index);
        }
    };
    walk({});
    return all;
}

QStringList tst_StepMode::pausedReasons(MainWindow &window)
{
    QStringList reasons;
    for (const TaskRow &row : rows(window.findChild<TaskTreePanel *>()->model())) {
        if (!row.isProcess() && row.reason.startsWith(u"paused before: "_s))
            reasons << row.reason;
    }
    reasons.sort();
    return reasons;
}

void tst_StepMode::press(MainWindow &window, const QList<int> &numbers)
{
    // The keys go to the task table, where the user's focus is while stepping.
    auto *tasks = window.findChild<TaskTreePanel *>();
    tasks->focusTable();
    for (const int number : numbers)
        QTest::keyClick(tasks->view(), Qt::Key(Qt::Key_0 + number));
}

QList<SessionEvent> tst_StepMode::steps(const ExperimentRun &run)
{
    QList<SessionEvent> found;
    for (const SessionEvent &event : run.events())
        if (event.kind == EventKind::Step)
            found << event;
    return found;
}

QList<int> tst_StepMode::threadsOf(const QList<SessionEvent> &steps)
{
    QList<int> threads;
    for (const SessionEvent &step : steps)
        threads << step.fields.value(u"thread"_s).toInt();
    return threads;
}

// threads=2, keys 1, 2: both racers have loaded 0 and are paused before storing 1 — the rows say so; keys 1, 2
// again: both store 1, and the card shows one lost update while the run still goes on.
void tst_StepMode::raceLosesAnUpdateByKeyboard()
{
    const auto opened = openWindow();
    MainWindow &window = *opened->window;
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(startStepping(window, u"race"_s, -1));
    QTRY_COMPARE_WITH_TIMEOUT(pausedReasons(window),
                              (QStringList{u"paused before: load counter"_s, u"paused before: load counter"_s}), 10000);

    press(window, {1, 2});
    QTRY_COMPARE_WITH_TIMEOUT(pausedReasons(window), (QStringList{u"paused before: store counter ← 1"_s,
                                                                  u"paused before: store counter ← 1"_s}),
                              5000);
    press(window, {1, 2});
    const ResultCard *card = window.findChild<ResultCard *>();
    QTRY_VERIFY_WITH_TIMEOUT(card->valueOf(u"lost_updates"_s).startsWith(u"1 "_s), 5000);
    QVERIFY2(window.session()->isRunning(), "the card showed the lost update only after the run had stopped");
    QCOMPARE(card->valueOf(u"counter"_s), u"1"_s);

    const QList<SessionEvent> recorded = steps(*window.session()->run());
    QCOMPARE(threadsOf(recorded), (QList<int>{1, 2, 1, 2}));
    QStringList actions;
    for (const SessionEvent &step : recorded)
        actions << step.fields.value(u"action"_s).toString();
    QCOMPARE(actions, (QStringList{u"load"_s, u"load"_s, u"store"_s, u"store"_s}));
    QCOMPARE(recorded.last().fields.value(u"value"_s).toInt(), 1);
    QCOMPARE(window.stepping()->granted(), (QList<int>{1, 2, 1, 2}));
    window.stopExperiment();
    QVERIFY(!window.session()->isRunning());
}

// threads=2, keys 1, 2, 1, 2: each lock-taker takes its own lock, then asks for the other's — a cycle the window's
// wait-for graph shows and the analysis records. One more key for a thread blocked inside its step is refused with
// a line saying why, and grants nothing.
void tst_StepMode::ringDeadlocksByKeyboard()
{
    const auto opened = openWindow();
    MainWindow &window = *opened->window;
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(startStepping(window, u"deadlock"_s, -1));
    QTRY_COMPARE_WITH_TIMEOUT(pausedReasons(window).size(), 2, 10000);
    QVERIFY2(pausedReasons(window).first().startsWith(u"paused before: acquire L"_s),
             qPrintable(pausedReasons(window).join(u", "_s)));

    press(window, {1, 2, 1, 2});
    const auto detected = [&] {
        for (const SessionEvent &event : window.session()->run()->events())
            if (event.kind == EventKind::DeadlockDetected)
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(detected(), 8000);
    QTRY_VERIFY_WITH_TIMEOUT(window.findChild<WaitGraphPanel *>()->hasDeadlock(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(steps(*window.session()->run()).size(), 4, 5000);
    const QList<SessionEvent> recorded = steps(*window.session()->run());
    QCOMPARE(threadsOf(recorded), (QList<int>{1, 2, 1, 2}));
    QVERIFY(recorded.at(2).fields.value(u"blocked"_s).toBool());
    QVERIFY(recorded.at(3).fields.value(u"blocked"_s).toBool());

    press(window, {1});
    QStatusBar *status = window.statusBar();
    QTRY_VERIFY_WITH_TIMEOUT(status->currentMessage().contains(u"blocked inside its step"_s), 3000);
    QVERIFY2(status->currentMessage().startsWith(u"Thread 1 "_s), qPrintable(status->currentMessage()));
    QTest::qWait(500);
    QCOMPARE(steps(*window.session()->run()).size(), 4);
    QCOMPARE(window.stepping()->granted().size(), 4);
    window.stopExperiment();
    QVERIFY(!window.session()->isRunning());
}

// A prediction made before Start is revealed from the figures: "exactly the increments made" is not what a lost
// update proves. "Run this schedule again" runs the recorded grants (race 1,2,1,2 → lost 1) and ends the run; and
// from the recording's replay, which shows the prediction too, once more with the right prediction.
void tst_StepMode::predictionRevealedAndScheduleRunAgain()
{
    QSettings().setValue(u"settings/record"_s, true);
    const auto opened = openWindow();
    QSettings().setValue(u"settings/record"_s, false);
    MainWindow &window = *opened->window;
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(startStepping(window, u"race"_s, 0));
    const QStringList choices = window.session()->run()->experiment().prediction().choices;
    QVERIFY(choices.size() >= 2);
    QTRY_COMPARE_WITH_TIMEOUT(pausedReasons(window).size(), 2, 10000);
    press(window, {1, 2, 1, 2});
    const ResultCard *card = window.findChild<ResultCard *>();
    QTRY_VERIFY_WITH_TIMEOUT(card->valueOf(u"lost_updates"_s).startsWith(u"1 "_s), 5000);
    const QString log = window.session()->run()->logPath();
    QVERIFY(!log.isEmpty());
    window.stopExperiment();
    QVERIFY(!window.session()->isRunning());
    QCOMPARE(card->predictionText(),
             u"You predicted “%1” — the run proved “%2”: not quite."_s.arg(choices.at(0), choices.at(1)));

    // Again, from the run just stopped: the same grants, the same figures, and the run ends by itself.
    QAction *again = window.stepping()->scheduleAgainAction();
    QVERIFY(again->isEnabled());
    QCOMPARE(window.stepping()->schedule().grants, (QList<int>{1, 2, 1, 2}));
    auto *panel = window.findChild<ExperimentPanel *>();
    QVERIFY(panel->findChild<QWidget *>(u"scheduleAgainButton"_s)->isVisibleTo(panel)); // offered under Start
    again->trigger();
    QVERIFY(window.session()->isRunning());
    QVERIFY(window.session()->run()->isStepping());
    QTRY_VERIFY_WITH_TIMEOUT(!window.session()->isRunning(), 15000);
    QCOMPARE(threadsOf(steps(*window.session()->run())), (QList<int>{1, 2, 1, 2}));
    QCOMPARE(window.session()->run()->verdict().figures.value(u"lost_updates"_s).toDouble(), 1.0);
    QCOMPARE(card->valueOf(u"counter"_s), u"1"_s);
    QVERIFY(card->predictionText().endsWith(u": not quite."_s));

    // The first run's recording: its replay shows the prediction and offers its schedule.
    window.findChild<ExperimentPanel *>()->prediction()->setChoice(1);
    QVERIFY(window.sessionMenu()->openReplay(log));
    ReplayController *replay = window.sessionMenu()->replay();
    replay->seek(replay->duration());
    QTRY_VERIFY_WITH_TIMEOUT(card->predictionText().endsWith(u": not quite."_s), 3000);
    QCOMPARE(window.stepping()->schedule().grants, (QList<int>{1, 2, 1, 2}));
    QVERIFY(again->isEnabled());
    window.findChild<ExperimentPanel *>()->prediction()->setChoice(1);
    again->trigger();
    QVERIFY(window.session()->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!window.session()->isRunning(), 15000);
    QCOMPARE(window.session()->run()->verdict().figures.value(u"lost_updates"_s).toDouble(), 1.0);
    QCOMPARE(card->predictionText(), u"You predicted “%1” — the run proved “%1”: right."_s.arg(choices.at(1)));
}

// One step by hand, then Run all free: the racers race on without grants, nothing more is recorded as a step, and a
// key for a thread that runs free says so.
void tst_StepMode::runAllFreeLetsTheThreadsFinish()
{
    const auto opened = openWindow();
    MainWindow &window = *opened->window;
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(startStepping(window, u"race"_s, -1));
    QTRY_COMPARE_WITH_TIMEOUT(pausedReasons(window).size(), 2, 10000);
    press(window, {1});
    QTRY_COMPARE_WITH_TIMEOUT(steps(*window.session()->run()).size(), 1, 5000);
    QAction *allFree = window.stepping()->runAllFreeAction();
    QVERIFY(allFree->isEnabled());
    allFree->trigger();
    const ResultCard *card = window.findChild<ResultCard *>();
    // Free, a racer adds as fast as it can, as outside step mode: far more than the two increments of two grants.
    const auto increments = [card] { return card->valueOf(u"increments_done"_s).remove(u',').toLongLong(); };
    QTRY_VERIFY_WITH_TIMEOUT(increments() > 1000, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(pausedReasons(window).isEmpty(), 3000);
    press(window, {2});
    QTRY_COMPARE_WITH_TIMEOUT(window.statusBar()->currentMessage(), u"Thread 2 runs free: it takes no steps."_s, 3000);
    QCOMPARE(steps(*window.session()->run()).size(), 1);
    window.stopExperiment();
    QVERIFY(!window.session()->isRunning());
}

QTEST_MAIN(tst_StepMode)
#include "tst_stepmode.moc"
