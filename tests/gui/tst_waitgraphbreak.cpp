// The wait-for graph's "Break it" in the real window: the `deadlock` experiment forms its ring, the graph shows the
// cycle, "Break it" kills the process of a member, and then the process is gone from /proc, deadlock.resolved says
// a member exited, and the graph shows no cycle. Real lab processes; nothing may be left afterwards.
#include "ChildrenLeft.h"
#include "lessons/ExperimentPanel.h"
#include "lessons/ParameterForm.h"
#include "lessons/SessionController.h"
#include "waitgraph/WaitGraphPanel.h"
#include "waitgraph/WaitGraphWidget.h"
#include "window/LanguageSwitcher.h"
#include "window/MainWindow.h"

#include "experiments/ExperimentRun.h"

#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QJsonArray>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_WaitGraphBreak : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void breakItKillsAMemberAndEndsTheCycle_data();
    void breakItKillsAMemberAndEndsTheCycle();
    void noBreakItForADeadOwner();

private:
    static bool showsCycle(const WaitGraphView &graph);
};

void tst_WaitGraphBreak::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QSettings().setValue(u"settings/record"_s, false);
    QSettings().setValue(u"settings/interval"_s, 100);
    qputenv("PROCLAB_WORKER", PROCLAB_BIN_DIR "/proclab-worker");
}

bool tst_WaitGraphBreak::showsCycle(const WaitGraphView &graph)
{
    for (const WaitGraphView::Node &node : graph.nodes) {
        if (node.cycle >= 0)
            return true;
    }
    return false;
}

void tst_WaitGraphBreak::cleanup()
{
    QTRY_VERIFY2(childrenLeft().isEmpty(), qPrintable(childrenLeft().join(u' ')));
}

void tst_WaitGraphBreak::breakItKillsAMemberAndEndsTheCycle_data()
{
    QTest::addColumn<QString>("hosts");
    QTest::newRow("threads of one process") << u"threads"_s;
    QTest::newRow("one process per member") << u"processes"_s;
}

void tst_WaitGraphBreak::breakItKillsAMemberAndEndsTheCycle()
{
    QFETCH(QString, hosts);
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    auto *experiments = window.findChild<ExperimentPanel *>();
    QVERIFY(experiments->selectExperiment(u"deadlock"_s));
    ParameterValues values = experiments->form()->values();
    QString error;
    QVERIFY2(values.set(u"using"_s, hosts, &error), qPrintable(error));
    experiments->form()->setValues(values);
    auto *panel = window.findChild<WaitGraphPanel *>();
    QVERIFY(panel);
    // The graph is drawn on every tick only while its tab is shown.
    auto *tabs = window.findChild<QTabWidget *>(u"bottomTabs"_s);
    tabs->setCurrentWidget(panel);
    if (auto *dock = window.findChild<QDockWidget *>(u"bottomDock"_s))
        dock->show();

    QSignalSpy events(window.session(), &SessionController::eventsArrived);
    window.startExperiment();
    QVERIFY(window.session()->isRunning());
    ExperimentRun *run = window.session()->run();
    QVERIFY(run);
    QCOMPARE(run->values().value(u"using"_s).toString(), hosts);
    const auto eventsOf = [run](const QString &kind) {
        QList<SessionEvent> found;
        for (const SessionEvent &event : run->events()) {
            if (event.kind == kind)
                found << event;
        }
        return found;
    };

    // The ring forms; the analysis reports it and the panel shows its cycle with "Break it" ready.
    QTRY_VERIFY_WITH_TIMEOUT(!eventsOf(u"deadlock.detected"_s).isEmpty(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(panel->hasDeadlock() && showsCycle(panel->graphWidget()->graph()), 5000);
    auto *breakIt = panel->findChild<QPushButton *>(u"breakCycle"_s);
    QVERIFY(breakIt && breakIt->isEnabled());
    QVERIFY(panel->explanation().contains(u"deadlock"_s));
    const SessionEvent detected = eventsOf(u"deadlock.detected"_s).first();
    QSet<qint64> members;
    QSet<qint64> memberPids;
    for (const QJsonValue &member : detected.fields.value(u"cycle"_s).toArray()) {
        members.insert(member.toObject().value(u"tid"_s).toInteger());
        memberPids.insert(member.toObject().value(u"pid"_s).toInteger());
    }
    QCOMPARE(members.size(), 2); // the experiment's default ring
    // It names what it kills and why.
    const qint64 victim = panel->victim();
    QVERIFY2(memberPids.contains(victim), qPrintable(breakIt->text()));
    QVERIFY2(breakIt->text().startsWith(u"Break it: kill process %1 ("_s.arg(victim)), qPrintable(breakIt->text()));
    QVERIFY(!panel->victimReason().isEmpty());
    QVERIFY(panel->explanation().contains(panel->victimReason()));
    QVERIFY(QFile::exists(u"/proc/%1"_s.arg(victim)));

    QTest::mouseClick(breakIt, Qt::LeftButton);

    // The member's process is killed and reaped, the deadlock is resolved because a member exited, and the graph
    // has no cycle any more.
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(u"/proc/%1"_s.arg(victim)), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!eventsOf(u"deadlock.resolved"_s).isEmpty(), 5000);
    const SessionEvent resolved = eventsOf(u"deadlock.resolved"_s).first();
    QCOMPARE(resolved.fields.value(u"reason"_s).toString(), u"member_exited"_s);
    QVERIFY(!resolved.fields.value(u"exited"_s).toArray().isEmpty());
    for (const QJsonValue &tid : resolved.fields.value(u"exited"_s).toArray())
        QVERIFY(members.contains(tid.toInteger()));
    bool signalled = false;
    for (const SessionEvent &event : eventsOf(u"signal.sent"_s))
        signalled = signalled || event.fields.value(u"pid"_s).toInteger() == victim;
    QVERIFY(signalled);
    QTRY_VERIFY_WITH_TIMEOUT(!showsCycle(panel->graphWidget()->graph()), 5000);
    if (hosts == u"processes"_s) {
        // Each member its own process, the locks in shared memory and not robust: the killed process still owns
        // its lock, so the survivor waits for a dead owner. No kill can free that lock: "Break it" is not offered,
        // and the panel says why.
        QTRY_VERIFY_WITH_TIMEOUT(!eventsOf(u"lock.owner_dead"_s).isEmpty(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(panel->hasDeadlock() && panel->explanation().contains(u"No kill can free"_s), 5000);
        QVERIFY(!breakIt->isEnabled());
        QCOMPARE(panel->victim(), 0);
        bool ownerDeadShown = false;
        for (const WaitGraphView::Node &node : panel->graphWidget()->graph().nodes)
            ownerDeadShown = ownerDeadShown || node.ownerDead;
        QVERIFY(ownerDeadShown);
        window.stopExperiment();
        return;
    }
    QTRY_VERIFY_WITH_TIMEOUT(!panel->hasDeadlock() && !showsCycle(panel->graphWidget()->graph()), 5000);
    QVERIFY(!breakIt->isEnabled());
    QCOMPARE(eventsOf(u"deadlock.detected"_s).size(), 1);
    // The window was told too (its log and the tab's mark come from these events).
    bool told = false;
    for (const QList<QVariant> &arguments : std::as_const(events)) {
        for (const SessionEvent &event : arguments.first().value<QList<SessionEvent>>())
            told = told || event.kind == u"deadlock.resolved"_s;
    }
    QVERIFY(told);

    window.stopExperiment();
    QVERIFY(!window.session()->isRunning());
}

// kill-holding-lock: the holder is killed holding L1; its waiters wait for a dead owner, and no kill can free the
// lock, so "Break it" is not offered; the panel says why, and the graph keeps the dead owner's node.
void tst_WaitGraphBreak::noBreakItForADeadOwner()
{
    LanguageSwitcher languages;
    languages.apply(u"en"_s);
    MainWindow window(&languages);
    window.show();
    QVERIFY(window.findChild<ExperimentPanel *>()->selectExperiment(u"kill-holding-lock"_s));
    auto *panel = window.findChild<WaitGraphPanel *>();
    auto *tabs = window.findChild<QTabWidget *>(u"bottomTabs"_s);
    tabs->setCurrentWidget(panel);
    if (auto *dock = window.findChild<QDockWidget *>(u"bottomDock"_s))
        dock->show();
    window.startExperiment();
    auto *breakIt = panel->findChild<QPushButton *>(u"breakCycle"_s);
    QTRY_VERIFY_WITH_TIMEOUT(panel->hasDeadlock() && panel->explanation().contains(u"No kill can free L1"_s), 15000);
    QVERIFY(!breakIt->isEnabled());
    QCOMPARE(panel->victim(), 0);
    bool deadOwner = false;
    for (const WaitGraphView::Node &node : panel->graphWidget()->graph().nodes)
        deadOwner = deadOwner || (node.dead && node.label.contains(u"(dead) held L1"_s));
    QVERIFY(deadOwner);
    window.stopExperiment();
}

QTEST_MAIN(tst_WaitGraphBreak)
#include "tst_waitgraphbreak.moc"
