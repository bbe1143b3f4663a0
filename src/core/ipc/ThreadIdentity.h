#pragma once

#include <sys/types.h>

// The calling thread's kernel TID and its process's PID without a system call on the hot path.
//
// gettid() and getpid() are real system calls in glibc 2.36 (neither is cached), and SharedQueue records the mutex
// owner's PID and TID on every put and get — a system call there cost more than the rest of the put. The TID is
// cached per thread and the PID per process; a pthread_atfork child handler forgets both in a forked child (the
// forking thread is the only one there). A child made by a raw clone() or vfork() that bypasses the fork handlers
// must not use this.
class ThreadIdentity
{
public:
    // The TID of the calling thread (as gettid()); always > 0.
    static pid_t currentTid();
    // The PID of the calling process (as getpid()).
    static pid_t currentPid();
};
