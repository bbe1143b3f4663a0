#pragma once

#include "PidFd.h"
#include "base/SessionClock.h"
#include "base/SessionEvent.h"
#include "probe/Snapshot.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>

#include <map>
#include <memory>
#include <optional>

class PythonRoleDetector;

// The processes of one watched tree — a program `exec` started, or a process the user attached to — followed from
// the sampler's snapshots, each held by a pidfd from the tick it was first seen. The events it emits (process.spawn
// with ppid, name, cmdline and role; process.role; process.reparent; process.zombie; process.exit; process.reap;
// thread.start; thread.exit; signal.sent) are those of docs/session-format.md.
//
// Reaping: only processes that are this process's own children — the program, and orphans of the tree that came
// to us as child subreaper — are reaped, through waitid(P_PIDFD) as soon as they end. A zombie whose parent lives
// is left to that parent: its exit status is read from /proc/<pid>/stat (ForeignExit) while it is a zombie, and
// its disappearance is recorded as process.reap by the parent. A process that was reaped before we looked has
// process.exit with `status: "unknown"`.
//
// Signals go only through the pidfds of the tree's processes. Lives on one thread (the supervisor's main thread).
class ProcessTree : public QObject
{
    Q_OBJECT
public:
    // clock: stamps the events; must outlive the tree.
    explicit ProcessTree(const SessionClock &clock, QObject *parent = nullptr);
    // Closes the pidfds; neither signals nor reaps (see killQuietly()).
    ~ProcessTree() override;

    // The process the tree grows from, with a pidfd opened before its PID could be reused (our child), or checked
    // against its start time (an attached process). Emits process.spawn with `role`. reapable false: never reap
    // it, even when it is our child (an attached process whose parent — a QProcess — collects its status).
    void addRoot(pid_t pid, PidFd pidfd, pid_t parent, const QString &role, const QStringList &cmdline,
                 bool reapable);
    // Orphans in this process group that come to us unseen (their parent died between two ticks) belong to the
    // tree. 0: none are taken in that way.
    void setProcessGroup(pid_t group) { m_group = group; }
    // One tick: new processes (process.spawn, after a first look for their role), roles learnt late, re-parented
    // processes, threads started and ended, zombies reaped by their parent or handed to us.
    void update(const Snapshot &snapshot);

    bool contains(pid_t pid) const;
    // Not ended yet (a zombie is not live).
    bool isLive(pid_t pid) const;
    bool isEmpty() const { return m_members.empty(); }
    pid_t rootPid() const { return m_rootPid; }
    // Every process of the tree not reaped yet (zombies included).
    QList<pid_t> pids() const;
    // What the sampler must watch, each with its descendants: our own children in the tree, and the root.
    QList<int> samplerRoots() const;

    // SIGINT, SIGTERM, SIGKILL, SIGSTOP or SIGCONT to a live process of the tree through its pidfd (signal.sent).
    bool sendSignal(pid_t pid, int signal);
    // Without events: SIGKILL to every live process, then reaps ours and waits (at most waitMs) for the others to
    // be reaped by their parents. For a destructor.
    void killQuietly(int waitMs);

Q_SIGNALS:
    void event(const SessionEvent &event);
    // samplerRoots() changed.
    void rootsChanged();
    // The last process of the tree was reaped (emitted once).
    void emptied();

private:
    struct Member;

    void emitEvent(const QString &kind, const QJsonObject &fields);
    void discover(const Snapshot &snapshot);
    Member *adopt(pid_t pid, pid_t parent, quint64 startTicks, const QString &name, const QStringList &cmdline);
    void learnRoles();
    void followThreads(const Snapshot &snapshot);
    void onExitReadable(pid_t pid);
    void settleExit(Member *member);
    // It became our child (its parent died): process.reparent, and it is ours to reap from now on.
    void takeOver(Member *member);
    void recordExit(Member *member, const std::optional<ProcessExit> &exit);
    void checkZombies();
    void scanAdoptions();
    void forget(pid_t pid);
    void emitIfEmpty();

    const SessionClock &m_clock;
    pid_t m_self = 0;
    pid_t m_rootPid = 0;
    pid_t m_group = 0;
    std::map<pid_t, std::unique_ptr<Member>> m_members;
    QHash<pid_t, quint64> m_ended; // PID → start time of processes already reported gone
    std::unique_ptr<PythonRoleDetector> m_roles;
    bool m_emptied = false;
};
