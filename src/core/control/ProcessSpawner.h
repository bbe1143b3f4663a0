#pragma once

#include "PidFd.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <sys/types.h>

// What to start and how.
struct SpawnRequest
{
    QString program;        // an absolute path; with searchPath a name looked up in PATH unless it contains '/'
    QStringList arguments;  // argv[1…]
    bool searchPath = false; // posix_spawnp (a user's command) instead of posix_spawn (a lab worker)
    pid_t processGroup = 0; // the experiment's group; 0 starts a new group led by the child
    // Descriptors the child gets at fixed numbers: {descriptor in this process, number in the child}.
    // Targets must be distinct; 0, 1 and 2 are inherited unless mapped; every other descriptor is closed.
    QList<QPair<int, int>> descriptors;
    bool stdinFromNull = false; // stdin reads /dev/null
    QString workingDirectory;   // empty: the supervisor's
    // The child's whole environment ("NAME=value" each); empty: the supervisor's.
    QList<QByteArray> environment;
    // Make the child's new group the foreground group of the terminal on stdin before its first instruction.
    bool takeTerminal = false;
};

// The child, or why there is none.
struct SpawnResult
{
    pid_t pid = -1;
    PidFd pidfd;   // opened at once, while the unreaped child's PID cannot be reused
    int error = 0; // errno of posix_spawn or pidfd_open (EAGAIN: RLIMIT_NPROC or out of PIDs; EMFILE …)
    bool ok() const { return pid > 0 && pidfd.isValid(); }
};

// The one place ProcLab starts a process: lab workers (WorkerLauncher, for LabController) and the user's own
// programs (ProgramSpawner, for ProgramRun) both come here.
//
// Contract: on success the child runs `program` in `processGroup` with the descriptors mapped, default signal
// dispositions, an empty signal mask and the supervisor's original RLIMIT_NOFILE soft limit; its pidfd is open.
// On failure nothing is left: no child (a child whose pidfd could not be opened is killed and reaped), no
// descriptor. Call from a long-lived thread: a worker's parent-death signal fires when the *thread* that spawned
// it ends, not the process.
class ProcessSpawner
{
public:
    static SpawnResult spawn(const SpawnRequest &request);
};
