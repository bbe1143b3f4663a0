#pragma once

#include "PidFd.h"
#include "base/LabRole.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <sys/types.h>

// How to start one proclab-worker.
struct WorkerLaunch
{
    QString role = LabRole::Host;          // host (threads on command only), producer, consumer, cpu, io, sleeper
    QString name;                          // shown name; "<role>-<n>" when empty
    QStringList arguments;                 // more worker options, e.g. {"--rate", "200"}
    bool keepZombie = false;               // stays a zombie when it ends, until LabController::reap()
    int queueFd = -1;                      // a stand-alone SharedQueue memfd to give it as fd 5, or -1
    // More descriptors for the child: {fd here, number there ≥ 6} (pipe ends for channel=pipe); the worker
    // options that name them go in `arguments`.
    QList<QPair<int, int>> descriptors;
    int nice = 5;                          // its nice value (docs/architecture.md: +5 keeps the window responsive)
};

// A started worker, or why there is none.
struct LaunchedWorker
{
    pid_t pid = -1;
    PidFd pidfd;
    int controlFd = -1; // the supervisor's end of the control socket (non-blocking, close-on-exec)
    int error = 0;      // errno of the failure
    QString message;    // translated, for the user, when it failed
    bool ok() const { return pid > 0; }
};

// Builds a worker's command line and descriptors and spawns it (ProcessSpawner) with its control socketpair.
// Fixed numbers in the child: control socket 3, telemetry memfd 4, stand-alone queue 5.
class WorkerLauncher
{
    Q_DECLARE_TR_FUNCTIONS(WorkerLauncher)
public:
    static constexpr int ControlFdInChild = 3;
    static constexpr int TelemetryFdInChild = 4;
    static constexpr int QueueFdInChild = 5;

    // Starts `program` as worker `name` of supervisor `supervisor` in *processGroup (0: a new group, and
    // *processGroup becomes the child's PID; a group whose members are all gone is replaced the same way).
    // On failure nothing is left open or running, and `message` says why in words (EAGAIN: RLIMIT_NPROC …).
    static LaunchedWorker launch(const QString &program, const WorkerLaunch &launch, const QString &name,
                                 pid_t supervisor, int telemetryFd, pid_t *processGroup);
};
