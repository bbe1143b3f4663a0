// The pool's Gantt chart in the real window, and the lesson's view coming forward. pool: bars appear and grow
// while the run goes on (before Stop), grouped by mode with each mode's makespan; the Gantt tab comes forward by
// itself — but not when the user picked another tab during the run. deadlock: the wait-for graph comes forward
// when the cycle forms, and when a lock's owner is killed holding it. Real lab processes.
#include "ChildrenLeft.h"
#include "experiments/ParameterValues.h"
#include "lessons/ExperimentPanel.h"
#include "lessons/ParameterForm.h"
#include "lessons/PoolGanttWidget.h"
#include "lessons/SessionController.h"
#include "waitgraph/WaitGraphPanel.h"
#include "waitgraph/WaitGraphWidget.h"
#include "window/LanguageSwitcher.h"
#include "window/MainWindow.h"

#include <algorithm>

#include <QDockWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_PoolGantt : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void barsGrowBeforeStopAndComeForward();
    void theUsersTabIsKept();
    void waitGraphComesForwardOnACycle();
    void waitGraphComesForwardOverTheCharts();
    void waitGraphComesForwardForADeadOwner();
};

void tst_PoolGantt::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QSettings().setValue(u"settings/record"_s, false);
    QSettings().setValue(u"settings/interval"_s, 100);
    qputenv("PROCLAB_WORKER", PROCLAB_BIN_DIR "/proclab-worker");
}

void tst_PoolGantt::cleanup()
{
    QTRY_VERIFY2(childrenLeft().isEmpty(), qPrintable(childrenLeft().join(u' ')));
}

namespace {
QTabWidget *bottomTabs(MainWindow &window)
{
    if (auto *dock = window.findChild<QDockWidget *>(u"bottomDock"_s))
        dock->show();
    return window.findChild<QTabWidget *>(u"bottomTabs"_s);
}

// A click on a tab, as the user makes it.
void clickTab(QTabWidget *tabs, QWidget *page)
{
    QTabBar *bar = tabs->tabBar();
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(tabs->indexOf(page)).center());
}
} // namespace

void tst_PoolGantt::barsGrowBeforeStopAndComeForward()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.resize(1366, 768);
    window.show();
    QTabWidget *tabs = bottomTabs(window);
    auto *gantt = window.findChild<PoolGanttWidget *>();
    QVERIFY(tabs && gantt);
    QVERIFY(tabs->indexOf(gantt) >= 0);
    QVERIFY(window.findChild<ExperimentPanel *>()->selectExperiment(u"pool"_s));
    QVERIFY(tabs->currentWidget() != gantt);
    window.startExperiment();
    QTRY_VERIFY_WITH_TIMEOUT(gantt->taskCount() > 0, 15000);
    const qsizetype first = gantt->taskCount();
    QTRY_VERIFY_WITH_TIMEOUT(gantt->taskCount() > first, 15000);
    QVERIFY2(window.session()->isRunning(), "the bars grew only after the run had stopped");
    QCOMPARE(tabs->currentWidget(), gantt); // it came forward by itself
    QVERIFY(gantt->modes().contains(u"apply"_s));
    QVERIFY(gantt->makespan(u"apply"_s) > 0);
    // Tasks one after another in apply: the makespan is at least the sum of the task times' share per worker.
    QVERIFY(gantt->taskTimeSum(u"apply"_s) > 0);
    // All three modes on the same workers: at a laptop's size every worker's lane is named.
    QTRY_VERIFY_WITH_TIMEOUT(gantt->modes().size() == 3, 20000);
    window.stopExperiment();
    QVERIFY(gantt->taskCount() >= first);
    QSet<qint64> workers;
    for (const SessionReportData::PoolTask &task : gantt->tasks())
        workers.insert(task.pid);
    gantt->grab();
    QStringList labels = gantt->drawnLaneLabels();
    QCOMPARE(labels.size(), workers.size());
    for (qint64 pid : std::as_const(workers))
        QVERIFY2(labels.contains(u"PID %1"_s.arg(pid)), qPrintable(labels.join(u", "_s)));
    window.close();
}

void tst_PoolGantt::theUsersTabIsKept()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    QTabWidget *tabs = bottomTabs(window);
    auto *gantt = window.findChild<PoolGanttWidget *>();
    QVERIFY(window.findChild<ExperimentPanel *>()->selectExperiment(u"pool"_s));
    window.startExperiment();
    // The user opens the wait-for graph during the run, before the first task ends.
    QWidget *chosen = window.findChild<WaitGraphPanel *>();
    clickTab(tabs, chosen);
    QCOMPARE(tabs->currentWidget(), chosen);
    QTRY_VERIFY_WITH_TIMEOUT(gantt->taskCount() > 1, 15000);
    QTest::qWait(300);
    QCOMPARE(tabs->currentWidget(), chosen);
    window.stopExperiment();
    window.close();
}

void tst_PoolGantt::waitGraphComesForwardOnACycle()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    QTabWidget *tabs = bottomTabs(window);
    auto *graph = window.findChild<WaitGraphPanel *>();
    QVERIFY(window.findChild<ExperimentPanel *>()->selectExperiment(u"deadlock"_s));
    QVERIFY(tabs->currentWidget() != graph);
    QWidget *before = tabs->currentWidget();
    window.startExperiment();
    QTRY_COMPARE_WITH_TIMEOUT(tabs->currentWidget(), static_cast<QWidget *>(graph), 15000);
    QVERIFY(window.session()->isRunning());
    // Focus is not taken: the keyboard stays where it was (no widget of the graph took it).
    QVERIFY(!graph->isAncestorOf(QApplication::focusWidget()));
    Q_UNUSED(before);
    window.stopExperiment();
    window.close();
}

void tst_PoolGantt::waitGraphComesForwardOverTheCharts()
{
    // At 1024 pixels the charts are a tab of the bottom area, in front: the graph's own dock must come forward
    // too, or the cycle is drawn behind the charts. A ring of five threads and five locks fits its narrow strip
    // without a node on another (beside the process node, they were drawn over each other).
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.resize(1024, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *graph = window.findChild<WaitGraphPanel *>();
    QTRY_VERIFY(graph->visibleRegion().isEmpty()); // behind the charts, as the window starts at this width
    auto *panel = window.findChild<ExperimentPanel *>();
    QVERIFY(panel->selectExperiment(u"deadlock"_s));
    ParameterValues values = panel->form()->values();
    QString error;
    QVERIFY2(values.set(u"threads"_s, u"5"_s, &error), qPrintable(error));
    panel->form()->setValues(values);
    window.startExperiment();
    QTRY_VERIFY_WITH_TIMEOUT(!graph->visibleRegion().isEmpty(), 15000);
    QVERIFY(window.session()->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(graph->graphWidget()->drawnCentres().size() >= 10, 5000);
    graph->graphWidget()->grab();
    const QList<QPointF> centres = graph->graphWidget()->drawnCentres();
    for (qsizetype i = 0; i < centres.size(); ++i) {
        for (qsizetype j = i + 1; j < centres.size(); ++j)
            QVERIFY2(QLineF(centres.at(i), centres.at(j)).length() >= 2 * WaitGraphWidget::NodeRadius,
                     qPrintable(u"nodes at (%1, %2) and (%3, %4)"_s.arg(centres.at(i).x()).arg(centres.at(i).y())
                                    .arg(centres.at(j).x()).arg(centres.at(j).y())));
    }
    // And every label of the ring is whole, on one line or two (neighbours at the bottom ran into each other).
    for (const WaitGraphView::Node &node : graph->graphWidget()->graph().nodes) {
        if (node.cycle < 0)
            continue;
        const QStringList lines = graph->graphWidget()->drawnLabel(node.key);
        QVERIFY2(!lines.isEmpty(), qPrintable(node.label));
        QCOMPARE(lines.join(u' '), node.label);
    }
    window.stopExperiment();
    window.close();
}

void tst_PoolGantt::waitGraphComesForwardForADeadOwner()
{
    // kill-holding-lock: the holder is killed with the lock held; its waiters wait for a dead owner, and the
    // graph, which keeps a node for it, comes forward then (not at the start, when nobody waits for anything dead).
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    QTabWidget *tabs = bottomTabs(window);
    auto *graph = window.findChild<WaitGraphPanel *>();
    QVERIFY(window.findChild<ExperimentPanel *>()->selectExperiment(u"kill-holding-lock"_s));
    QVERIFY(tabs->currentWidget() != graph);
    window.startExperiment();
    QTest::qWait(300); // the holder is killed at 1 s (kill_after)
    QVERIFY2(tabs->currentWidget() != graph, "the graph came forward before the owner was killed");
    QTRY_COMPARE_WITH_TIMEOUT(tabs->currentWidget(), static_cast<QWidget *>(graph), 15000);
    QVERIFY(window.session()->isRunning());
    // At a laptop's size every label is whole, the dead owner's too (it was cut to "TID 884 (dead..." on a
    // 1366x768 screen): where one line does not fit beside its node it takes two.
    window.resize(1366, 768);
    WaitGraphWidget *widget = graph->graphWidget();
    QTRY_VERIFY(std::any_of(widget->graph().nodes.cbegin(), widget->graph().nodes.cend(),
                            [](const WaitGraphView::Node &node) { return node.dead; }));
    widget->repaint();
    for (const WaitGraphView::Node &node : widget->graph().nodes) {
        const QStringList lines = widget->drawnLabel(node.key);
        QVERIFY2(!lines.isEmpty(), qPrintable(node.label));
        QCOMPARE(lines.join(u' '), node.label);
    }
    window.stopExperiment();
    window.close();
}

QTEST_MAIN(tst_PoolGantt)
#include "tst_poolgantt.moc"
