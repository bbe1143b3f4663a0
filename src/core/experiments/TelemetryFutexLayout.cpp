#include "TelemetryFutexLayout.h"

#include "ipc/TelemetryLayout.h"

#include <QFile>

#include <cstddef>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {
// A field of the header as stored in `bytes` (a copy of the header's bytes, never an object: the header holds an
// atomic, which is not trivially copyable).
template<typename T> T field(const std::byte *bytes, std::size_t offset)
{
    T value{};
    std::memcpy(&value, bytes + offset, sizeof(T));
    return value;
}
} // namespace

std::optional<FutexMapping> TelemetryFutexLayout::read(int fd)
{
    if (fd < 0)
        return std::nullopt;
    alignas(TelemetryHeader) std::byte header[sizeof(TelemetryHeader)];
    if (::pread(fd, header, sizeof header, 0) != ssize_t(sizeof header))
        return std::nullopt;
    if (field<std::uint32_t>(header, offsetof(TelemetryHeader, magic)) != TelemetryLayout::magic
        || field<std::uint32_t>(header, offsetof(TelemetryHeader, version)) != TelemetryLayout::version
        || field<std::uint32_t>(header, offsetof(TelemetryHeader, lockBytes)) != sizeof(SharedLockRecord))
        return std::nullopt;
    const auto lockCount = field<std::uint32_t>(header, offsetof(TelemetryHeader, lockCount));
    const auto queueCount = field<std::uint32_t>(header, offsetof(TelemetryHeader, queueCount));
    const auto locksOffset = field<std::uint64_t>(header, offsetof(TelemetryHeader, locksOffset));
    if (queueCount > std::uint32_t(TelemetryLayout::maxQueues))
        return std::nullopt;

    QList<FutexMapping::LockRecord> locks;
    for (std::uint32_t i = 0; i < lockCount; ++i)
        locks.append({qint64(i), locksOffset + i * sizeof(SharedLockRecord), sizeof(SharedLockRecord)});
    QList<FutexMapping::QueueRecord> queues;
    for (std::uint32_t i = 0; i < queueCount; ++i) {
        const auto offset = field<std::uint64_t>(header, offsetof(TelemetryHeader, queueOffsets) + i * 8);
        const auto bytes = field<std::uint64_t>(header, offsetof(TelemetryHeader, queueBytes) + i * 8);
        queues.append({qint64(i), offset, bytes});
    }

    // maps names a memfd as its fd link does, with " (deleted)" appended by both.
    char link[512];
    const ssize_t length = ::readlink(QByteArray("/proc/self/fd/" + QByteArray::number(fd)).constData(), link,
                                      sizeof link);
    if (length <= 0 || length == ssize_t(sizeof link))
        return std::nullopt;
    QString path = QFile::decodeName(QByteArray(link, length));
    if (path.endsWith(u" (deleted)"_s))
        path.chop(10);
    struct stat status{};
    if (path.isEmpty() || ::fstat(fd, &status) != 0)
        return std::nullopt;
    return FutexMapping(path, quint64(status.st_ino), locks, queues);
}
