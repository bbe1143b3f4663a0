// proclab-bench-threads N [WAKE_MS] — the helper of `proclab bench sampler` and tests/bench/sampler_vs_htop.sh: a
// process with N extra threads that sleep on a condition variable that is never signalled, or, with WAKE_MS, wake
// every WAKE_MS milliseconds (a timed wait) and sleep again — at 200 ms each is scheduled every other 100 ms tick,
// so a sampler cannot skip it as unscheduled. Prints "ready PID N" once every
// thread exists, then waits until its stdin reaches end of file (or it is killed), and exits.
// It dies with its parent (PR_SET_PDEATHSIG) so that a killed benchmark leaves nothing behind.
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>

#include <pthread.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace {
std::mutex g_mutex;
std::condition_variable g_never;
long g_wakeMs = 0;

void *sleeper(void *)
{
    std::unique_lock lock(g_mutex);
    for (;;) {
        if (g_wakeMs > 0)
            g_never.wait_for(lock, std::chrono::milliseconds(g_wakeMs));
        else
            g_never.wait(lock); // spurious wake-ups go straight back to sleep
    }
    return nullptr;
}
} // namespace

int main(int argc, char **argv)
{
    const pid_t parent = getppid();
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        return 1; // the parent died before the death signal was armed
    if (argc != 2 && argc != 3) {
        std::fprintf(stderr, "usage: proclab-bench-threads N [WAKE_MS]\n");
        return 2;
    }
    if (argc == 3) {
        char *wakeEnd = nullptr;
        g_wakeMs = std::strtol(argv[2], &wakeEnd, 10);
        if (*wakeEnd != '\0' || g_wakeMs < 1 || g_wakeMs > 60000) {
            std::fprintf(stderr, "proclab-bench-threads: WAKE_MS must be 1…60000\n");
            return 2;
        }
    }
    char *end = nullptr;
    const long count = std::strtol(argv[1], &end, 10);
    if (*end != '\0' || count < 0 || count > 100000) {
        std::fprintf(stderr, "proclab-bench-threads: N must be 0…100000\n");
        return 2;
    }
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    // Small stacks: 2000 threads × 8 MiB of address space is needless.
    pthread_attr_setstacksize(&attributes, 64 * 1024);
    for (long i = 0; i < count; ++i) {
        pthread_t thread;
        if (pthread_create(&thread, &attributes, sleeper, nullptr) != 0) {
            std::printf("error: only %ld threads could be created\n", i);
            std::fflush(stdout);
            return 1;
        }
        pthread_detach(thread);
    }
    std::printf("ready %d %ld\n", int(getpid()), count);
    std::fflush(stdout);
    char buffer[256];
    while (read(0, buffer, sizeof buffer) > 0) {
    }
    _exit(0);
}
