#include "WorkerHosts.h"

#include "ExperimentRun.h"
#include "base/LabRole.h"

using namespace Qt::Literals::StringLiterals;

WorkerHosts::WorkerHosts(ExperimentRun &run, bool processEach, const QString &name, const QStringList &arguments)
    : m_run(run)
    , m_processEach(processEach)
    , m_name(name)
    , m_arguments(arguments)
{
}

std::optional<pid_t> WorkerHosts::hostFor(int index)
{
    if (!m_processEach && m_shared != 0)
        return m_shared;
    WorkerLaunch launch;
    launch.role = LabRole::Host;
    launch.name = m_processEach ? u"%1-%2"_s.arg(m_name).arg(index + 1) : m_name;
    launch.arguments = m_arguments;
    const std::optional<pid_t> pid = m_run.spawn(launch);
    if (pid && !m_processEach)
        m_shared = *pid;
    return pid;
}
