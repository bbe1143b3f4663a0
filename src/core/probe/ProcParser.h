#pragma once

#include "ProcRecords.h"

#include <QByteArrayView>
#include <QList>

#include <optional>

// Pure parsers over the text of /proc files: no file names, no I/O, no allocation beyond the result. Every one
// accepts truncated or empty input by returning nullopt (or an empty list) instead of guessing.
class ProcParser
{
public:
    // A task's stat line. comm runs from the first '(' to the LAST ')': a thread may name itself "a ) (b".
    // Needs at least the fields up to rss (24); processor (39) and exit_code (52) are read when present. The one
    // parser of stat in ProcLab: the sampler, the controller (ChildScanner, ForeignExit) and the role detector
    // all read it through here.
    static std::optional<TaskStat> parseStat(QByteArrayView text);
    // A task's schedstat: three unsigned numbers.
    static std::optional<SchedStat> parseSchedStat(QByteArrayView text);
    // The cpu lines of /proc/stat: the aggregate first (core -1), then each cpuN in file order. Stops at the
    // first line that is not a cpu line. Empty when there is no well-formed "cpu " line.
    static QList<CpuTimes> parseCpuTimes(QByteArrayView text);
    // The "procs_running" line of /proc/stat: tasks runnable at the moment of the read (on a core or waiting for
    // one, the reader included). nullopt when the line is missing or malformed.
    static std::optional<int> parseProcsRunning(QByteArrayView text);
    // /proc/<pid>/status. nullopt when no "Name:" or no "Pid:" line is there (not a status file).
    static std::optional<ProcStatus> parseStatus(QByteArrayView text);
    // wchan: the kernel function a sleeping task waits in. "0" and "" (running, or hidden) give an empty result.
    static QByteArray parseWchan(QByteArrayView text);
    // syscall; nullopt for anything malformed.
    static std::optional<SyscallState> parseSyscall(QByteArrayView text);
    // cmdline: NUL-separated arguments (a trailing NUL or none).
    static QList<QByteArray> parseCmdline(QByteArrayView text);
    // task/<tid>/children: space-separated PIDs.
    static QList<int> parsePidList(QByteArrayView text);
};
