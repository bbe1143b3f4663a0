#include "WorkerProcess.h"

#include "IsolationRole.h"
#include "ParentDeathGuard.h"
#include "base/LabRole.h"
#include "WorkerReports.h"
#include "control/ChildScanner.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <sys/eventfd.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

// How long SIGTERM waits for the threads to finish before the process ends anyway (a thread stuck on a lock
// cannot be ended any other way: ending the process is the lesson).
constexpr int ShutdownBudgetMs = 500;

void onWakeSignal(int)
{
    // Nothing to do: its only purpose is to make a blocking call return EINTR.
}

ControlMessage failure(quint32 id, int error, const char *reason)
{
    return ControlMessage("failed", id).set("errno", error).set("reason", QByteArrayView(reason));
}

} // namespace

WorkerProcess::WorkerProcess(WorkerOptions options) : m_options(std::move(options))
{
}

bool WorkerProcess::setUp(std::string *error)
{
    // The supervisor hands over one end of a socketpair; anything else at that number is not a session.
    struct stat control{};
    if (m_options.controlFd >= 0 && (::fstat(m_options.controlFd, &control) != 0 || !S_ISSOCK(control.st_mode))) {
        *error = "fd " + std::to_string(m_options.controlFd) + " is not the supervisor's control socket; run `proclab` instead";
        return false;
    }
    if (!ParentDeathGuard::install(m_options.supervisor, m_options.parent)) {
        *error = "its parent is gone";
        return false;
    }
    // Threads created later inherit the main thread's nice value (on Linux it is per thread).
    if (m_options.nice != 0)
        ::setpriority(PRIO_PROCESS, 0, m_options.nice);
    if (m_options.cpu >= 0) {
        // Pinning the main thread before any other exists: threads inherit the mask (oversubscribe, pin=true).
        cpu_set_t set;
        CPU_ZERO(&set);
        CPU_SET(m_options.cpu, &set);
        ::sched_setaffinity(0, sizeof set, &set);
    }
    // A pipe consumer that went away must show as IpcStatus::Closed, not kill the producer.
    ::signal(SIGPIPE, SIG_IGN);
    struct sigaction wake = {};
    wake.sa_handler = onWakeSignal;
    sigemptyset(&wake.sa_mask);
    wake.sa_flags = 0; // no SA_RESTART: the interrupted sleep or read must return
    ::sigaction(WorkerThread::wakeSignal(), &wake, nullptr);

    sigset_t handled;
    sigemptyset(&handled);
    sigaddset(&handled, SIGTERM);
    sigaddset(&handled, SIGINT);
    sigaddset(&handled, SIGCHLD);
    sigset_t blocked = handled;
    sigaddset(&blocked, WorkerThread::wakeSignal());
    ::pthread_sigmask(SIG_BLOCK, &blocked, nullptr);
    m_signalFd = ::signalfd(-1, &handled, SFD_CLOEXEC);
    m_finishedFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_signalFd < 0 || m_finishedFd < 0) {
        *error = "no signalfd or eventfd";
        return false;
    }
    if (m_options.controlFd >= 0)
        ::fcntl(m_options.controlFd, F_SETFD, FD_CLOEXEC);

    if (m_options.telemetryFd >= 0) {
        m_telemetry = TelemetryBlock::attach(m_options.telemetryFd);
        if (!m_telemetry.isValid()) {
            *error = "telemetry block: " + m_telemetry.errorString().toStdString();
            return false;
        }
    }
    if (m_options.figuresFd >= 0) {
        m_figures = FigureBoard::attach(m_options.figuresFd);
        if (!m_figures.isValid()) {
            *error = "figures: not a shared-memory board";
            return false;
        }
        m_channels.figures = &m_figures;
    }
    if (m_options.queueFd >= 0) {
        m_queue = SharedQueue::attach(m_options.queueFd);
        if (!m_queue.isValid()) {
            *error = "queue: " + m_queue.errorString().toStdString();
            return false;
        }
    }
    if (m_options.pipeReadFd >= 0 || m_options.pipeWriteFd >= 0)
        m_pipe = PipeChannel::adopt(m_options.pipeReadFd, m_options.pipeWriteFd, m_options.itemSize);

    m_channels.telemetry = m_telemetry.isValid() ? &m_telemetry : nullptr;
    if (m_pipe.isValid())
        m_channels.pipe = &m_pipe;
    else if (m_queue.isValid())
        m_channels.queue = &m_queue;
    else if (m_telemetry.isValid())
        m_channels.queue = m_telemetry.queue(m_options.queueIndex);
    m_channels.finishedEventFd = m_finishedFd;
    m_channels.controlFd = m_options.controlFd;
    return true;
}

void WorkerProcess::send(const ControlMessage &message)
{
    message.sendOn(m_options.controlFd);
}

int WorkerProcess::run()
{
    std::string error;
    if (!setUp(&error)) {
        std::fprintf(stderr, "proclab-worker: %s\n", error.c_str());
        return 1;
    }
    send(ControlMessage("hello").set("pid", ::getpid()).set("tid", pid_t(::syscall(SYS_gettid))));
    if (LabRole::isThreadRole(m_options.thread.role)) {
        ControlMessage started = addThread(ControlMessage("add"), m_options.thread);
        if (started.verb() == "ok")
            started = ControlMessage("thread-start").set("tid", started.value("tid")).set("role", started.value("role"))
                          .set("name", started.value("name"));
        send(started);
    }

    char packet[ControlMessage::MaxPacketSize + 1];
    for (;;) {
        pollfd fds[3] = {{m_signalFd, POLLIN, 0}, {m_finishedFd, POLLIN, 0}, {m_options.controlFd, POLLIN, 0}};
        const nfds_t count = m_options.controlFd >= 0 ? 3 : 2;
        if (::poll(fds, count, -1) < 0) {
            if (errno == EINTR)
                continue;
            shutDown(1);
        }
        if (fds[0].revents & POLLIN)
            handleSignals();
        if (fds[1].revents & POLLIN)
            collectFinishedThreads();
        if (count == 3 && fds[2].revents) {
            const ssize_t n = ::recv(m_options.controlFd, packet, sizeof packet, MSG_DONTWAIT);
            if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
                shutDown(0); // the supervisor closed its end: the session is over
            if (n > 0) {
                if (const std::optional<ControlMessage> command = ControlMessage::decode(QByteArrayView(packet, n)))
                    handleCommand(*command);
                else
                    send(failure(0, EINVAL, "malformed"));
            }
        }
    }
}

void WorkerProcess::handleSignals()
{
    signalfd_siginfo info{};
    while (::read(m_signalFd, &info, sizeof info) == ssize_t(sizeof info)) {
        if (info.ssi_signo == SIGTERM && m_options.termKills)
            shutDownBySignal(SIGTERM);
        if (info.ssi_signo == SIGTERM || info.ssi_signo == SIGINT)
            shutDown(0);
        if (info.ssi_signo == SIGCHLD)
            reapChildren();
        // One signalfd read per poll wake-up is enough for SIGCHLD (reapChildren looks at every child), and
        // SIGTERM ends everything anyway.
        break;
    }
}

void WorkerProcess::reapChildren()
{
    for (auto it = m_children.begin(); it != m_children.end();) {
        int status = 0;
        // Only our own children by PID (never -1): the worker never has anybody else's.
        if (::waitpid(*it, &status, WNOHANG) != *it) {
            ++it;
            continue;
        }
        send(WorkerReports::childExit(*it, status));
        it = m_children.erase(it);
    }
}

void WorkerProcess::collectFinishedThreads()
{
    eventfd_t ignored = 0;
    ::eventfd_read(m_finishedFd, &ignored);
    for (auto it = m_threads.begin(); it != m_threads.end();) {
        WorkerThread *thread = it->get();
        if (!thread->hasFinished() || !thread->join(1000)) {
            ++it;
            continue;
        }
        send(ControlMessage("thread-exit").set("tid", thread->tid())
                 .set("role", thread->settings().role.toLatin1()));
        it = m_threads.erase(it);
    }
}

WorkerThread *WorkerProcess::findThread(pid_t tid)
{
    for (const auto &thread : m_threads) {
        if (thread->tid() == tid)
            return thread.get();
    }
    return nullptr;
}

ControlMessage WorkerProcess::addThread(const ControlMessage &command, ThreadSpec settings)
{
    if (!LabRole::isThreadRole(settings.role))
        return failure(command.id(), EINVAL, "unknown-role");
    WorkerChannels channels = m_channels;
    if (settings.queue >= 0) {
        channels.queue = m_telemetry.isValid() ? m_telemetry.queue(settings.queue) : nullptr;
        channels.pipe = nullptr;
    }
    if ((settings.role == LabRole::Producer || settings.role == LabRole::Consumer || settings.role == LabRole::Poller) && !channels.queue
        && !channels.pipe)
        return failure(command.id(), EINVAL, "no-queue");
    if (settings.role == LabRole::LockTaker) {
        for (int lock : settings.locks) {
            if (!m_telemetry.isValid() || lock < 0 || lock >= m_telemetry.lockCount())
                return failure(command.id(), EINVAL, "no-such-lock");
        }
    }
    if (settings.name.isEmpty() || settings.name == m_options.thread.role)
        settings.name = settings.role + u'-' + QString::number(++m_roleCounters[settings.role]);
    auto thread = std::make_unique<WorkerThread>(channels, settings);
    if (const int error = thread->start())
        return failure(command.id(), error, "thread-create");
    ControlMessage reply("ok", command.id());
    reply.set("tid", thread->tid()).set("role", thread->settings().role.toLatin1())
        .set("name", thread->settings().name.toLatin1());
    m_threads.push_back(std::move(thread));
    return reply;
}

void WorkerProcess::handleCommand(const ControlMessage &command)
{
    const QByteArray verb = command.verb();
    const quint32 id = command.id();
    if (verb == "add") {
        const std::optional<ThreadSpec> thread = ThreadSpec::fromAdd(command);
        send(thread ? addThread(command, *thread) : failure(id, EINVAL, "bad-parameter"));
        return;
    }
    if (verb == "fork") {
        send(forkChild(command));
        return;
    }
    if (verb == "exit") {
        // Ends at once, threads and all, as exit() in a Python child would; the supervisor sees the code.
        ::_exit(int(command.number("code", 0).value_or(0)) & 0xff);
    }
    if (verb == "rate") {
        bool ok = true;
        const double rate = command.value("value").toDouble(&ok);
        const pid_t tid = pid_t(command.number("tid", 0).value_or(0));
        if (!ok || rate < 0) {
            send(failure(id, EINVAL, "bad-parameter"));
            return;
        }
        for (const auto &thread : m_threads) {
            if (tid == 0 || thread->tid() == tid)
                thread->setRate(rate);
        }
        send(ControlMessage("ok", id));
        return;
    }
    if (verb == "stop" || verb == "take" || verb == "release") {
        WorkerThread *thread = findThread(pid_t(command.number("tid", 0).value_or(0)));
        if (!thread) {
            send(failure(id, ESRCH, "no-such-thread"));
            return;
        }
        bool done = true;
        if (verb == "stop") {
            thread->requestStop();
        } else if (verb == "release") {
            done = thread->release();
        } else {
            const std::optional<QList<int>> locks = command.numberList("locks");
            bool valid = locks && !locks->isEmpty() && m_telemetry.isValid();
            for (int lock : locks.value_or(QList<int>()))
                valid = valid && lock >= 0 && lock < m_telemetry.lockCount();
            if (!valid) {
                send(failure(id, EINVAL, "no-such-lock"));
                return;
            }
            done = thread->take(std::vector<int>(locks->begin(), locks->end()));
        }
        send(done ? ControlMessage("ok", id) : failure(id, EINVAL, "not-a-lock-taker"));
        return;
    }
    send(failure(id, EINVAL, "unknown-command"));
}

ControlMessage WorkerProcess::forkChild(const ControlMessage &command)
{
    const QByteArray kind = command.value("kind");
    if (kind != "worker" && kind != "sleeper" && kind != "isolation")
        return failure(command.id(), EINVAL, "unknown-kind");
    // An isolation child: a copy of this process that changes its copy of the lesson's value (IsolationRole).
    const int isolationNumber = kind == "isolation" ? m_isolationChildren + 1 : 0;
    if (kind == "isolation" && (!m_figures.isValid() || isolationNumber >= m_figures.count()))
        return failure(command.id(), EINVAL, "no-figure-for-child");
    QString role = QString::fromLatin1(command.value("role"));
    if (kind == "worker" && !LabRole::isThreadRole(role) && role != LabRole::Host)
        role = LabRole::Sleeper;

    // Everything the child needs is prepared before fork(): after it, only async-signal-safe calls.
    const pid_t self = ::getpid();
    char program[4096] = {};
    const ssize_t length = ::readlink("/proc/self/exe", program, sizeof program - 1);
    if (length <= 0)
        return failure(command.id(), errno, "no-program");
    std::vector<std::string> words = {program, "--supervisor", std::to_string(m_options.supervisor), "--parent",
                                      std::to_string(self), "--role", role.toStdString(), "--name",
                                      role.toStdString()};
    if (m_telemetry.isValid()) {
        words.push_back("--telemetry-fd");
        words.push_back(std::to_string(m_telemetry.fd()));
    }
    std::vector<char *> argv;
    for (std::string &word : words)
        argv.push_back(word.data());
    argv.push_back(nullptr);

    const pid_t child = ::fork();
    if (child < 0)
        return failure(command.id(), errno, "fork");
    if (child == 0) {
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        if (m_options.controlFd >= 0)
            ::close(m_options.controlFd);
        ::close(m_signalFd);
        ::close(m_finishedFd);
        if (kind == "worker") {
            if (m_telemetry.isValid())
                ::fcntl(m_telemetry.fd(), F_SETFD, 0);
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
        // A plain child: it only sleeps (an isolation child first changes its copy of the value), and dies with
        // the supervisor but not with its lab parent.
        if (!ParentDeathGuard::rearmInForkedChild(self))
            ::_exit(0);
        if (isolationNumber > 0)
            IsolationRole::changeInChild(m_figures, isolationNumber);
        ::prctl(PR_SET_NAME, isolationNumber > 0 ? LabRole::IsolatedChild.data() : "proclab-sleeper", 0, 0, 0);
        for (;;)
            ::pause();
    }
    m_children.push_back(child);
    if (isolationNumber > 0)
        m_isolationChildren = isolationNumber;
    // Not reaped yet (only this thread reaps), so its /proc entry is certainly the child's.
    const std::optional<ChildStat> stat = ChildScanner::readStat(child);
    return ControlMessage("ok", command.id()).set("pid", child).set("start", qint64(stat ? stat->startTime : 0));
}

void WorkerProcess::endChildren()
{
    // A worker that is told to end takes its forked children with it and reaps them, telling the supervisor how
    // each ended: left behind, they would come to the supervisor as zombies after it stopped looking. (A SIGKILL
    // of the worker — the orphan lesson — runs none of this: its children live on and are adopted.) Every PID here
    // is an unreaped child of ours, so it cannot have been recycled.
    for (const pid_t child : m_children)
        ::kill(child, SIGKILL);
    for (const pid_t child : m_children) {
        int status = 0;
        pid_t got = -1;
        do
            got = ::waitpid(child, &status, 0);
        while (got < 0 && errno == EINTR);
        if (got != child)
            continue;
        send(WorkerReports::childExit(child, status));
    }
    m_children.clear();
}

void WorkerProcess::shutDownBySignal(int signal)
{
    stopThreads();
    endChildren();
    // The default action, unblocked: the kernel records "killed by signal", which is what the parent's wait sees.
    struct sigaction action{};
    action.sa_handler = SIG_DFL;
    ::sigaction(signal, &action, nullptr);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, signal);
    ::pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
    ::raise(signal);
    ::_exit(128 + signal); // not reached
}

void WorkerProcess::shutDown(int status)
{
    stopThreads();
    endChildren();
    // _exit, not exit: a thread that did not finish may still be inside the mappings static destructors unmap.
    ::_exit(status);
}

void WorkerProcess::stopThreads()
{
    for (const auto &thread : m_threads)
        thread->requestStop();
    if (m_queue.isValid())
        m_queue.wakeWaiters();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ShutdownBudgetMs);
    for (const auto &thread : m_threads) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        thread->join(int(std::max<qint64>(left.count(), 0)));
    }
    std::fflush(nullptr);
}
