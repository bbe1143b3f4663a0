#include "BlockedReason.h"

#include <sys/syscall.h>

using namespace Qt::Literals::StringLiterals;

namespace {
enum class Fd { Pipe, Socket, Terminal, Other };

Fd kindOf(QByteArrayView target)
{
    if (target.startsWith("pipe:"))
        return Fd::Pipe;
    if (target.startsWith("socket:"))
        return Fd::Socket;
    if (target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target == "/dev/console")
        return Fd::Terminal;
    return Fd::Other;
}

bool isOneOf(long number, std::initializer_list<long> numbers)
{
    for (long n : numbers) {
        if (n == number)
            return true;
    }
    return false;
}

// Syscall numbers differ per architecture; only the <sys/syscall.h> names are portable, and some calls exist
// only on some architectures (poll, select, pause are absent on arm64).
const std::initializer_list<long> readCalls = {SYS_read, SYS_readv, SYS_pread64, SYS_preadv};
const std::initializer_list<long> writeCalls = {SYS_write, SYS_writev, SYS_pwrite64, SYS_pwritev};
} // namespace

bool BlockedReason::descriptorArgument(long number)
{
    return isOneOf(number, readCalls) || isOneOf(number, writeCalls);
}

QString BlockedReason::ofSyscall(const SyscallState &state, QByteArrayView fdTarget)
{
    if (state.kind != SyscallState::Kind::InSyscall)
        return {};
    const long n = state.number;
    if (isOneOf(n, readCalls)) {
        switch (kindOf(fdTarget)) {
        case Fd::Pipe: return tr("reading a pipe");
        case Fd::Socket: return tr("reading a socket");
        case Fd::Terminal: return tr("reading the terminal");
        case Fd::Other: return tr("reading a file (fd %1)").arg(state.args[0]);
        }
    }
    if (isOneOf(n, writeCalls)) {
        switch (kindOf(fdTarget)) {
        case Fd::Pipe: return tr("writing a pipe (it is full)");
        case Fd::Socket: return tr("writing a socket");
        case Fd::Terminal: return tr("writing the terminal");
        case Fd::Other: return tr("writing a file (fd %1)").arg(state.args[0]);
        }
    }
    if (n == SYS_futex)
        return tr("waiting on a lock or condition (futex)");
#ifdef SYS_futex_waitv
    if (n == SYS_futex_waitv)
        return tr("waiting on a lock or condition (futex)");
#endif
    if (isOneOf(n, {SYS_wait4, SYS_waitid}))
        return tr("waiting for a child");
    if (isOneOf(n, {SYS_nanosleep, SYS_clock_nanosleep}))
        return tr("sleeping");
    if (isOneOf(n, {SYS_ppoll, SYS_pselect6, SYS_epoll_pwait}))
        return tr("waiting for input or output (poll)");
#ifdef SYS_poll
    if (isOneOf(n, {SYS_poll, SYS_select, SYS_epoll_wait}))
        return tr("waiting for input or output (poll)");
#endif
#ifdef SYS_epoll_pwait2
    if (n == SYS_epoll_pwait2)
        return tr("waiting for input or output (poll)");
#endif
    if (isOneOf(n, {SYS_rt_sigsuspend, SYS_rt_sigtimedwait}))
        return tr("waiting for a signal");
#ifdef SYS_pause
    if (n == SYS_pause)
        return tr("waiting for a signal");
#endif
    if (isOneOf(n, {SYS_accept, SYS_accept4}))
        return tr("waiting for a connection");
    if (isOneOf(n, {SYS_recvfrom, SYS_recvmsg, SYS_recvmmsg}))
        return tr("reading a socket");
    if (isOneOf(n, {SYS_sendto, SYS_sendmsg, SYS_sendmmsg}))
        return tr("writing a socket");
    if (n == SYS_connect)
        return tr("connecting a socket");
    if (isOneOf(n, {SYS_semop, SYS_semtimedop}))
        return tr("waiting on a semaphore");
    if (isOneOf(n, {SYS_msgrcv, SYS_mq_timedreceive}))
        return tr("waiting for a message");
    if (isOneOf(n, {SYS_msgsnd, SYS_mq_timedsend}))
        return tr("sending a message (the queue is full)");
    if (isOneOf(n, {SYS_flock, SYS_fcntl}))
        return tr("waiting for a file lock");
    if (isOneOf(n, {SYS_io_getevents, SYS_io_uring_enter}))
        return tr("waiting for asynchronous input or output");
    if (n == SYS_openat)
        return tr("opening a file (a FIFO waits for its other end)");
    return tr("in system call %1").arg(n);
}

QString BlockedReason::ofWchan(QByteArrayView symbol)
{
    if (symbol.isEmpty())
        return {};
    struct Rule {
        const char *prefix;
        const char *words;
    };
    // Ordered: the first matching prefix wins.
    static const Rule rules[] = {
        {"futex_", QT_TR_NOOP("waiting on a lock or condition (futex)")},
        {"anon_pipe_read", QT_TR_NOOP("reading a pipe")},
        {"pipe_read", QT_TR_NOOP("reading a pipe")},
        {"pipe_wait_readable", QT_TR_NOOP("reading a pipe")},
        {"anon_pipe_write", QT_TR_NOOP("writing a pipe (it is full)")},
        {"pipe_write", QT_TR_NOOP("writing a pipe (it is full)")},
        {"pipe_wait_writable", QT_TR_NOOP("writing a pipe (it is full)")},
        {"pipe_wait", QT_TR_NOOP("waiting on a pipe")},
        {"do_wait", QT_TR_NOOP("waiting for a child")},
        {"kernel_wait", QT_TR_NOOP("waiting for a child")},
        {"hrtimer_nanosleep", QT_TR_NOOP("sleeping")},
        {"do_nanosleep", QT_TR_NOOP("sleeping")},
        {"common_nsleep", QT_TR_NOOP("sleeping")},
        {"poll_schedule_timeout", QT_TR_NOOP("waiting for input or output (poll)")},
        {"do_sys_poll", QT_TR_NOOP("waiting for input or output (poll)")},
        {"do_select", QT_TR_NOOP("waiting for input or output (poll)")},
        {"core_sys_select", QT_TR_NOOP("waiting for input or output (poll)")},
        {"ep_poll", QT_TR_NOOP("waiting for input or output (poll)")},
        {"do_epoll_wait", QT_TR_NOOP("waiting for input or output (poll)")},
        {"unix_stream_read", QT_TR_NOOP("reading a socket")},
        {"unix_stream_data_wait", QT_TR_NOOP("reading a socket")},
        {"unix_dgram_recvmsg", QT_TR_NOOP("reading a socket")},
        {"sk_wait_data", QT_TR_NOOP("reading a socket")},
        {"tcp_recvmsg", QT_TR_NOOP("reading a socket")},
        {"inet_csk_accept", QT_TR_NOOP("waiting for a connection")},
        {"n_tty_read", QT_TR_NOOP("reading the terminal")},
        {"wait_woken", QT_TR_NOOP("waiting for data")},
        {"sigsuspend", QT_TR_NOOP("waiting for a signal")},
        {"do_sigtimedwait", QT_TR_NOOP("waiting for a signal")},
        {"sys_pause", QT_TR_NOOP("waiting for a signal")},
        {"do_signal_stop", QT_TR_NOOP("stopped by a signal")},
        {"ptrace_stop", QT_TR_NOOP("stopped by a debugger")},
        {"folio_wait", QT_TR_NOOP("waiting for the disk")},
        {"io_schedule", QT_TR_NOOP("waiting for the disk")},
        {"wait_on_page", QT_TR_NOOP("waiting for the disk")},
        {"jbd2_", QT_TR_NOOP("waiting for the file system journal")},
        {"do_msgrcv", QT_TR_NOOP("waiting for a message")},
        {"do_semtimedop", QT_TR_NOOP("waiting on a semaphore")},
        {"flock_", QT_TR_NOOP("waiting for a file lock")},
        {"locks_lock_inode_wait", QT_TR_NOOP("waiting for a file lock")},
        {"worker_thread", QT_TR_NOOP("kernel worker, idle")},
        {"rescuer_thread", QT_TR_NOOP("kernel worker, idle")},
        {"smpboot_thread_fn", QT_TR_NOOP("kernel thread, idle")},
        {"kthread", QT_TR_NOOP("kernel thread, idle")},
    };
    for (const Rule &rule : rules) {
        if (symbol.startsWith(rule.prefix))
            return tr(rule.words);
    }
    return tr("in the kernel function %1").arg(QString::fromLatin1(symbol));
}

QString BlockedReason::unsaid()
{
    return tr("waiting (the kernel did not say on what)");
}

QString BlockedReason::ofLetter(char letter)
{
    switch (letter) {
    case 'T': return tr("stopped by a signal");
    case 't': return tr("stopped by a debugger");
    case 'Z': return tr("exited; its parent has not reaped it yet");
    case 'D': return tr("in an uninterruptible wait (usually the disk)");
    default: return {};
    }
}

QString BlockedReason::languageProbe()
{
    return tr("sleeping");
}
