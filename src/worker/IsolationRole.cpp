#include "IsolationRole.h"

#include "RoleContext.h"
#include "experiments/FigureBoard.h"

#include <cerrno>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {
// The variable of the lesson: an ordinary global, not shared memory. volatile so every read is a real read.
volatile std::int64_t g_value = 0;

// Long enough for the sampler to show the children or threads as rows before they end.
constexpr int VisibleMs = 600;

void change(const FigureBoard *figures, int number)
{
    g_value = number;
    figures->store(number, g_value);
}
} // namespace

void IsolationRole::run(const RoleContext &context)
{
    const FigureBoard *figures = context.channels.figures;
    if (!figures)
        return;
    g_value = context.settings.initial;
    const int count = std::min(context.settings.rounds, figures->count() - 1);
    if (context.settings.processes) {
        std::vector<pid_t> children;
        for (int i = 1; i <= count; ++i) {
            const pid_t child = ::fork();
            if (child == 0) {
                change(figures, i);
                ::usleep(VisibleMs * 1000);
                ::_exit(0);
            }
            if (child > 0)
                children.push_back(child);
        }
        context.setState(ThreadState::WaitChild, children.empty() ? -1 : children.front());
        for (pid_t child : children) {
            while (::waitpid(child, nullptr, 0) < 0 && errno == EINTR) {
            }
        }
    } else {
        std::vector<std::thread> threads;
        for (int i = 1; i <= count; ++i) {
            threads.emplace_back([figures, i] {
                change(figures, i);
                ::usleep(VisibleMs * 1000);
            });
        }
        for (std::thread &thread : threads)
            thread.join();
    }
    figures->store(0, g_value);
    context.setState(ThreadState::Idle);
    while (context.sleepMs(1000)) {
    }
}
