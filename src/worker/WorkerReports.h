#pragma once

#include "control/ControlMessage.h"

#include <QLatin1String>

#include <sys/types.h>

// The messages a worker sends on its own about the processes it forked (ControlMessage.h, "Worker → supervisor"):
// the same words whether the worker's main thread forked the child (fork command) or a role's thread did (the
// joiner's child).
class WorkerReports
{
public:
    // child-start pid=P start=S role=R: a child a role forked by itself, so the supervisor holds and shows it as a
    // lab process. Read in the parent, before the child can have been reaped (only the forking thread reaps it).
    static ControlMessage childStart(pid_t child, QLatin1String role);
    // child-exit pid=P code=N | signal=N, from waitpid's status.
    static ControlMessage childExit(pid_t child, int status);
};
