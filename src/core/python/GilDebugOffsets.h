#pragma once

#include "GilLayout.h"

#include <QByteArrayView>
#include <QtGlobal>

// CPython 3.13 and later publish _Py_DebugOffsets at the very start of _PyRuntime, for debuggers and profilers
// that read a process from outside: a cookie ("xdebugpy"), the version (PY_VERSION_HEX), whether the build is
// free-threaded, and the offsets of the fields that matter — among them the interpreter's GIL (locked, holder)
// and the thread state's native_thread_id.
//
// parse() reads the fields of the 3.13 layout from the bytes read there and checks that they hang together (the
// GIL's fields inside the GIL struct, the struct inside the interpreter, native_thread_id inside the thread
// state): a later version that moved fields in the struct is refused rather than misread.
class GilDebugOffsets
{
public:
    // Bytes to read at _PyRuntime for parse().
    static constexpr int Size = 224;

    struct Parsed {
        bool cookie = false;       // the cookie is there (else: not 3.13+, or not _PyRuntime)
        quint64 version = 0;       // PY_VERSION_HEX
        bool freeThreaded = false;
        bool coherent = false;     // the offsets make sense; layout is filled in only then
        GilLayout layout;          // home OwnGil; no switch count, no wait range (the table may add them)
        int major() const { return int((version >> 24) & 0xff); }
        int minor() const { return int((version >> 16) & 0xff); }
    };
    static Parsed parse(QByteArrayView bytes);
};
