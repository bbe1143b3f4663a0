#pragma once

#include "GilTarget.h"
#include "RemoteMemory.h"

#include <QCoreApplication>

// Finds the CPython interpreter of a process and where its GIL is: the interpreter's file from /proc/PID/maps
// (PythonImage), _PyRuntime from that file's ELF symbols (ElfSymbolReader) plus the mapping's load bias, and the
// layout — the process's own _Py_DebugOffsets for 3.13+ (checked against the generated table where the table has
// the version, which adds the hand-over counter and the wait range), the generated table (GilOffsetTable) for
// 3.11 and 3.12. Every other version is Unsupported, said once, and costs nothing more.
class InterpreterLocator
{
    Q_DECLARE_TR_FUNCTIONS(InterpreterLocator)
public:
    // Reads /proc/PID/maps and goes on as fromImage.
    static GilTarget locate(int pid);
    // From an image already found (tests give one with another version to see the refusal).
    static GilTarget fromImage(int pid, const PythonImage &image, const RemoteMemory &memory);
    // The words for a process whose memory may not be read, with the rule that forbids it.
    static QString notAllowedMessage(int pid);
};
