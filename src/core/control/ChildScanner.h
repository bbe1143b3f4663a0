#pragma once

#include "PidFd.h"

#include <QList>

#include <optional>
#include <sys/types.h>

// The few fields of /proc/<pid>/stat the controller needs to adopt a process safely (parsed by ProcParser).
struct ChildStat
{
    char state = '?';       // field 3: R, S, D, Z, T, t …
    pid_t parent = 0;       // field 4
    pid_t processGroup = 0; // field 5
    pid_t session = 0;      // field 6
    quint64 startTime = 0;  // field 22, clock ticks since boot: with the PID, identifies one process for good
};

// Finds this process's children: its own and the orphans it adopted as subreaper.
class ChildScanner
{
public:
    // Reads /proc/<pid>/stat through the probe layer (LinuxProcSource, ProcParser); std::nullopt when the process
    // is gone or the text is not a stat line.
    static std::optional<ChildStat> readStat(pid_t pid);
    // pidfd_open(pid), then checks that the process still has `startTime` (and, unless 0, parent `parent`): a PID
    // read from /proc or from another process may have been recycled before the pidfd was opened. Invalid PidFd
    // when the process is gone or is another one.
    static PidFd openChecked(pid_t pid, quint64 startTime, pid_t parent = 0);
    // Every child of every thread of this process (/proc/self/task/*/children): an adopted orphan is hung on
    // whichever thread of the subreaper the kernel picked, so one thread's list is not enough. Includes zombies.
    static QList<pid_t> children();
};
