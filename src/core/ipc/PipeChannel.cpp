#include "PipeChannel.h"

#include "MonotonicDeadline.h"
#include "ThreadTelemetry.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <climits>
#include <cstring>
#include <optional>
#include <utility>

namespace {
bool setNonBlocking(int fd)
{
    const int flags = fcntl(fd, F_GETFL);
    return flags >= 0 && fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0;
}

// Waits until fd is ready for `events`; false when stopped or timed out (*status says which).
bool waitReady(int fd, short events, const WaitOptions &options, MonotonicDeadline &deadline, IpcStatus *status)
{
    for (;;) {
        if (options.stop.stop_requested()) {
            *status = IpcStatus::Stopped;
            return false;
        }
        if (deadline.expired()) {
            *status = IpcStatus::Timeout;
            return false;
        }
        pollfd entry{fd, events, 0};
        const int ready = poll(&entry, 1, deadline.nextSliceMs());
        if (ready > 0)
            return true; // readable, writable, or POLLHUP/POLLERR: the next read or write says which
        if (ready < 0 && errno != EINTR) {
            *status = IpcStatus::Failed;
            return false;
        }
    }
}

// Sets the thread's telemetry to a wait state for the lifetime of the object, then back.
class TelemetryWait
{
public:
    TelemetryWait(ThreadTelemetry *telemetry, ThreadState state)
        : m_telemetry(telemetry)
    {
        if (m_telemetry) {
            m_before = m_telemetry->state();
            m_beforeObject = m_telemetry->waitObject();
            m_telemetry->setState(state, -1);
        }
    }
    ~TelemetryWait()
    {
        if (m_telemetry)
            m_telemetry->setState(m_before, m_beforeObject);
    }
    TelemetryWait(const TelemetryWait &) = delete;
    TelemetryWait &operator=(const TelemetryWait &) = delete;

private:
    ThreadTelemetry *m_telemetry;
    ThreadState m_before = ThreadState::Idle;
    std::int64_t m_beforeObject = -1;
};
} // namespace

PipeChannel::~PipeChannel()
{
    closeAll();
}

PipeChannel::PipeChannel(PipeChannel &&other) noexcept
    : m_readFd(std::exchange(other.m_readFd, -1))
    , m_writeFd(std::exchange(other.m_writeFd, -1))
    , m_itemSize(std::exchange(other.m_itemSize, 0))
    , m_puts(other.m_puts)
    , m_gets(other.m_gets)
    , m_error(std::move(other.m_error))
{
}

PipeChannel &PipeChannel::operator=(PipeChannel &&other) noexcept
{
    if (this != &other) {
        closeAll();
        m_readFd = std::exchange(other.m_readFd, -1);
        m_writeFd = std::exchange(other.m_writeFd, -1);
        m_itemSize = std::exchange(other.m_itemSize, 0);
        m_puts = other.m_puts;
        m_gets = other.m_gets;
        m_error = std::move(other.m_error);
    }
    return *this;
}

void PipeChannel::closeAll()
{
    closeReadEnd();
    closeWriteEnd();
}

void PipeChannel::closeReadEnd()
{
    if (m_readFd >= 0)
        close(m_readFd);
    m_readFd = -1;
}

void PipeChannel::closeWriteEnd()
{
    if (m_writeFd >= 0)
        close(m_writeFd);
    m_writeFd = -1;
}

PipeChannel PipeChannel::create(int itemSize)
{
    PipeChannel channel;
    if (itemSize < 1 || itemSize > PIPE_BUF) {
        channel.m_error = tr("a pipe record holds 1 to %1 bytes").arg(PIPE_BUF);
        return channel;
    }
    int fds[2] = {-1, -1};
    if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) {
        channel.m_error = tr("cannot create a pipe: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return channel;
    }
    channel.m_readFd = fds[0];
    channel.m_writeFd = fds[1];
    channel.m_itemSize = itemSize;
    return channel;
}

PipeChannel PipeChannel::adopt(int readFd, int writeFd, int itemSize)
{
    PipeChannel channel;
    channel.m_readFd = readFd;
    channel.m_writeFd = writeFd;
    if (itemSize < 1 || itemSize > PIPE_BUF || (readFd < 0 && writeFd < 0)) {
        channel.m_error = tr("a pipe channel needs an open end and records of 1 to %1 bytes").arg(PIPE_BUF);
        channel.closeAll();
        return channel;
    }
    for (int fd : {readFd, writeFd}) {
        if (fd >= 0 && (!setNonBlocking(fd) || fcntl(fd, F_SETFD, FD_CLOEXEC) != 0)) {
            channel.m_error = tr("descriptor %1 is not usable as a pipe end").arg(fd);
            channel.closeAll();
            return channel;
        }
    }
    channel.m_itemSize = itemSize;
    return channel;
}

int PipeChannel::setBufferBytes(int bytes)
{
    const int fd = anyFd();
    if (fd < 0 || bytes <= 0)
        return -1;
    return fcntl(fd, F_SETPIPE_SZ, bytes);
}

IpcStatus PipeChannel::put(std::span<const std::byte> item, const WaitOptions &options)
{
    if (m_writeFd < 0 || item.size() > std::size_t(m_itemSize))
        return IpcStatus::Failed;
    std::array<std::byte, PIPE_BUF> record{};
    std::memcpy(record.data(), item.data(), item.size());
    MonotonicDeadline deadline(options.timeout);
    std::optional<TelemetryWait> waiting;
    for (;;) {
        // O_NONBLOCK and at most PIPE_BUF bytes: the kernel writes the whole record or nothing (EAGAIN).
        const ssize_t written = write(m_writeFd, record.data(), std::size_t(m_itemSize));
        if (written == m_itemSize) {
            ++m_puts;
            return IpcStatus::Ok;
        }
        if (written < 0 && errno == EPIPE)
            return IpcStatus::Closed;
        if (written < 0 && errno == EINTR)
            continue;
        if (written >= 0 || errno != EAGAIN)
            return IpcStatus::Failed;
        if (!waiting)
            waiting.emplace(options.telemetry, ThreadState::WaitPipeWrite);
        IpcStatus status = IpcStatus::Ok;
        if (!waitReady(m_writeFd, POLLOUT, options, deadline, &status))
            return status;
    }
}

IpcStatus PipeChannel::get(std::span<std::byte> out, const WaitOptions &options)
{
    if (m_readFd < 0 || out.size() < std::size_t(m_itemSize))
        return IpcStatus::Failed;
    MonotonicDeadline deadline(options.timeout);
    std::optional<TelemetryWait> waiting;
    for (;;) {
        const ssize_t got = read(m_readFd, out.data(), std::size_t(m_itemSize));
        if (got == m_itemSize) {
            ++m_gets;
            return IpcStatus::Ok;
        }
        if (got == 0)
            return IpcStatus::Closed;
        if (got < 0 && errno == EINTR)
            continue;
        // Writers only ever write whole records of the same size, so a short read means a foreign writer.
        if (got > 0 || errno != EAGAIN)
            return IpcStatus::Failed;
        if (!waiting)
            waiting.emplace(options.telemetry, ThreadState::WaitPipeRead);
        IpcStatus status = IpcStatus::Ok;
        if (!waitReady(m_readFd, POLLIN, options, deadline, &status))
            return status;
    }
}

QueueStats PipeChannel::stats() const
{
    QueueStats stats;
    stats.itemSize = m_itemSize;
    stats.puts = m_puts;
    stats.gets = m_gets;
    const int fd = anyFd();
    if (fd < 0 || m_itemSize <= 0)
        return stats;
    const int bufferBytes = fcntl(fd, F_GETPIPE_SZ);
    if (bufferBytes > 0)
        stats.capacity = bufferBytes / m_itemSize;
    // FIONREAD works on the write end too: both ends share one pipe_inode_info.
    int queued = 0;
    if (ioctl(fd, FIONREAD, &queued) == 0)
        stats.depth = queued / m_itemSize;
    return stats;
}
