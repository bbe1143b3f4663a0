// Stale rows (issue 18): once a live session ends — Stop, or the user's own program exits — no row still says
// Blocked or Running, every row turns Terminated, greyed, and fades out, and the status bar's counts agree with the
// rows. The real window, real lab processes and a real program.
#include "ChildrenLeft.h"
#include "lessons/ExperimentPanel.h"
#include "lessons/SessionController.h"
#include "probe/TaskStateName.h"
#include "programs/ProgramSession.h"
#include "tasks/TaskTreeModel.h"
#include "tasks/TaskTreePanel.h"
#include "window/LanguageSwitcher.h"
#include "window/MainWindow.h"
#include "window/SessionMenu.h"
#include "window/StatusBarController.h"

#include <QDir>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_StaleRows : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void rowsEndWithTheExperiment();
    void rowsEndWithTheProgram();
};

namespace {
QList<QModelIndex> allRows(const QAbstractItemModel *model, const QModelIndex &parent = {})
{
    QList<QModelIndex> rows;
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex index = model->index(r, 0, parent);
        rows << index << allRows(model, index);
    }
    return rows;
}

int rowsIn(const TaskTreeModel *model, TaskState state)
{
    int n = 0;
    for (const QModelIndex &index : allRows(model))
        n += model->taskAt(index)->state == state;
    return n;
}

// After the end: every row Terminated and lingering, and the status bar says only Terminated.
void checkEnded(const TaskTreeModel *model, const StatusBarController *status)
{
    for (const QModelIndex &index : allRows(model)) {
        const TaskRow *row = model->taskAt(index);
        QVERIFY2(row->state == TaskState::Terminated,
                 qPrintable(u"%1/%2 still %3"_s.arg(row->pid).arg(row->tid).arg(TaskStateName::name(row->state))));
        QVERIFY(index.data(TaskTreeModel::LingeringRole).toBool());
    }
    for (TaskState state : {TaskState::Running, TaskState::Ready, TaskState::Blocked, TaskState::New})
        QVERIFY2(!status->countsText().contains(TaskStateName::displayName(state)), qPrintable(status->countsText()));
}
} // namespace

void tst_StaleRows::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QSettings().setValue(u"settings/record"_s, false);
    QSettings().setValue(u"settings/interval"_s, 100);
    qputenv("PROCLAB_WORKER", PROCLAB_BIN_DIR "/proclab-worker");
}

void tst_StaleRows::cleanup()
{
    QTRY_VERIFY2(childrenLeft().isEmpty(), qPrintable(childrenLeft().join(u' ')));
}

void tst_StaleRows::rowsEndWithTheExperiment()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    QVERIFY(window.findChild<ExperimentPanel *>()->selectExperiment(u"pc-threads"_s));
    window.startExperiment();
    const TaskTreeModel *model = window.findChild<TaskTreePanel *>()->model();
    const StatusBarController *status = window.findChild<StatusBarController *>();
    QVERIFY(status);
    QTRY_VERIFY_WITH_TIMEOUT(rowsIn(model, TaskState::Blocked) + rowsIn(model, TaskState::Running) > 2, 15000);
    window.stopExperiment();
    QVERIFY(!window.session()->isRunning());
    QCoreApplication::processEvents();
    QVERIFY(model->taskCount() > 0); // they fade, they do not vanish at once
    checkEnded(model, status);
    if (QTest::currentTestFailed())
        return;
    // And fade out: the tree empties within its linger time, and the counts with it.
    QTRY_COMPARE_WITH_TIMEOUT(model->taskCount(), 0, int(model->lingerSeconds() * 1000) + 3000);
    QCOMPARE(status->countsText(), QString());
    window.close();
}

void tst_StaleRows::rowsEndWithTheProgram()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    SessionMenu *menu = window.sessionMenu();
    const TaskTreeModel *model = window.findChild<TaskTreePanel *>()->model();
    const StatusBarController *status = window.findChild<StatusBarController *>();
    QSignalSpy finished(menu->program(), &ProgramSession::finished);
    QString error;
    QVERIFY2(menu->runProgram({u"/bin/sh"_s, u"-c"_s, u"sleep 1.5"_s}, QDir::tempPath(), &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(rowsIn(model, TaskState::Blocked) > 0, 10000); // the shell and its sleep
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QCoreApplication::processEvents();
    checkEnded(model, status);
    QTRY_COMPARE_WITH_TIMEOUT(model->taskCount(), 0, int(model->lingerSeconds() * 1000) + 3000);
    window.close();
}

QTEST_MAIN(tst_StaleRows)
#include "tst_stalerows.moc"
