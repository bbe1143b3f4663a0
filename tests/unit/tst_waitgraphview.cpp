#include "AnalysisScenarios.h"
#include "analysis/WaitGraphView.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

const WaitGraphView::Edge *findEdge(const WaitGraphView &view, const QString &from, const QString &to)
{
    for (const WaitGraphView::Edge &edge : view.edges) {
        if (edge.from == from && edge.to == to)
            return &edge;
    }
    return nullptr;
}

} // namespace

class tst_WaitGraphView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ringIsMarked();
    void joinDeadlockShowsProcessAndPipe();
    void queueWaitsShowTheirReleasers();
};

void tst_WaitGraphView::ringIsMarked()
{
    WaitTick tick = AnalysisScenarios::lockRing(2, 800, 812, true);
    WaitInput bystander;
    bystander.pid = 800;
    bystander.tid = 820;
    bystander.name = u"idle"_s;
    bystander.locksHeld = {9};
    tick.threads.append(bystander);
    tick.locks.append({9, u"L9"_s, 820, 800, true});
    WaitForGraph graph;
    graph.build(tick);
    const WaitGraphView view = WaitGraphView::build(tick, graph);

    // 3 threads, 3 locks, 1 process.
    QCOMPARE(view.nodes.size(), 7);
    const qsizetype t812 = view.indexOf(u"thread:812"_s);
    QVERIFY(t812 >= 0);
    QCOMPARE(view.nodes[t812].label, u"812 lock-taker-1"_s);
    QVERIFY(view.nodes[t812].deadlocked);
    QCOMPARE(view.nodes[t812].cycle, 0);
    QCOMPARE(view.nodes[view.indexOf(u"lock:2"_s)].cycle, 0);
    QCOMPARE(view.nodes[view.indexOf(u"thread:820"_s)].cycle, -1);
    QVERIFY(!view.nodes[view.indexOf(u"thread:820"_s)].deadlocked);

    const auto expectEdge = [&](const QString &from, const QString &to, WaitGraphView::EdgeKind kind, int cycle) {
        const WaitGraphView::Edge *edge = findEdge(view, from, to);
        QVERIFY2(edge, qPrintable(from + u" → "_s + to));
        QCOMPARE(edge->kind, kind);
        QCOMPARE(edge->cycle, cycle);
    };
    expectEdge(u"thread:812"_s, u"lock:2"_s, WaitGraphView::EdgeKind::WaitsFor, 0);
    expectEdge(u"lock:2"_s, u"thread:813"_s, WaitGraphView::EdgeKind::HeldBy, 0);
    expectEdge(u"thread:813"_s, u"lock:1"_s, WaitGraphView::EdgeKind::WaitsFor, 0);
    expectEdge(u"lock:1"_s, u"thread:812"_s, WaitGraphView::EdgeKind::HeldBy, 0);
    expectEdge(u"lock:9"_s, u"thread:820"_s, WaitGraphView::EdgeKind::HeldBy, -1);
    QCOMPARE(view.edges.size(), 5);
    QCOMPARE(WaitGraphView::edgeKindName(WaitGraphView::EdgeKind::HeldBy), u"held by"_s);
}

void tst_WaitGraphView::joinDeadlockShowsProcessAndPipe()
{
    const WaitTick tick = AnalysisScenarios::joinDeadlock(100, 200);
    WaitForGraph graph;
    graph.build(tick);
    const WaitGraphView view = WaitGraphView::build(tick, graph);
    QCOMPARE(view.nodes[view.indexOf(u"process:200"_s)].kind, WaitGraphView::NodeKind::Process);
    QCOMPARE(view.nodes[view.indexOf(u"process:200"_s)].cycle, 0);
    QCOMPARE(view.nodes[view.indexOf(u"pipe:1"_s)].kind, WaitGraphView::NodeKind::Pipe);
    QCOMPARE(view.nodes[view.indexOf(u"process:100"_s)].cycle, -1);
    QVERIFY(findEdge(view, u"thread:100"_s, u"process:200"_s));
    QCOMPARE(findEdge(view, u"process:200"_s, u"thread:200"_s)->kind, WaitGraphView::EdgeKind::ReleasedBy);
    QCOMPARE(findEdge(view, u"thread:200"_s, u"pipe:1"_s)->cycle, 0);
    QCOMPARE(findEdge(view, u"pipe:1"_s, u"thread:100"_s)->cycle, 0);
}

void tst_WaitGraphView::queueWaitsShowTheirReleasers()
{
    AnalysisScenarios::Contention contention(2, 2, 1);
    WaitTick tick = contention.next(0);
    // Producer 1001 waits on the full queue; consumers 1003 and 1004 are its releasers, one of them works.
    tick.threads[0].waitKind = WaitKind::QueueFull;
    tick.threads[0].waitObject = 1;
    tick.threads[2].waitKind = WaitKind::None;
    WaitForGraph graph;
    graph.build(tick);
    const WaitGraphView view = WaitGraphView::build(tick, graph);
    QCOMPARE(view.nodes[view.indexOf(u"queue:1"_s)].label, u"Q1"_s);
    QCOMPARE(findEdge(view, u"thread:1001"_s, u"queue:1"_s)->kind, WaitGraphView::EdgeKind::WaitsFor);
    QCOMPARE(findEdge(view, u"queue:1"_s, u"thread:1003"_s)->kind, WaitGraphView::EdgeKind::ReleasedBy);
    QVERIFY(findEdge(view, u"queue:1"_s, u"thread:1004"_s));
    QVERIFY(!view.nodes[view.indexOf(u"thread:1001"_s)].deadlocked);
}

QTEST_APPLESS_MAIN(tst_WaitGraphView)
#include "tst_waitgraphview.moc"
