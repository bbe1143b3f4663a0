#pragma once

#include "IpcWait.h"
#include "QueueStats.h"

#include <QCoreApplication>
#include <QString>

#include <cstddef>
#include <span>

// The same put/get as SharedQueue, over a pipe: the `channel=pipe` variant of the producer/consumer experiments,
// and the way Python's multiprocessing.Pipe works.
//
// Fixed-size records of itemSize() bytes (≤ PIPE_BUF = 4096): a write of at most PIPE_BUF bytes to a pipe is
// atomic, so records of several writers never interleave, and a read of exactly one record size gets one whole
// record. Both ends are O_NONBLOCK and waits happen in poll() — that is what makes timeouts and cooperative stop
// possible; the flag lives on the open file description, so a child that gets the fds shares it, which is fine as
// long as it uses PipeChannel too.
//
// Depth is read from the kernel: FIONREAD bytes / itemSize; capacity from F_GETPIPE_SZ / itemSize. There are no
// blocked counters: who is blocked on a pipe is seen through /proc (wchan pipe_read / pipe_write) and telemetry
// (WaitPipeRead / WaitPipeWrite).
//
// Movable, not copyable; closes the fds it holds.
class PipeChannel
{
    Q_DECLARE_TR_FUNCTIONS(PipeChannel)
public:
    PipeChannel() = default;
    ~PipeChannel();
    PipeChannel(PipeChannel &&other) noexcept;
    PipeChannel &operator=(PipeChannel &&other) noexcept;
    PipeChannel(const PipeChannel &) = delete;
    PipeChannel &operator=(const PipeChannel &) = delete;

    // A new pipe (pipe2 O_CLOEXEC | O_NONBLOCK) carrying records of itemSize bytes (1 … 4096). Invalid with
    // errorString() on failure.
    static PipeChannel create(int itemSize = 64);
    // Adopts inherited ends (either may be -1) and sets O_NONBLOCK on them; closes them when destroyed.
    static PipeChannel adopt(int readFd, int writeFd, int itemSize);

    bool isValid() const { return m_itemSize > 0 && (m_readFd >= 0 || m_writeFd >= 0); }
    QString errorString() const { return m_error; }
    int itemSize() const { return m_itemSize; }
    int readFd() const { return m_readFd; }
    int writeFd() const { return m_writeFd; }
    // Closes one end (a producer closes its read end after fork, a consumer its write end, so EOF can happen).
    void closeReadEnd();
    void closeWriteEnd();
    // Asks the kernel for a pipe buffer of `bytes` (F_SETPIPE_SZ; rounded up to a power-of-two number of pages,
    // limited by /proc/sys/fs/pipe-max-size). Returns the size granted, or -1.
    int setBufferBytes(int bytes);

    // Writes one record (item.size() ≤ itemSize(), padded with zeros). Blocks while the pipe is full.
    // Ok, Timeout, Stopped, Closed (EPIPE: no reader is left) or Failed. A write without readers also raises
    // SIGPIPE, which kills the process unless it ignores SIGPIPE (SIG_IGN) — the worker and the benchmark do; a
    // per-call pthread_sigmask would cost three system calls per record.
    IpcStatus put(std::span<const std::byte> item, const WaitOptions &options = {});
    // Reads one record into out (out.size() ≥ itemSize()). Blocks while the pipe is empty. Closed at end of file.
    IpcStatus get(std::span<std::byte> out, const WaitOptions &options = {});

    // Depth and capacity from the kernel (FIONREAD, F_GETPIPE_SZ) in records; puts and gets counted by this
    // handle only (the pipe has no shared counters). Works on either end.
    QueueStats stats() const;

private:
    int anyFd() const { return m_readFd >= 0 ? m_readFd : m_writeFd; }
    void closeAll();

    int m_readFd = -1;
    int m_writeFd = -1;
    int m_itemSize = 0;
    std::uint64_t m_puts = 0;
    std::uint64_t m_gets = 0;
    QString m_error;
};
