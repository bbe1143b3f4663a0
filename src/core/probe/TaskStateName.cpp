#include "TaskStateName.h"

#include <QList>

using namespace Qt::Literals::StringLiterals;

QString TaskStateName::name(TaskState state)
{
    switch (state) {
    case TaskState::New: return u"new"_s;
    case TaskState::Running: return u"running"_s;
    case TaskState::Ready: return u"ready"_s;
    case TaskState::Blocked: return u"blocked"_s;
    case TaskState::Stopped: return u"stopped"_s;
    case TaskState::Zombie: return u"zombie"_s;
    case TaskState::Terminated: return u"terminated"_s;
    }
    return {};
}

std::optional<TaskState> TaskStateName::fromName(QStringView name)
{
    for (TaskState state : all()) {
        if (name == TaskStateName::name(state))
            return state;
    }
    return std::nullopt;
}

QString TaskStateName::displayName(TaskState state)
{
    switch (state) {
    case TaskState::New: return tr("New");
    case TaskState::Running: return tr("Running");
    case TaskState::Ready: return tr("Ready");
    case TaskState::Blocked: return tr("Blocked");
    case TaskState::Stopped: return tr("Stopped");
    case TaskState::Zombie: return tr("Zombie");
    case TaskState::Terminated: return tr("Terminated");
    }
    return {};
}

const QList<TaskState> &TaskStateName::all()
{
    static const QList<TaskState> states = {TaskState::New,     TaskState::Running, TaskState::Ready,
                                            TaskState::Blocked, TaskState::Stopped, TaskState::Zombie,
                                            TaskState::Terminated};
    return states;
}
