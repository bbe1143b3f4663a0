// BlockedReason: system call numbers and wchan symbols to plain words; descriptors told apart by what they are.
#include "probe/BlockedReason.h"

#include <QTest>

#include <sys/syscall.h>

using namespace Qt::Literals::StringLiterals;

namespace {
SyscallState inCall(long number, quint64 fd = 3)
{
    SyscallState state;
    state.kind = SyscallState::Kind::InSyscall;
    state.number = number;
    state.args[0] = fd;
    return state;
}
} // namespace

class tst_BlockedReason : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void syscall_data();
    void syscall();
    void nothingToSay();
    void wchan_data();
    void wchan();
    void letters_data();
    void letters();
};

void tst_BlockedReason::syscall_data()
{
    QTest::addColumn<int>("number");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QString>("words");
    QTest::newRow("futex") << int(SYS_futex) << QByteArray() << u"waiting on a lock or condition (futex)"_s;
    QTest::newRow("read pipe") << int(SYS_read) << QByteArray("pipe:[4242]") << u"reading a pipe"_s;
    QTest::newRow("read socket") << int(SYS_read) << QByteArray("socket:[7]") << u"reading a socket"_s;
    QTest::newRow("read terminal") << int(SYS_read) << QByteArray("/dev/pts/3") << u"reading the terminal"_s;
    QTest::newRow("read file") << int(SYS_read) << QByteArray("/tmp/x") << u"reading a file (fd 3)"_s;
    QTest::newRow("read unknown fd") << int(SYS_readv) << QByteArray() << u"reading a file (fd 3)"_s;
    QTest::newRow("write pipe") << int(SYS_write) << QByteArray("pipe:[1]") << u"writing a pipe (it is full)"_s;
    QTest::newRow("wait4") << int(SYS_wait4) << QByteArray() << u"waiting for a child"_s;
    QTest::newRow("waitid") << int(SYS_waitid) << QByteArray() << u"waiting for a child"_s;
    QTest::newRow("clock_nanosleep") << int(SYS_clock_nanosleep) << QByteArray() << u"sleeping"_s;
    QTest::newRow("nanosleep") << int(SYS_nanosleep) << QByteArray() << u"sleeping"_s;
    QTest::newRow("ppoll") << int(SYS_ppoll) << QByteArray() << u"waiting for input or output (poll)"_s;
    QTest::newRow("pselect6") << int(SYS_pselect6) << QByteArray() << u"waiting for input or output (poll)"_s;
    QTest::newRow("rt_sigsuspend") << int(SYS_rt_sigsuspend) << QByteArray() << u"waiting for a signal"_s;
    QTest::newRow("accept4") << int(SYS_accept4) << QByteArray() << u"waiting for a connection"_s;
    QTest::newRow("unknown") << 4000 << QByteArray() << u"in system call 4000"_s;
}

void tst_BlockedReason::syscall()
{
    QFETCH(int, number);
    QFETCH(QByteArray, target);
    QTEST(BlockedReason::ofSyscall(inCall(number), target), "words");
}

void tst_BlockedReason::nothingToSay()
{
    SyscallState running;
    running.kind = SyscallState::Kind::Running;
    QVERIFY(BlockedReason::ofSyscall(running).isEmpty());
    SyscallState outside;
    outside.kind = SyscallState::Kind::OutsideSyscall;
    QVERIFY(BlockedReason::ofSyscall(outside).isEmpty());
    QVERIFY(BlockedReason::ofWchan({}).isEmpty());
    QVERIFY(BlockedReason::descriptorArgument(SYS_read));
    QVERIFY(BlockedReason::descriptorArgument(SYS_write));
    QVERIFY(!BlockedReason::descriptorArgument(SYS_futex));
}

void tst_BlockedReason::wchan_data()
{
    QTest::addColumn<QByteArray>("symbol");
    QTest::addColumn<QString>("words");
    // The same waits under the names of different kernels.
    QTest::newRow("futex 6.x") << QByteArray("futex_do_wait") << u"waiting on a lock or condition (futex)"_s;
    QTest::newRow("futex 5.x") << QByteArray("futex_wait_queue_me") << u"waiting on a lock or condition (futex)"_s;
    QTest::newRow("pipe 6.x") << QByteArray("anon_pipe_read") << u"reading a pipe"_s;
    QTest::newRow("pipe 5.x") << QByteArray("pipe_read") << u"reading a pipe"_s;
    QTest::newRow("pipe 4.x") << QByteArray("pipe_wait") << u"waiting on a pipe"_s;
    QTest::newRow("pipe write") << QByteArray("pipe_write") << u"writing a pipe (it is full)"_s;
    QTest::newRow("child") << QByteArray("do_wait") << u"waiting for a child"_s;
    QTest::newRow("sleep") << QByteArray("hrtimer_nanosleep") << u"sleeping"_s;
    QTest::newRow("poll, compiler suffix") << QByteArray("poll_schedule_timeout.constprop.0")
                                           << u"waiting for input or output (poll)"_s;
    QTest::newRow("epoll") << QByteArray("ep_poll") << u"waiting for input or output (poll)"_s;
    QTest::newRow("stop") << QByteArray("do_signal_stop") << u"stopped by a signal"_s;
    QTest::newRow("unknown") << QByteArray("frobnicate_wait") << u"in the kernel function frobnicate_wait"_s;
}

void tst_BlockedReason::wchan()
{
    QFETCH(QByteArray, symbol);
    QTEST(BlockedReason::ofWchan(symbol), "words");
}

void tst_BlockedReason::letters_data()
{
    QTest::addColumn<char>("letter");
    QTest::addColumn<bool>("hasWords");
    QTest::newRow("T") << 'T' << true;
    QTest::newRow("t") << 't' << true;
    QTest::newRow("Z") << 'Z' << true;
    QTest::newRow("D") << 'D' << true;
    QTest::newRow("S") << 'S' << false;
    QTest::newRow("R") << 'R' << false;
}

void tst_BlockedReason::letters()
{
    QFETCH(char, letter);
    QTEST(!BlockedReason::ofLetter(letter).isEmpty(), "hasWords");
}

QTEST_APPLESS_MAIN(tst_BlockedReason)
#include "tst_blockedreason.moc"
