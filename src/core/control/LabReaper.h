#pragma once

#include "PidFd.h"
#include "base/SessionEvent.h"

#include <QObject>

#include <sys/types.h>

class LabProcessTable;
struct LabProcessRecord;
class TelemetryBlock;

// The end of every lab process (docs/architecture.md, "Process model"): watches each one's pidfd, reaps it with
// waitid(P_PIDFD) — or keeps it a zombie until LabController::reap() —, says how it ended (thread.exit,
// process.exit, process.zombie, process.reap), frees what it held in the telemetry block (a SIGKILLed thread
// cannot mark its slot exited nor take itself off a queue's waiters) and drops its record. LabController, the
// only code that ends a process, sends the signals and hands the exits here.
class LabReaper : public QObject
{
    Q_OBJECT
public:
    LabReaper(LabProcessTable *table, pid_t self, QObject *parent = nullptr);

    // Not owned, must outlive the reaper; null for none.
    void setTelemetryBlock(TelemetryBlock *block) { m_telemetry = block; }
    // While the session stops, a process that asked to stay a zombie is reaped like any other.
    void setStopping(bool stopping) { m_stopping = stopping; }

    // Reaps (or keeps as a zombie) the process when its pidfd becomes readable.
    void watch(LabProcessRecord *process);
    // The process ended: its threads end, its exit is told and its telemetry freed; `reaped`: it is gone too.
    void finish(pid_t pid, const ProcessExit &exit, bool reaped);
    // Drops the record and closes what it held.
    void remove(pid_t pid);
    // Reaps a kept zombie (process.reap) and drops it; false with the errno in *error.
    bool reapZombie(pid_t pid, int *error);
    // One round of the stop's synchronous wait: polls the pidfds for at most `timeoutMs`, reads the workers' last
    // messages (a child-exit is sent before its sender exits), then reaps what ended. Forked children nobody can
    // tell the end of any more (no pidfd, or their lab parent gone) are dropped.
    void waitForExits(int timeoutMs);

Q_SIGNALS:
    void event(const SessionEvent &event);
    // A watched process ended and was handled (its children may have come to the subreaper meanwhile).
    void exited(pid_t pid);

private:
    void onExitReadable(pid_t pid);
    void releaseTelemetryOf(pid_t pid);

    LabProcessTable *m_table;
    pid_t m_self;
    TelemetryBlock *m_telemetry = nullptr;
    bool m_stopping = false;
};
