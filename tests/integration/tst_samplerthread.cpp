// SamplerThread: snapshots arrive by queued signal on the receiver's thread, at the interval asked for
// (clamped to 50…5000 ms), and stop() ends the thread.
#include "probe/SamplerThread.h"

#include <QSignalSpy>
#include <QTest>

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

class tst_SamplerThread : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void deliversSnapshots();
    void intervalIsClamped_data();
    void intervalIsClamped();
    void changesInterval();
    void stopEndsTheThread();
};

void tst_SamplerThread::deliversSnapshots()
{
    SamplerThread sampler;
    sampler.sampler().setWatchedPids({int(getpid())});
    QThread *receivedOn = nullptr;
    std::shared_ptr<const Snapshot> last;
    QObject receiver; // the lambda's context: queued calls die with it, not with the test object
    connect(&sampler, &SamplerThread::snapshotReady, &receiver, [&](std::shared_ptr<const Snapshot> snapshot) {
        receivedOn = QThread::currentThread();
        last = std::move(snapshot);
    });
    QSignalSpy spy(&sampler, &SamplerThread::snapshotReady);
    sampler.start(50);
    QVERIFY(sampler.isRunning());
    // The spy counts on the sampler thread (direct); the lambda runs here, queued: wait for what it saw.
    QTRY_VERIFY_WITH_TIMEOUT(last && last->sequence >= 5, 5000);
    QCOMPARE(receivedOn, QThread::currentThread()); // queued to this (the "GUI") thread
    bool sawMainThread = false;
    for (const TaskSample &task : last->tasks)
        sawMainThread = sawMainThread || task.tid == int(getpid());
    QVERIFY(sawMainThread);
    // The sampler thread itself is one of our threads, and it is seen.
    QVERIFY(last->tasks.size() >= 2);
    QVERIFY(!last->cpus.isEmpty());
    sampler.stop();
}

void tst_SamplerThread::intervalIsClamped_data()
{
    QTest::addColumn<int>("asked");
    QTest::addColumn<int>("used");
    QTest::newRow("too short") << 1 << 50;
    QTest::newRow("lowest") << 50 << 50;
    QTest::newRow("default") << 100 << 100;
    QTest::newRow("highest") << 5000 << 5000;
    QTest::newRow("too long") << 60000 << 5000;
}

void tst_SamplerThread::intervalIsClamped()
{
    QFETCH(int, asked);
    QTEST(SamplerThread::clampInterval(asked), "used");
    SamplerThread sampler;
    QCOMPARE(sampler.interval(), SamplerThread::DefaultIntervalMs);
    sampler.setInterval(asked);
    QTEST(sampler.interval(), "used");
}

void tst_SamplerThread::changesInterval()
{
    SamplerThread sampler;
    sampler.sampler().setWatchedPids({int(getpid())});
    QSignalSpy spy(&sampler, &SamplerThread::snapshotReady);
    sampler.start(1000);
    QVERIFY(spy.wait(3000)); // the first snapshot comes at once
    spy.clear();
    sampler.setInterval(50);
    QTRY_VERIFY_WITH_TIMEOUT(spy.count() >= 6, 2000); // would take 6 s at the old interval
    const auto last = spy.last().at(0).value<std::shared_ptr<const Snapshot>>();
    QVERIFY(last);
    QVERIFY(last->intervalS > 0.02 && last->intervalS < 0.5);
    sampler.stop();
}

void tst_SamplerThread::stopEndsTheThread()
{
    SamplerThread sampler;
    QSignalSpy spy(&sampler, &SamplerThread::snapshotReady);
    sampler.start(50);
    QVERIFY(spy.wait(3000));
    sampler.stop();
    QVERIFY(!sampler.isRunning());
    QCoreApplication::processEvents(); // deliver what was queued before the stop
    const qsizetype count = spy.count();
    QTest::qWait(300);
    QCOMPARE(spy.count(), count);
    sampler.stop(); // twice is harmless
    // And it can run again.
    sampler.start(50);
    QVERIFY(spy.wait(3000));
}

QTEST_GUILESS_MAIN(tst_SamplerThread)
#include "tst_samplerthread.moc"
