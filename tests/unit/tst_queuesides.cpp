// Which side of a queue a lab thread is on follows its recorded role, never its name: live (WaitTickBuilder, from
// the roles LabController recorded) and in a replay (ReplayWaits, from thread.start). A thread the user named
// "feeder" still puts, and one numbered "producer-3" whose role is consumer takes.
#include "base/EventKind.h"
#include "base/LabRole.h"
#include "experiments/WaitTickBuilder.h"
#include "frame/ReplayWaits.h"
#include "ipc/TelemetryBlock.h"
#include "ipc/ThreadIdentity.h"
#include "ipc/ThreadTelemetry.h"
#include "session/SessionMoment.h"

#include <QScopeGuard>
#include <QTest>

#include <atomic>
#include <thread>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

class tst_QueueSides : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roles();
    void liveFollowsRecordedRoles();
    void replayFollowsRecordedRoles();
};

void tst_QueueSides::roles()
{
    QVERIFY(LabRole::putsInto(LabRole::Producer, 0));
    QVERIFY(!LabRole::takesFrom(LabRole::Producer, 0));
    QVERIFY(LabRole::takesFrom(LabRole::Consumer, 0) && LabRole::takesFrom(LabRole::Poller, 0));
    QVERIFY(LabRole::putsInto(LabRole::Pool, 0) && LabRole::takesFrom(LabRole::Pool, 1));
    QVERIFY(LabRole::takesFrom(LabRole::PoolWorker, 0) && LabRole::putsInto(LabRole::PoolWorker, 1));
    QVERIFY(LabRole::takesFrom(LabRole::Joiner, 0) && LabRole::putsInto(LabRole::JoinerChild, 0));
    // A name is no role.
    QVERIFY(!LabRole::putsInto(u"producer-3"_s, 0));
    QVERIFY(!LabRole::takesFrom(u"consumer-1"_s, 0));
    QVERIFY(LabRole::isThreadRole(LabRole::LockTaker) && !LabRole::isThreadRole(LabRole::Host));
}

void tst_QueueSides::liveFollowsRecordedRoles()
{
    TelemetryBlockSpec spec;
    spec.slotCount = 4;
    spec.queues = {SharedQueueSpec{4, 64, false}};
    TelemetryBlock block = TelemetryBlock::create(spec);
    QVERIFY2(block.isValid(), qPrintable(block.errorString()));

    // Two real threads of this process claim slots under names that say the opposite of their roles.
    std::atomic<bool> done = false;
    std::atomic<pid_t> tids[2] = {0, 0};
    const auto member = [&](int index, const QString &name, ThreadState state) {
        ThreadTelemetry telemetry = block.claimSlot(name);
        telemetry.setState(state, 0);
        tids[index] = ThreadIdentity::currentTid();
        while (!done)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
    };
    std::thread feeder(member, 0, u"feeder"_s, ThreadState::WaitQueueFull);
    std::thread taker(member, 1, u"producer-3"_s, ThreadState::WaitQueueEmpty);
    auto joinBoth = qScopeGuard([&] {
        done = true;
        feeder.join();
        taker.join();
    });
    QTRY_VERIFY(tids[0] != 0 && tids[1] != 0);

    LabProcessInfo process;
    process.pid = ::getpid();
    process.threads = {LabThreadInfo{tids[0], LabRole::Producer, u"feeder"_s},
                       LabThreadInfo{tids[1], LabRole::Consumer, u"producer-3"_s}};
    const QSet<qint64> live{tids[0].load(), tids[1].load()};
    const WaitTick tick = WaitTickBuilder::build(0.1, block.snapshot(), {process}, live);
    QCOMPARE(tick.queues.size(), 1);
    QCOMPARE(tick.queues[0].producerTids, QList<qint64>{tids[0].load()});
    QCOMPARE(tick.queues[0].consumerTids, QList<qint64>{tids[1].load()});

    // Without what the controller recorded, the names decide nothing.
    const WaitTick unknown = WaitTickBuilder::build(0.2, block.snapshot(), {}, live);
    QVERIFY(unknown.queues[0].producerTids.isEmpty());
    QVERIFY(unknown.queues[0].consumerTids.isEmpty());
}

void tst_QueueSides::replayFollowsRecordedRoles()
{
    SessionMoment moment;
    moment.apply({0.0, EventKind::ProcessSpawn,
                  {{u"pid"_s, 50}, {u"ppid"_s, 1}, {u"role"_s, LabRole::Host}, {u"name"_s, u"host-1"_s}}});
    moment.apply({0.1, EventKind::ThreadStart,
                  {{u"pid"_s, 50}, {u"tid"_s, 51}, {u"role"_s, LabRole::Producer}, {u"name"_s, u"feeder"_s}}});
    moment.apply({0.1, EventKind::ThreadStart,
                  {{u"pid"_s, 50}, {u"tid"_s, 52}, {u"role"_s, LabRole::Consumer}, {u"name"_s, u"producer-3"_s}}});
    for (const auto &[tid, wait] : {std::pair{51, u"queue_full"_s}, std::pair{52, u"queue_empty"_s}}) {
        const QJsonObject sample{{u"pid"_s, 50}, {u"tid"_s, tid}, {u"state"_s, u"blocked"_s}, {u"wait"_s, wait},
                                 {u"wait_on"_s, 0}};
        moment.apply({0.5, EventKind::TaskSample, sample});
    }
    const WaitTick tick = ReplayWaits::build(moment);
    QCOMPARE(tick.queues.size(), 1);
    QCOMPARE(tick.queues[0].producerTids, QList<qint64>{51});
    QCOMPARE(tick.queues[0].consumerTids, QList<qint64>{52});
}

QTEST_APPLESS_MAIN(tst_QueueSides)
#include "tst_queuesides.moc"
