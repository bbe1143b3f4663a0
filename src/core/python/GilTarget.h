#pragma once

#include "GilLayout.h"
#include "PythonImage.h"

#include <QString>

// What InterpreterLocator found out about one process: whether it is CPython, and if its GIL can be read, where.
struct GilTarget
{
    enum class Status {
        NotPython,     // no CPython mapped (yet: a program may exec python later)
        Readable,      // runtime and layout are known
        FreeThreaded,  // a free-threaded build: there is no GIL
        Unsupported,   // a version (or build) whose layout ProcLab does not know
        NotAllowed,    // its memory may not be read (ptrace rules)
        Unreadable,    // the interpreter's file could not be read
    };
    int pid = 0;
    Status status = Status::NotPython;
    PythonImage image;
    quint64 runtimeAddress = 0;  // _PyRuntime in the process
    GilLayout layout;
    bool fromDebugOffsets = false; // the layout came from the process's own _Py_DebugOffsets
    QString message;             // for the user: what is shown, or why not

    // The session format's name of the status: "shown", "free_threaded", "unsupported", "not_allowed",
    // "unreadable", "not_python".
    QString statusName() const;
};
