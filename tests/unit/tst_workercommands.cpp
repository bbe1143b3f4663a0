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
};

void tst_WorkerCommands::encode_data()
{
    QTest::addColumn<ControlMessage>("message");
    QTest::addColumn<QByteArray>("wire");
    ThreadLaunch sleeper;
    sleeper.role = u"sleeper"_s;
    ThreadLaunch taker;
    taker.role = u"lock-taker"_s;
    taker.locks = {1, 0};
    taker.stepMs = 150;
    taker.holdMs = -1;
    ThreadLaunch producer;
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

QTEST_APPLESS_MAIN(tst_WorkerCommands)
#include "tst_workercommands.moc"
