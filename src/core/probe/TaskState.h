#pragma once

#include <QMetaType>

// What a thread is doing, as ProcLab shows it. The kernel's one-letter state (R, S, D, T, Z …) cannot tell a
// thread on a core from one waiting in the run queue; ProcLab splits them with schedstat (see StateClassifier).
enum class TaskState {
    New,        // never scheduled yet
    Running,    // on a core for most of the interval
    Ready,      // runnable but waiting for a core (also a starved R that made no progress at all)
    Blocked,    // asleep: S or D
    Stopped,    // T (signal) or t (tracer)
    Zombie,     // exited, not yet reaped by its parent
    Terminated, // gone: reaped, or a thread that ended
};

Q_DECLARE_METATYPE(TaskState)
