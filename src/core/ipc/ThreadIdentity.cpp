#include "ThreadIdentity.h"

#include <pthread.h>
#include <unistd.h>

#include <atomic>
#include <mutex>

namespace {
thread_local pid_t t_cachedTid = 0;
std::atomic<pid_t> g_cachedPid{0};

void forgetIdentityInChild()
{
    // Runs in the child, on the only thread there: the one that called fork(), whose cached TID and PID are the
    // parent's.
    t_cachedTid = 0;
    g_cachedPid.store(0, std::memory_order_relaxed);
}

void registerForkHandler()
{
    static std::once_flag registered;
    std::call_once(registered, [] { pthread_atfork(nullptr, nullptr, forgetIdentityInChild); });
}
} // namespace

pid_t ThreadIdentity::currentTid()
{
    if (t_cachedTid == 0) [[unlikely]] {
        registerForkHandler();
        t_cachedTid = gettid();
    }
    return t_cachedTid;
}

pid_t ThreadIdentity::currentPid()
{
    pid_t pid = g_cachedPid.load(std::memory_order_relaxed);
    if (pid == 0) [[unlikely]] {
        registerForkHandler();
        pid = getpid();
        g_cachedPid.store(pid, std::memory_order_relaxed);
    }
    return pid;
}
