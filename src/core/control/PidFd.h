#pragma once

#include <sys/types.h>

#include <optional>

// How a process ended, as waitid() reported it.
struct ProcessExit
{
    bool signalled = false; // true: killed by `signal`; false: exited with `code`
    int code = 0;
    int signal = 0;
};

// One owned pidfd: a handle on a process that cannot be confused with another one that later gets the same PID.
//
// All signalling and reaping of lab processes goes through this class, never through kill()/waitpid() on a bare
// PID. Move-only; closes the descriptor on destruction.
class PidFd
{
public:
    PidFd() = default;
    explicit PidFd(int fd) : m_fd(fd) {}
    ~PidFd();
    PidFd(PidFd &&other) noexcept;
    PidFd &operator=(PidFd &&other) noexcept;
    PidFd(const PidFd &) = delete;
    PidFd &operator=(const PidFd &) = delete;

    // pidfd_open(pid). An invalid PidFd (errno in *error) when the process does not exist or the kernel lacks
    // pidfds. For a PID read from /proc the caller must still check the start time after opening: the PID may
    // have been recycled in between.
    static PidFd open(pid_t pid, int *error = nullptr);

    bool isValid() const { return m_fd >= 0; }
    int fd() const { return m_fd; }
    void close();

    // pidfd_send_signal(). Returns 0 or the errno: ESRCH once the process has been reaped (the signal then
    // reaches nobody, even if its PID was given to a new process).
    int sendSignal(int signal) const;

    // waitid(P_PIDFD, WEXITED | WNOHANG): the exit status when the process has ended and was reaped now;
    // std::nullopt while it runs, or when it is not our child (ECHILD, in *error). Reaps: call once.
    std::optional<ProcessExit> reap(int *error = nullptr) const;
    // Like reap() but leaves the process a zombie (WNOWAIT): how a kept zombie's status is read.
    std::optional<ProcessExit> peekExit(int *error = nullptr) const;
    // Blocks until the process has ended and reaps it; false when that is impossible (not our child).
    bool reapBlocking(ProcessExit *exit = nullptr) const;

private:
    std::optional<ProcessExit> waitExited(int flags, int *error) const;
    int m_fd = -1;
};
