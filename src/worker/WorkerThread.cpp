#include "WorkerThread.h"

#include "IsolationRole.h"
#include "JoinRole.h"
#include "PoolRole.h"
#include "RaceRole.h"
#include "RoleContext.h"

#include "base/LabRole.h"
#include "ipc/MonotonicDeadline.h"
#include "ipc/PipeChannel.h"
#include "ipc/SharedLock.h"
#include "ipc/SharedQueue.h"
#include "ipc/TelemetryBlock.h"
#include "ipc/ThreadTelemetry.h"

#include <QString>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <ctime>
#include <sched.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

// Sleeps are cut into slices so that a stop request that raced past its SIGUSR1 is still seen soon.
constexpr std::int64_t SliceNs = 100'000'000;

timespec toTimespec(std::int64_t ns)
{
    return {time_t(ns / 1'000'000'000), long(ns % 1'000'000'000)};
}

// Sleeps until `untilNs` (CLOCK_MONOTONIC) unless `stop` is requested; false on stop.
bool sleepUntil(std::int64_t untilNs, const std::stop_token &stop)
{
    while (!stop.stop_requested()) {
        const std::int64_t now = MonotonicDeadline::nowNs();
        if (now >= untilNs)
            return true;
        const timespec wake = toTimespec(std::min(untilNs, now + SliceNs));
        ::clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &wake, nullptr); // EINTR: SIGUSR1, look at stop
    }
    return false;
}

} // namespace

WorkerThread::WorkerThread(const WorkerChannels &channels, ThreadSpec settings)
    : m_channels(channels), m_settings(std::move(settings))
{
    m_rate.store(m_settings.rate);
    if (m_settings.name.size() > 15)
        m_settings.name.truncate(15);
}

int WorkerThread::wakeSignal()
{
    return SIGUSR1;
}

int WorkerThread::start()
{
    const int error = ::pthread_create(&m_thread, nullptr, &WorkerThread::entry, this);
    if (error != 0)
        return error;
    m_started = true;
    m_tid.wait(0);
    return 0;
}

void *WorkerThread::entry(void *self)
{
    static_cast<WorkerThread *>(self)->run();
    return nullptr;
}

void WorkerThread::run()
{
    // Only the main thread takes SIGTERM/SIGCHLD (through its signalfd); this one must see the wake signal.
    sigset_t wake;
    sigemptyset(&wake);
    sigaddset(&wake, wakeSignal());
    ::pthread_sigmask(SIG_UNBLOCK, &wake, nullptr);
    // Naming this thread, not the main one: naming the main thread would rename the whole process.
    ::pthread_setname_np(::pthread_self(), m_settings.name.toLatin1().constData());
    m_tid.store(pid_t(::syscall(SYS_gettid)));
    m_tid.notify_all();

    ThreadTelemetry telemetry;
    if (m_channels.telemetry)
        telemetry = m_channels.telemetry->claimSlot(m_settings.name);
    ThreadTelemetry *slot = telemetry.isValid() ? &telemetry : nullptr;
    if (slot)
        slot->setState(ThreadState::Working);
    m_gate = StepGate(slot, m_settings.stepNumber);

    const QString &role = m_settings.role;
    if (role == LabRole::Producer)
        runProducer(slot);
    else if (role == LabRole::Consumer)
        runConsumer(slot);
    else if (role == LabRole::Poller)
        runPoller(slot);
    else if (role == LabRole::Cpu)
        runCpu(slot);
    else if (role == LabRole::Io)
        runTimed(slot, true);
    else if (role == LabRole::Sleeper)
        runTimed(slot, false);
    else if (role == LabRole::LockTaker)
        runLockTaker(slot);
    else
        runLesson(slot);

    if (slot)
        slot->markExited();
    m_finished.store(true);
    if (m_channels.finishedEventFd >= 0)
        ::eventfd_write(m_channels.finishedEventFd, 1);
}

void WorkerThread::requestStop()
{
    m_stop.request_stop();
    {
        std::lock_guard lock(m_mailboxMutex);
    }
    m_mailbox.notify_all();
    if (m_started && !m_joined && !m_finished.load())
        ::pthread_kill(m_thread, wakeSignal());
}

bool WorkerThread::join(int timeoutMs)
{
    if (!m_started || m_joined)
        return true;
    timespec deadline{};
    ::clock_gettime(CLOCK_REALTIME, &deadline); // pthread_timedjoin_np measures against CLOCK_REALTIME
    const std::int64_t ns = std::int64_t(deadline.tv_nsec) + std::int64_t(timeoutMs) * 1'000'000;
    deadline.tv_sec += time_t(ns / 1'000'000'000);
    deadline.tv_nsec = long(ns % 1'000'000'000);
    if (::pthread_timedjoin_np(m_thread, nullptr, &deadline) != 0)
        return false;
    m_joined = true;
    return true;
}

bool WorkerThread::pace(std::int64_t *nextDueNs, ThreadTelemetry *telemetry)
{
    const double rate = m_rate.load();
    const std::int64_t now = MonotonicDeadline::nowNs();
    if (rate <= 0) {
        *nextDueNs = now;
        return !m_stop.stop_requested();
    }
    // A fixed schedule, not "sleep 1/rate after each item", so the rate holds when the work takes time; a
    // schedule left far behind (the queue was full for a while) restarts from now rather than bursting.
    *nextDueNs = std::max(*nextDueNs + std::int64_t(1e9 / rate), now - 1'000'000'000);
    if (*nextDueNs <= now)
        return !m_stop.stop_requested();
    if (m_settings.busy) {
        // The "busy" variant: the same time spent, but burning a core, as a loop that checks the clock would.
        while (MonotonicDeadline::nowNs() < *nextDueNs) {
            if (m_stop.stop_requested())
                return false;
        }
        return true;
    }
    if (telemetry)
        telemetry->setState(ThreadState::Sleeping);
    const bool go = sleepUntil(*nextDueNs, m_stop.get_token());
    if (telemetry)
        telemetry->setState(ThreadState::Working);
    return go;
}

void WorkerThread::runProducer(ThreadTelemetry *telemetry)
{
    std::array<std::byte, 4096> item{};
    const int itemSize = m_channels.queue ? m_channels.queue->itemSize() : m_channels.pipe->itemSize();
    const pid_t tid = m_tid.load();
    std::uint64_t sequence = 0;
    std::int64_t nextDue = MonotonicDeadline::nowNs();
    WaitOptions options;
    options.stop = m_stop.get_token();
    options.telemetry = telemetry;
    while (pace(&nextDue, telemetry)) {
        ++sequence;
        std::memcpy(item.data(), &tid, sizeof tid);
        std::memcpy(item.data() + sizeof tid, &sequence, sizeof sequence);
        const std::span<const std::byte> bytes(item.data(), size_t(itemSize));
        if (!m_gate.pass(StepAction::Put, 0, std::int64_t(sequence), options.stop))
            break;
        const IpcStatus status = m_channels.queue ? m_channels.queue->put(bytes, options)
                                                  : m_channels.pipe->put(bytes, options);
        if (status != IpcStatus::Ok)
            break;
        m_gate.done(std::int64_t(sequence));
        if (telemetry)
            telemetry->addItems();
    }
}

void WorkerThread::runConsumer(ThreadTelemetry *telemetry)
{
    std::array<std::byte, 4096> item{};
    std::int64_t nextDue = MonotonicDeadline::nowNs();
    WaitOptions options;
    options.stop = m_stop.get_token();
    options.telemetry = telemetry;
    while (pace(&nextDue, telemetry)) {
        const std::span<std::byte> out(item.data(), item.size());
        if (!m_gate.pass(StepAction::Get, 0, 0, options.stop))
            break;
        const IpcStatus status = m_channels.queue ? m_channels.queue->get(out, options)
                                                  : m_channels.pipe->get(out, options);
        if (status != IpcStatus::Ok)
            break;
        std::uint64_t got = 0;
        std::memcpy(&got, item.data() + sizeof(pid_t), sizeof got);
        m_gate.done(std::int64_t(got));
        if (telemetry)
            telemetry->addItems();
    }
}

void WorkerThread::runPoller(ThreadTelemetry *telemetry)
{
    // A consumer that never blocks: it asks "anything yet?" with a zero timeout again and again. It is always
    // Running, never Blocked, and its items come no faster than the blocking consumer's.
    std::array<std::byte, 4096> item{};
    WaitOptions options;
    options.timeout = std::chrono::nanoseconds(0);
    options.stop = m_stop.get_token();
    while (!m_stop.stop_requested()) {
        const std::span<std::byte> out(item.data(), item.size());
        const IpcStatus status = m_channels.queue ? m_channels.queue->get(out, options)
                                                  : m_channels.pipe->get(out, options);
        if (status == IpcStatus::Ok) {
            if (telemetry)
                telemetry->addItems();
        } else if (status != IpcStatus::Timeout) {
            break;
        }
    }
}

void WorkerThread::runCpu(ThreadTelemetry *telemetry)
{
    // A pure CPU loop the compiler cannot drop: about a millisecond of arithmetic per counted item. With a GIL
    // (settings.gil) the thread computes only while it holds that lock, in slices of ~5 ms like CPython's switch
    // interval, and yields the lock between slices so the others get their turn.
    SharedLock gil;
    if (m_settings.gil >= 0 && m_channels.telemetry)
        gil = m_channels.telemetry->lock(m_settings.gil);
    WaitOptions options;
    options.stop = m_stop.get_token();
    options.telemetry = telemetry;
    volatile std::uint64_t sink = 0;
    std::uint64_t x = std::uint64_t(m_tid.load()) | 1;
    while (!m_stop.stop_requested()) {
        if (gil.isValid() && gil.lock(options) != IpcStatus::Ok)
            break;
        for (int slice = 0; slice < (gil.isValid() ? 5 : 1); ++slice) {
            for (int i = 0; i < 400'000; ++i)
                x = x * 6364136223846793005ULL + 1442695040888963407ULL;
            sink = x;
            if (telemetry)
                telemetry->addItems();
        }
        if (gil.isValid()) {
            gil.unlock(telemetry);
            ::sched_yield();
        }
    }
    (void)sink;
}

void WorkerThread::runTimed(ThreadTelemetry *telemetry, bool blockingRead)
{
    // io: a blocking read() of a timerfd, the kernel's own "waiting for a device" shape; sleeper: clock_nanosleep.
    // Both wake `rate` times a second (default 10) and are interrupted by the wake signal for a stop.
    const int timer = blockingRead ? ::timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC) : -1;
    // With a GIL (cpu-vs-io work=io gil=true) the item's work runs holding it and the wait releases it, as CPython
    // releases the GIL around a blocking call: waiting costs no GIL time, so IO-bound threads do not queue on it.
    SharedLock gil;
    if (m_settings.gil >= 0 && m_channels.telemetry)
        gil = m_channels.telemetry->lock(m_settings.gil);
    WaitOptions gilOptions;
    gilOptions.stop = m_stop.get_token();
    gilOptions.telemetry = telemetry;
    std::int64_t periodNs = 0;
    while (!m_stop.stop_requested()) {
        const double rate = m_rate.load() > 0 ? m_rate.load() : 10.0;
        const std::int64_t wanted = std::max<std::int64_t>(std::int64_t(1e9 / rate), 1'000'000);
        if (telemetry)
            telemetry->setState(ThreadState::Sleeping);
        if (timer >= 0) {
            if (wanted != periodNs) {
                periodNs = std::min(wanted, SliceNs * 10);
                itimerspec spec{toTimespec(periodNs), toTimespec(periodNs)};
                ::timerfd_settime(timer, 0, &spec, nullptr);
            }
            std::uint64_t expirations = 0;
            if (::read(timer, &expirations, sizeof expirations) < 0 && errno == EINTR)
                continue;
        } else if (!sleepUntil(MonotonicDeadline::nowNs() + std::min(wanted, SliceNs * 10), m_stop.get_token())) {
            break;
        }
        if (gil.isValid() && gil.lock(gilOptions) != IpcStatus::Ok)
            break;
        if (telemetry) {
            telemetry->setState(ThreadState::Working);
            telemetry->addItems();
        }
        if (gil.isValid())
            gil.unlock(telemetry);
    }
    if (timer >= 0)
        ::close(timer);
}

void WorkerThread::runLesson(ThreadTelemetry *telemetry)
{
    const RoleContext context{m_settings, m_channels, telemetry, m_stop.get_token(), m_tid.load(), &m_gate};
    const QString &role = m_settings.role;
    if (role == LabRole::Racer)
        RaceRole::run(context);
    else if (role == LabRole::Joiner)
        JoinRole::run(context);
    else if (role == LabRole::Isolation)
        IsolationRole::run(context);
    else if (role == LabRole::Pool)
        PoolRole::runDriver(context);
    else if (role == LabRole::PoolWorker)
        PoolRole::runWorker(context);
}

bool WorkerThread::take(const std::vector<int> &locks)
{
    if (m_settings.role != LabRole::LockTaker)
        return false;
    {
        std::lock_guard lock(m_mailboxMutex);
        m_takeRequest = locks;
    }
    m_mailbox.notify_all();
    return true;
}

bool WorkerThread::release()
{
    if (m_settings.role != LabRole::LockTaker)
        return false;
    {
        std::lock_guard lock(m_mailboxMutex);
        m_releaseRequested = true;
    }
    m_mailbox.notify_all();
    return true;
}

bool WorkerThread::waitMailbox(int ms, bool releaseOnly)
{
    std::unique_lock lock(m_mailboxMutex);
    const auto pending = [this, releaseOnly] {
        return m_releaseRequested || (!releaseOnly && !m_takeRequest.empty());
    };
    const std::stop_token stop = m_stop.get_token();
    if (ms < 0)
        m_mailbox.wait(lock, stop, pending);
    else
        m_mailbox.wait_for(lock, stop, std::chrono::milliseconds(ms), pending);
    return !stop.stop_requested();
}

bool WorkerThread::takeInOrder(const std::vector<int> &locks, ThreadTelemetry *telemetry, std::vector<int> *held)
{
    // No stop token here, on purpose: pthread_mutex_lock cannot be interrupted, and the lesson of the deadlock
    // experiments is that a thread stuck on a lock cannot be asked to stop — only ending its process frees it.
    // (SharedLock would honour a token: its waits are sliced.) The waits between locks do honour stop requests.
    WaitOptions options;
    options.telemetry = telemetry;
    for (size_t i = 0; i < locks.size(); ++i) {
        SharedLock lock = m_channels.telemetry->lock(locks[i]);
        if (!lock.isValid() || !m_gate.pass(StepAction::Acquire, locks[i], 0, m_stop.get_token())
            || lock.lock(options) != IpcStatus::Ok)
            return false;
        held->push_back(locks[i]);
        m_gate.done(locks[i]);
        // The pause between the first lock and the next is what lets two threads with opposite orders each get
        // their first lock: the classic deadlock. In step mode the grants are the pause.
        if (i + 1 < locks.size() && m_settings.stepMs > 0 && !m_gate.isActive()
            && !waitMailbox(m_settings.stepMs, true))
            return false;
    }
    return true;
}

void WorkerThread::releaseAll(std::vector<int> *held, ThreadTelemetry *telemetry, bool stepping)
{
    // Last taken, first released; in step mode each release is a step (a stop lets the rest go at once).
    while (!held->empty()) {
        const int index = held->back();
        const bool granted = !stepping || m_gate.pass(StepAction::Release, index, 0, m_stop.get_token());
        m_channels.telemetry->lock(index).unlock(telemetry);
        held->pop_back();
        if (granted && stepping)
            m_gate.done(index);
        if (!granted)
            stepping = false;
    }
}

void WorkerThread::runLockTaker(ThreadTelemetry *telemetry)
{
    std::vector<int> held;
    int round = 0;
    while (!m_stop.stop_requested()) {
        std::vector<int> order;
        bool untilRelease = false;
        {
            std::lock_guard lock(m_mailboxMutex);
            order.swap(m_takeRequest);
            m_releaseRequested = false;
        }
        if (!order.empty()) {
            untilRelease = true; // a take command holds until its release command
        } else if (!m_settings.locks.isEmpty() && (m_settings.rounds == 0 || round < m_settings.rounds)) {
            order.assign(m_settings.locks.begin(), m_settings.locks.end());
            untilRelease = m_settings.holdMs < 0;
            ++round;
        } else {
            if (telemetry)
                telemetry->setState(ThreadState::Idle);
            if (!waitMailbox(-1))
                break;
            continue;
        }
        const bool all = takeInOrder(order, telemetry, &held);
        if (all && !m_stop.stop_requested() && !m_gate.isActive()) {
            if (untilRelease) {
                waitMailbox(-1, true);
            } else {
                waitMailbox(m_settings.holdMs, true);
            }
        }
        releaseAll(&held, telemetry, all && m_gate.isActive());
        if (telemetry)
            telemetry->addItems();
        if (m_settings.stepMs > 0 && !m_gate.isActive() && !sleepUntil(MonotonicDeadline::nowNs() + std::int64_t(m_settings.stepMs) * 1'000'000,
                                                 m_stop.get_token()))
            break;
    }
    releaseAll(&held, telemetry);
}
