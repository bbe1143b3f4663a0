#include "RoleContext.h"

#include "control/ControlMessage.h"
#include "ipc/MonotonicDeadline.h"
#include "ipc/ThreadTelemetry.h"

#include <algorithm>
#include <ctime>
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace {
constexpr std::int64_t SliceNs = 100'000'000;

std::int64_t threadCpuNs()
{
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}
} // namespace

bool RoleContext::sleepUntil(std::int64_t untilNs, const std::stop_token &stop)
{
    while (!stop.stop_requested()) {
        const std::int64_t now = MonotonicDeadline::nowNs();
        if (now >= untilNs)
            return true;
        const std::int64_t wakeNs = std::min(untilNs, now + SliceNs);
        const timespec wake{time_t(wakeNs / 1'000'000'000), long(wakeNs % 1'000'000'000)};
        ::clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &wake, nullptr); // EINTR: the wake signal; look at stop
    }
    return false;
}

bool RoleContext::sleepMs(int ms) const
{
    return sleepUntil(MonotonicDeadline::nowNs() + std::int64_t(ms) * 1'000'000, stop);
}

void RoleContext::burnCpu(std::int64_t ns)
{
    const std::int64_t until = threadCpuNs() + ns;
    volatile std::uint64_t sink = 0;
    std::uint64_t x = 88172645463325252ULL;
    while (threadCpuNs() < until) {
        for (int i = 0; i < 20'000; ++i)
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        sink = x;
    }
    (void)sink;
}

void RoleContext::setState(ThreadState state, std::int64_t waitObject) const
{
    if (telemetry)
        telemetry->setState(state, waitObject);
}

pid_t RoleContext::announceHelper(QLatin1String role, const QByteArray &name) const
{
    const pid_t tid = pid_t(::syscall(SYS_gettid));
    ::pthread_setname_np(::pthread_self(), name.left(15).constData());
    ControlMessage("thread-start").set("tid", tid).set("role", QByteArrayView(role.data(), role.size()))
        .set("name", name).sendOn(channels.controlFd);
    return tid;
}

void RoleContext::helperEnds(pid_t tid, QLatin1String role) const
{
    ControlMessage("thread-exit").set("tid", tid).set("role", QByteArrayView(role.data(), role.size()))
        .sendOn(channels.controlFd);
}
