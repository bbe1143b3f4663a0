#pragma once

struct WorkerOptions;

// `--role python`: a lab process that is a real CPython program (cpu-vs-io with lang=python). The worker does
// what posix_spawn cannot — the parent-death signal (ParentDeathGuard) and the nice value — and then execs the
// interpreter on the script, so the lab process is python3 itself and its GIL is the real one.
//
// The death signal survives execve; the handler does not (caught signals are reset to their default action), so
// SIGRTMIN then ends python3 by default — which is what it should do, since a python lab process is never an
// orphan the lab shows: its parent is the supervisor. The control socket stays open as fd --control-fd for the
// script, which announces its threads on it (`thread-start 0 tid=T role=R name=N`, ControlMessage's format).
class PythonLaunch
{
public:
    // Returns only when exec failed: the exit status to use (127 not found, 126 not executable), after one line
    // on stderr.
    static int exec(const WorkerOptions &options);
};
