#include "ProcessSpawner.h"
#include "ProgramSpawner.h"

#include <QByteArray>
#include <QList>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

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

    SpawnRequest request;
    request.program = launch.command.front();
    request.arguments = launch.command.mid(1);
    request.searchPath = true;
    request.descriptors = {{outPipe[1], STDOUT_FILENO}, {errPipe[1], STDERR_FILENO}};
    request.stdinFromNull = launch.nullStdin;
    request.workingDirectory = launch.workingDirectory;
    request.environment = childEnvironment();
    request.takeTerminal = launch.takeTerminal && !launch.nullStdin && terminalIsOurs();
    SpawnResult spawned = ProcessSpawner::spawn(request);
    ::close(outPipe[1]);
    ::close(errPipe[1]);
    if (!spawned.ok()) {
        ::close(outPipe[0]);
        ::close(errPipe[0]);
        // A child that ran its file actions before it failed (or was killed for want of a pidfd) may have
        // taken the terminal already.
        if (request.takeTerminal)
            reclaimTerminal();
        result.error = spawned.error;
        return result;
    }
    ::fcntl(outPipe[0], F_SETFL, ::fcntl(outPipe[0], F_GETFL) | O_NONBLOCK);
    ::fcntl(errPipe[0], F_SETFL, ::fcntl(errPipe[0], F_GETFL) | O_NONBLOCK);
    result.pid = spawned.pid;
    result.pidfd = std::move(spawned.pidfd);
    result.stdoutFd = outPipe[0];
    result.stderrFd = errPipe[0];
    result.tookTerminal = request.takeTerminal;
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
