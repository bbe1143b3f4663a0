#pragma once

#include <QtGlobal>

// Reads another process's memory with process_vm_readv: a few words per call, no ptrace stop, no file. Allowed
// for a process ProcLab may ptrace: its own descendants under Yama's ptrace_scope 1 (Debian's default), any
// process of the same user under 0; never under 3.
class RemoteMemory
{
public:
    enum class Result { Ok, Denied, Gone, BadAddress };

    explicit RemoteMemory(int pid) : m_pid(pid) {}
    int pid() const { return m_pid; }
    // Exactly `size` bytes at `address` into `into`, or an error (a short read is BadAddress).
    Result read(quint64 address, void *into, qsizetype size) const;
    template <typename T> Result readValue(quint64 address, T *value) const
    {
        return read(address, value, qsizetype(sizeof(T)));
    }

private:
    int m_pid;
};
