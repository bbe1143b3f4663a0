#include "PoolRole.h"

#include "RoleContext.h"
#include "ipc/FigureBoard.h"
#include "ipc/MonotonicDeadline.h"
#include "ipc/PoolFigures.h"
#include "ipc/SharedQueue.h"
#include "ipc/TelemetryBlock.h"
#include "ipc/ThreadTelemetry.h"

#include <QString>

#include <cstring>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {
struct TaskItem
{
    std::int32_t first = 0; // first task of the chunk
    std::int32_t count = 0; // tasks in the chunk
    std::int64_t taskNs = 0; // CPU time of one task
};

struct ResultItem
{
    std::int32_t task = 0;
    std::int32_t pid = 0;
    std::int64_t startNs = 0; // CLOCK_MONOTONIC
    std::int64_t endNs = 0;
};

template<typename T>
std::span<const std::byte> bytesOf(const T &value)
{
    return {reinterpret_cast<const std::byte *>(&value), sizeof value};
}

struct Queues
{
    SharedQueue *tasks = nullptr;
    SharedQueue *results = nullptr;
};

Queues queuesOf(const RoleContext &context)
{
    TelemetryBlock *block = context.channels.telemetry;
    if (!block || block->queueCount() < 2)
        return {};
    return {block->queue(0), block->queue(1)};
}

WaitOptions waitOptions(const RoleContext &context)
{
    WaitOptions options;
    options.stop = context.stop;
    options.telemetry = context.telemetry;
    return options;
}

bool collect(const RoleContext &context, const Queues &queues, int mode, std::int64_t modeStartNs)
{
    std::array<std::byte, 4096> out{};
    if (queues.results->get(out, waitOptions(context)) != IpcStatus::Ok)
        return false;
    ResultItem result;
    std::memcpy(&result, out.data(), sizeof result);
    if (result.task < 0 || result.task >= PoolFigures::MaxTasks)
        return true;
    const FigureBoard *figures = context.channels.figures;
    const int at = PoolFigures::taskIndex(mode, result.task);
    figures->store(at, result.pid);
    figures->store(at + 1, result.startNs - modeStartNs);
    figures->store(at + 2, result.endNs - modeStartNs);
    return true;
}

// One mode: returns false when stopped.
bool runMode(const RoleContext &context, const Queues &queues, int mode, int tasks, int chunk)
{
    const std::int64_t taskNs = std::int64_t(context.settings.holdMs) * 1'000'000;
    const std::int64_t start = MonotonicDeadline::nowNs();
    context.channels.figures->store(PoolFigures::modeStartIndex(mode), start);
    const WaitOptions options = waitOptions(context);
    if (mode == PoolFigures::modeIndex(QStringLiteral("apply"))) {
        for (int task = 0; task < tasks; ++task) {
            if (queues.tasks->put(bytesOf(TaskItem{task, 1, taskNs}), options) != IpcStatus::Ok
                || !collect(context, queues, mode, start))
                return false;
        }
    } else {
        for (int first = 0; first < tasks; first += chunk) {
            if (queues.tasks->put(bytesOf(TaskItem{first, std::min(chunk, tasks - first), taskNs}), options)
                != IpcStatus::Ok)
                return false;
        }
        for (int done = 0; done < tasks; ++done) {
            if (!collect(context, queues, mode, start))
                return false;
        }
    }
    context.channels.figures->store(PoolFigures::makespanIndex(mode), MonotonicDeadline::nowNs() - start);
    return true;
}
} // namespace

void PoolRole::runDriver(const RoleContext &context)
{
    const Queues queues = queuesOf(context);
    if (!queues.tasks || !context.channels.figures)
        return;
    const int tasks = std::clamp(context.settings.rounds, 1, PoolFigures::MaxTasks);
    // Python's map() cuts the work into chunks of ceil(len / (4 × workers)); `party` carries the worker count.
    const int workers = std::max(1, context.settings.party);
    const int chunk = std::max(1, (tasks + 4 * workers - 1) / (4 * workers));
    const QString &wanted = context.settings.mode;
    for (int mode = 0; mode < PoolFigures::ModeCount; ++mode) {
        if (wanted != u"all"_s && !wanted.isEmpty() && PoolFigures::modeName(mode) != wanted)
            continue;
        if (!runMode(context, queues, mode, tasks, mode == PoolFigures::modeIndex(QStringLiteral("map")) ? chunk : 1))
            return;
        // A pause between modes keeps them apart in the Gantt chart.
        if (!context.sleepMs(400))
            return;
    }
    context.setState(ThreadState::Idle);
    while (context.sleepMs(1000)) {
    }
}

void PoolRole::runWorker(const RoleContext &context)
{
    const Queues queues = queuesOf(context);
    if (!queues.tasks)
        return;
    const WaitOptions options = waitOptions(context);
    std::array<std::byte, 4096> in{};
    while (queues.tasks->get(in, options) == IpcStatus::Ok) {
        TaskItem item;
        std::memcpy(&item, in.data(), sizeof item);
        for (int task = item.first; task < item.first + item.count; ++task) {
            ResultItem result{task, std::int32_t(::getpid()), MonotonicDeadline::nowNs(), 0};
            context.setState(ThreadState::Working);
            RoleContext::burnCpu(item.taskNs);
            result.endNs = MonotonicDeadline::nowNs();
            if (context.telemetry)
                context.telemetry->addItems(1);
            if (queues.results->put(bytesOf(result), options) != IpcStatus::Ok)
                return;
        }
    }
}
