#pragma once

#include "ProcRecords.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

// Why a thread is blocked, in plain words, from what /proc tells about it: the system call it sleeps in
// (task/<tid>/syscall, which needs ptrace rights over the task) or else the kernel function it waits in (wchan).
// Pure: the caller reads the files and, for read/write-like calls, resolves the descriptor (fd/<n>) first.
class BlockedReason
{
    Q_DECLARE_TR_FUNCTIONS(BlockedReason)
public:
    // Words for a task blocked in a system call; empty when the state says nothing (running, or blocked outside a
    // system call, e.g. in a page fault — then wchan knows better). fdTarget is what the call's first argument
    // refers to ("pipe:[12]", "socket:[3]", "/dev/pts/0", a path) when descriptorArgument() is true, else empty.
    static QString ofSyscall(const SyscallState &state, QByteArrayView fdTarget = {});
    // Words for a wchan symbol. Symbols are matched by prefix because they change between kernels
    // (pipe_wait → pipe_read → anon_pipe_read; futex_wait_queue_me → futex_wait_queue → futex_do_wait).
    // An unknown symbol is named as it is; an empty one gives an empty string.
    static QString ofWchan(QByteArrayView symbol);
    // Words for the letters that explain themselves: T, t, Z, D. Empty for the others.
    static QString ofLetter(char letter);
    // The last resort for a blocked task whose syscall, wchan and letter said nothing (caught between a system
    // call's return and its next sleep, or a kernel that hides wchan): never an empty reason for a blocked task.
    static QString unsaid();
    // A word of this class in the language installed now: when it changes, the words already given are stale.
    static QString languageProbe();
    // True when the system call's first argument is a file descriptor whose kind changes the words.
    static bool descriptorArgument(long number);
};
