// Ghosts in the real window: a process that dies while it matters — the killed lock holder, the orphans' dead
// parent, a reaped zombie — stays as a greyed Terminated row saying what it was, before Stop, and in a replay of
// the recording at a moment after its death; the orphans' PPID cell shows the re-parenting; the wait-for graph keeps
// a node for the dead owner, so the waiters' "held by TID …" points at something visible. Real lab processes.
#include "ChildrenLeft.h"
#include "base/EventKind.h"
#include "base/LabRole.h"
#include "analysis/WaitForGraph.h"
#include "analysis/WaitGraphView.h"
#include "experiments/ExperimentRun.h"
#include "experiments/ParameterValues.h"
#include "lessons/ExperimentPanel.h"
#include "lessons/ParameterForm.h"
#include "lessons/SessionController.h"
#include "replay/ReplayController.h"
#include "tasks/TaskTreeModel.h"
#include "tasks/TaskTreePanel.h"
#include "window/LanguageSwitcher.h"
#include "window/MainWindow.h"
#include "window/SessionMenu.h"

#include <QSettings>
#include <QStandardPaths>
#include <QHeaderView>
#include <QTest>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;

class tst_Ghosts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void killedHolderStaysLiveAndInReplay();
    void orphansShowTheirNewParent();
    void reapedZombieStaysAGhost();
    void isolationChildrenEndOnRecord();
};

namespace {
// Every row of the tree, depth first.
QList<QModelIndex> allRows(const QAbstractItemModel *model, const QModelIndex &parent = {})
{
    QList<QModelIndex> rows;
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex index = model->index(r, 0, parent);
        rows << index << allRows(model, index);
    }
    return rows;
}

// The first ghost row whose reason contains `words` (a thread row when `thread`), or an invalid index.
QModelIndex ghostRow(const TaskTreeModel *model, const QString &words, bool thread)
{
    for (const QModelIndex &index : allRows(model)) {
        const TaskRow *row = model->taskAt(index);
        if (row && row->ghost && row->reason.contains(words) && row->isProcess() != thread)
            return index;
    }
    return {};
}

QString reasonOf(const TaskTreeModel *model, const QModelIndex &index)
{
    return model->index(index.row(), TaskTreeModel::ReasonColumn, index.parent()).data().toString();
}
} // namespace

void tst_Ghosts::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QSettings().setValue(u"settings/record"_s, true);
    QSettings().setValue(u"settings/interval"_s, 100);
    qputenv("PROCLAB_WORKER", PROCLAB_BIN_DIR "/proclab-worker");
}

void tst_Ghosts::cleanup()
{
    QTRY_VERIFY2(childrenLeft().isEmpty(), qPrintable(childrenLeft().join(u' ')));
}

void tst_Ghosts::killedHolderStaysLiveAndInReplay()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    QVERIFY(window.findChild<ExperimentPanel *>()->selectExperiment(u"kill-holding-lock"_s));
    Frame last;
    connect(window.session(), &SessionController::ticked, this, [&](const Frame &frame) { last = frame; });
    window.startExperiment();
    QVERIFY(window.session()->isRunning());
    const TaskTreeModel *model = window.findChild<TaskTreePanel *>()->model();

    // The holder is killed at 1 s; its thread's row stays, Terminated, saying what it held.
    QTRY_VERIFY_WITH_TIMEOUT(ghostRow(model, u"held L1 when killed at"_s, true).isValid(), 15000);
    QVERIFY2(window.session()->isRunning(), "the ghost came only after Stop");
    const QModelIndex ghost = ghostRow(model, u"held L1 when killed at"_s, true);
    const TaskRow holder = *model->taskAt(ghost);
    QCOMPARE(holder.state, TaskState::Terminated);
    QVERIFY(ghost.data(TaskTreeModel::GhostRole).toBool());
    QVERIFY(!ghost.data(TaskTreeModel::LingeringRole).toBool());
    QVERIFY(ghostRow(model, u"held L1 when killed at"_s, false).isValid()); // and its process's row
    const QString words = holder.reason;

    // A waiter's "held by TID …" names that ghost; the wait-for graph has a node for it, marked dead.
    const QString heldBy = u"TID %1"_s.arg(holder.tid);
    const auto waiterPointsAtTheGhost = [&] {
        const QList<QModelIndex> rows = allRows(model);
        return std::any_of(rows.cbegin(), rows.cend(), [&](const QModelIndex &i) {
            const TaskRow *row = model->taskAt(i);
            return row && !row->ghost && !row->isProcess() && row->reason.contains(heldBy);
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(waiterPointsAtTheGhost(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(last.hasWaits && [&] {
        WaitForGraph graph;
        graph.build(last.waits);
        const WaitGraphView view = WaitGraphView::build(last.waits, graph);
        const qsizetype at = view.indexOf(u"thread:"_s + QString::number(holder.tid));
        return at >= 0 && view.nodes[at].dead
            && view.nodes[at].label == u"TID %1 (dead) held L1"_s.arg(holder.tid);
    }(), 5000);

    // Ghosts stay for the rest of the run: a second later the row is still there.
    QTest::qWait(1000);
    QVERIFY(ghostRow(model, u"held L1 when killed at"_s, true).isValid());
    const QString log = window.session()->run()->logPath();
    window.stopExperiment();
    QVERIFY(!window.session()->isRunning());

    // The replay at a moment after the kill shows the same ghost, in the same words.
    QString error;
    QVERIFY2(window.sessionMenu()->openReplay(log, &error), qPrintable(error));
    window.sessionMenu()->replay()->seek(2.0);
    const QModelIndex replayed = ghostRow(model, u"held L1 when killed at"_s, true);
    QVERIFY(replayed.isValid());
    QCOMPARE(model->taskAt(replayed)->tid, holder.tid);
    QCOMPARE(reasonOf(model, replayed), words);
    window.sessionMenu()->stopAll();
    window.close();
}

void tst_Ghosts::orphansShowTheirNewParent()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.resize(1920, 1080); // room beside the key columns for both cells
    window.show();
    QVERIFY(window.findChild<ExperimentPanel *>()->selectExperiment(u"orphan"_s));
    window.startExperiment();
    const TaskTreeModel *model = window.findChild<TaskTreePanel *>()->model();
    QTRY_VERIFY_WITH_TIMEOUT(ghostRow(model, u"parent of 2 orphans, killed at"_s, false).isValid(), 15000);
    const TaskRow parent = *model->taskAt(ghostRow(model, u"parent of 2 orphans, killed at"_s, false));
    // Both orphans: the PPID cell says the new parent and the old, highlighted.
    int adopted = 0;
    QString ppidText;
    for (const QModelIndex &index : allRows(model)) {
        const TaskRow *row = model->taskAt(index);
        if (!row || !row->isProcess() || row->ghost || !index.data(TaskTreeModel::ReparentedRole).toBool())
            continue;
        const QModelIndex ppid = model->index(index.row(), TaskTreeModel::PpidColumn, index.parent());
        QCOMPARE(ppid.data().toString(), u"%1 (was %2)"_s.arg(row->ppid).arg(parent.pid));
        QVERIFY(ppid.data(Qt::BackgroundRole).isValid());
        ppidText = ppid.data().toString();
        ++adopted;
    }
    QCOMPARE(adopted, 2);
    // And the cells are wide enough to be read whole: the PPID's "(was …)" and the ghost's reason.
    const QHeaderView *header = window.findChild<TaskTreePanel *>()->view()->header();
    const QFontMetrics metrics = window.findChild<TaskTreePanel *>()->fontMetrics();
    QTRY_VERIFY_WITH_TIMEOUT(header->sectionSize(TaskTreeModel::PpidColumn) >= metrics.horizontalAdvance(ppidText), 3000);
    const QString reason = ghostRow(model, u"parent of 2 orphans, killed at"_s, false).siblingAtColumn(TaskTreeModel::ReasonColumn).data().toString();
    QVERIFY(!reason.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(header->sectionSize(TaskTreeModel::ReasonColumn) >= metrics.horizontalAdvance(reason), 3000);
    // Never at the cost of the key columns: State and Why blocked stay inside the table.
    const TaskTreePanel *panel = window.findChild<TaskTreePanel *>();
    QVERIFY2(panel->keyColumnsWidth() <= panel->width(),
             qPrintable(u"%1 > %2"_s.arg(panel->keyColumnsWidth()).arg(panel->width())));
    QVERIFY(window.session()->isRunning());
    window.close();
}

void tst_Ghosts::reapedZombieStaysAGhost()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    auto *panel = window.findChild<ExperimentPanel *>();
    QVERIFY(panel->selectExperiment(u"zombie"_s));
    ParameterValues values = panel->form()->values();
    QString error;
    QVERIFY2(values.set(u"reap_after"_s, u"1"_s, &error), qPrintable(error)); // zombies at 1 s, reaped 1 s later
    panel->form()->setValues(values);
    window.startExperiment();
    const TaskTreeModel *model = window.findChild<TaskTreePanel *>()->model();
    QTRY_VERIFY_WITH_TIMEOUT(ghostRow(model, u"zombie (killed by SIGTERM), reaped at"_s, false).isValid(), 15000);
    QVERIFY(window.session()->isRunning());
    window.close();
}

// isolation's children are forked by their lab parent; at Stop the parent reaps them, and the recording says how
// each ended (process.exit, then process.reap by the parent), also in a synchronous stop.
void tst_Ghosts::isolationChildrenEndOnRecord()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    QVERIFY(window.findChild<ExperimentPanel *>()->selectExperiment(u"isolation"_s));
    window.startExperiment();
    ExperimentRun *run = window.session()->run();
    QSet<qint64> children;
    QTRY_VERIFY_WITH_TIMEOUT([&] {
        children.clear();
        for (const SessionEvent &event : run->events()) {
            if (event.kind == EventKind::ProcessSpawn && event.fields.value(u"role"_s).toString() == LabRole::IsolatedChild)
                children.insert(event.fields.value(u"pid"_s).toInteger());
        }
        return children.size() >= 2;
    }(), 10000);
    window.stopExperiment();
    QSet<qint64> exited;
    QSet<qint64> reaped;
    for (const SessionEvent &event : run->events()) {
        const qint64 pid = event.fields.value(u"pid"_s).toInteger();
        if (event.kind == EventKind::ProcessExit && children.contains(pid))
            exited.insert(pid);
        if (event.kind == EventKind::ProcessReap && children.contains(pid))
            reaped.insert(pid);
    }
    QCOMPARE(exited, children);
    QCOMPARE(reaped, children);
    window.close();
}

QTEST_MAIN(tst_Ghosts)
#include "tst_ghosts.moc"
