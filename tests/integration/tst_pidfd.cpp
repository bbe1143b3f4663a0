// PidFd with real children: exit statuses, kept zombies, and a signal through the pidfd of a reaped child.
#include "control/ChildScanner.h"
#include "control/PidFd.h"
#include "control/ProcessSpawner.h"

#include <QTest>

#include <csignal>
#include <poll.h>

using namespace Qt::Literals::StringLiterals;

class tst_PidFd : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup();
    void reportsExit_data();
    void reportsExit();
    void signalAfterReapIsEsrch();
    void peekLeavesZombie();
    void spawnFailureLeavesNothing();

private:
    static SpawnResult spawnShell(const QString &script);
    static bool waitReadable(const PidFd &pidfd, int timeoutMs);
};

SpawnResult tst_PidFd::spawnShell(const QString &script)
{
    SpawnRequest request;
    request.program = u"/bin/sh"_s;
    request.arguments = {u"-c"_s, script};
    return ProcessSpawner::spawn(request);
}

bool tst_PidFd::waitReadable(const PidFd &pidfd, int timeoutMs)
{
    pollfd fd{pidfd.fd(), POLLIN, 0};
    return ::poll(&fd, 1, timeoutMs) == 1;
}

void tst_PidFd::cleanup()
{
    QVERIFY(ChildScanner::children().isEmpty());
}

void tst_PidFd::reportsExit_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<bool>("signalled");
    QTest::addColumn<int>("value");
    QTest::newRow("exit 0") << u"exit 0"_s << false << 0;
    QTest::newRow("exit 42") << u"exit 42"_s << false << 42;
    QTest::newRow("killed") << u"kill -KILL $$"_s << true << int(SIGKILL);
    QTest::newRow("terminated") << u"kill -TERM $$"_s << true << int(SIGTERM);
}

void tst_PidFd::reportsExit()
{
    QFETCH(QString, script);
    QFETCH(bool, signalled);
    QFETCH(int, value);
    const SpawnResult child = spawnShell(script);
    QVERIFY(child.ok());
    QVERIFY(waitReadable(child.pidfd, 5000));
    const std::optional<ProcessExit> exit = child.pidfd.reap();
    QVERIFY(exit);
    QCOMPARE(exit->signalled, signalled);
    QCOMPARE(signalled ? exit->signal : exit->code, value);
    int error = 0;
    QVERIFY(!child.pidfd.reap(&error));
    QCOMPARE(error, ECHILD);
}

void tst_PidFd::signalAfterReapIsEsrch()
{
    const SpawnResult child = spawnShell(u"exec sleep 30"_s);
    QVERIFY(child.ok());
    QCOMPARE(child.pidfd.sendSignal(0), 0);
    QCOMPARE(child.pidfd.sendSignal(SIGKILL), 0);
    ProcessExit exit;
    QVERIFY(child.pidfd.reapBlocking(&exit));
    QVERIFY(exit.signalled);
    // Reaped: the pidfd names a process that no longer exists, whatever now holds its PID.
    QCOMPARE(child.pidfd.sendSignal(SIGTERM), ESRCH);
    QCOMPARE(child.pidfd.sendSignal(0), ESRCH);
}

void tst_PidFd::peekLeavesZombie()
{
    const SpawnResult child = spawnShell(u"exit 3"_s);
    QVERIFY(child.ok());
    QVERIFY(waitReadable(child.pidfd, 5000));
    const std::optional<ProcessExit> peeked = child.pidfd.peekExit();
    QVERIFY(peeked);
    QCOMPARE(peeked->code, 3);
    QCOMPARE(ChildScanner::readStat(child.pid)->state, 'Z');
    QVERIFY(ChildScanner::children().contains(child.pid));
    const std::optional<ProcessExit> reaped = child.pidfd.reap();
    QVERIFY(reaped);
    QCOMPARE(reaped->code, 3);
    QVERIFY(!ChildScanner::readStat(child.pid));
}

void tst_PidFd::spawnFailureLeavesNothing()
{
    SpawnRequest request;
    request.program = u"/nonexistent/program"_s;
    const SpawnResult result = ProcessSpawner::spawn(request);
    QVERIFY(!result.ok());
    QCOMPARE(result.error, ENOENT);
    QVERIFY(!result.pidfd.isValid());
}

QTEST_GUILESS_MAIN(tst_PidFd)
#include "tst_pidfd.moc"
