#pragma once

#include "ControlMessage.h"
#include "LabNames.h"
#include "LabProcessInfo.h"
#include "LabProcessTable.h"
#include "PidFd.h"
#include "RepeatedErrors.h"
#include "WorkerCommands.h"
#include "WorkerLauncher.h"
#include "base/SessionClock.h"
#include "base/SessionEvent.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <memory>
#include <optional>

class LabReaper;
class OrphanAdoption;
class TelemetryBlock;
struct Snapshot;
class QTimer;

// Per-session caps (docs/architecture.md, "Process model").
struct LabLimits
{
    int maxProcesses = 256; // lab processes alive or kept as zombies at once
    int maxThreads = 1024;  // lab threads (acknowledged or being started) at once
    int stopGraceMs = 1000; // SIGTERM → SIGKILL delay when the session stops
};

// Starts, signals, reaps and watches the lab processes of one session (docs/architecture.md, "Process model").
// A user's own program is ProgramRun's, watched by ProcessTree; both start processes only through ProcessSpawner.
//
// Lives on the supervisor's GUI or main thread (it must be a long-lived thread: a worker's parent-death signal
// follows the thread that spawned it). Makes the process a child subreaper on construction. Every process is
// spawned with posix_spawn into the session's process group and held by a pidfd from the first instant; signals
// go only through pidfds; reaping only through waitid(P_PIDFD), so QProcess keeps its own children. Orphans of
// lab processes that come to the subreaper are adopted (process.reparent); other adopted processes (the xdg-open
// behind QDesktopServices::openUrl) are reaped when they end and never signalled.
//
// Everything that happens is reported through event() as a SessionEvent (kinds in docs/session-format.md);
// failures as an "error" event with a translated message, and through lastError().
//
// The destructor ends every lab process (SIGTERM, SIGKILL after the grace period) and reaps it.
//
// Its parts: LabProcessTable (the records and what the caps count), LabNames (session-wide names), WorkerLauncher
// (a worker's command line and descriptors), LabReaper (exits, zombies, reaping, the telemetry a dead process
// held) and OrphanAdoption (what comes to the subreaper). Only this class decides to start or end a process.
class LabController : public QObject
{
    Q_OBJECT
public:
    explicit LabController(QObject *parent = nullptr);
    ~LabController() override;

    void setLimits(const LabLimits &limits) { m_limits = limits; }
    LabLimits limits() const { return m_limits; }
    // The clock events are stamped with; the controller's own (started at construction) when null.
    void setClock(const SessionClock *clock) { m_externalClock = clock; }
    // The worker program; LabPaths::workerProgram() by default.
    void setWorkerProgram(const QString &program) { m_workerProgram = program; }
    // The experiment's telemetry block: every worker gets its memfd as fd 4, and when a process ends its slots
    // are released and it is taken off the queues' waiters (a SIGKILLed thread can do neither). Not owned, must
    // outlive this controller; null for none.
    void setTelemetryBlock(TelemetryBlock *block);

    // Starts one worker. Returns its PID, or std::nullopt after an "error" event (cap reached, EAGAIN from
    // RLIMIT_NPROC, EMFILE, program missing): nothing is left half-started and the session goes on.
    std::optional<pid_t> spawnWorker(const WorkerLaunch &launch);

    // Requests to a worker over its control socket. They return false (and emit "error") when the process is not
    // a controllable lab process or a cap is reached; otherwise the answer comes later as an event
    // (thread.start, thread.exit, process.spawn for a forked child) or an "error" event.
    bool addThread(pid_t pid, const ThreadSpec &thread);
    bool stopThread(pid_t pid, pid_t tid);
    bool setRate(pid_t pid, double rate, pid_t tid = 0);
    bool takeLocks(pid_t pid, pid_t tid, const QList<int> &locks);
    bool releaseLocks(pid_t pid, pid_t tid);
    // kind "worker" (the child runs proclab-worker with `role`), "sleeper" (a plain forked child that sleeps) or
    // "isolation" (a plain forked child that first changes its copy of the isolation lesson's value).
    bool forkChild(pid_t pid, const QString &kind, const QString &role = QString());
    bool exitWorker(pid_t pid, int code);

    // Sends SIGTERM, SIGKILL, SIGINT, SIGSTOP or SIGCONT through the pidfd of a lab process (signal.sent). False
    // for any other signal, a process the lab did not start, or one that has ended.
    bool sendSignal(pid_t pid, int signal);
    // Reaps a kept zombie (process.reap). False when `pid` is not a zombie kept by this controller.
    bool reap(pid_t pid);
    // Ends the session's processes: SIGTERM now, SIGKILL after the grace period, every one reaped (kept zombies
    // too); emits allStopped() when none is left. Returns at once.
    void stopAll();
    // The same, waiting (at most the grace period plus one second) until everything is reaped.
    void stopAllAndWait();

    // A lab process without a control connection (a worker that another worker started: the orphan lesson's
    // children) cannot say that a thread of it started; the sampler sees it in /proc. Each such thread is recorded
    // once (thread.start) under its process's role and name, so the task list names it and takes the process's
    // main thread for the control loop it is. Called with each tick's snapshot, before its samples are recorded.
    void noticeThreads(const Snapshot &snapshot);

    QList<LabProcessInfo> processes() const { return m_processes.infos(); }
    std::optional<LabProcessInfo> process(pid_t pid) const { return m_processes.info(pid); }
    int processCount() const { return m_processes.count(); }
    // forkChild() requests that no lab process has answered yet: they count against maxProcesses.
    int pendingForkCount() const { return m_processes.pendingForkCount(); }
    int threadCount() const { return m_processes.threadCount(); }
    // PIDs of adopted processes that belong to no lab tree and are being watched until they end.
    QList<pid_t> foreignAdoptees() const;
    QString lastError() const { return m_lastError; }

    // "SIGTERM" for 15 (ControlEvents::signalName).
    static QString signalName(int signal);

Q_SIGNALS:
    void event(const SessionEvent &event);
    void allStopped();

private:

    double now() const;
    void emitEvent(SessionEvent event);
    void fail(const QString &what, const QString &message, int error = 0);
    void reportRepeats();
    LabProcessRecord *controllable(pid_t pid, const char *what);
    quint32 request(pid_t pid, const ControlMessage &message);

    void onMessage(pid_t pid, const ControlMessage &message);
    void onForkAcknowledged(LabProcessRecord *parent, const ControlMessage &message, const QString &role);
    void scanForOrphans();
    void setStopping(bool stopping);
    void killRemaining();
    void checkAllStopped();
    void terminateSynchronously(bool emitEvents);

    LabLimits m_limits;
    SessionClock m_ownClock;
    const SessionClock *m_externalClock = nullptr;
    QString m_workerProgram;
    int m_telemetryFd = -1;
    pid_t m_self = 0;
    pid_t m_processGroup = 0; // the session's process group, 0 until the first spawn
    LabProcessTable m_processes;
    LabNames m_names;
    LabReaper *m_reaper = nullptr;
    std::unique_ptr<OrphanAdoption> m_adoption;
    bool m_quiet = false; // no events (from the destructor)
    bool m_stopping = false;
    QTimer *m_orphanTimer = nullptr;
    QTimer *m_killTimer = nullptr;
    QTimer *m_repeatTimer = nullptr;
    RepeatedErrors m_repeatedErrors;
    QString m_lastError;
};
