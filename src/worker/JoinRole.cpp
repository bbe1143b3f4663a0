#include "JoinRole.h"

#include "RoleContext.h"
#include "WorkerReports.h"
#include "base/LabRole.h"
#include "ipc/FigureBoard.h"
#include "ipc/TelemetryBlock.h"
#include "ipc/ThreadTelemetry.h"

#include <QString>

#include <array>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {
// The pipe's id in the telemetry (the analysis names it "pipe 1").
constexpr int PipeId = 0;

[[noreturn]] void childWrites(const RoleContext &context, int writeEnd, int kib)
{
    // Only async-signal-safe work and lock-free atomics after fork() in a threaded process: write() and the
    // telemetry slot (atomics in shared memory) — no malloc, no locks. The child has its own name: fork() copies
    // the forking thread's, and "joiner-1" would then name a thread and a process at once.
    ::prctl(PR_SET_NAME, LabRole::JoinerChild.data(), 0, 0, 0);
    ThreadTelemetry slot;
    if (context.channels.telemetry)
        slot = context.channels.telemetry->claimSlot(LabRole::JoinerChild);
    std::array<char, 4096> chunk{};
    chunk.fill('x');
    for (int written = 0; written < kib * 1024;) {
        if (slot.isValid())
            slot.setState(ThreadState::WaitPipeWrite, PipeId);
        const ssize_t n = ::write(writeEnd, chunk.data(), std::min<size_t>(chunk.size(), size_t(kib * 1024 - written)));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        written += int(n);
        if (slot.isValid()) {
            slot.setState(ThreadState::Working);
            slot.addItems(1);
        }
    }
    if (slot.isValid())
        slot.markExited();
    ::_exit(0);
}

void drain(const RoleContext &context, int readEnd)
{
    std::array<char, 65536> buffer{};
    for (;;) {
        context.setState(ThreadState::WaitPipeRead, PipeId);
        const ssize_t n = ::read(readEnd, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR) {
            if (context.stop.stop_requested())
                return;
            continue;
        }
        if (n <= 0)
            return;
        if (context.telemetry)
            context.telemetry->addItems(1);
    }
}
} // namespace

void JoinRole::run(const RoleContext &context)
{
    int ends[2];
    if (::pipe2(ends, O_CLOEXEC) != 0)
        return;
    const pid_t child = ::fork();
    if (child < 0) {
        ::close(ends[0]);
        ::close(ends[1]);
        return;
    }
    if (child == 0) {
        ::close(ends[0]);
        childWrites(context, ends[1], context.settings.rounds);
    }
    ::close(ends[1]);
    // A real process of the lab, in the tree and the table like any other: the supervisor is told of it now and of
    // its end by the join below (which reaps it, so nobody else may).
    WorkerReports::childStart(child, LabRole::JoinerChild).sendOn(context.channels.controlFd);
    if (context.settings.drainFirst)
        drain(context, ends[0]);

    int status = 0;
    bool joined = false;
    bool reaped = false;
    context.setState(ThreadState::WaitChild, child);
    while (!(joined = ::waitpid(child, &status, 0) == child)) {
        if (errno != EINTR)
            break;
        if (context.stop.stop_requested()) {
            // Stopping the experiment ends the deadlock the only way there is: the child dies.
            ::kill(child, SIGKILL);
            reaped = ::waitpid(child, &status, 0) == child;
            break;
        }
    }
    if (joined || reaped)
        WorkerReports::childExit(child, status).sendOn(context.channels.controlFd);
    // What the join returned, for the check (figure 0): 1 the child's own normal exit, 2 anything else.
    if (context.channels.figures)
        context.channels.figures->store(0, joined && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 1 : 2);
    context.setState(ThreadState::Working);
    if (!context.stop.stop_requested())
        drain(context, ends[0]);
    ::close(ends[0]);
    context.setState(ThreadState::Idle);
    while (context.sleepMs(1000)) {
    }
}
