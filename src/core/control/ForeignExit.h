#pragma once

#include "PidFd.h"
#include "probe/ProcRecords.h"

#include <optional>
#include <sys/types.h>

// The exit status of a process that is not our child. waitid() cannot read it (ECHILD), but while the process is a
// zombie its /proc/<pid>/stat carries it in field 52, exit_code, in waitpid() form (Linux ≥ 3.5). Once its parent
// has reaped it, the status is gone for good.
class ForeignExit
{
public:
    // From one stat record (ProcParser::parseStat): the status when the process is a zombie (state Z) with start
    // time `startTime` (0: any); std::nullopt when it is not a zombie, is another process, or has no field 52.
    static std::optional<ProcessExit> fromStat(const TaskStat &stat, quint64 startTime = 0);
    // Reads /proc/<pid>/stat through the probe layer.
    static std::optional<ProcessExit> read(pid_t pid, quint64 startTime);
};
