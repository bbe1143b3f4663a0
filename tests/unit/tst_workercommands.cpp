// The requests LabController sends: exactly the wire text the worker parses (control/ControlMessage.h).
#include "control/WorkerCommands.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_WorkerCommands : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void encode_data();
    void encode();
    void threadRoundTrip();
    void badThreadParameter_data();
    void badThreadParameter();
    void workerOptions();
};

void tst_WorkerCommands::encode_data()
{
    QTest::addColumn<ControlMessage>("message");
    QTest::addColumn<QByteArray>("wire");
    ThreadSpec sleeper;
    sleeper.role = u"sleeper"_s;
    ThreadSpec taker;
    taker.role = u"lock-taker"_s;
    taker.locks = {1, 0};
    taker.stepMs = 150;
    taker.holdMs = -1;
    ThreadSpec producer;
    producer.role = u"producer"_s;
    producer.rate = 2.5;
    producer.queue = 1;
    QTest::newRow("add sleeper") << WorkerCommands::addThread(sleeper)
                                 << QByteArray("add 0 role=sleeper rate=0 step=100 hold=200 rounds=0");
    QTest::newRow("add lock-taker") << WorkerCommands::addThread(taker)
                                    << QByteArray("add 0 role=lock-taker rate=0 locks=1,0 step=150 hold=-1 rounds=0");
    QTest::newRow("add producer") << WorkerCommands::addThread(producer)
                                  << QByteArray("add 0 role=producer rate=2.5 queue=1 step=100 hold=200 rounds=0");
    QTest::newRow("stop") << WorkerCommands::stopThread(812) << QByteArray("stop 0 tid=812");
    QTest::newRow("rate all") << WorkerCommands::setRate(100, 0) << QByteArray("rate 0 value=100");
    QTest::newRow("rate one") << WorkerCommands::setRate(0.5, 9) << QByteArray("rate 0 value=0.5 tid=9");
    QTest::newRow("take") << WorkerCommands::takeLocks(9, {2, 3}) << QByteArray("take 0 tid=9 locks=2,3");
    QTest::newRow("release") << WorkerCommands::releaseLocks(9) << QByteArray("release 0 tid=9");
    QTest::newRow("fork") << WorkerCommands::forkChild(u"sleeper"_s, QString())
                          << QByteArray("fork 0 kind=sleeper role=sleeper");
    QTest::newRow("fork worker") << WorkerCommands::forkChild(u"worker"_s, u"cpu"_s)
                                 << QByteArray("fork 0 kind=worker role=cpu");
    QTest::newRow("exit") << WorkerCommands::exitProcess(3) << QByteArray("exit 0 code=3");
}

void tst_WorkerCommands::encode()
{
    QFETCH(ControlMessage, message);
    QFETCH(QByteArray, wire);
    QCOMPARE(message.encode(), wire);
    QVERIFY(ControlMessage::decode(wire));
}

// What the worker reads from an "add" is the thread the supervisor wrote: every field survives the wire.
void tst_WorkerCommands::threadRoundTrip()
{
    ThreadSpec thread;
    thread.role = u"lock-taker"_s;
    thread.name = u"taker-3"_s;
    thread.rate = 12.5;
    thread.queue = 2;
    thread.locks = {2, 0, 1};
    thread.stepMs = 0;
    thread.holdMs = -1;
    thread.rounds = 7;
    thread.busy = true;
    thread.useProcesses = true;
    thread.drainFirst = true;
    thread.mode = u"apply_async"_s;
    thread.party = 3;
    thread.gil = 1;
    thread.initialValue = -42;
    thread.stepNumber = 4;
    const std::optional<ControlMessage> wire = ControlMessage::decode(WorkerCommands::addThread(thread).encode());
    QVERIFY(wire);
    const std::optional<ThreadSpec> read = ThreadSpec::fromAdd(*wire);
    QVERIFY(read);
    QCOMPARE(read->locks, thread.locks);
    QCOMPARE(read->initialValue, thread.initialValue);
    QVERIFY(*read == thread);
    // Defaults stay defaults: a bare add is a thread with nothing set.
    ThreadSpec plain;
    plain.role = u"sleeper"_s;
    QVERIFY(ThreadSpec::fromAdd(plain.toAdd()) == plain);
}

void tst_WorkerCommands::badThreadParameter_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("rate") << QByteArray("add 1 role=cpu rate=fast");
    QTest::newRow("negative rate") << QByteArray("add 1 role=cpu rate=-1");
    QTest::newRow("locks") << QByteArray("add 1 role=lock-taker locks=1,x");
    QTest::newRow("step") << QByteArray("add 1 role=lock-taker step=1.5");
    QTest::newRow("hold") << QByteArray("add 1 role=lock-taker hold=long");
    QTest::newRow("rounds") << QByteArray("add 1 role=lock-taker rounds=x");
    QTest::newRow("queue") << QByteArray("add 1 role=producer queue=q");
}

void tst_WorkerCommands::badThreadParameter()
{
    QFETCH(QByteArray, wire);
    const std::optional<ControlMessage> message = ControlMessage::decode(wire);
    QVERIFY(message);
    QVERIFY(!ThreadSpec::fromAdd(*message));
}

// The options that start a worker's own thread: only what differs from the defaults, in the worker's words.
void tst_WorkerCommands::workerOptions()
{
    QCOMPARE(ThreadSpec().workerOptions(), QStringList());
    ThreadSpec thread;
    thread.rate = 2.5;
    thread.busy = true;
    thread.locks = {2, 0};
    thread.stepMs = 0;
    thread.holdMs = -1;
    thread.rounds = 3;
    QCOMPARE(thread.workerOptions(), (QStringList{u"--rate"_s, u"2.5"_s, u"--busy"_s, u"--locks"_s, u"2,0"_s, u"--step"_s,
                                                  u"0"_s, u"--hold"_s, u"-1"_s, u"--rounds"_s, u"3"_s}));
}

QTEST_APPLESS_MAIN(tst_WorkerCommands)
#include "tst_workercommands.moc"
