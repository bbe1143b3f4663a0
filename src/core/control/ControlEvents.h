#pragma once

#include "LabProcessInfo.h"
#include "PidFd.h"
#include "base/SessionEvent.h"

#include <QString>

#include <sys/types.h>

// The session events of process control, with exactly the fields docs/session-format.md lists for them. The
// events carry no time: LabController stamps t when it emits them.
class ControlEvents
{
public:
    // process.spawn: pid, ppid, role, name, pgid.
    static SessionEvent processSpawn(pid_t pid, pid_t parent, const QString &role, const QString &name, pid_t group);
    // process.exit: pid and code, or signal and signal_name.
    static SessionEvent processExit(pid_t pid, const ProcessExit &exit);
    // process.zombie: pid, ppid.
    static SessionEvent processZombie(pid_t pid, pid_t parent);
    // process.reap: pid; `by` (when not 0) the lab process that reaped it instead of the supervisor.
    static SessionEvent processReap(pid_t pid, pid_t by = 0);
    // process.reparent: pid, from (0: a parent the lab never knew), to; role when known only now.
    static SessionEvent processReparent(pid_t pid, pid_t from, pid_t to, const QString &role = QString());
    // thread.start: pid, tid, role, name.
    static SessionEvent threadStart(pid_t pid, const LabThreadInfo &thread);
    // thread.exit: pid, tid, role.
    static SessionEvent threadExit(pid_t pid, const LabThreadInfo &thread);
    // signal.sent: pid, signal, signal_name.
    static SessionEvent signalSent(pid_t pid, int signal);
    // error: what (spawn, thread, fork, signal, reap, command), message (translated), errno and errno_name.
    static SessionEvent error(const QString &what, const QString &message, int error = 0);

    // "SIGTERM" for 15, "SIGRTMIN+2" …
    static QString signalName(int signal);
    // "EAGAIN" for 11 …
    static QString errnoName(int error);

private:
    static SessionEvent make(const QString &kind, const QJsonObject &fields);
};
