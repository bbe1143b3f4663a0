// The real GIL in the window: cpu-vs-io with lang=python in the real MainWindow. Before Stop, the task table's
// GIL % column shows a holder (a worker thread with a share above zero, its process at most 100 %), and the
// timeline draws a GIL band on that thread's lane. Real python3 threads; nothing of ours is left afterwards.
#include "ChildrenLeft.h"
#include "experiments/ExperimentRun.h"
#include "lessons/ExperimentPanel.h"
#include "lessons/ParameterForm.h"
#include "window/LanguageSwitcher.h"
#include "tasks/TaskTreeModel.h"
#include "tasks/TaskTreePanel.h"
#include "timeline/StateTimelineWidget.h"
#include "window/MainWindow.h"
#include "lessons/SessionController.h"

#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_GilView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void columnAndBandShowAHolderBeforeStop();
};

void tst_GilView::initTestCase()
{
    if (!QFileInfo(u"/usr/bin/python3"_s).isExecutable())
        QSKIP("/usr/bin/python3 is not installed");
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QSettings().setValue(u"settings/record"_s, false);
    QSettings().setValue(u"settings/interval"_s, 100);
    qputenv("PROCLAB_WORKER", PROCLAB_BIN_DIR "/proclab-worker");
}

void tst_GilView::cleanup()
{
    QTRY_VERIFY2(childrenLeft().isEmpty(), qPrintable(childrenLeft().join(u' ')));
}

void tst_GilView::columnAndBandShowAHolderBeforeStop()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    ExperimentPanel *panel = window.findChild<ExperimentPanel *>();
    QVERIFY(panel->selectExperiment(u"cpu-vs-io"_s));
    ParameterValues values = panel->form()->values();
    QString error;
    QVERIFY2(values.set(u"lang"_s, u"python"_s, &error), qPrintable(error));
    QVERIFY(values.set(u"workers"_s, u"2"_s, &error));
    panel->form()->setValues(values);
    window.startExperiment();
    QVERIFY(window.session()->isRunning());
    const TaskTreeModel *model = window.findChild<TaskTreePanel *>()->model();
    const StateTimelineWidget *timeline = window.findChild<StateTimelineWidget *>();
    QVERIFY(model && timeline);

    // A worker thread (role cpu) whose GIL cell shows a share, and the GIL band on its lane now.
    qint64 holderPid = 0;
    qint64 holderTid = 0;
    const auto holder = [&] {
        for (int p = 0; p < model->rowCount(); ++p) {
            const QModelIndex process = model->index(p, 0);
            for (int t = 0; t < model->rowCount(process); ++t) {
                const QModelIndex name = model->index(t, TaskTreeModel::NameColumn, process);
                const QModelIndex gil = model->index(t, TaskTreeModel::GilColumn, process);
                if (!name.data().toString().startsWith(u"cpu-"_s) || gil.data().toString().toInt() <= 0)
                    continue;
                holderPid = name.data(TaskTreeModel::PidRole).toLongLong();
                holderTid = name.data(TaskTreeModel::TidRole).toLongLong();
                return true;
            }
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(holder(), 8000);
    QTRY_VERIFY_WITH_TIMEOUT(timeline->gilAt(holderPid, holderTid, window.session()->run()->now()) > 0
                                 || timeline->gilAt(holderPid, holderTid, window.session()->run()->now() - 0.2) > 0,
                             3000);
    // The process row: its threads together, never more than one core's worth.
    for (int p = 0; p < model->rowCount(); ++p) {
        const QModelIndex gil = model->index(p, TaskTreeModel::GilColumn);
        if (!gil.data().toString().isEmpty())
            QVERIFY(gil.data().toString().toInt() <= 100);
    }
    QVERIFY2(window.session()->isRunning(), "the GIL showed only after the run had stopped");
    qInfo("GIL held by TID %lld", holderTid);
    window.close();
    QVERIFY(!window.session()->isRunning());
}

QTEST_MAIN(tst_GilView)
#include "tst_gilview.moc"
