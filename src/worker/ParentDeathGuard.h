#pragma once

#include <sys/types.h>

// Makes a lab process die with the supervisor but survive as an orphan of a lab parent.
//
// PR_SET_PDEATHSIG fires when the *thread* that created us ends, and again at every later re-parenting. SIGKILL
// would therefore kill an orphan the moment its lab parent dies, and the orphan experiment could never show one.
// Instead the death signal is SIGRTMIN, caught: the handler looks at getppid() — still (or now) the supervisor,
// which adopted us as subreaper: stay; anybody else (init, an outer subreaper): the supervisor is gone, _exit.
class ParentDeathGuard
{
public:
    // The signal used (SIGRTMIN; glibc's value, read at run time).
    static int signal();
    // Installs the handler and the death signal, then checks that the parent did not die before prctl() took
    // effect: the parent must be `parent` or (already adopted) the supervisor. False: this process must exit.
    static bool install(pid_t supervisor, pid_t parent);
    // For a child forked without exec: the death signal is cleared by fork(), so it is set again here. Only
    // async-signal-safe calls. `parent` is the PID of the forking process. False: exit at once.
    static bool rearmInForkedChild(pid_t parent);
};
