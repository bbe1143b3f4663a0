#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

// Where the sampler reads the kernel's view of tasks: /proc on Linux, a fake tree in tests. The platform-specific
// part of sampling sits behind this interface; TaskSampler knows nothing of paths or file descriptors.
//
// Files are addressed by (pid, tid, kind): tid 0 means the process-level file /proc/<pid>/<kind>, otherwise
// /proc/<pid>/task/<tid>/<kind>. SystemStat (/proc/stat) and NetUnix (/proc/net/unix) are system files: pid and
// tid are ignored.
//
// Every read of /proc in ProcLab goes through this interface (the sampler, ChildScanner, ForeignExit,
// PythonRoleDetector, FutexCrossCheck), so that the root is set in one place — LinuxProcSource's constructor —
// and a fake tree stands in for all of them.
//
// Thread safety: one ProcSource is used by one thread at a time.
class ProcSource
{
public:
    enum class File { SystemStat, Stat, Schedstat, Status, Syscall, Wchan, Cmdline, Maps, NetUnix };
    enum class Result {
        Ok,
        Gone,    // the task no longer exists (ESRCH, ENOENT): it will never come back under this handle
        Denied,  // exists but may not be read (EACCES, EPERM: e.g. syscall of a task we may not ptrace)
        Failed,  // anything else
        NoDescriptor, // no file descriptor left (EMFILE, ENFILE): the file may exist, it could not be opened
    };

    virtual ~ProcSource() = default;

    // PIDs of every process (the numeric entries of the root), ascending.
    virtual QList<int> listProcesses() const = 0;
    // TIDs of a process (its task/ directory), ascending; nullopt when the process is gone.
    virtual std::optional<QList<int>> listThreads(int pid) const = 0;
    // Whether the process is there (its directory exists), without using a file descriptor: tells a listing
    // that failed for want of descriptors from a process that ended.
    virtual bool processExists(int pid) const = 0;
    // PIDs of the processes the thread tid created and that are still its children (task/<tid>/children).
    // Empty when there are none, the thread is gone, or the kernel lacks the file.
    virtual QList<int> listChildren(int pid, int tid) const = 0;

    // Opens a file to be re-read many times; returns a handle ≥ 0, or -1 with *result saying why. A kept handle
    // stays bound to the task it was opened for: after that task is reaped, reading it gives Gone — it can
    // never read a task that later reuses the same TID.
    virtual int open(int pid, int tid, File file, Result *result) = 0;
    // Reads the whole file again from offset 0 into buffer (at most capacity bytes); *length gets the size.
    // Ok with length 0 is possible for an empty file.
    virtual Result reread(int handle, char *buffer, qsizetype capacity, qsizetype *length) = 0;
    // Releases a handle from open(). Safe to call with -1.
    virtual void close(int handle) = 0;

    // The most readOnce() keeps of one file (a process's maps can be long; memory stays bounded).
    static constexpr qsizetype MaxReadOnceBytes = 16 * 1024 * 1024;
    // Reads a file once (open, read, close). A file longer than MaxReadOnceBytes gives Failed and its first
    // MaxReadOnceBytes.
    virtual Result readOnce(int pid, int tid, File file, QByteArray *contents) const = 0;
    // The open file descriptors of a process (its fd/ directory), ascending; empty when it is gone or may not
    // be read.
    virtual QList<int> listDescriptors(int pid) const = 0;
    // What file descriptor fd of process pid refers to: "pipe:[1234]", "socket:[5]", "/dev/pts/1", a path.
    // Empty when unknown or not allowed.
    virtual QByteArray fdTarget(int pid, int fd) const = 0;
};
