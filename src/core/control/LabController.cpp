#include "LabController.h"

#include "ChildScanner.h"
#include "ControlEvents.h"
#include "LabPaths.h"
#include "LabReaper.h"
#include "LimitReport.h"
#include "OrphanAdoption.h"
#include "SupervisorSetup.h"
#include "WorkerConnection.h"
#include "ipc/TelemetryBlock.h"
#include "probe/Snapshot.h"

#include <QDeadlineTimer>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

// Adoption is noticed at once when a direct child dies (its children reach us before its pidfd becomes
// readable); this slower scan catches orphans of deeper lab processes and of detached helpers.
constexpr int OrphanScanMs = 250;

} // namespace

LabController::LabController(QObject *parent) : QObject(parent)
{
    SupervisorSetup::prepare();
    m_self = ::getpid();
    m_reaper = new LabReaper(&m_processes, m_self, this);
    m_adoption = std::make_unique<OrphanAdoption>(m_self);
    connect(m_reaper, &LabReaper::event, this, &LabController::emitEvent);
    connect(m_reaper, &LabReaper::exited, this, [this] {
        // Its children came to us before its pidfd became readable: adopt them now.
        scanForOrphans();
        checkAllStopped();
    });
    m_orphanTimer = new QTimer(this);
    m_orphanTimer->setInterval(OrphanScanMs);
    connect(m_orphanTimer, &QTimer::timeout, this, &LabController::scanForOrphans);
    m_orphanTimer->start();
    m_killTimer = new QTimer(this);
    m_killTimer->setSingleShot(true);
    connect(m_killTimer, &QTimer::timeout, this, &LabController::killRemaining);
    // Repeated errors are counted and told at most once a second (RepeatedErrors).
    m_repeatTimer = new QTimer(this);
    m_repeatTimer->setSingleShot(true);
    m_repeatTimer->setInterval(1000);
    connect(m_repeatTimer, &QTimer::timeout, this, &LabController::reportRepeats);
}

void LabController::setTelemetryBlock(TelemetryBlock *block)
{
    m_telemetryFd = block ? block->fd() : -1;
    m_reaper->setTelemetryBlock(block);
}

QString LabController::signalName(int signal)
{
    return ControlEvents::signalName(signal);
}

LabController::~LabController()
{
    // Events from a destructor would reach receivers that may be half torn down: end everything quietly.
    terminateSynchronously(false);
}

double LabController::now() const
{
    return m_externalClock ? m_externalClock->now() : m_ownClock.now();
}

void LabController::emitEvent(SessionEvent event)
{
    if (m_quiet)
        return;
    event.t = now();
    Q_EMIT this->event(event);
}

void LabController::fail(const QString &what, const QString &message, int error)
{
    m_lastError = message;
    if (!m_repeatedErrors.admit(what, error, message)) {
        if (!m_repeatTimer->isActive())
            m_repeatTimer->start();
        return;
    }
    reportRepeats(); // the count of the errors before, then this new one
    emitEvent(ControlEvents::error(what, message, error));
}

void LabController::reportRepeats()
{
    if (std::optional<SessionEvent> summary = m_repeatedErrors.summary())
        emitEvent(*summary);
}

std::optional<pid_t> LabController::spawnWorker(const WorkerLaunch &launch)
{
    if (m_stopping) {
        fail(u"spawn"_s, tr("The session is stopping; no new lab process is started."));
        return std::nullopt;
    }
    if (processCount() + pendingForkCount() >= m_limits.maxProcesses) {
        fail(u"spawn"_s, tr("The session's cap of %1 lab processes is reached: end some before starting more.")
                             .arg(m_limits.maxProcesses));
        return std::nullopt;
    }
    const QString program = m_workerProgram.isEmpty() ? LabPaths::workerProgram() : m_workerProgram;
    if (program.isEmpty()) {
        fail(u"spawn"_s, tr("The proclab-worker program was not found beside proclab (or in PROCLAB_WORKER)."));
        return std::nullopt;
    }
    const QString name = launch.name.isEmpty() ? m_names.unique(launch.role) : launch.name;
    m_names.take(name);
    LaunchedWorker worker = WorkerLauncher::launch(program, launch, name, m_self,
                                                   m_telemetryFd, &m_processGroup);
    if (!worker.ok()) {
        fail(u"spawn"_s, worker.message, worker.error);
        return std::nullopt;
    }
    m_adoption->addLabGroup(m_processGroup);

    auto process = std::make_shared<LabProcessRecord>();
    process->pid = worker.pid;
    process->parent = m_self;
    process->role = launch.role;
    process->name = name;
    process->pidfd = std::move(worker.pidfd);
    process->direct = true;
    process->keepZombie = launch.keepZombie;
    process->connection = new WorkerConnection(worker.controlFd, this);
    const pid_t pid = process->pid;
    connect(process->connection, &WorkerConnection::messageReceived, this,
            [this, pid](const ControlMessage &message) { onMessage(pid, message); });
    m_processes.insert(process);
    m_reaper->watch(process.get());
    emitEvent(ControlEvents::processSpawn(pid, m_self, launch.role, name, m_processGroup));
    return pid;
}

LabProcessRecord *LabController::controllable(pid_t pid, const char *what)
{
    LabProcessRecord *process = m_processes.find(pid);
    if (!process || process->ended || !process->connection || !process->connection->isOpen()) {
        fail(QString::fromLatin1(what), tr("Process %1 is not a running lab process that takes commands.").arg(pid));
        return nullptr;
    }
    return process;
}

quint32 LabController::request(pid_t pid, const ControlMessage &message)
{
    LabProcessRecord *process = controllable(pid, message.verb().constData());
    if (!process)
        return 0;
    const quint32 id = process->connection->send(message);
    if (id == 0)
        fail(QString::fromLatin1(message.verb()), tr("Process %1 did not take the command.").arg(pid));
    return id;
}

bool LabController::addThread(pid_t pid, const ThreadSpec &thread)
{
    if (m_processes.threadCount() >= m_limits.maxThreads) {
        fail(u"thread"_s, tr("The session's cap of %1 lab threads is reached: stop some before starting more.")
                              .arg(m_limits.maxThreads));
        return false;
    }
    // Numbered across the session, not per process: four processes of one cpu thread each show cpu-1 … cpu-4,
    // and a thread never takes a name a process has (the same counters name both).
    ThreadSpec named = thread;
    if (named.name.isEmpty())
        named.name = m_names.unique(thread.role);
    const quint32 id = request(pid, WorkerCommands::addThread(named));
    if (id == 0)
        return false;
    m_processes.find(pid)->pendingThreads.insert(id, thread.role);
    return true;
}

bool LabController::stopThread(pid_t pid, pid_t tid)
{
    return request(pid, WorkerCommands::stopThread(tid)) != 0;
}

bool LabController::setRate(pid_t pid, double rate, pid_t tid)
{
    return request(pid, WorkerCommands::setRate(rate, tid)) != 0;
}

bool LabController::takeLocks(pid_t pid, pid_t tid, const QList<int> &locks)
{
    return request(pid, WorkerCommands::takeLocks(tid, locks)) != 0;
}

bool LabController::releaseLocks(pid_t pid, pid_t tid)
{
    return request(pid, WorkerCommands::releaseLocks(tid)) != 0;
}

bool LabController::forkChild(pid_t pid, const QString &kind, const QString &role)
{
    // Forks asked for and not yet answered count: a burst (16 parents asked for 16 children each) must not
    // overshoot the cap while the answers are on their way.
    if (processCount() + pendingForkCount() >= m_limits.maxProcesses) {
        fail(u"fork"_s, tr("The session's cap of %1 lab processes is reached: end some before starting more.")
                            .arg(m_limits.maxProcesses));
        return false;
    }
    const quint32 id = request(pid, WorkerCommands::forkChild(kind, role));
    if (id == 0)
        return false;
    m_processes.find(pid)->pendingForks.insert(id, role.isEmpty() ? kind : role);
    return true;
}

bool LabController::exitWorker(pid_t pid, int code)
{
    return request(pid, WorkerCommands::exitProcess(code)) != 0;
}

bool LabController::sendSignal(pid_t pid, int signal)
{
    if (signal != SIGTERM && signal != SIGKILL && signal != SIGINT && signal != SIGSTOP && signal != SIGCONT) {
        fail(u"signal"_s, tr("Only SIGTERM, SIGKILL, SIGINT, SIGSTOP and SIGCONT can be sent to lab processes."));
        return false;
    }
    LabProcessRecord *process = m_processes.find(pid);
    if (!process || process->ended || !process->pidfd.isValid()) {
        fail(u"signal"_s, tr("Process %1 is not a running lab process; no signal was sent.").arg(pid), ESRCH);
        return false;
    }
    const int error = process->pidfd.sendSignal(signal);
    if (error != 0) {
        fail(u"signal"_s, tr("Sending %1 to process %2 failed: %3.").arg(ControlEvents::signalName(signal)).arg(pid).arg(ControlEvents::errnoName(error)),
             error);
        return false;
    }
    if (signal == SIGSTOP)
        process->state = LabProcessInfo::State::Stopped;
    else if (signal == SIGCONT)
        process->state = LabProcessInfo::State::Running;
    emitEvent(ControlEvents::signalSent(pid, signal));
    return true;
}

bool LabController::reap(pid_t pid)
{
    LabProcessRecord *process = m_processes.find(pid);
    if (!process || process->state != LabProcessInfo::State::Zombie) {
        fail(u"reap"_s, tr("Process %1 is not a zombie kept by this session.").arg(pid), ECHILD);
        return false;
    }
    int error = 0;
    if (!m_reaper->reapZombie(pid, &error)) {
        fail(u"reap"_s, tr("Reaping process %1 failed: %2.").arg(pid).arg(ControlEvents::errnoName(error)), error);
        return false;
    }
    checkAllStopped();
    return true;
}

void LabController::onMessage(pid_t pid, const ControlMessage &message)
{
    const LabProcessTable::Record process = m_processes.shared(pid);
    if (!process)
        return;
    const QByteArray verb = message.verb();
    if (verb == "ok" && process->pendingForks.contains(message.id())) {
        onForkAcknowledged(process.get(), message, process->pendingForks.take(message.id()));
    } else if ((verb == "ok" && process->pendingThreads.contains(message.id())) || verb == "thread-start") {
        process->pendingThreads.remove(message.id());
        LabThreadInfo thread;
        thread.tid = pid_t(message.number("tid", 0).value_or(0));
        thread.role = QString::fromLatin1(message.value("role"));
        thread.name = QString::fromLatin1(message.value("name"));
        if (thread.tid <= 0)
            return;
        process->threads.insert(thread.tid, thread);
        emitEvent(ControlEvents::threadStart(pid, thread));
    } else if (verb == "failed") {
        const int error = int(message.number("errno", 0).value_or(0));
        const QString reason = QString::fromLatin1(message.value("reason"));
        if (process->pendingThreads.contains(message.id())) {
            const QString role = process->pendingThreads.take(message.id());
            fail(u"thread"_s, tr("Process %1 could not start a %2 thread: %3. The session goes on.")
                                  .arg(pid).arg(role, error ? LimitReport::why(error) : reason), error);
        } else if (process->pendingForks.contains(message.id())) {
            process->pendingForks.remove(message.id());
            fail(u"fork"_s, tr("Process %1 could not fork a child: %2. The session goes on.")
                                .arg(pid).arg(error ? LimitReport::why(error) : reason), error);
        } else {
            // A reply that comes after its process ended (read at the stop) is no longer pending: still say why.
            fail(u"command"_s, tr("Process %1 refused a command: %2.").arg(pid).arg(error ? LimitReport::why(error) : reason),
                 error);
        }
    } else if (verb == "thread-exit") {
        const pid_t tid = pid_t(message.number("tid", 0).value_or(0));
        const LabThreadInfo thread = process->threads.take(tid);
        if (thread.tid > 0)
            emitEvent(ControlEvents::threadExit(pid, thread));
    } else if (verb == "child-start") {
        // A child a role forked by itself (the joiner's): held and shown like one forked on command.
        const QString role = QString::fromLatin1(message.value("role"));
        onForkAcknowledged(process.get(), message, role.isEmpty() ? QString(LabRole::Sleeper) : role);
    } else if (verb == "child-exit") {
        const pid_t child = pid_t(message.number("pid", 0).value_or(0));
        const LabProcessRecord *known = m_processes.find(child);
        if (!known || known->direct || known->parent != pid)
            return;
        ProcessExit exit;
        exit.signalled = message.has("signal");
        exit.signal = int(message.number("signal", 0).value_or(0));
        exit.code = int(message.number("code", 0).value_or(0));
        m_reaper->finish(child, exit, true);
        checkAllStopped();
    }
}

void LabController::onForkAcknowledged(LabProcessRecord *parent, const ControlMessage &message, const QString &role)
{
    const pid_t child = pid_t(message.number("pid", 0).value_or(0));
    const quint64 startTime = quint64(message.number("start", 0).value_or(0));
    if (child <= 0 || m_processes.contains(child))
        return;
    auto process = std::make_shared<LabProcessRecord>();
    process->pid = child;
    process->parent = parent->pid;
    process->role = role;
    process->name = m_names.unique(role);
    // The worker has not reaped it yet when it answers, but may have by now: the start time tells whether the
    // pidfd we get is still that child.
    process->pidfd = ChildScanner::openChecked(child, startTime);
    m_processes.insert(process);
    m_reaper->watch(process.get());
    emitEvent(ControlEvents::processSpawn(child, parent->pid, role, process->name, m_processGroup));
}

void LabController::noticeThreads(const Snapshot &snapshot)
{
    for (const TaskSample &task : snapshot.tasks) {
        if (task.tid == task.pid || task.state == TaskState::Terminated)
            continue;
        LabProcessRecord *process = m_processes.find(task.pid);
        // A connected worker says itself which threads it started (thread-start), under names of their own.
        if (!process || process->connection || process->ended || process->threads.contains(task.tid))
            continue;
        const LabThreadInfo thread{task.tid, process->role, process->name};
        process->threads.insert(thread.tid, thread);
        emitEvent(ControlEvents::threadStart(task.pid, thread));
    }
}

void LabController::scanForOrphans()
{
    const QList<SessionEvent> events
        = m_adoption->scan(&m_processes, &m_names, [this](LabProcessRecord *process) { m_reaper->watch(process); });
    for (const SessionEvent &event : events)
        emitEvent(event);
}

void LabController::stopAll()
{
    reportRepeats();
    setStopping(true);
    for (const pid_t pid : m_processes.pids()) {
        LabProcessRecord *process = m_processes.find(pid);
        if (!process)
            continue;
        if (process->state == LabProcessInfo::State::Zombie) {
            reap(pid);
        } else if (!process->ended) {
            sendSignal(pid, SIGTERM);
            // A stopped process keeps SIGTERM pending until it runs again.
            if (process->state == LabProcessInfo::State::Stopped)
                sendSignal(pid, SIGCONT);
        }
    }
    m_killTimer->start(m_limits.stopGraceMs);
    checkAllStopped();
}

void LabController::killRemaining()
{
    for (const pid_t pid : m_processes.pids()) {
        LabProcessRecord *process = m_processes.find(pid);
        if (process && !process->ended)
            sendSignal(pid, SIGKILL);
    }
}

void LabController::checkAllStopped()
{
    if (!m_stopping || !m_processes.isEmpty())
        return;
    setStopping(false);
    m_killTimer->stop();
    Q_EMIT allStopped();
}

void LabController::stopAllAndWait()
{
    terminateSynchronously(true);
}

void LabController::terminateSynchronously(bool emitEvents)
{
    m_quiet = !emitEvents;
    stopAll(); // when nothing is left, it has already emitted allStopped() and cleared m_stopping
    m_killTimer->stop();
    const QDeadlineTimer grace(m_limits.stopGraceMs);
    const QDeadlineTimer hardStop(m_limits.stopGraceMs + 1000);
    bool killed = false;
    while (!m_processes.isEmpty() && !hardStop.hasExpired()) {
        if (!killed && grace.hasExpired()) {
            killRemaining();
            killed = true;
        }
        scanForOrphans();
        const int timeoutMs = int(qBound<qint64>(qint64(1), (killed ? hardStop : grace).remainingTime(), qint64(50)));
        m_reaper->waitForExits(timeoutMs);
    }
    const bool finished = m_stopping && m_processes.isEmpty();
    setStopping(false);
    m_quiet = false;
    if (emitEvents && finished)
        Q_EMIT allStopped();
}

void LabController::setStopping(bool stopping)
{
    m_stopping = stopping;
    m_reaper->setStopping(stopping);
}

QList<pid_t> LabController::foreignAdoptees() const
{
    return m_adoption->foreignAdoptees();
}
