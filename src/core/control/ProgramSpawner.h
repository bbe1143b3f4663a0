#pragma once

#include "PidFd.h"

#include <QString>
#include <QStringList>

#include <sys/types.h>

// What `proclab exec` (or Session ▸ Run a program…) starts.
struct ProgramLaunch
{
    QStringList command;       // argv; command[0] is looked up in PATH unless it contains a '/'
    QString workingDirectory;  // empty: the supervisor's
    // Make the program's new process group the terminal's foreground group (as a shell does for a job), so that
    // Ctrl+C and reads from the terminal reach it. Only when stdin is a terminal whose foreground group is ours.
    bool takeTerminal = false;
    // stdin from /dev/null instead of the supervisor's: for the window, whose stdin may be a terminal that the
    // program, in a background group, would be stopped (SIGTTIN) for reading.
    bool nullStdin = false;
};

// The started program, or why there is none.
struct ProgramSpawnResult
{
    pid_t pid = -1;
    PidFd pidfd;
    int stdoutFd = -1;   // read ends of the program's stdout and stderr pipes (non-blocking, close-on-exec)
    int stderrFd = -1;
    bool tookTerminal = false; // the program's group is now the terminal's foreground group
    int error = 0;       // errno of posix_spawnp, pipe2 or pidfd_open
    bool ok() const { return pid > 0 && pidfd.isValid(); }
    // The shell's status for a program that could not start: 127 not found, 126 found but not executable, 1 else.
    int shellStatus() const;
};

// A user's program (not a lab worker: no control socket, no telemetry), started by ProcessSpawner.
//
// Contract: on success the child runs the command in a new process group it leads, with stdin inherited, stdout
// and stderr on pipes whose read ends the caller owns, every other descriptor closed, default signal dispositions,
// an empty signal mask, the supervisor's original RLIMIT_NOFILE soft limit and PYTHONUNBUFFERED=1 in its
// environment (Python then writes each line at once into the pipe instead of in 8 KiB blocks: its output
// arrives live; a pty would do the same but would merge stderr into stdout). Its pidfd is open from the first
// instant. On failure nothing is left: no child, no descriptor.
// (stdin is /dev/null instead with ProgramLaunch::nullStdin.)
class ProgramSpawner
{
public:
    static ProgramSpawnResult spawn(const ProgramLaunch &launch);
    // Gives the terminal on stdin back to this process's group after a spawn with tookTerminal.
    static void reclaimTerminal();
};
