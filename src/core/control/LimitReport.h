#pragma once

#include <QCoreApplication>
#include <QString>

// Why the kernel refused a new process, thread or file, in words that name the limit and its value: EAGAIN from
// fork, clone or pthread_create is RLIMIT_NPROC ("the per-user process limit (RLIMIT_NPROC) is 40, and this
// user runs 38 tasks") or the system's PID space; EMFILE is RLIMIT_NOFILE with its value and how many are open;
// ENFILE the system's file table. Any other error: its strerror() text and its name ("Invalid argument (EINVAL)").
class LimitReport
{
    Q_DECLARE_TR_FUNCTIONS(LimitReport)
public:
    static QString why(int error);
    // The soft limit of `resource` (RLIMIT_NPROC, RLIMIT_NOFILE) as text: a number, or "unlimited".
    static QString softLimit(int resource);
    // Descriptors this process has open now (-1 when /proc/self/fd cannot be read).
    static int openFiles();
    // Tasks (processes and threads) of this real user now, from /proc (-1 when it cannot be counted).
    static int userTasks();
};
