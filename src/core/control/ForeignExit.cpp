#include "ForeignExit.h"

#include "probe/LinuxProcSource.h"
#include "probe/ProcParser.h"

#include <sys/wait.h>

std::optional<ProcessExit> ForeignExit::fromStat(const TaskStat &stat, quint64 startTime)
{
    if (stat.state != 'Z' || stat.exitCode < 0)
        return std::nullopt;
    if (startTime != 0 && stat.startTicks != startTime)
        return std::nullopt;
    ProcessExit exit;
    if (WIFSIGNALED(stat.exitCode)) {
        exit.signalled = true;
        exit.signal = WTERMSIG(stat.exitCode);
    } else {
        exit.code = WEXITSTATUS(stat.exitCode);
    }
    return exit;
}

std::optional<ProcessExit> ForeignExit::read(pid_t pid, quint64 startTime)
{
    QByteArray text;
    if (LinuxProcSource().readOnce(int(pid), 0, ProcSource::File::Stat, &text) != ProcSource::Result::Ok)
        return std::nullopt;
    const std::optional<TaskStat> stat = ProcParser::parseStat(text);
    return stat ? fromStat(*stat, startTime) : std::nullopt;
}
