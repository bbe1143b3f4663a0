#pragma once

#include <QCoreApplication>
#include <QString>

#include <cstddef>

// A region of shared memory backed by a memfd: anonymous, never a name in /dev/shm, gone when the last fd and the
// last mapping are gone — so a crash leaves nothing behind.
//
// The supervisor create()s it: memfd_create(MFD_CLOEXEC | MFD_ALLOW_SEALING), ftruncate, then seals
// F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL so nobody can change its size later (a shrink under a mapping would
// turn every access beyond the new end into SIGBUS), and maps it MAP_SHARED. A child gets the fd without
// FD_CLOEXEC — posix_spawn_file_actions_adddup2(fd, N) with N != fd clears the flag on N — or simply inherits the
// mapping across fork(), and attach()es by number; attach() refuses an fd that is not sealed against shrinking.
//
// Movable, not copyable. The destructor unmaps and closes the fd it owns.
class SharedMemory
{
    Q_DECLARE_TR_FUNCTIONS(SharedMemory)
public:
    enum class FdOwnership {
        Adopt,     // the object closes the fd when it is destroyed, and sets FD_CLOEXEC on it (an inherited fd has
                   // lost it on the way in; a program this process execs must not inherit the region by accident)
        Duplicate, // the object works on its own duplicate (F_DUPFD_CLOEXEC); the caller keeps the fd
    };

    SharedMemory() = default;
    ~SharedMemory();
    SharedMemory(SharedMemory &&other) noexcept;
    SharedMemory &operator=(SharedMemory &&other) noexcept;
    SharedMemory(const SharedMemory &) = delete;
    SharedMemory &operator=(const SharedMemory &) = delete;

    // A new zero-filled, sealed region of `size` bytes (> 0). `debugName` shows in /proc/<pid>/fd as
    // "/memfd:NAME (deleted)" — the memfd name, never a file. Invalid on failure, with errorString() set.
    static SharedMemory create(const char *debugName, std::size_t size);
    // Maps an existing memfd region of whatever size it has. Invalid on failure (not a sealed memfd, fstat or mmap
    // failed), with errorString() set; with FdOwnership::Adopt the fd is closed on failure too.
    static SharedMemory attach(int fd, FdOwnership ownership = FdOwnership::Adopt);

    bool isValid() const { return m_data != nullptr; }
    // The fd (FD_CLOEXEC set); -1 when invalid. Still owned by this object.
    int fd() const { return m_fd; }
    void *data() const { return m_data; }
    std::size_t size() const { return m_size; }
    // The seals on the fd (F_GET_SEALS), or -1.
    int seals() const;
    // Why create() or attach() failed, translated; empty when valid.
    QString errorString() const { return m_error; }

private:
    void release();

    int m_fd = -1;
    void *m_data = nullptr;
    std::size_t m_size = 0;
    QString m_error;
};
