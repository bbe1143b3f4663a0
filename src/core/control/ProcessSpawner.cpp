#include "ProcessSpawner.h"
#include "probe/FileLimit.h"

#include <QByteArray>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace {

// Descriptors are moved above every target first, so that a source that happens to equal another mapping's
// target (a small process whose socketpair is fds 3 and 4) is never overwritten before it is copied. Also avoids
// dup2(n, n), which would leave FD_CLOEXEC set in older glibc. The floor is just above the highest target, not a
// fixed 64: under `ulimit -n 64` F_DUPFD with 64 fails with EINVAL, a bare "Invalid argument" for the user.

} // namespace

SpawnResult ProcessSpawner::spawn(const SpawnRequest &request)
{
    SpawnResult result;
    int highestTarget = 2;
    for (const auto &mapping : request.descriptors)
        highestTarget = std::max(highestTarget, mapping.second);
    std::vector<int> staged;
    for (const auto &[source, target] : request.descriptors) {
        int copy = ::fcntl(source, F_DUPFD_CLOEXEC, highestTarget + 1);
        if (copy < 0 && errno == EINVAL)
            errno = EMFILE; // the floor is at or above RLIMIT_NOFILE: no descriptor left there
        if (copy < 0) {
            result.error = errno;
            for (int fd : staged)
                ::close(fd);
            return result;
        }
        staged.push_back(copy);
    }

    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    ::posix_spawn_file_actions_init(&actions);
    ::posix_spawnattr_init(&attributes);
    if (request.stdinFromNull)
        ::posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    for (qsizetype i = 0; i < request.descriptors.size(); ++i)
        ::posix_spawn_file_actions_adddup2(&actions, staged[size_t(i)], request.descriptors.at(i).second);
    // Nothing else leaks into the child (session file, the sampler's kept /proc files, pidfds), whether or not
    // its opener remembered O_CLOEXEC.
    ::posix_spawn_file_actions_addclosefrom_np(&actions, highestTarget + 1);
    const QByteArray directory = request.workingDirectory.toLocal8Bit();
    if (!directory.isEmpty())
        ::posix_spawn_file_actions_addchdir_np(&actions, directory.constData());
    // glibc runs this in the child after setpgid and with every signal blocked, so the background group's
    // SIGTTOU cannot stop it; the program is in the foreground before its first instruction (no SIGTTIN race).
    if (request.takeTerminal)
        ::posix_spawn_file_actions_addtcsetpgrp_np(&actions, STDIN_FILENO);

    sigset_t defaults;
    sigfillset(&defaults);
    sigset_t empty;
    sigemptyset(&empty);
    ::posix_spawnattr_setsigdefault(&attributes, &defaults);
    ::posix_spawnattr_setsigmask(&attributes, &empty);
    ::posix_spawnattr_setpgroup(&attributes, request.processGroup);
    ::posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

    const QByteArray program = request.program.toLocal8Bit();
    QList<QByteArray> argumentBytes;
    argumentBytes.reserve(request.arguments.size());
    for (const QString &argument : request.arguments)
        argumentBytes.append(argument.toLocal8Bit());
    std::vector<char *> argv;
    argv.push_back(const_cast<char *>(program.constData()));
    for (QByteArray &argument : argumentBytes)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    QList<QByteArray> environment = request.environment;
    std::vector<char *> envp;
    for (QByteArray &entry : environment)
        envp.push_back(entry.data());
    envp.push_back(nullptr);
    char **childEnvironment = request.environment.isEmpty() ? environ : envp.data();

    pid_t pid = -1;
    const int rc = request.searchPath
                       ? ::posix_spawnp(&pid, program.constData(), &actions, &attributes, argv.data(), childEnvironment)
                       : ::posix_spawn(&pid, program.constData(), &actions, &attributes, argv.data(), childEnvironment);
    ::posix_spawn_file_actions_destroy(&actions);
    ::posix_spawnattr_destroy(&attributes);
    for (int fd : staged)
        ::close(fd);
    if (rc != 0) {
        result.error = rc;
        return result;
    }

    int openError = 0;
    result.pidfd = PidFd::open(pid, &openError);
    if (!result.pidfd.isValid()) {
        // Out of descriptors right after the spawn: we cannot watch this child, so it must not live. Until we
        // reap it its PID is ours, so kill()/waitpid() on it are safe here.
        ::kill(pid, SIGKILL);
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        result.error = openError;
        return result;
    }
    result.pid = pid;

    // The supervisor raised its own soft limit; children get the usual one back. posix_spawn has no rlimit
    // action, so it is set from outside right away (the program may have run its first instructions).
    FileLimit::restoreOn(pid);
    return result;
}
