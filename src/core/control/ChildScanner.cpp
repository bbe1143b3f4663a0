#include "ChildScanner.h"

#include "probe/LinuxProcSource.h"
#include "probe/ProcParser.h"

#include <unistd.h>

std::optional<ChildStat> ChildScanner::readStat(pid_t pid)
{
    QByteArray text;
    if (LinuxProcSource().readOnce(int(pid), 0, ProcSource::File::Stat, &text) != ProcSource::Result::Ok)
        return std::nullopt;
    const std::optional<TaskStat> stat = ProcParser::parseStat(text);
    if (!stat)
        return std::nullopt;
    ChildStat child;
    child.state = stat->state;
    child.parent = stat->ppid;
    child.processGroup = stat->pgrp;
    child.session = stat->session;
    child.startTime = stat->startTicks;
    return child;
}

PidFd ChildScanner::openChecked(pid_t pid, quint64 startTime, pid_t parent)
{
    PidFd pidfd = PidFd::open(pid);
    const std::optional<ChildStat> after = readStat(pid);
    if (!pidfd.isValid() || !after || after->startTime != startTime || (parent != 0 && after->parent != parent))
        return PidFd();
    return pidfd;
}

QList<pid_t> ChildScanner::children()
{
    const LinuxProcSource proc;
    const int self = int(::getpid());
    QList<pid_t> pids;
    for (const int tid : proc.listThreads(self).value_or(QList<int>())) {
        for (const int pid : proc.listChildren(self, tid)) {
            if (pid > 0 && !pids.contains(pid))
                pids.append(pid);
        }
    }
    return pids;
}
