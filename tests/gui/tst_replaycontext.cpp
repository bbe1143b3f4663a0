// A replay in the real window takes the recording's context — its experiment selected in the panel with the
// recorded parameters, a title naming the recording, Start disabled — and gives the previous context back when it
// ends; the replay bar shows only while a replay is loaded, also after a window state saved during a replay.
#include "ChildrenLeft.h"
#include "lessons/ExperimentPanel.h"
#include "lessons/ParameterForm.h"
#include "lessons/SessionController.h"
#include "tasks/TaskTreeModel.h"
#include "tasks/TaskTreePanel.h"
#include "window/LanguageSwitcher.h"
#include "window/MainWindow.h"
#include "window/SessionMenu.h"

#include <QAction>
#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QToolBar>

using namespace Qt::Literals::StringLiterals;

class tst_ReplayContext : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void replayTakesTheRecordingsContextAndGivesItBack();
    void noEmptyReplayBarAfterARestartOrALiveRun();

private:
    static QString fixture() { return QStringLiteral(PROCLAB_FIXTURES_DIR "/sessions/complete.jsonl"); }
};

void tst_ReplayContext::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QSettings().setValue(u"settings/record"_s, false);
    QSettings().setValue(u"settings/interval"_s, 100);
    qputenv("PROCLAB_WORKER", PROCLAB_BIN_DIR "/proclab-worker");
}

void tst_ReplayContext::cleanup()
{
    QTRY_VERIFY2(childrenLeft().isEmpty(), qPrintable(childrenLeft().join(u' ')));
}

void tst_ReplayContext::replayTakesTheRecordingsContextAndGivesItBack()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    auto *panel = window.findChild<ExperimentPanel *>();
    auto *start = window.findChild<QAction *>(u"actionStart"_s);
    auto *bar = window.findChild<QToolBar *>(u"replayToolBar"_s);
    QVERIFY(panel->selectExperiment(u"deadlock"_s));
    ParameterValues mine = panel->form()->values();
    QString error;
    QVERIFY(mine.set(u"threads"_s, u"3"_s, &error));
    panel->form()->setValues(mine);
    const QString liveTitle = window.windowTitle();
    QVERIFY(start->isEnabled());

    // complete.jsonl records pc-threads with producers 2, consumers 1, capacity 8.
    QVERIFY2(window.sessionMenu()->openReplay(fixture(), &error), qPrintable(error));
    QCOMPARE(panel->currentId(), u"pc-threads"_s);
    QCOMPARE(panel->form()->values().integer(u"consumers"_s), 1);
    QCOMPARE(panel->form()->values().integer(u"capacity"_s), 8);
    QVERIFY2(window.windowTitle().contains(u"replay"_s) && window.windowTitle().contains(u"complete.jsonl"_s)
                 && window.windowTitle().contains(panel->currentExperiment()->title()),
             qPrintable(window.windowTitle()));
    QVERIFY(!start->isEnabled());
    QVERIFY(!panel->list()->isEnabled()); // the recording's experiment, not a choice
    QVERIFY(bar->isVisible());
    // At 0 s nothing had started: the empty table says to play on, not to press the Start a replay disables.
    const auto *hint = window.findChild<QLabel *>(u"emptyTableHint"_s);
    QVERIFY(hint);
    QCOMPARE(window.findChild<TaskTreePanel *>()->model()->rowCount(), 0);
    QVERIFY2(hint->isVisible() && hint->text().contains(u"Play"_s) && !hint->text().contains(u"Start"_s),
             qPrintable(hint->text()));

    // Closing the replay gives back what was being prepared.
    window.sessionMenu()->stopAll();
    QCOMPARE(panel->currentId(), u"deadlock"_s);
    QCOMPARE(panel->form()->values().integer(u"threads"_s), 3);
    QCOMPARE(window.windowTitle(), liveTitle);
    QVERIFY(start->isEnabled());
    QVERIFY(panel->list()->isEnabled());
    QVERIFY(!bar->isVisible());
    QVERIFY2(hint->text().contains(u"Start (F5)"_s), qPrintable(hint->text()));
}

void tst_ReplayContext::noEmptyReplayBarAfterARestartOrALiveRun()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    {
        MainWindow window(&languages);
        window.show();
        QString error;
        QVERIFY2(window.sessionMenu()->openReplay(fixture(), &error), qPrintable(error));
        QVERIFY(window.findChild<QToolBar *>(u"replayToolBar"_s)->isVisible());
        window.close(); // saves the window state with the bar shown
    }
    MainWindow window(&languages);
    window.show();
    auto *bar = window.findChild<QToolBar *>(u"replayToolBar"_s);
    QVERIFY(!bar->isVisible());
    QVERIFY(!bar->toggleViewAction()->isVisible()); // and no toolbar menu brings it back empty

    // A live run after a replay: the replay ends, its bar goes.
    QString error;
    QVERIFY2(window.sessionMenu()->openReplay(fixture(), &error), qPrintable(error));
    QVERIFY(bar->isVisible());
    window.findChild<ExperimentPanel *>()->selectExperiment(u"pc-threads"_s);
    window.startExperiment();
    QVERIFY(window.session()->isRunning());
    QVERIFY(!bar->isVisible());
    QVERIFY(!window.findChild<QAction *>(u"actionStart"_s)->isEnabled()); // running: Start is taken
    window.stopExperiment();
}

QTEST_MAIN(tst_ReplayContext)
#include "tst_replaycontext.moc"
