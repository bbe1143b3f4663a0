#pragma once

#include <sys/types.h>

// The open-file limit (RLIMIT_NOFILE). The sampler keeps two or three descriptors per sampled thread, so the
// supervisor raises its soft limit to the hard limit at start. Children must get the original soft limit back:
// programs that use select() (FD_SETSIZE = 1024) or loop over every possible descriptor break or slow down
// with a huge soft limit.
class FileLimit
{
public:
    // Raises the soft limit to the hard limit, once per process (later calls only return the limit).
    // Remembers the soft limit found before. Returns the soft limit now in force.
    static unsigned long long raiseToHard();
    // The soft limit before raiseToHard(), or the current one if it was never called.
    static unsigned long long originalSoft();
    // For a child between fork() and exec(): puts the original soft limit back. Async-signal-safe (one setrlimit);
    // does nothing when the limit was never raised.
    static void restoreInChild();
    // For a child started with posix_spawn (which cannot set limits): puts the original soft limit back on that
    // process with prlimit(). True on success or when nothing was raised.
    static bool restoreOn(pid_t pid);
};
