#include "ProgramSpawner.h"
#include "probe/FileLimit.h"

#include <QByteArray>
#include <QList>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include <vector>

extern char **environ;

int ProgramSpawnResult::shellStatus() const
{
    if (ok())
        return 0;
    switch (error) {
    case ENOENT:
    case ENOTDIR:
        return 127;
    case EACCES:
    case ENOEXEC:
    case EPERM:
    case EISDIR:
        return 126;
    default:
        return 1;
    }
}

namespace {

bool terminalIsOurs()
{
    return ::isatty(STDIN_FILENO) == 1 && ::tcgetpgrp(STDIN_FILENO) == ::getpgrp();
}

// The environment of the child: ours, with PYTHONUNBUFFERED=1.
QList<QByteArray> childEnvironment()
{
    QList<QByteArray> entries;
    for (char **entry = environ; entry && *entry; ++entry) {
        const QByteArray text(*entry);
        if (!text.startsWith("PYTHONUNBUFFERED="))
            entries.append(text);
    }
    entries.append(QByteArrayLiteral("PYTHONUNBUFFERED=1"));
    return entries;
}

} // namespace

ProgramSpawnResult ProgramSpawner::spawn(const ProgramLaunch &launch)
{
    ProgramSpawnResult result;
    if (launch.command.isEmpty()) {
        result.error = ENOENT;
        return result;
    }
    int outPipe[2] = {-1, -1};
    int errPipe[2] = {-1, -1};
    if (::pipe2(outPipe, O_CLOEXEC) != 0 || ::pipe2(errPipe, O_CLOEXEC) != 0) {
        result.error = errno;
        for (int fd : {outPipe[0], outPipe[1], errPipe[0], errPipe[1]}) {
            if (fd >= 0)
                ::close(fd);
        }
        return result;
    }

    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    ::posix_spawn_file_actions_init(&actions);
    ::posix_spawnattr_init(&attributes);
    if (launch.nullStdin)
        ::posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    ::posix_spawn_file_actions_adddup2(&actions, outPipe[1], STDOUT_FILENO);
    ::posix_spawn_file_actions_adddup2(&actions, errPipe[1], STDERR_FILENO);
    // Nothing of the supervisor's (session file, sampler's kept /proc files, pidfds) leaks into the program.
    ::posix_spawn_file_actions_addclosefrom_np(&actions, 3);
    const QByteArray directory = launch.workingDirectory.toLocal8Bit();
    if (!directory.isEmpty())
        ::posix_spawn_file_actions_addchdir_np(&actions, directory.constData());
    // glibc runs this in the child after setpgid and with every signal blocked, so the background group's
    // SIGTTOU cannot stop it; the program is in the foreground before its first instruction (no SIGTTIN race).
    const bool takeTerminal = launch.takeTerminal && !launch.nullStdin && terminalIsOurs();
    if (takeTerminal)
        ::posix_spawn_file_actions_addtcsetpgrp_np(&actions, STDIN_FILENO);

    sigset_t defaults;
    sigfillset(&defaults);
    sigset_t empty;
    sigemptyset(&empty);
    ::posix_spawnattr_setsigdefault(&attributes, &defaults);
    ::posix_spawnattr_setsigmask(&attributes, &empty);
    ::posix_spawnattr_setpgroup(&attributes, 0);
    ::posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

    QList<QByteArray> argumentBytes;
    for (const QString &argument : launch.command)
        argumentBytes.append(argument.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &argument : argumentBytes)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    QList<QByteArray> environment = childEnvironment();
    std::vector<char *> envp;
    for (QByteArray &entry : environment)
        envp.push_back(entry.data());
    envp.push_back(nullptr);

    pid_t pid = -1;
    const int rc = ::posix_spawnp(&pid, argv.front(), &actions, &attributes, argv.data(), envp.data());
    ::posix_spawn_file_actions_destroy(&actions);
    ::posix_spawnattr_destroy(&attributes);
    ::close(outPipe[1]);
    ::close(errPipe[1]);
    if (rc != 0) {
        ::close(outPipe[0]);
        ::close(errPipe[0]);
        result.error = rc;
        return result;
    }
    int openError = 0;
    result.pidfd = PidFd::open(pid, &openError);
    if (!result.pidfd.isValid()) {
        // We cannot watch it, so it must not live. Until we reap it its PID is ours: kill/waitpid are safe here.
        ::kill(pid, SIGKILL);
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        ::close(outPipe[0]);
        ::close(errPipe[0]);
        if (takeTerminal)
            reclaimTerminal();
        result.error = openError;
        return result;
    }
    ::fcntl(outPipe[0], F_SETFL, ::fcntl(outPipe[0], F_GETFL) | O_NONBLOCK);
    ::fcntl(errPipe[0], F_SETFL, ::fcntl(errPipe[0], F_GETFL) | O_NONBLOCK);
    result.pid = pid;
    result.stdoutFd = outPipe[0];
    result.stderrFd = errPipe[0];
    result.tookTerminal = takeTerminal;
    FileLimit::restoreOn(pid);
    return result;
}

void ProgramSpawner::reclaimTerminal()
{
    if (::isatty(STDIN_FILENO) != 1)
        return;
    // From a background group tcsetpgrp() raises SIGTTOU, which would stop us: block it in this thread meanwhile.
    sigset_t ttou;
    sigset_t previous;
    sigemptyset(&ttou);
    sigaddset(&ttou, SIGTTOU);
    ::pthread_sigmask(SIG_BLOCK, &ttou, &previous);
    ::tcsetpgrp(STDIN_FILENO, ::getpgrp());
    ::pthread_sigmask(SIG_SETMASK, &previous, nullptr);
}
