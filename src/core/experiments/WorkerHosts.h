#pragma once

#include <QStringList>

#include <optional>
#include <sys/types.h>

class ExperimentRun;

// Where an experiment's workers live when the lesson offers `using=threads|processes`: one lab process per worker,
// or threads of one shared process. Spawns the processes as they are first needed.
class WorkerHosts
{
public:
    // name: the shared process's name; with a process each, they are called name-1, name-2 … ("ring-2").
    WorkerHosts(ExperimentRun &run, bool processEach, const QString &name, const QStringList &arguments = {});

    // The process worker `index` (0-based) runs in; std::nullopt when it could not be started (the run has
    // reported why).
    std::optional<pid_t> hostFor(int index);

private:
    ExperimentRun &m_run;
    bool m_processEach;
    QString m_name;
    QStringList m_arguments;
    pid_t m_shared = 0;
};
