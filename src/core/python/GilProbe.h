#pragma once

#include "GilTarget.h"
#include "RemoteMemory.h"

#include <QtGlobal>

// Reads the GIL of one CPython process: whether it is held, by which thread state, and that thread state's
// native_thread_id (its TID). One process_vm_readv of the GIL's first words per read, and one more for the TID
// while it is held — a few dozen bytes.
//
// Where the GIL is, is found at the first read that can (3.12+: the main interpreter exists only once the
// interpreter has started; until then a read says NotReady).
class GilProbe
{
public:
    struct Reading {
        // Garbled: `locked` held something no GIL holds (not -1, 0 or 1): the layout is not this build's.
        enum class Result { Ok, NotReady, Denied, Gone, Garbled };
        Result result = Result::NotReady;
        bool locked = false;
        quint64 holder = 0;     // PyThreadState* of the holder (while locked)
        int holderTid = 0;      // its native_thread_id; 0 when not locked or unreadable
        quint64 switches = 0;   // CPython's count of hand-overs (switch_number) when the layout has it
    };
    // An address range [begin, end) in the process.
    struct Range {
        quint64 begin = 0;
        quint64 end = 0;
        bool contains(quint64 address) const { return address >= begin && address < end; }
        bool isEmpty() const { return end <= begin; }
    };

    explicit GilProbe(const GilTarget &target);
    int pid() const { return m_memory.pid(); }
    const GilTarget &target() const { return m_target; }

    Reading read();
    // Where threads waiting for the GIL sleep (its condition variables and mutexes), once the GIL was found and
    // when the layout knows it; empty otherwise.
    Range waitRange() const;

private:
    bool resolve(Reading::Result *failure);

    GilTarget m_target;
    RemoteMemory m_memory;
    quint64 m_gil = 0;           // the GIL struct, 0 until resolved
};
