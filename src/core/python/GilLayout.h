#pragma once

#include <QtGlobal>

// Where one CPython version keeps its GIL, in bytes. A row of GilOffsetTable (generated from CPython's own headers
// by tools/python-offsets) or the answer of GilDebugOffsets (3.13+).
struct GilLayout
{
    enum class Home {
        Runtime,     // 3.11: the GIL is a struct inside _PyRuntime (at gilInRuntime)
        Interpreter, // 3.12+: the main interpreter (pointer at gilInRuntime) points to its GIL (ceval.gil)
        OwnGil,      // 3.13+ by _Py_DebugOffsets: the first interpreter (pointer at gilInRuntime) holds its GIL
                     // struct at gilPointerInInterpreter
    };
    int major = 0;
    int minor = 0;
    Home home = Home::Runtime;
    quint64 gilInRuntime = 0;       // Runtime: offset of the GIL struct; Interpreter: of the main interpreter pointer
    quint64 gilPointerInInterpreter = 0; // Interpreter: offset of the GIL pointer (ceval.gil); OwnGil: of the struct
    quint64 currentInRuntime = 0;   // Runtime: gilstate.tstate_current (the running thread state); 0 when none
    // Inside the GIL struct:
    quint64 locked = 0;             // int: 1 held, 0 free, -1 not yet made
    quint64 lastHolder = 0;         // PyThreadState*: the holder while locked
    quint64 switchNumber = 0;       // unsigned long, counts changes of holder; hasSwitchNumber says if known
    bool hasSwitchNumber = true;
    quint64 waitsBegin = 0;         // the condition variables and mutexes a thread waits on for the GIL ...
    quint64 waitsEnd = 0;           // ... up to here (the struct's size); waitsEnd 0: not known
    // Inside PyThreadState:
    quint64 nativeThreadId = 0;     // unsigned long: the thread's TID
};
