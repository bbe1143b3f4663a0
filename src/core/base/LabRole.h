#pragma once

#include <QLatin1String>
#include <QString>
#include <QtGlobal>

// The role of every lab process and thread, one name each, as the worker runs them and the session records them
// (process.spawn, thread.start: "role"). Code starts, compares and counts roles with these names, never with
// string literals, and never by the prefix of a name: a name is the user's or LabController's ("producer-3"),
// the role is what the thread does.
namespace LabRole {
// Processes that run no thread of their own role.
inline constexpr QLatin1String Host{"host"};     // a worker that starts threads on command only
inline constexpr QLatin1String Python{"python"}; // a worker that execs python3 on a lab script
inline constexpr QLatin1String Orphan{"orphan"}; // a process of a lab group that came to the subreaper unannounced
inline constexpr QLatin1String Program{"program"};   // the user's own program (ProgramRun, Run a program…)
inline constexpr QLatin1String Attached{"attached"}; // a process the user attached to (ProgramRun, Attach…)
inline constexpr QLatin1String Child{"child"};       // a descendant of either (ProcessTree)
inline constexpr QLatin1String IsolatedChild{"child-copy"}; // isolation: a forked copy of the parent ("child-copy-1")
inline constexpr QLatin1String IsolatedThread{"isolated-thread"}; // isolation: a thread changing the one value
// Thread roles (WorkerThread): a worker starts one with --role, or on an "add" command.
inline constexpr QLatin1String Producer{"producer"};
inline constexpr QLatin1String Consumer{"consumer"};
inline constexpr QLatin1String Poller{"poller"};
inline constexpr QLatin1String Cpu{"cpu"};
inline constexpr QLatin1String Io{"io"};
inline constexpr QLatin1String Sleeper{"sleeper"};
inline constexpr QLatin1String LockTaker{"lock-taker"};
inline constexpr QLatin1String Racer{"racer"};
inline constexpr QLatin1String Joiner{"joiner"};
inline constexpr QLatin1String JoinerChild{"joiner-child"}; // the joiner's forked child (a slot, no lab thread)
inline constexpr QLatin1String Isolation{"isolation"};
inline constexpr QLatin1String Pool{"pool"};
inline constexpr QLatin1String PoolWorker{"pool-worker"};

// True for the roles a worker thread can run (Producer … PoolWorker, JoinerChild excluded).
bool isThreadRole(const QString &role);
// Which side of queue `queue` (or the pipe, queue 0) a thread of this role is on. Producers put, consumers and
// pollers take; the pool's driver puts tasks on queue 0 and takes results from queue 1, its workers the other way
// round; the joiner reads the pipe its child writes.
bool putsInto(const QString &role, qint64 queue);
bool takesFrom(const QString &role, qint64 queue);
} // namespace LabRole
