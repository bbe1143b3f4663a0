#include "WorkerReports.h"

#include "control/ChildScanner.h"

#include <sys/wait.h>

ControlMessage WorkerReports::childStart(pid_t child, QLatin1String role)
{
    const std::optional<ChildStat> stat = ChildScanner::readStat(child);
    return ControlMessage("child-start")
        .set("pid", child)
        .set("start", qint64(stat ? stat->startTime : 0))
        .set("role", QByteArrayView(role.data(), role.size()));
}

ControlMessage WorkerReports::childExit(pid_t child, int status)
{
    ControlMessage message("child-exit");
    message.set("pid", child);
    if (WIFSIGNALED(status))
        message.set("signal", WTERMSIG(status));
    else
        message.set("code", WEXITSTATUS(status));
    return message;
}
