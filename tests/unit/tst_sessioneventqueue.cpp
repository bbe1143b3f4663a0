// SessionEventQueue: many producers, one consumer; nothing lost or reordered per producer; a full queue drops.
#include "session/SessionEventQueue.h"

#include <QTest>
#include <thread>

using namespace Qt::Literals::StringLiterals;

class tst_SessionEventQueue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void closedUntilOpened();
    void fullQueueDropsAndCounts();
    void manyProducersKeepTheirOrder();
};

void tst_SessionEventQueue::closedUntilOpened()
{
    SessionEventQueue queue;
    QVERIFY(queue.isClosed());
    QVERIFY(!queue.push(SessionEvent{0, u"a"_s, {}}));
    QCOMPARE(queue.dropped(), 1u);
    queue.open(10);
    QVERIFY(queue.push(SessionEvent{0, u"a"_s, {}}));
    std::vector<SessionEvent> out;
    queue.takeAll(&out, std::chrono::milliseconds(0));
    QCOMPARE(out.size(), 1u);
}

void tst_SessionEventQueue::fullQueueDropsAndCounts()
{
    SessionEventQueue queue;
    queue.open(3);
    for (int i = 0; i < 5; ++i)
        queue.push(SessionEvent{double(i), u"x"_s, {}});
    QCOMPARE(queue.dropped(), 2u);
    std::vector<SessionEvent> out;
    queue.takeAll(&out, std::chrono::milliseconds(0));
    QCOMPARE(out.size(), 3u);
    QCOMPARE(out.back().t, 2.0);
    out.clear();
    // Room again after the consumer took them.
    QVERIFY(queue.push(SessionEvent{9, u"x"_s, {}}));
}

void tst_SessionEventQueue::manyProducersKeepTheirOrder()
{
    SessionEventQueue queue;
    queue.open(1 << 20);
    constexpr int producers = 4;
    constexpr int each = 50000;
    std::vector<std::thread> threads;
    for (int p = 0; p < producers; ++p) {
        threads.emplace_back([&queue, p] {
            for (int i = 0; i < each; ++i)
                queue.push(SessionEvent{double(i), u"x"_s, QJsonObject{{u"p"_s, p}}});
        });
    }
    std::vector<int> next(producers, 0);
    std::vector<SessionEvent> out;
    int taken = 0;
    bool ordered = true;
    while (taken < producers * each) {
        queue.takeAll(&out, std::chrono::milliseconds(50));
        for (const SessionEvent &e : out) {
            const int p = e.fields.value(u"p"_s).toInt();
            ordered = ordered && int(e.t) == next[p];
            ++next[p];
        }
        taken += int(out.size());
        out.clear();
    }
    for (std::thread &t : threads)
        t.join();
    QVERIFY(ordered);
    QCOMPARE(queue.dropped(), 0u);
    queue.close();
    QVERIFY(!queue.push(SessionEvent{0, u"late"_s, {}}));
}

QTEST_APPLESS_MAIN(tst_SessionEventQueue)
#include "tst_sessioneventqueue.moc"
