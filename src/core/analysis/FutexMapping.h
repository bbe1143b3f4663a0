#pragma once

#include "analysis/WaitInput.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <array>
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

// /proc/<pid>/task/<tid>/syscall: the system call a blocked thread is in, with its raw arguments.
struct SyscallState
{
    enum class Kind : quint8
    {
        Running,   // "running": on a CPU, no arguments to read
        NotInCall, // "-1 sp pc": blocked, but not inside a system call (e.g. stopped)
        InCall,    // "nr arg0 … arg5 sp pc"
    };
    Kind kind = Kind::Running;
    qint64 number = -1;
    std::array<quint64, 6> args{};
    quint64 stackPointer = 0;
    quint64 programCounter = 0;
};

// The cross-check from outside: which lab lock a thread blocked in futex() waits on, as the kernel sees it.
//
// A process-shared pthread mutex in the shared telemetry mapping keeps its futex word inside the mutex (glibc puts
// it first, but only "inside the lock's record" is assumed here). A thread blocked on it is in futex() with
// arg0 = the word's address in *its* process; /proc/<pid>/maps turns that address into an offset in the mapped
// file, which is the same in every process that maps it. Given each lock record's offset in the mapping, the offset
// names the lock. The mapping is recognised by its path as /proc/<pid>/maps shows it — a memfd appears as
// "/memfd:NAME (deleted)" — and, when given, its inode (two memfds may share a name).
//
// Reading …/syscall needs ptrace rights over the thread (fine for the supervisor's descendants and a process's own
// threads); the caller reads the files, everything here is pure.
class FutexMapping
{
public:
    struct LockRecord
    {
        qint64 lockId = 0;
        quint64 offset = 0; // offset of the lock's record in the mapping
        quint64 size = 0;   // its size in bytes (sizeof(pthread_mutex_t) for a bare mutex)
    };

    // `mappingPath` as /proc/<pid>/maps shows it without " (deleted)", e.g. memfdPath("proclab-telemetry");
    // `inode` 0 accepts any inode.
    FutexMapping(const QString &mappingPath, quint64 inode, const QList<LockRecord> &locks);

    // What the thread with this maps/syscall text is blocked on. NotChecked when the syscall text is unreadable.
    FutexObservation observe(const QList<MemoryMapping> &maps, QByteArrayView syscallText) const;
    // The lock whose record contains this offset in the mapping, if any.
    std::optional<qint64> lockAt(quint64 mappingOffset) const;

    // Parses a whole maps file; lines that do not parse are skipped (the kernel never writes them; a truncated read
    // may end in half a line).
    static QList<MemoryMapping> parseMaps(QByteArrayView text);
    static std::optional<MemoryMapping> parseMapsLine(QByteArrayView line);
    // Parses a syscall file; nullopt for anything else.
    static std::optional<SyscallState> parseSyscall(QByteArrayView text);
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
    QList<LockRecord> m_locks; // sorted by offset
};
