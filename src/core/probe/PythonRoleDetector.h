#pragma once

#include "ProcSource.h"

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

// What /proc shows of one process, as far as recognising Python's multiprocessing helpers needs.
struct PythonProcessFacts
{
    int pid = 0;
    int ppid = 0;
    QStringList cmdline;
    QSet<quint64> pipes;   // inodes of its pipe:[N] descriptors
    QSet<quint64> sockets; // inodes of its socket:[N] descriptors
    int threads = 0;       // entries of task/
};

// Names the processes of a Python multiprocessing program: "pool worker", "manager", "resource tracker",
// "forkserver", "spawned child", or "" when it is none of these (or not Python).
//
// CPython forks by default on Linux (3.8–3.13), so a Pool worker or a Manager's server has exactly its parent's
// command line; they are told apart by what they hold, read from /proc:
//  - resource tracker / forkserver: their module is in the command line (they are always exec'd);
//  - manager: it owns a listening Unix socket bound under pymp-…/listener-… (its socket inodes in /proc/net/unix);
//  - pool worker: the parent runs the Pool's three handler threads (≥ 4 threads) and at least two children of it
//    share ≥ 2 pipe inodes that the parent holds too (the task and result queues); a Pool of one worker is
//    therefore not named, and a plain Process forked by a parent that holds a Pool is named like its workers;
//  - spawned child: started by the spawn start method (multiprocessing.spawn … --multiprocessing-fork), or
//    forked by the forkserver.
// The facts appear a little after the fork (the listener is bound, the handler threads start): callers classify
// again on later ticks and report a role learnt late.
class PythonRoleDetector
{
public:
    // source: where to read (a fake tree in tests); null means the real /proc (LinuxProcSource).
    explicit PythonRoleDetector(std::unique_ptr<ProcSource> source = nullptr);
    ~PythonRoleDetector();
    PythonRoleDetector(const PythonRoleDetector &) = delete;
    PythonRoleDetector &operator=(const PythonRoleDetector &) = delete;

    // Reads the facts of `pids` and of their parents, and /proc/net/unix once, then classifies every one of
    // `pids`. A PID that vanished gets no entry.
    QHash<int, QString> detect(const QList<int> &pids) const;
    // One process's facts; false when it is gone.
    bool readFacts(int pid, PythonProcessFacts *facts) const;

    // Pure classification of `process`; `known` holds (at least) its parent and its siblings by PID.
    static QString classify(const PythonProcessFacts &process, const QHash<int, PythonProcessFacts> &known,
                            const QSet<quint64> &pympListeners);
    // Inodes of listening Unix sockets whose path holds "pymp-" and "/listener-", from /proc/net/unix.
    static QSet<quint64> parsePympListeners(QByteArrayView netUnix);
    // argv[0]'s file name starts with "python" (python3, python3.11, python3-dbg …).
    static bool isPython(const QStringList &cmdline);
    // "pipe:[123]" → 123 under kind "pipe"; 0 when the link is of another kind.
    static quint64 linkInode(QByteArrayView link, QByteArrayView kind);

private:
    std::unique_ptr<ProcSource> m_source;
};
