#pragma once

#include "base/LabRole.h"
#include "control/ThreadSpec.h"

#include <string>
#include <sys/types.h>
#include <vector>

// The command line of proclab-worker, as LabController (or a worker forking a worker) writes it:
//
//   proclab-worker --supervisor PID [--parent PID] [--role ROLE] [--name NAME] [--nice N]
//                  [--control-fd N] [--telemetry-fd N] [--figures-fd N] [--queue-fd N] [--queue-index N]
//                  [--pipe-read-fd N] [--pipe-write-fd N] [--item-size BYTES]
//                  [--rate PER_SECOND] [--busy] [--locks A,B…] [--step MS] [--hold MS] [--rounds N] [--cpu N]
//                  [--term-kills]
//   proclab-worker --supervisor PID --role python --python PROGRAM --script FILE [...] [-- SCRIPT-ARGS…]
//
// --supervisor is the proclab process; --parent the process that started this one (default: the supervisor).
// --role host (the default) runs no thread of its own and waits for commands; any thread role (producer,
// consumer, poller, cpu, io, sleeper, lock-taker) also starts one thread of that role at once, configured by the
// remaining options — the process-level producer or consumer of the pc-processes experiment. --busy paces by
// spinning instead of sleeping; --cpu pins the process (and the threads it starts later) to one core.
// --term-kills: SIGTERM ends the process by that signal, as Python's terminate() does (the zombie lesson), after
// its threads were asked to stop; without it SIGTERM is a clean shutdown with exit code 0.
// --role python runs no worker at all: it sets the death signal and the nice value, then replaces itself with
// PROGRAM (a python3) running FILE, the control socket kept open as --control-fd for the script (PythonLaunch).
struct WorkerOptions
{
    WorkerOptions() { thread.role = LabRole::Host; }

    // --role and --name (the process's role and name, default host and the role), and for a thread role the
    // settings of the one thread it starts at once (--rate, --busy, --locks, --step, --hold, --rounds).
    ThreadSpec thread;
    pid_t supervisor = 0;
    pid_t parent = 0;
    int nice = 0;
    int controlFd = -1;
    int telemetryFd = -1;
    int queueFd = -1;
    int figuresFd = -1; // the experiment's FigureBoard
    int queueIndex = 0;
    int pipeReadFd = -1;
    int pipeWriteFd = -1;
    int itemSize = 64;
    int cpu = -1;
    bool termKills = false;
    std::string python;                   // --role python: the interpreter
    std::string script;                   // --role python: the script it runs
    std::vector<std::string> scriptArgs;  // everything after `--`

    // Parses argv. False with a one-line reason in *error for anything unknown or malformed.
    bool parse(int argc, char **argv, std::string *error);
};
