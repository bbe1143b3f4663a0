#include "ProcessTree.h"

#include "ChildScanner.h"
#include "ControlEvents.h"
#include "ForeignExit.h"
#include "base/EventKind.h"
#include "base/LabRole.h"
#include "probe/PythonRoleDetector.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QSocketNotifier>
#include <QThread>

#include <cerrno>
#include <csignal>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {
// A role may show a while after the start (Pool handler threads, a Manager's listener, later still under the
// spawn start method, which imports the program again): look at the first this many ticks.
constexpr int RoleChecks = 50;

QString readComm(pid_t pid)
{
    QFile file(u"/proc/%1/comm"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}
} // namespace

struct ProcessTree::Member
{
    pid_t pid = 0;
    pid_t parent = 0;
    quint64 startTicks = 0;
    PidFd pidfd;
    QSocketNotifier *notifier = nullptr;
    QString name;
    QStringList cmdline;
    QString role;
    int roleChecks = 0;
    bool announced = false; // process.spawn recorded
    bool ours = false;      // our child (the program, or an adopted orphan): waitid() works on it
    bool exited = false;    // process.exit recorded; a zombie until its parent reaps it
    bool checkByTick = false; // its pidfd said "ended" but /proc did not show a zombie yet
    bool reapable = true;     // false for an attached process: whoever started it collects its status
    QHash<int, QString> threads; // tid → name, the main thread excluded
};

ProcessTree::ProcessTree(const SessionClock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_self(::getpid())
    , m_roles(std::make_unique<PythonRoleDetector>())
{
}

ProcessTree::~ProcessTree()
{
    for (auto &[pid, member] : m_members)
        delete member->notifier;
}

void ProcessTree::emitEvent(const QString &kind, const QJsonObject &fields)
{
    Q_EMIT event(SessionEvent{m_clock.now(), kind, fields});
}

void ProcessTree::addRoot(pid_t pid, PidFd pidfd, pid_t parent, const QString &role, const QStringList &cmdline,
                          bool reapable)
{
    const std::optional<ChildStat> stat = ChildScanner::readStat(pid);
    auto root = std::make_unique<Member>();
    root->pid = pid;
    root->parent = parent;
    root->startTicks = stat ? stat->startTime : 0;
    root->pidfd = std::move(pidfd);
    root->reapable = reapable;
    root->ours = reapable && parent == m_self;
    root->name = readComm(pid);
    root->cmdline = cmdline;
    root->role = role;
    root->roleChecks = RoleChecks;
    root->announced = true;
    root->notifier = new QSocketNotifier(root->pidfd.fd(), QSocketNotifier::Read, this);
    connect(root->notifier, &QSocketNotifier::activated, this, [this, pid] { onExitReadable(pid); });
    emitEvent(EventKind::ProcessSpawn, {{u"pid"_s, qint64(pid)}, {u"ppid"_s, qint64(parent)}, {u"name"_s, root->name},
                                   {u"role"_s, role}, {u"cmdline"_s, QJsonArray::fromStringList(cmdline)}});
    m_rootPid = pid;
    m_members.emplace(pid, std::move(root));
    Q_EMIT rootsChanged();
}

void ProcessTree::update(const Snapshot &snapshot)
{
    discover(snapshot);
    learnRoles();
    followThreads(snapshot);
    checkZombies();
    emitIfEmpty();
}

bool ProcessTree::contains(pid_t pid) const
{
    return m_members.find(pid) != m_members.end();
}

QList<pid_t> ProcessTree::pids() const
{
    QList<pid_t> pids;
    for (const auto &[pid, member] : m_members)
        pids.append(pid);
    return pids;
}

QList<int> ProcessTree::samplerRoots() const
{
    // The sampler follows descendants of the roots; an adopted orphan is no longer below the program, so every
    // process that is our own child is a root of its own — and so is an attached process, which is not.
    QList<int> roots;
    for (const auto &[pid, member] : m_members) {
        if ((member->ours || pid == m_rootPid) && !member->exited)
            roots.append(int(pid));
    }
    return roots;
}

bool ProcessTree::isLive(pid_t pid) const
{
    const auto found = m_members.find(pid);
    return found != m_members.end() && !found->second->exited;
}

void ProcessTree::emitIfEmpty()
{
    if (m_members.empty() && m_rootPid != 0 && !m_emptied) {
        m_emptied = true;
        Q_EMIT emptied();
    }
}

void ProcessTree::killQuietly(int waitMs)
{
    for (const auto &[pid, member] : m_members) {
        if (!member->exited)
            member->pidfd.sendSignal(SIGKILL);
    }
    const QDeadlineTimer deadline(waitMs);
    while (!m_members.empty() && !deadline.hasExpired()) {
        const QList<pid_t> children = ChildScanner::children();
        for (auto it = m_members.begin(); it != m_members.end();) {
            Member &member = *it->second;
            const bool ours = member.ours || children.contains(member.pid);
            const std::optional<ChildStat> stat = ChildScanner::readStat(member.pid);
            const bool gone = !stat || stat->startTime != member.startTicks;
            if ((ours && member.pidfd.reap()) || (!ours && gone)) {
                delete member.notifier;
                it = m_members.erase(it);
            } else {
                ++it;
            }
        }
        if (!m_members.empty())
            QThread::msleep(5);
    }
}


void ProcessTree::discover(const Snapshot &snapshot)
{
    for (const ProcessSample &process : snapshot.processes) {
        if (process.gone)
            continue;
        const auto found = m_members.find(pid_t(process.pid));
        if (found != m_members.end()) {
            Member &member = *found->second;
            // Once ours it stays ours until reaped; a snapshot older than the adoption must not undo it.
            if (member.ours || member.startTicks != process.startTicks || process.ppid == 0
                || process.ppid == member.parent)
                continue;
            // Its parent died: the kernel gave it to its nearest subreaper (us, or one the program set up).
            emitEvent(EventKind::ProcessReparent, {{u"pid"_s, qint64(member.pid)}, {u"from"_s, qint64(member.parent)},
                                              {u"to"_s, qint64(process.ppid)}});
            member.parent = process.ppid;
            if (process.ppid == m_self && !member.ours && member.reapable) {
                member.ours = true;
                Q_EMIT rootsChanged();
                if (member.exited || member.checkByTick)
                    settleExit(&member);
            }
            continue;
        }
        if (m_members.find(pid_t(process.ppid)) == m_members.end() && process.ppid != m_self)
            continue;
        // A snapshot taken before a process was reaped still lists it: it was reported already.
        if (m_ended.value(pid_t(process.pid)) == process.startTicks)
            continue;
        adopt(process.pid, process.ppid, process.startTicks, process.name, process.cmdline);
    }
}

ProcessTree::Member *ProcessTree::adopt(pid_t pid, pid_t parent, quint64 startTicks, const QString &name,
                                     const QStringList &cmdline)
{
    // The PID came from /proc: it may have been recycled before pidfd_open, hence the start-time check.
    PidFd pidfd = ChildScanner::openChecked(pid, startTicks);
    auto member = std::make_unique<Member>();
    member->pid = pid;
    member->parent = parent;
    member->startTicks = startTicks;
    member->name = name;
    member->cmdline = cmdline;
    member->role = LabRole::Child;
    member->ours = parent == m_self;
    if (!pidfd.isValid()) {
        // Reaped between the tick and now: it lived, but its status went with it.
        emitEvent(EventKind::ProcessSpawn, {{u"pid"_s, qint64(pid)}, {u"ppid"_s, qint64(parent)}, {u"name"_s, name},
                                       {u"role"_s, member->role}, {u"cmdline"_s, QJsonArray::fromStringList(cmdline)}});
        emitEvent(EventKind::ProcessExit, {{u"pid"_s, qint64(pid)}, {u"status"_s, u"unknown"_s}});
        m_ended.insert(pid, startTicks);
        return nullptr;
    }
    member->pidfd = std::move(pidfd);
    member->notifier = new QSocketNotifier(member->pidfd.fd(), QSocketNotifier::Read, this);
    connect(member->notifier, &QSocketNotifier::activated, this, [this, pid] { onExitReadable(pid); });
    // Not yet announced: learnRoles() names it first, so process.spawn carries the role when it is known at once.
    member->notifier->setEnabled(false);
    Member *raw = member.get();
    m_members.emplace(pid, std::move(member));
    if (raw->ours)
        Q_EMIT rootsChanged();
    return raw;
}

void ProcessTree::learnRoles()
{
    QList<int> pending;
    for (const auto &[pid, member] : m_members) {
        if (!member->exited && member->roleChecks < RoleChecks)
            pending.append(int(pid));
    }
    const QHash<int, QString> roles = pending.isEmpty() ? QHash<int, QString>() : m_roles->detect(pending);
    for (int pid : std::as_const(pending)) {
        Member &member = *m_members.at(pid_t(pid));
        ++member.roleChecks;
        const QString role = roles.value(pid);
        if (!role.isEmpty() && role != member.role) {
            member.role = role;
            // "spawned child" only says how it started: a spawned Pool worker or Manager server is named so
            // until its handler threads or its listener appear, so keep looking. The other roles are final, and a
            // Pool's shutdown (its handler threads end first) must not un-name its workers.
            if (role != u"spawned child"_s)
                member.roleChecks = RoleChecks;
            if (member.announced)
                emitEvent(EventKind::ProcessRole, {{u"pid"_s, qint64(pid)}, {u"role"_s, role}});
        }
    }
    for (auto &[pid, member] : m_members) {
        if (member->announced)
            continue;
        member->announced = true;
        emitEvent(EventKind::ProcessSpawn, {{u"pid"_s, qint64(pid)}, {u"ppid"_s, qint64(member->parent)},
                                       {u"name"_s, member->name}, {u"role"_s, member->role},
                                       {u"cmdline"_s, QJsonArray::fromStringList(member->cmdline)}});
        if (!member->ours && member->parent != m_rootPid && member->parent != m_self
            && m_members.find(member->parent) == m_members.end()) {
            // Seen first under an unknown parent: say where it hangs.
            emitEvent(EventKind::ProcessReparent, {{u"pid"_s, qint64(pid)}, {u"from"_s, 0}, {u"to"_s, qint64(member->parent)}});
        }
        member->notifier->setEnabled(true); // fires at once if it has already ended
    }
}

void ProcessTree::followThreads(const Snapshot &snapshot)
{
    for (const TaskSample &task : snapshot.tasks) {
        if (task.tid == task.pid)
            continue;
        const auto found = m_members.find(pid_t(task.pid));
        if (found == m_members.end() || !found->second->announced)
            continue;
        Member &member = *found->second;
        const bool known = member.threads.contains(task.tid);
        if (task.state == TaskState::Terminated) {
            if (known) {
                emitEvent(EventKind::ThreadExit, {{u"pid"_s, task.pid}, {u"tid"_s, task.tid}, {u"name"_s, member.threads.value(task.tid)}});
                member.threads.remove(task.tid);
            }
        } else if (!known && !member.exited) {
            member.threads.insert(task.tid, task.name);
            emitEvent(EventKind::ThreadStart, {{u"pid"_s, task.pid}, {u"tid"_s, task.tid}, {u"name"_s, task.name}});
        }
    }
}

void ProcessTree::onExitReadable(pid_t pid)
{
    // Zombies its parent reaped just before it ended are reported first, so the log keeps the kernel's order.
    checkZombies();
    const auto found = m_members.find(pid);
    if (found != m_members.end())
        settleExit(found->second.get());
    scanAdoptions();
    emitIfEmpty();
}

void ProcessTree::settleExit(Member *member)
{
    const pid_t pid = member->pid;
    if (!member->ours && member->reapable) {
        // Handed to us a moment ago because its parent died: then it is ours to reap now.
        const std::optional<ChildStat> stat = ChildScanner::readStat(pid);
        if (stat && stat->startTime == member->startTicks && stat->parent == m_self)
            takeOver(member);
    }
    if (member->ours) {
        const std::optional<ProcessExit> exit = member->pidfd.reap();
        if (!exit)
            return; // still running: a spurious wake-up
        if (!member->exited)
            recordExit(member, exit);
        emitEvent(EventKind::ProcessReap, {{u"pid"_s, qint64(pid)}});
        forget(pid);
        return;
    }
    if (member->exited)
        return; // a zombie of a living parent: the program reaps it, not us
    // Not our child: the parent collects the status; /proc still shows it while the process is a zombie.
    const std::optional<ChildStat> stat = ChildScanner::readStat(pid);
    if (!stat || stat->startTime != member->startTicks) {
        recordExit(member, std::nullopt);
        forget(pid);
        return;
    }
    const std::optional<ProcessExit> exit = ForeignExit::read(pid, member->startTicks);
    if (member->notifier)
        member->notifier->setEnabled(false); // a zombie's pidfd stays readable
    if (!exit) {
        member->checkByTick = true; // ended, but the kernel has not made it a zombie yet
        return;
    }
    member->checkByTick = false;
    recordExit(member, exit);
    emitEvent(EventKind::ProcessZombie, {{u"pid"_s, qint64(pid)}, {u"ppid"_s, qint64(stat->parent)}});
}

void ProcessTree::takeOver(Member *member)
{
    emitEvent(EventKind::ProcessReparent, {{u"pid"_s, qint64(member->pid)}, {u"from"_s, qint64(member->parent)},
                                      {u"to"_s, qint64(m_self)}});
    member->parent = m_self;
    member->ours = true;
    Q_EMIT rootsChanged();
}

void ProcessTree::recordExit(Member *member, const std::optional<ProcessExit> &exit)
{
    member->exited = true;
    for (auto it = member->threads.constBegin(); it != member->threads.constEnd(); ++it)
        emitEvent(EventKind::ThreadExit, {{u"pid"_s, qint64(member->pid)}, {u"tid"_s, it.key()}, {u"name"_s, it.value()}});
    member->threads.clear();
    if (exit) {
        SessionEvent event = ControlEvents::processExit(member->pid, *exit);
        event.t = m_clock.now();
        Q_EMIT this->event(event);
    } else {
        emitEvent(EventKind::ProcessExit, {{u"pid"_s, qint64(member->pid)}, {u"status"_s, u"unknown"_s}});
    }
}

void ProcessTree::checkZombies()
{
    QList<pid_t> pids;
    for (const auto &[pid, member] : m_members) {
        if (member->exited || member->checkByTick)
            pids.append(pid);
    }
    for (pid_t pid : std::as_const(pids)) {
        const auto found = m_members.find(pid);
        if (found == m_members.end())
            continue;
        Member &member = *found->second;
        if (member.checkByTick || member.ours) {
            settleExit(&member);
            continue;
        }
        const std::optional<ChildStat> stat = ChildScanner::readStat(pid);
        if (!stat || stat->startTime != member.startTicks) {
            // Its parent, a process of the program, collected the status.
            emitEvent(EventKind::ProcessReap, {{u"pid"_s, qint64(pid)}, {u"by"_s, qint64(member.parent)}});
            forget(pid);
        }
    }
    scanAdoptions();
}

void ProcessTree::scanAdoptions()
{
    for (const pid_t pid : ChildScanner::children()) {
        const auto found = m_members.find(pid);
        if (found != m_members.end()) {
            Member &member = *found->second;
            if (member.ours || !member.reapable)
                continue;
            takeOver(&member);
            if (member.exited || member.checkByTick)
                settleExit(&member); // a zombie whose parent died: now it is ours to reap
            else if (member.notifier && member.announced)
                member.notifier->setEnabled(true);
            continue;
        }
        // An orphan of the program we never saw (its parent died before a tick found it): it is ours now, and
        // its process group says it belongs to the program. Other children of the supervisor are left alone.
        const std::optional<ChildStat> stat = ChildScanner::readStat(pid);
        if (m_group <= 0 || !stat || stat->processGroup != m_group)
            continue;
        QFile cmdlineFile(u"/proc/%1/cmdline"_s.arg(pid));
        QStringList cmdline;
        if (cmdlineFile.open(QIODevice::ReadOnly)) {
            for (const QByteArray &argument : cmdlineFile.readAll().split('\0')) {
                if (!argument.isEmpty())
                    cmdline << QString::fromLocal8Bit(argument);
            }
        }
        adopt(pid, m_self, stat->startTime, readComm(pid), cmdline);
    }
}

void ProcessTree::forget(pid_t pid)
{
    const auto found = m_members.find(pid);
    if (found == m_members.end())
        return;
    if (found->second->notifier) {
        found->second->notifier->setEnabled(false);
        found->second->notifier->deleteLater();
    }
    const bool wasRoot = found->second->ours || pid == m_rootPid;
    m_ended.insert(pid, found->second->startTicks);
    m_members.erase(found);
    if (wasRoot)
        Q_EMIT rootsChanged();
}

bool ProcessTree::sendSignal(pid_t pid, int signal)
{
    static const QList<int> allowed{SIGINT, SIGTERM, SIGKILL, SIGSTOP, SIGCONT};
    const auto found = m_members.find(pid);
    if (!allowed.contains(signal) || found == m_members.end() || found->second->exited)
        return false;
    const int error = found->second->pidfd.sendSignal(signal);
    if (error != 0)
        return false;
    SessionEvent event = ControlEvents::signalSent(pid, signal);
    event.t = m_clock.now();
    Q_EMIT this->event(event);
    return true;
}
