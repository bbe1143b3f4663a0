#pragma once

#include "WaitInput.h"
#include "probe/ProcRecords.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <optional>

// One line of /proc/<pid>/maps.
struct MemoryMapping
{
    quint64 start = 0;
    quint64 end = 0;    // one past the last byte
    QByteArray perms;   // "rw-s"
    quint64 offset = 0; // offset of `start` in the mapped file
    quint64 inode = 0;
    QString path;         // without the " (deleted)" suffix; empty for anonymous memory
    bool deleted = false; // the kernel appended " (deleted)": always so for a memfd
};

// The cross-check from outside: which lab lock a thread blocked in futex() waits on, as the kernel sees it.
//
// A process-shared pthread mutex in the shared telemetry mapping keeps its futex word inside the mutex (glibc puts
// it first, but only "inside the lock's record" is assumed here). A thread blocked on it is in futex() with
// arg0 = the word's address in *its* process; /proc/<pid>/maps turns that address into an offset in the mapped
// file, which is the same in every process that maps it. Given each lock record's offset in the mapping, the offset
// names the lock. A queue in the same mapping (its mutex and its two condition words) is a region too: a thread
// waiting on a full or empty queue sleeps on a futex inside it. The mapping is recognised by its path as
// /proc/<pid>/maps shows it — a memfd appears as "/memfd:NAME (deleted)" — and, when given, its inode (two memfds
// may share a name).
//
// Reading …/syscall needs ptrace rights over the thread (fine for the supervisor's descendants and a process's own
// threads); the caller reads the files (FutexCrossCheck), everything here is pure. The syscall file is parsed by
// ProcParser::parseSyscall, the sampler's own parser.
class FutexMapping
{
public:
    struct LockRecord
    {
        qint64 lockId = 0;
        quint64 offset = 0; // offset of the lock's record in the mapping
        quint64 size = 0;   // its size in bytes (sizeof(pthread_mutex_t) for a bare mutex)
    };
    struct QueueRecord
    {
        qint64 queueId = 0;
        quint64 offset = 0; // where the queue's layout starts in the mapping
        quint64 size = 0;
    };

    // `mappingPath` as /proc/<pid>/maps shows it without " (deleted)", e.g. memfdPath("proclab-telemetry");
    // `inode` 0 accepts any inode. Records must not overlap.
    FutexMapping(const QString &mappingPath, quint64 inode, const QList<LockRecord> &locks,
                 const QList<QueueRecord> &queues = {});
    FutexMapping() = default; // knows no mapping: every futex is OtherAddress

    // What the thread with this maps/syscall text is blocked on. NotChecked when the syscall text is unreadable
    // or says the thread is not blocked in a system call now ("running": on a CPU or runnable; "-1 …": stopped or
    // faulting) — a thread that is not asleep waits for nothing the kernel could name.
    FutexObservation observe(const QList<MemoryMapping> &maps, QByteArrayView syscallText) const;
    // The same for a parsed syscall file.
    FutexObservation observe(const QList<MemoryMapping> &maps, const SyscallState &state) const;
    // The lock (queue) whose record contains this offset in the mapping, if any.
    std::optional<qint64> lockAt(quint64 mappingOffset) const;
    std::optional<qint64> queueAt(quint64 mappingOffset) const;
    bool knowsLock(qint64 lockId) const;
    bool knowsQueue(qint64 queueId) const;
    QString mappingPath() const { return m_mappingPath; }
    quint64 inode() const { return m_inode; }

    // Parses a whole maps file; lines that do not parse are skipped (the kernel never writes them; a truncated read
    // may end in half a line).
    static QList<MemoryMapping> parseMaps(QByteArrayView text);
    static std::optional<MemoryMapping> parseMapsLine(QByteArrayView line);
    // arg0 (uaddr) when the thread is in futex() — the host's SYS_futex (202 on x86_64) — else nullopt.
    static std::optional<quint64> futexAddress(const SyscallState &state);
    // The mapping that contains `address` (index into maps) and the address's offset in the mapped file.
    struct Location
    {
        qsizetype mapping = -1;
        quint64 fileOffset = 0;
    };
    static std::optional<Location> locate(const QList<MemoryMapping> &maps, quint64 address);
    // "/memfd:NAME": how the kernel names a memfd in maps.
    static QString memfdPath(const QString &memfdName);

private:
    QString m_mappingPath;
    quint64 m_inode = 0;
    QList<LockRecord> m_locks;   // sorted by offset
    QList<QueueRecord> m_queues; // sorted by offset
};
