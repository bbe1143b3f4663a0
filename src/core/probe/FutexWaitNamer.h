#pragma once

#include <QString>
#include <QtGlobal>

// Names a futex wait that the kernel alone cannot name: given the futex word's address (the first argument of
// the futex call, from task/<tid>/syscall), someone who knows the process's memory may say what it is — e.g.
// "waiting for the GIL" when the address lies inside CPython's GIL (python/GilWaitNamer). ReasonReader asks it,
// when one is set, before it falls back to "waiting on a lock or condition (futex)".
//
// Called on the sampler thread while other threads may change what it knows: implementations are thread-safe.
class FutexWaitNamer
{
public:
    virtual ~FutexWaitNamer() = default;
    // Plain words for a thread of `pid` waiting on the futex at `address`, or empty when this namer does not know
    // the address.
    virtual QString nameOf(int pid, quint64 address) const = 0;
};
