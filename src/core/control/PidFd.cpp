#include "PidFd.h"

#include <cerrno>
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

// Glibc 2.36 declares these without C linkage.
extern "C" {
#include <sys/pidfd.h>
}

PidFd::~PidFd()
{
    close();
}

PidFd::PidFd(PidFd &&other) noexcept : m_fd(other.m_fd)
{
    other.m_fd = -1;
}

PidFd &PidFd::operator=(PidFd &&other) noexcept
{
    if (this != &other) {
        close();
        m_fd = other.m_fd;
        other.m_fd = -1;
    }
    return *this;
}

PidFd PidFd::open(pid_t pid, int *error)
{
    if (pid <= 0) {
        if (error)
            *error = ESRCH;
        return PidFd();
    }
    // pidfds are opened close-on-exec by the kernel: a spawned child never inherits another child's handle.
    const int fd = ::pidfd_open(pid, 0);
    if (fd < 0 && error)
        *error = errno;
    return PidFd(fd);
}

void PidFd::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

int PidFd::sendSignal(int signal) const
{
    if (m_fd < 0)
        return EBADF;
    return ::pidfd_send_signal(m_fd, signal, nullptr, 0) == 0 ? 0 : errno;
}

std::optional<ProcessExit> PidFd::waitExited(int flags, int *error) const
{
    if (m_fd < 0) {
        if (error)
            *error = EBADF;
        return std::nullopt;
    }
    siginfo_t info{};
    int rc;
    do {
        rc = ::waitid(P_PIDFD, static_cast<id_t>(m_fd), &info, WEXITED | flags);
    } while (rc < 0 && errno == EINTR);
    if (rc < 0) {
        if (error)
            *error = errno;
        return std::nullopt;
    }
    // WNOHANG with nothing to report leaves si_pid at 0.
    if (info.si_pid == 0) {
        if (error)
            *error = 0;
        return std::nullopt;
    }
    ProcessExit exit;
    if (info.si_code == CLD_EXITED) {
        exit.code = info.si_status;
    } else {
        exit.signalled = true;
        exit.signal = info.si_status;
    }
    return exit;
}

std::optional<ProcessExit> PidFd::reap(int *error) const
{
    return waitExited(WNOHANG, error);
}

std::optional<ProcessExit> PidFd::peekExit(int *error) const
{
    return waitExited(WNOHANG | WNOWAIT, error);
}

bool PidFd::reapBlocking(ProcessExit *exit) const
{
    const std::optional<ProcessExit> status = waitExited(0, nullptr);
    if (status && exit)
        *exit = *status;
    return status.has_value();
}
