#include "ThreadState.h"

#include <array>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace {
// Session-file names, indexed by the enum's value.
const std::array<std::pair<ThreadState, QLatin1StringView>, 11> &stateNames()
{
    static const std::array<std::pair<ThreadState, QLatin1StringView>, 11> names{{
        {ThreadState::Idle, "idle"_L1},
        {ThreadState::Working, "working"_L1},
        {ThreadState::WaitQueueFull, "wait_queue_full"_L1},
        {ThreadState::WaitQueueEmpty, "wait_queue_empty"_L1},
        {ThreadState::WaitLock, "wait_lock"_L1},
        {ThreadState::WaitChild, "wait_child"_L1},
        {ThreadState::WaitPipeWrite, "wait_pipe_write"_L1},
        {ThreadState::WaitPipeRead, "wait_pipe_read"_L1},
        {ThreadState::Sleeping, "sleeping"_L1},
        {ThreadState::Exited, "exited"_L1},
        {ThreadState::WaitQueueLock, "wait_queue_lock"_L1},
    }};
    return names;
}
} // namespace

QString threadStateName(ThreadState state)
{
    for (const auto &[value, name] : stateNames()) {
        if (value == state)
            return QString(name);
    }
    return u"idle"_s;
}

bool threadStateFromName(const QString &name, ThreadState *state)
{
    for (const auto &[value, known] : stateNames()) {
        if (name == known) {
            *state = value;
            return true;
        }
    }
    return false;
}

bool isWaitState(ThreadState state)
{
    switch (state) {
    case ThreadState::WaitQueueFull:
    case ThreadState::WaitQueueEmpty:
    case ThreadState::WaitLock:
    case ThreadState::WaitChild:
    case ThreadState::WaitPipeWrite:
    case ThreadState::WaitPipeRead:
    case ThreadState::WaitQueueLock:
        return true;
    case ThreadState::Idle:
    case ThreadState::Working:
    case ThreadState::Sleeping:
    case ThreadState::Exited:
        return false;
    }
    return false;
}

ThreadState threadStateFromRaw(std::uint32_t raw)
{
    if (raw < stateNames().size())
        return ThreadState(raw);
    return ThreadState::Idle;
}
