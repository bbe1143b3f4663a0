#include "IsolationRole.h"

#include "RoleContext.h"
#include "base/LabRole.h"
#include "ipc/FigureBoard.h"

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

void IsolationRole::changeInChild(const FigureBoard &figures, int number)
{
    change(&figures, number);
}

void IsolationRole::run(const RoleContext &context)
{
    const FigureBoard *figures = context.channels.figures;
    if (!figures)
        return;
    g_value = context.settings.initialValue;
    figures->store(0, g_value);
    std::vector<std::thread> threads;
    if (!context.settings.useProcesses) {
        const int count = std::min(context.settings.rounds, figures->count() - 1);
        for (int i = 1; i <= count; ++i) {
            threads.emplace_back([&context, figures, i] {
                const pid_t tid = context.announceHelper(LabRole::IsolatedThread, "thread-" + QByteArray::number(i));
                change(figures, i);
                ::usleep(VisibleMs * 1000);
                context.helperEnds(tid, LabRole::IsolatedThread);
            });
        }
    }
    context.setState(ThreadState::Idle);
    // What the parent sees, again and again: its own value (the children's changes never reach it).
    while (context.sleepMs(50))
        figures->store(0, g_value);
    for (std::thread &thread : threads)
        thread.join();
}
