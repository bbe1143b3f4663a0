#include "analysis/LockOrderGraph.h"

#include <QMutex>
#include <QTest>
#include <mutex>
#include <thread>

using namespace Qt::Literals::StringLiterals;

namespace {

// One acquisition: thread `tid` took `lock` while holding `held`.
struct Acquisition
{
    qint64 tid;
    QList<qint64> held;
    qint64 lock;
};

} // namespace

class tst_LockOrderGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inversions_data();
    void inversions();
    void heldListGivesEveryPair();
    void realThreadsTakingOppositeOrdersNeverHang();
};

void tst_LockOrderGraph::inversions_data()
{
    QTest::addColumn<QList<Acquisition>>("acquisitions");
    QTest::addColumn<QList<QList<qint64>>>("cycles"); // lock ids of each expected inversion, in order

    QTest::newRow("A then B, B then A") << QList<Acquisition>{{1, {1}, 2}, {2, {2}, 1}} << QList<QList<qint64>>{{1, 2}};
    QTest::newRow("always in one order") << QList<Acquisition>{{1, {1}, 2}, {2, {1}, 2}, {3, {1, 2}, 3}, {3, {1}, 3}}
                                         << QList<QList<qint64>>{};
    QTest::newRow("ring of three locks") << QList<Acquisition>{{1, {1}, 2}, {2, {2}, 3}, {3, {3}, 1}}
                                         << QList<QList<qint64>>{{1, 2, 3}};
    QTest::newRow("reported once however often seen")
        << QList<Acquisition>{{1, {1}, 2}, {2, {2}, 1}, {1, {1}, 2}, {2, {2}, 1}, {3, {2}, 1}}
        << QList<QList<qint64>>{{1, 2}};
    QTest::newRow("one thread in both orders")
        << QList<Acquisition>{{1, {5}, 9}, {1, {9}, 5}} << QList<QList<qint64>>{{5, 9}};
    QTest::newRow("a recursive lock is no order") << QList<Acquisition>{{1, {1}, 1}} << QList<QList<qint64>>{};
    QTest::newRow("two independent pairs") << QList<Acquisition>{{1, {1}, 2}, {2, {3}, 4}, {3, {4}, 3}, {4, {2}, 1}}
                                           << QList<QList<qint64>>{{3, 4}, {1, 2}};
}

void tst_LockOrderGraph::inversions()
{
    QFETCH(QList<Acquisition>, acquisitions);
    QFETCH(QList<QList<qint64>>, cycles);
    LockOrderGraph graph;
    QList<LockOrderInversion> found;
    double t = 0;
    for (const Acquisition &acquisition : acquisitions) {
        graph.noteAcquisition({7, acquisition.tid, u"t"_s + QString::number(acquisition.tid)}, acquisition.held,
                              acquisition.lock, t += 0.1);
        found += graph.takeInversions();
    }
    QCOMPARE(found.size(), cycles.size());
    for (qsizetype i = 0; i < cycles.size(); ++i) {
        const LockOrderInversion &inversion = found[i];
        QCOMPARE(inversion.orders.size(), cycles[i].size());
        for (qsizetype j = 0; j < cycles[i].size(); ++j) {
            QCOMPARE(inversion.orders[j].from, cycles[i][j]);
            QCOMPARE(inversion.orders[j].to, cycles[i][(j + 1) % cycles[i].size()]);
            QVERIFY(!inversion.orders[j].seenBy.isEmpty());
        }
    }
}

void tst_LockOrderGraph::heldListGivesEveryPair()
{
    LockOrderGraph graph;
    graph.noteHeld({1, 1, {}}, {1, 2, 3}, 0);
    QCOMPARE(graph.orderCount(), 3);
    QVERIFY(graph.hasOrder(1, 2));
    QVERIFY(graph.hasOrder(1, 3));
    QVERIFY(graph.hasOrder(2, 3));
    QVERIFY(graph.takeInversions().isEmpty());
    graph.noteHeld({1, 2, {}}, {3, 1}, 1);
    const QList<LockOrderInversion> inversions = graph.takeInversions();
    QCOMPARE(inversions.size(), 1);
    QCOMPARE(inversions.first().orders.size(), 2); // the shortest cycle: 1→3, 3→1
    QCOMPARE(inversions.first().orders[0].from, 1);
    QCOMPARE(inversions.first().orders[0].to, 3);
    QCOMPARE(inversions.first().orders[1].seenBy.first().tid, 2);
}

void tst_LockOrderGraph::realThreadsTakingOppositeOrdersNeverHang()
{
    // Two real threads take two real mutexes in opposite orders, one after the other: nothing can hang, and yet
    // the graph sees the inversion that would deadlock them if they ran at the same time.
    std::mutex a, b;
    QMutex graphGuard;
    LockOrderGraph graph;
    const auto take = [&](qint64 tid, std::mutex &first, qint64 firstId, std::mutex &second, qint64 secondId) {
        std::scoped_lock firstLock(first);
        {
            QMutexLocker guard(&graphGuard);
            graph.noteAcquisition({1, tid, {}}, {}, firstId, 0);
        }
        std::scoped_lock secondLock(second);
        QMutexLocker guard(&graphGuard);
        graph.noteAcquisition({1, tid, {}}, {firstId}, secondId, 0);
    };
    std::thread(take, 101, std::ref(a), 1, std::ref(b), 2).join();
    QVERIFY(graph.takeInversions().isEmpty());
    std::thread(take, 102, std::ref(b), 2, std::ref(a), 1).join();
    const QList<LockOrderInversion> inversions = graph.takeInversions();
    QCOMPARE(inversions.size(), 1);
    QCOMPARE(inversions.first().orders[0].seenBy.first().tid, 101);
    QCOMPARE(inversions.first().orders[1].seenBy.first().tid, 102);
}

QTEST_APPLESS_MAIN(tst_LockOrderGraph)
#include "tst_lockordergraph.moc"
