#include "TaskStateStyle.h"

using namespace Qt::Literals::StringLiterals;

QList<LabTaskState> TaskStateStyle::allStates()
{
    return {LabTaskState::New,     LabTaskState::Running, LabTaskState::Ready,     LabTaskState::Blocked,
            LabTaskState::Stopped, LabTaskState::Zombie,  LabTaskState::Terminated};
}

QString TaskStateStyle::name(LabTaskState state)
{
    switch (state) {
    case LabTaskState::New: return tr("New");
    case LabTaskState::Running: return tr("Running");
    case LabTaskState::Ready: return tr("Ready");
    case LabTaskState::Blocked: return tr("Blocked");
    case LabTaskState::Stopped: return tr("Stopped");
    case LabTaskState::Zombie: return tr("Zombie");
    case LabTaskState::Terminated: return tr("Terminated");
    }
    return {};
}

QString TaskStateStyle::meaning(LabTaskState state)
{
    switch (state) {
    case LabTaskState::New: return tr("Started, but not scheduled on a core yet.");
    case LabTaskState::Running: return tr("On a core, executing its instructions.");
    case LabTaskState::Ready: return tr("Could run, but waits in the run queue for a free core.");
    case LabTaskState::Blocked: return tr("Sleeping until something happens: a lock, a queue, a timer, a pipe.");
    case LabTaskState::Stopped: return tr("Stopped by a signal (SIGSTOP); SIGCONT lets it go on.");
    case LabTaskState::Zombie:
        return tr("Ended, but its parent has not reaped it: the PID stays taken until Reap (waitid).");
    case LabTaskState::Terminated: return tr("Ended and reaped: it no longer exists.");
    }
    return {};
}

QColor TaskStateStyle::color(LabTaskState state)
{
    // Chosen to stay apart for the common colour-vision deficiencies; the icons carry the state as well.
    switch (state) {
    case LabTaskState::New: return QColor(0x17, 0xa2, 0xb8);
    case LabTaskState::Running: return QColor(0x2e, 0xa0, 0x43);
    case LabTaskState::Ready: return QColor(0xe6, 0x9b, 0x00);
    case LabTaskState::Blocked: return QColor(0x3d, 0x7e, 0xdb);
    case LabTaskState::Stopped: return QColor(0x8e, 0x5c, 0xc9);
    case LabTaskState::Zombie: return QColor(0xd2, 0x3f, 0x31);
    case LabTaskState::Terminated: return QColor(0x8a, 0x8a, 0x8a);
    }
    return {};
}

QIcon TaskStateStyle::icon(LabTaskState state)
{
    static const QString files[] = {u"new"_s,     u"running"_s, u"ready"_s,     u"blocked"_s,
                                    u"stopped"_s, u"zombie"_s,  u"terminated"_s};
    return QIcon(u":/icons/state-"_s + files[int(state)] + u".svg"_s);
}
