#include "FileLimit.h"

#include <atomic>
#include <mutex>

#include <sys/resource.h>

namespace {
// Plain atomics, not a mutex: restoreInChild() runs in a forked child where a lock could be held forever.
std::atomic<bool> g_raised{false};
std::atomic<rlim_t> g_originalSoft{RLIM_INFINITY};
std::atomic<rlim_t> g_hard{RLIM_INFINITY};
std::once_flag g_once;
} // namespace

unsigned long long FileLimit::raiseToHard()
{
    std::call_once(g_once, [] {
        rlimit limit{};
        if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
            return;
        g_originalSoft = limit.rlim_cur;
        g_hard = limit.rlim_max;
        if (limit.rlim_cur == limit.rlim_max)
            return;
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            g_raised = true;
    });
    rlimit now{};
    getrlimit(RLIMIT_NOFILE, &now);
    return now.rlim_cur;
}

unsigned long long FileLimit::originalSoft()
{
    if (g_raised)
        return g_originalSoft;
    rlimit now{};
    getrlimit(RLIMIT_NOFILE, &now);
    return now.rlim_cur;
}

void FileLimit::restoreInChild()
{
    if (!g_raised)
        return;
    const rlimit limit{g_originalSoft.load(), g_hard.load()};
    setrlimit(RLIMIT_NOFILE, &limit);
}

bool FileLimit::restoreOn(pid_t pid)
{
    if (!g_raised)
        return true;
    const rlimit limit{g_originalSoft.load(), g_hard.load()};
    return prlimit(pid, RLIMIT_NOFILE, &limit, nullptr) == 0;
}
