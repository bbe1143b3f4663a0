#include "ProgramRun.h"

#include "base/EventKind.h"
#include "base/LabRole.h"
#include "control/ChildScanner.h"
#include "control/ControlEvents.h"
#include "control/ProcessTree.h"
#include "control/ProgramOutput.h"
#include "control/ProgramSpawner.h"
#include "control/SupervisorSetup.h"
#include "probe/SamplerThread.h"
#include "probe/TaskStateName.h"
#include "python/GilSession.h"
#include "session/SessionHeader.h"

#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QThread>
#include <QTimer>

#include <csignal>
#include <cstring>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

ProgramRun::ProgramRun(const QStringList &command, const Options &options, QObject *parent)
    : QObject(parent)
    , m_command(command)
    , m_options(options)
{
    m_killTimer = new QTimer(this);
    m_killTimer->setSingleShot(true);
    connect(m_killTimer, &QTimer::timeout, this, &ProgramRun::killRemaining);
}

ProgramRun::ProgramRun(pid_t pid, const Options &options, QObject *parent) : ProgramRun(QStringList(), options, parent)
{
    m_attachPid = pid;
    m_options.takeTerminal = false;
}

ProgramRun::~ProgramRun()
{
    if (m_sampler)
        m_sampler->stop();
    if (m_gil)
        m_gil->stop();
    if (m_running) {
        // No events from a destructor. An attached process is not ours to end.
        if (!isAttached() && m_tree)
            m_tree->killQuietly(2000);
        m_tape.close();
    }
    if (m_tookTerminal)
        ProgramSpawner::reclaimTerminal();
}

QList<pid_t> ProgramRun::treePids() const
{
    return m_tree ? m_tree->pids() : QList<pid_t>();
}

QString ProgramRun::logPath() const
{
    return m_tape.filePath();
}

void ProgramRun::emitEvent(const QString &kind, const QJsonObject &fields)
{
    keep(SessionEvent{m_clock.now(), kind, fields});
}

void ProgramRun::keep(const SessionEvent &event)
{
    if (event.kind == EventKind::ProcessExit && event.fields.value(u"pid"_s).toInteger() == m_programPid) {
        if (event.fields.contains(u"signal"_s))
            m_exitStatus = 128 + event.fields.value(u"signal"_s).toInt();
        else if (event.fields.contains(u"code"_s))
            m_exitStatus = event.fields.value(u"code"_s).toInt();
    }
    m_tape.append(event);
    Q_EMIT this->event(event);
}

bool ProgramRun::openSession(const QString &kind, const QJsonObject &parameters)
{
    if (m_options.record) {
        const SessionHeader header = SessionHeader::forThisMachine(kind, parameters, m_clock.startUnix());
        m_tape.setOldSessionsDeletedHandler([this](const QStringList &paths) { Q_EMIT oldSessionsDeleted(paths); });
        if (!m_tape.open(header, m_options.logPath, m_options.sessionsFolder)) {
            m_error = m_tape.errorString();
            m_exitStatus = 1;
            return false;
        }
    }
    QJsonObject fields = parameters;
    fields.insert(u"experiment"_s, kind);
    fields.insert(u"supervisor"_s, qint64(::getpid()));
    fields.insert(u"cores"_s, std::max(1, QThread::idealThreadCount()));
    emitEvent(EventKind::ExperimentStart, fields);
    return true;
}

bool ProgramRun::start()
{
    if (m_running || m_finished || (m_command.isEmpty() && !isAttached()))
        return false;
    SupervisorSetup::prepare();
    m_clock.restart();
    m_tree = new ProcessTree(m_clock, this);
    connect(m_tree, &ProcessTree::event, this, &ProgramRun::keep);
    connect(m_tree, &ProcessTree::rootsChanged, this, &ProgramRun::updateSamplerRoots);
    connect(m_tree, &ProcessTree::emptied, this, &ProgramRun::checkFinished, Qt::QueuedConnection);
    const bool started = isAttached() ? attachProcess() : spawnProgram();
    if (!started)
        return false;
    m_running = true;
    startSampling();
    return true;
}

bool ProgramRun::spawnProgram()
{
    if (!openSession(u"exec"_s, {{u"command"_s, QJsonArray::fromStringList(m_command)}}))
        return false;
    ProgramLaunch launch;
    launch.command = m_command;
    launch.workingDirectory = m_options.workingDirectory;
    launch.takeTerminal = m_options.takeTerminal;
    launch.nullStdin = m_options.nullStdin;
    ProgramSpawnResult spawned = ProgramSpawner::spawn(launch);
    if (!spawned.ok()) {
        m_exitStatus = spawned.shellStatus();
        const QString program = m_command.first();
        const QString reason = QString::fromLocal8Bit(std::strerror(spawned.error));
        if (m_exitStatus == 127)
            m_error = tr("%1: command not found").arg(program);
        else if (m_exitStatus == 126)
            m_error = tr("%1: cannot execute: %2").arg(program, reason);
        else
            m_error = tr("%1: cannot start: %2").arg(program, reason);
        emitEvent(EventKind::Error, {{u"message"_s, m_error}, {u"source"_s, u"exec"_s},
                               {u"errno_name"_s, ControlEvents::errnoName(spawned.error)}});
        emitEvent(EventKind::ExperimentStop,
                  {{u"experiment"_s, u"exec"_s}, {u"exit_status"_s, m_exitStatus}, {u"reason"_s, u"error"_s}});
        m_tape.close();
        return false;
    }
    m_programPid = spawned.pid;
    m_programGroup = spawned.pid;
    m_tookTerminal = spawned.tookTerminal;
    m_tree->setProcessGroup(m_programGroup);
    m_tree->addRoot(spawned.pid, std::move(spawned.pidfd), ::getpid(), LabRole::Program, m_command, true);

    m_stdout = new ProgramOutput(spawned.stdoutFd, u"stdout"_s, this);
    m_stderr = new ProgramOutput(spawned.stderrFd, u"stderr"_s, this);
    for (ProgramOutput *pipe : {m_stdout, m_stderr}) {
        const Stream stream = pipe == m_stdout ? Stream::Stdout : Stream::Stderr;
        connect(pipe, &ProgramOutput::chunk, this, [this, stream](const QByteArray &bytes) {
            Q_EMIT output(stream, bytes);
        });
        connect(pipe, &ProgramOutput::line, this, [this, pipe](const QString &line) { recordLine(pipe, line); });
    }
    return true;
}

void ProgramRun::recordLine(const ProgramOutput *pipe, const QString &line)
{
    const double t = m_clock.now();
    if (m_outputBudget.admit(t, line.size())) {
        emitEvent(EventKind::Output, {{u"pid"_s, qint64(m_programPid)}, {u"stream"_s, pipe->stream()}, {u"line"_s, line}});
        return;
    }
    if (std::optional<SessionEvent> dropped = m_outputBudget.report(t))
        keep(*dropped);
}

bool ProgramRun::attachProcess()
{
    const pid_t pid = m_attachPid;
    const std::optional<ChildStat> stat = ChildScanner::readStat(pid);
    if (pid <= 0 || !stat) {
        m_error = tr("There is no process %1.").arg(pid);
        return false;
    }
    if (pid == ::getpid()) {
        m_error = tr("Process %1 is ProcLab itself.").arg(pid);
        return false;
    }
    // /proc/<pid> belongs to the process's effective user: another user's process is not ours to watch (and its
    // fds, syscall and environment are closed to us anyway) — unless ProcLab runs as root, the administrator who
    // may watch every process. What root may not read without CAP_SYS_PTRACE (its memory: the GIL; its syscall
    // file) is then said once, and the rest is shown.
    if (::geteuid() != 0 && QFileInfo(u"/proc/%1"_s.arg(pid)).ownerId() != ::geteuid()) {
        m_error = tr("Process %1 belongs to another user: ProcLab can watch only your own processes.").arg(pid);
        return false;
    }
    PidFd pidfd = ChildScanner::openChecked(pid, stat->startTime);
    if (!pidfd.isValid()) {
        m_error = tr("Process %1 has just ended.").arg(pid);
        return false;
    }
    QStringList cmdline;
    QFile cmdlineFile(u"/proc/%1/cmdline"_s.arg(pid));
    if (cmdlineFile.open(QIODevice::ReadOnly)) {
        for (const QByteArray &argument : cmdlineFile.readAll().split('\0')) {
            if (!argument.isEmpty())
                cmdline << QString::fromLocal8Bit(argument);
        }
    }
    if (!openSession(u"attach"_s, {{u"pid"_s, qint64(pid)}, {u"command"_s, QJsonArray::fromStringList(cmdline)}}))
        return false;
    m_programPid = pid;
    m_tree->addRoot(pid, std::move(pidfd), stat->parent, LabRole::Attached, cmdline, false);
    return true;
}

void ProgramRun::startSampling()
{
    m_sampler = std::make_unique<SamplerThread>();
    // Context-switch counts are in no view and no session file: status is the dearest file to read (9 µs).
    TaskSampler::Options options = m_sampler->sampler().options();
    options.readSwitchCounts = false;
    m_sampler->sampler().setOptions(options);
    m_gil = std::make_unique<GilSession>();
    m_gil->connectTo(m_sampler->sampler());
    m_gil->start();
    updateSamplerRoots();
    connect(m_sampler.get(), &SamplerThread::snapshotReady, this, &ProgramRun::onSnapshot, Qt::QueuedConnection);
    m_sampler->start(m_options.intervalMs);
}

void ProgramRun::updateSamplerRoots()
{
    if (!m_sampler || !m_tree)
        return;
    const QList<int> roots = m_tree->samplerRoots();
    m_sampler->sampler().setWatchedPids(roots);
    m_sampler->sampler().setDescendantRoots(roots);
    m_sampler->sampler().requestRescan();
}

void ProgramRun::onSnapshot(std::shared_ptr<const Snapshot> snapshot)
{
    if (!m_running || !snapshot)
        return;
    const double t = m_clock.at(snapshot->monotonicNs);
    // A user's program forks at any moment and its children may live for a tick only: look for new descendants
    // at every tick (SamplerThread would re-scan once a second; its own options are reset on start()).
    m_sampler->sampler().requestRescan();
    m_tree->update(*snapshot);
    recordSamples(*snapshot, t);
    Q_EMIT sampled(snapshot);
    checkFinished();
}

void ProgramRun::recordSamples(const Snapshot &snapshot, double t)
{
    const auto inTree = [this](const TaskSample &task) {
        return m_tree->contains(pid_t(task.pid)) || task.state == TaskState::Terminated;
    };
    QList<SessionEvent> samples = m_tape.samplesOf(snapshot, t, inTree);
    for (const SessionEvent &event : m_gil->tick(t, m_tree->pids(), samples))
        keep(event);
    for (const SessionEvent &event : samples)
        keep(event);
}

bool ProgramRun::sendSignal(pid_t pid, int signal)
{
    return m_running && m_tree && m_tree->sendSignal(pid, signal);
}

bool ProgramRun::interrupt()
{
    if (!m_running || isAttached())
        return false;
    bool any = false;
    for (const pid_t pid : m_tree->pids()) {
        const std::optional<ChildStat> stat = ChildScanner::readStat(pid);
        if (stat && stat->processGroup == m_programGroup)
            any = m_tree->sendSignal(pid, SIGINT) || any;
    }
    return any;
}

void ProgramRun::stop()
{
    if (!m_running || m_stopping)
        return;
    m_stopping = true;
    if (isAttached()) {
        finish(); // detach: the process goes on as it was
        return;
    }
    for (const pid_t pid : m_tree->pids()) {
        if (m_tree->sendSignal(pid, SIGTERM))
            m_tree->sendSignal(pid, SIGCONT); // a stopped process keeps SIGTERM pending until it runs again
    }
    m_killTimer->start(m_options.stopGraceMs);
    checkFinished();
}

void ProgramRun::killRemaining()
{
    for (const pid_t pid : m_tree->pids())
        m_tree->sendSignal(pid, SIGKILL);
}

void ProgramRun::stopAndWait()
{
    if (!m_running)
        return;
    stop();
    if (m_finished)
        return;
    QEventLoop loop;
    connect(this, &ProgramRun::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(m_options.stopGraceMs + 2000, &loop, &QEventLoop::quit);
    loop.exec();
}

void ProgramRun::checkFinished()
{
    if (m_running && m_tree->isEmpty())
        finish();
}

void ProgramRun::finish()
{
    m_running = false;
    m_finished = true;
    m_killTimer->stop();
    if (m_sampler)
        m_sampler->stop();
    if (m_gil) {
        for (const SessionEvent &event : m_gil->finish(m_clock.now()))
            keep(event);
    }
    // Every writer has ended, so what is left in the pipes is all there is.
    if (m_stdout)
        m_stdout->drain();
    if (m_stderr)
        m_stderr->drain();
    if (std::optional<SessionEvent> dropped = m_outputBudget.report(m_clock.now(), true))
        keep(*dropped);
    if (m_tookTerminal) {
        ProgramSpawner::reclaimTerminal();
        m_tookTerminal = false;
    }
    const QString kind = isAttached() ? u"attach"_s : u"exec"_s;
    // Stopping an attach session, or stop() (the window's Stop, SIGTERM to proclab), is the user's doing;
    // otherwise the program and its tree ended on their own.
    const QString reason = m_stopping ? u"user"_s : u"finished"_s;
    emitEvent(EventKind::ExperimentStop, {{u"experiment"_s, kind}, {u"exit_status"_s, m_exitStatus}, {u"reason"_s, reason}});
    m_tape.close();
    Q_EMIT finished(m_exitStatus);
}
