// The window driving real experiments: rows for real TIDs, Kill, the zombie and Reap. Runs real lab processes;
// every test stops its session and checks that nothing of ours is left.
#include "ExperimentPanel.h"
#include "LanguageSwitcher.h"
#include "MainWindow.h"
#include "ParameterForm.h"
#include "SessionController.h"
#include "TaskActions.h"
#include "TaskTreeModel.h"
#include "TaskTreePanel.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

#include <functional>

using namespace Qt::Literals::StringLiterals;

class tst_GuiRun : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void threadsShowRealTids();
    void killTurnsAProcessTerminated();
    void zombieIsShownAndReaped();

private:
    // Every row of the task model, depth first.
    static QList<TaskRow> rows(const TaskTreeModel *model);
    static std::optional<TaskRow> find(const TaskTreeModel *model, const std::function<bool(const TaskRow &)> &test);
    static QStringList childrenLeft();
};

void tst_GuiRun::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QSettings().setValue(u"settings/record"_s, false);
    QSettings().setValue(u"settings/interval"_s, 100);
    qputenv("PROCLAB_WORKER", PROCLAB_BIN_DIR "/proclab-worker");
}

QList<TaskRow> tst_GuiRun::rows(const TaskTreeModel *model)
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

std::optional<TaskRow> tst_GuiRun::find(const TaskTreeModel *model, const std::function<bool(const TaskRow &)> &test)
{
    for (const TaskRow &row : rows(model)) {
        if (test(row))
            return row;
    }
    return std::nullopt;
}

QStringList tst_GuiRun::childrenLeft()
{
    QStringList left;
    const QDir tasks(u"/proc/self/task"_s);
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile file(tasks.filePath(tid + u"/children"_s));
        if (file.open(QIODevice::ReadOnly))
            left << QString::fromLatin1(file.readAll()).split(u' ', Qt::SkipEmptyParts);
    }
    return left;
}

void tst_GuiRun::cleanup()
{
    QTRY_VERIFY2(childrenLeft().isEmpty(), qPrintable(childrenLeft().join(u' ')));
}

void tst_GuiRun::threadsShowRealTids()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    window.findChild<ExperimentPanel *>()->selectExperiment(u"pc-threads"_s);
    window.startExperiment();
    QVERIFY(window.session()->isRunning());
    const TaskTreeModel *model = window.findChild<TaskTreePanel *>()->model();
    QTRY_VERIFY_WITH_TIMEOUT(find(model, [](const TaskRow &r) { return r.role == u"producer"_s || r.name.startsWith(u"producer"_s); }),
                             10000);
    int threads = 0;
    for (const TaskRow &row : rows(model)) {
        if (row.isProcess())
            continue;
        ++threads;
        QVERIFY2(QFile::exists(u"/proc/%1/task/%2"_s.arg(row.pid).arg(row.tid)),
                 qPrintable(u"TID %1 of %2"_s.arg(row.tid).arg(row.pid)));
    }
    QVERIFY(threads >= 4); // two producers, two consumers
    window.close();
    QVERIFY(!window.session()->isRunning());
}

void tst_GuiRun::killTurnsAProcessTerminated()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    window.findChild<ExperimentPanel *>()->selectExperiment(u"pc-threads"_s);
    window.startExperiment();
    auto *panel = window.findChild<TaskTreePanel *>();
    QTRY_VERIFY_WITH_TIMEOUT(panel->model()->rowCount() > 0, 10000);
    const qint64 pid = panel->model()->index(0, 0).data(TaskTreeModel::PidRole).toLongLong();
    QVERIFY(panel->selectTask(pid, 0));
    QVERIFY(window.taskActions()->killAction()->isEnabled());
    window.taskActions()->killAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(LabTaskState(panel->model()->indexOf(pid, 0).data(TaskTreeModel::StateRole).toInt()),
                              LabTaskState::Terminated, 5000);
    QVERIFY(!QFile::exists(u"/proc/%1"_s.arg(pid)));
    window.stopExperiment();
}

void tst_GuiRun::zombieIsShownAndReaped()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    window.findChild<ExperimentPanel *>()->selectExperiment(u"zombie"_s);
    window.startExperiment();
    auto *panel = window.findChild<TaskTreePanel *>();
    std::optional<TaskRow> zombie;
    QTRY_VERIFY_WITH_TIMEOUT((zombie = find(panel->model(), [](const TaskRow &r) {
                                  return r.isProcess() && r.state == LabTaskState::Zombie;
                              })).has_value(),
                             15000);
    const QModelIndex badge = panel->model()->indexOf(zombie->pid, 0, TaskTreeModel::StateColumn);
    QCOMPARE(badge.data().toString(), u"Zombie"_s);
    QVERIFY(!badge.data(Qt::DecorationRole).isNull());
    QVERIFY(panel->selectTask(zombie->pid, 0));
    QVERIFY(window.taskActions()->reapAction()->isEnabled());
    window.taskActions()->reapAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->model()->indexOf(zombie->pid, 0).isValid(), 10000);
    QVERIFY(!QFile::exists(u"/proc/%1"_s.arg(zombie->pid)));
    window.stopExperiment();
}

QTEST_MAIN(tst_GuiRun)
#include "tst_guirun.moc"
