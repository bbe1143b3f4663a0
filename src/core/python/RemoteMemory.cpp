#include "RemoteMemory.h"

#include <cerrno>
#include <sys/uio.h>

RemoteMemory::Result RemoteMemory::read(quint64 address, void *into, qsizetype size) const
{
    if (size <= 0 || address == 0)
        return Result::BadAddress;
    iovec local{into, size_t(size)};
    iovec remote{reinterpret_cast<void *>(quintptr(address)), size_t(size)};
    const ssize_t got = ::process_vm_readv(m_pid, &local, 1, &remote, 1, 0);
    if (got == ssize_t(size))
        return Result::Ok;
    if (got >= 0)
        return Result::BadAddress;
    switch (errno) {
    case EPERM:
        return Result::Denied;
    case ESRCH:
        return Result::Gone;
    default:
        return Result::BadAddress; // EFAULT: not mapped (yet, or any more)
    }
}
