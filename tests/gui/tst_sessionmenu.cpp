// The Session menu's program, attach and replay sessions driven through the window: a real /bin/sh run from the
// dialog's code path, an attach to a sleeping child of the test, and the replay of a recorded fixture. Every test
// checks that nothing of ours is left.
#include "ChildrenLeft.h"
#include "LabPaths.h"
#include "dialogs/RunProgramDialog.h"
#include "programs/ProgramConsole.h"
#include "programs/ProgramSession.h"
#include "replay/ReplayBar.h"
#include "replay/ReplayController.h"
#include "tasks/TaskActions.h"
#include "tasks/TaskTreeModel.h"
#include "tasks/TaskTreePanel.h"
#include "window/LanguageSwitcher.h"
#include "window/MainWindow.h"
#include "window/SessionMenu.h"

#include <QComboBox>
#include <QMenu>
#include <QToolBar>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

class tst_SessionMenu : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void splitsCommandLines_data();
    void splitsCommandLines();
    void runShowsTheProgramAndItsOutput();
    void attachWatchesAndStopLeavesTheProcess();
    void terminateIsOneActionForProgramsToo();
    void attachToAMissingPidSaysSo();
    void retentionIsShownInTheStatusBar();
    void replayMovesEveryView();

private:
};

void tst_SessionMenu::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QSettings().setValue(u"settings/record"_s, false);
    QSettings().setValue(u"settings/interval"_s, 100);
}

void tst_SessionMenu::cleanup()
{
    QTRY_VERIFY2(childrenLeft().isEmpty(), qPrintable(childrenLeft().join(u' ')));
}

void tst_SessionMenu::splitsCommandLines_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("argv");
    QTest::newRow("plain") << u"python3 -u pool.py"_s << QStringList{u"python3"_s, u"-u"_s, u"pool.py"_s};
    QTest::newRow("quoted") << u"/bin/sh -c 'echo hello; sleep 1'"_s
                            << QStringList{u"/bin/sh"_s, u"-c"_s, u"echo hello; sleep 1"_s};
    QTest::newRow("double quotes") << u"echo \"a b\" c"_s << QStringList{u"echo"_s, u"a b"_s, u"c"_s};
    QTest::newRow("blank") << u"   "_s << QStringList{};
    QTest::newRow("escapes") << u"printf 'it''s' \\$HOME \"\\\"x\\\"\""_s
                             << QStringList{u"printf"_s, u"its"_s, u"$HOME"_s, u"\"x\""_s};
    QTest::newRow("open quote") << u"echo 'oops"_s << QStringList{u"echo"_s, u"oops"_s};
}

void tst_SessionMenu::splitsCommandLines()
{
    QFETCH(QString, line);
    QFETCH(QStringList, argv);
    bool complete = false;
    QCOMPARE(RunProgramDialog::splitCommand(line, &complete), argv);
    RunProgramDialog dialog(RunProgramDialog::Mode::Run);
    dialog.setCommandLine(line);
    QCOMPARE(dialog.problem().isEmpty(), !argv.isEmpty() && complete);
    QCOMPARE(complete, !line.contains(u"oops"_s));
}

void tst_SessionMenu::runShowsTheProgramAndItsOutput()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    RunProgramDialog dialog(RunProgramDialog::Mode::Run);
    dialog.setCommandLine(u"/bin/sh -c 'echo hello; sleep 1'"_s);
    dialog.setWorkingDirectory(QDir::tempPath());
    QVERIFY(dialog.problem().isEmpty());

    SessionMenu *menu = window.sessionMenu();
    QSignalSpy finished(menu->program(), &ProgramSession::finished);
    QString error;
    QVERIFY2(menu->runProgram(dialog.command(), dialog.workingDirectory(), &error), qPrintable(error));
    const qint64 pid = menu->program()->programRun()->programPid();
    QVERIFY(pid > 0);
    const TaskTreeModel *model = window.findChild<TaskTreePanel *>()->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->indexOf(pid, 0).isValid(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(menu->console()->toPlainText().contains(u"\nhello\n"_s), 5000);
    QVERIFY(!menu->runAction()->isEnabled());
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(0).at(0).toInt(), 0);
    QVERIFY(!menu->program()->isRunning());
    QVERIFY(menu->runAction()->isEnabled());
    QVERIFY(menu->console()->toPlainText().contains(u"status 0"_s));
}

// Session ▸ Signal the selected process, the task menu, the toolbar and F8 are one Terminate action, and it ends a
// program run's selected process as it ends an experiment's.
void tst_SessionMenu::terminateIsOneActionForProgramsToo()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const QList<QAction *> terminates = window.findChildren<QAction *>(u"actionTerminate"_s);
    QCOMPARE(terminates.size(), 1);
    QAction *terminate = terminates.first();
    QCOMPARE(window.findChildren<QAction *>(u"actionKill"_s).size(), 1);
    QMenu *signalMenu = nullptr;
    for (QMenu *menu : window.findChildren<QMenu *>()) {
        if (menu->title() == u"Signal the selected process"_s)
            signalMenu = menu;
    }
    QVERIFY(signalMenu);
    QVERIFY(signalMenu->actions().contains(terminate));
    QVERIFY(signalMenu->actions().contains(window.findChild<QAction *>(u"actionKill"_s)));
    QVERIFY(window.findChild<QToolBar *>(u"mainToolBar"_s)->actions().contains(terminate));
    QVERIFY(!terminate->isEnabled());

    SessionMenu *menu = window.sessionMenu();
    QSignalSpy finished(menu->program(), &ProgramSession::finished);
    QString error;
    QVERIFY2(menu->runProgram({u"/bin/sleep"_s, u"30"_s}, QDir::tempPath(), &error), qPrintable(error));
    const qint64 pid = menu->program()->programRun()->programPid();
    TaskTreePanel *panel = window.findChild<TaskTreePanel *>();
    QTRY_VERIFY_WITH_TIMEOUT(panel->model()->indexOf(pid, 0).isValid(), 5000);
    QVERIFY(panel->selectTask(pid, 0));
    QTRY_VERIFY(terminate->isEnabled());
    QTest::keyClick(&window, Qt::Key_F8);
    QVERIFY2(window.statusBar()->currentMessage().contains(u"SIGTERM sent to process %1"_s.arg(pid)),
             qPrintable(window.statusBar()->currentMessage()));
    QVERIFY(finished.size() == 1 || finished.wait(5000));
    QVERIFY(!terminate->isEnabled());
}

void tst_SessionMenu::attachWatchesAndStopLeavesTheProcess()
{
    QProcess sleeper;
    sleeper.start(u"/bin/sleep"_s, {u"30"_s});
    QVERIFY(sleeper.waitForStarted());
    const qint64 pid = sleeper.processId();
    {
        LanguageSwitcher languages;
        languages.apply(u"en"_s);
        MainWindow window(&languages);
        window.show();
        SessionMenu *menu = window.sessionMenu();
        QSignalSpy finished(menu->program(), &ProgramSession::finished);
        QString error;
        QVERIFY2(menu->attachTo(pid, &error), qPrintable(error));
        QVERIFY(menu->program()->isAttached());
        const TaskTreeModel *model = window.findChild<TaskTreePanel *>()->model();
        QTRY_VERIFY_WITH_TIMEOUT(model->indexOf(pid, 0).isValid(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(model->indexOf(pid, pid).isValid(), 5000);
        menu->stopAll();
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 5000);
    }
    // Detaching signalled nothing: the process sleeps on.
    QCOMPARE(sleeper.state(), QProcess::Running);
    QVERIFY(!sleeper.waitForFinished(300));
    sleeper.kill();
    QVERIFY(sleeper.waitForFinished(5000));
    QCOMPARE(sleeper.exitStatus(), QProcess::CrashExit);
}

void tst_SessionMenu::retentionIsShownInTheStatusBar()
{
    // 100 sessions are kept: with 100 old ones in the folder, the recording of a program deletes the oldest, and
    // the window says so (oldSessionsDeleted once reached nobody).
    QDir(LabPaths::sessionsFolder()).removeRecursively(); // the test-mode folder (~/.qttest): ours alone
    const QString folder = LabPaths::sessionsFolder();
    for (int i = 0; i < 100; ++i) {
        QFile old(QDir(folder).filePath(u"20000101-0000%1-old.jsonl"_s.arg(i, 2, 10, QLatin1Char('0'))));
        QVERIFY(old.open(QIODevice::WriteOnly));
    }
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    SessionMenu *menu = window.sessionMenu();
    menu->setRecording(true);
    QSignalSpy finished(menu->program(), &ProgramSession::finished);
    QString error;
    QVERIFY2(menu->runProgram({u"/bin/sh"_s, u"-c"_s, u"sleep 2"_s}, QDir::tempPath(), &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(window.statusBar()->currentMessage().contains(u"removed 1 old session"_s), 1500);
    QVERIFY(window.statusBar()->currentMessage().contains(u"20000101-000000-old.jsonl"_s));
    QVERIFY(!QFile::exists(QDir(folder).filePath(u"20000101-000000-old.jsonl"_s)));
    QVERIFY(finished.wait(10000));
    QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 100); // 99 old ones and the new recording
    QDir(folder).removeRecursively();
}

void tst_SessionMenu::attachToAMissingPidSaysSo()
{
    // A PID free now: the highest the kernel would give, unless something holds it.
    QFile maxFile(u"/proc/sys/kernel/pid_max"_s);
    QVERIFY(maxFile.open(QIODevice::ReadOnly));
    qint64 pid = maxFile.readAll().trimmed().toLongLong() - 1;
    while (QFile::exists(u"/proc/%1"_s.arg(pid)))
        --pid;
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    SessionMenu *menu = window.sessionMenu();
    QString error;
    QVERIFY(!menu->attachTo(pid, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!menu->program()->isRunning());
    QVERIFY(menu->attachAction()->isEnabled());
}

void tst_SessionMenu::replayMovesEveryView()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    SessionMenu *menu = window.sessionMenu();
    QString error;
    QVERIFY2(menu->openReplay(PROCLAB_FIXTURES_DIR "/sessions/complete.jsonl"_L1, &error), qPrintable(error));
    ReplayBar *bar = menu->replayBar();
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->slider()->value(), 0);
    QCOMPARE(bar->slider()->maximum(), 4800);
    const TaskTreeModel *model = window.findChild<TaskTreePanel *>()->model();

    // The recorded tasks at 1 s: the worker process and its three threads.
    bar->slider()->setValue(1000);
    QCOMPARE(menu->replay()->position(), 1.0);
    QVERIFY(model->indexOf(5100, 0).isValid());
    for (qint64 tid : {5101, 5102, 5103})
        QVERIFY2(model->indexOf(5100, tid).isValid(), qPrintable(QString::number(tid)));

    // Back to the start: nothing had been spawned yet.
    bar->slider()->setValue(0);
    QVERIFY(!model->indexOf(5100, 0).isValid());
    QCOMPARE(model->rowCount(), 0);

    // Play at 4×: the slider moves by itself.
    bar->speedBox()->setCurrentIndex(1);
    bar->playButton()->click();
    QVERIFY(menu->replay()->isPlaying());
    QCOMPARE(menu->replay()->speed(), 4.0);
    QTRY_VERIFY_WITH_TIMEOUT(bar->slider()->value() >= 1000, 3000);
    bar->playButton()->click();
    QVERIFY(!menu->replay()->isPlaying());
    menu->stopAll();
    QVERIFY(!bar->isVisible());
}

QTEST_MAIN(tst_SessionMenu)
#include "tst_sessionmenu.moc"
