// ThreadState: stable session-file names, round trip, and raw values from shared memory.
#include "ipc/ThreadState.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_ThreadState : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void names_data();
    void names();
    void unknownName();
    void rawValues();
};

void tst_ThreadState::names_data()
{
    QTest::addColumn<ThreadState>("state");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("waiting");
    QTest::newRow("idle") << ThreadState::Idle << u"idle"_s << false;
    QTest::newRow("working") << ThreadState::Working << u"working"_s << false;
    QTest::newRow("queue full") << ThreadState::WaitQueueFull << u"wait_queue_full"_s << true;
    QTest::newRow("queue empty") << ThreadState::WaitQueueEmpty << u"wait_queue_empty"_s << true;
    QTest::newRow("lock") << ThreadState::WaitLock << u"wait_lock"_s << true;
    QTest::newRow("child") << ThreadState::WaitChild << u"wait_child"_s << true;
    QTest::newRow("pipe write") << ThreadState::WaitPipeWrite << u"wait_pipe_write"_s << true;
    QTest::newRow("pipe read") << ThreadState::WaitPipeRead << u"wait_pipe_read"_s << true;
    QTest::newRow("sleeping") << ThreadState::Sleeping << u"sleeping"_s << false;
    QTest::newRow("exited") << ThreadState::Exited << u"exited"_s << false;
    QTest::newRow("queue lock") << ThreadState::WaitQueueLock << u"wait_queue_lock"_s << true;
}

void tst_ThreadState::names()
{
    QFETCH(ThreadState, state);
    QFETCH(QString, name);
    QFETCH(bool, waiting);
    QCOMPARE(threadStateName(state), name);
    ThreadState parsed = ThreadState::Exited;
    QVERIFY(threadStateFromName(name, &parsed));
    QCOMPARE(parsed, state);
    QCOMPARE(isWaitState(state), waiting);
    QCOMPARE(threadStateFromRaw(std::uint32_t(state)), state);
}

void tst_ThreadState::unknownName()
{
    ThreadState parsed = ThreadState::Working;
    QVERIFY(!threadStateFromName(u"blocked"_s, &parsed));
    QVERIFY(!threadStateFromName(u"Working"_s, &parsed)); // names are lower case, exactly
    QCOMPARE(parsed, ThreadState::Working);
}

void tst_ThreadState::rawValues()
{
    // A value written by a newer build is not trusted.
    QCOMPARE(threadStateFromRaw(11), ThreadState::Idle);
    QCOMPARE(threadStateFromRaw(0xffffffffu), ThreadState::Idle);
}

QTEST_APPLESS_MAIN(tst_ThreadState)
#include "tst_threadstate.moc"
