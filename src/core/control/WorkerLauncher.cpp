#include "WorkerLauncher.h"
#include "ControlEvents.h"
#include "LimitReport.h"
#include "ProcessSpawner.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

LaunchedWorker WorkerLauncher::launch(const QString &program, const WorkerLaunch &launch, const QString &name,
                                      pid_t supervisor, int telemetryFd, pid_t *processGroup)
{
    LaunchedWorker worker;
    int sockets[2];
    if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sockets) != 0) {
        worker.error = errno;
        worker.message = tr("Cannot start lab process %1: no control socket: %2.")
                             .arg(name, LimitReport::why(worker.error));
        return worker;
    }
    // Only our end is non-blocking: O_NONBLOCK belongs to the open file description, and the worker's end is
    // another one.
    ::fcntl(sockets[0], F_SETFL, ::fcntl(sockets[0], F_GETFL) | O_NONBLOCK);

    SpawnRequest spawn;
    spawn.program = program;
    spawn.arguments = {u"--supervisor"_s, QString::number(supervisor), u"--role"_s, launch.role, u"--name"_s, name,
                       u"--nice"_s, QString::number(launch.nice), u"--control-fd"_s,
                       QString::number(ControlFdInChild)};
    spawn.descriptors = {{sockets[1], ControlFdInChild}};
    if (telemetryFd >= 0) {
        spawn.arguments << u"--telemetry-fd"_s << QString::number(TelemetryFdInChild);
        spawn.descriptors.append({telemetryFd, TelemetryFdInChild});
    }
    if (launch.queueFd >= 0) {
        spawn.arguments << u"--queue-fd"_s << QString::number(QueueFdInChild);
        spawn.descriptors.append({launch.queueFd, QueueFdInChild});
    }
    spawn.descriptors += launch.descriptors;
    spawn.arguments += launch.arguments;
    spawn.processGroup = *processGroup;

    SpawnResult result = ProcessSpawner::spawn(spawn);
    if (!result.ok() && result.error == EPERM && *processGroup != 0) {
        // setpgid() refuses a group that no longer has a member: every process of it has been reaped.
        spawn.processGroup = 0;
        result = ProcessSpawner::spawn(spawn);
        if (result.ok())
            *processGroup = 0;
    }
    ::close(sockets[1]);
    if (!result.ok()) {
        ::close(sockets[0]);
        worker.error = result.error;
        // No "the session goes on": whether it does is the caller's to say (an experiment that cannot start all
        // its processes does not start).
        worker.message = tr("Cannot start lab process %1: %2.").arg(name, LimitReport::why(worker.error));
        if (worker.error == ENOENT || worker.error == EACCES)
            worker.message = tr("Cannot start lab process %1: %2 cannot be executed (%3).")
                                 .arg(name, program, ControlEvents::errnoName(worker.error));
        return worker;
    }
    if (*processGroup == 0)
        *processGroup = result.pid;
    worker.pid = result.pid;
    worker.pidfd = std::move(result.pidfd);
    worker.controlFd = sockets[0];
    return worker;
}
