#include "SharedMemory.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace {
constexpr int requiredSeals = F_SEAL_SHRINK | F_SEAL_GROW;

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}
} // namespace

SharedMemory::~SharedMemory()
{
    release();
}

SharedMemory::SharedMemory(SharedMemory &&other) noexcept
    : m_fd(std::exchange(other.m_fd, -1))
    , m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
    , m_error(std::move(other.m_error))
{
}

SharedMemory &SharedMemory::operator=(SharedMemory &&other) noexcept
{
    if (this != &other) {
        release();
        m_fd = std::exchange(other.m_fd, -1);
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_error = std::move(other.m_error);
    }
    return *this;
}

void SharedMemory::release()
{
    if (m_data)
        munmap(m_data, m_size);
    if (m_fd >= 0)
        close(m_fd);
    m_data = nullptr;
    m_fd = -1;
    m_size = 0;
}

SharedMemory SharedMemory::create(const char *debugName, std::size_t size)
{
    SharedMemory region;
    if (size == 0) {
        region.m_error = tr("a shared memory region needs at least one byte");
        return region;
    }
    const int fd = memfd_create(debugName, MFD_CLOEXEC | MFD_ALLOW_SEALING);
    if (fd < 0) {
        region.m_error = tr("cannot create shared memory (memfd_create): %1").arg(errnoText(errno));
        return region;
    }
    region.m_fd = fd;
    if (ftruncate(fd, off_t(size)) != 0) {
        region.m_error = tr("cannot size shared memory to %1 bytes: %2").arg(size).arg(errnoText(errno));
        region.release();
        return region;
    }
    // Sealed before anybody else sees the fd: the size is then fixed for every process that maps it.
    if (fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL) != 0) {
        region.m_error = tr("cannot seal shared memory: %1").arg(errnoText(errno));
        region.release();
        return region;
    }
    void *data = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (data == MAP_FAILED) {
        region.m_error = tr("cannot map shared memory: %1").arg(errnoText(errno));
        region.release();
        return region;
    }
    region.m_data = data;
    region.m_size = size;
    return region;
}

SharedMemory SharedMemory::attach(int fd, FdOwnership ownership)
{
    SharedMemory region;
    if (fd < 0) {
        region.m_error = tr("no shared memory file descriptor");
        return region;
    }
    if (ownership == FdOwnership::Duplicate) {
        fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
        if (fd < 0) {
            region.m_error = tr("cannot duplicate the shared memory descriptor: %1").arg(errnoText(errno));
            return region;
        }
    } else {
        // An inherited fd has lost FD_CLOEXEC on the way in; a program this process execs must not get it.
        fcntl(fd, F_SETFD, FD_CLOEXEC);
    }
    region.m_fd = fd;
    const int seals = fcntl(fd, F_GET_SEALS);
    if (seals < 0 || (seals & requiredSeals) != requiredSeals) {
        // F_GET_SEALS fails with EINVAL on anything but a memfd (or a sealed shmem file): a plain file could be
        // truncated under the mapping.
        region.m_error = tr("descriptor %1 is not a sealed memfd").arg(fd);
        region.release();
        return region;
    }
    struct stat status{};
    if (fstat(fd, &status) != 0 || status.st_size <= 0) {
        region.m_error = tr("cannot read the size of shared memory descriptor %1").arg(fd);
        region.release();
        return region;
    }
    const std::size_t size = std::size_t(status.st_size);
    void *data = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (data == MAP_FAILED) {
        region.m_error = tr("cannot map shared memory: %1").arg(errnoText(errno));
        region.release();
        return region;
    }
    region.m_data = data;
    region.m_size = size;
    return region;
}

int SharedMemory::seals() const
{
    return m_fd >= 0 ? fcntl(m_fd, F_GET_SEALS) : -1;
}
