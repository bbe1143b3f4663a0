#include "TaskStateStyle.h"

using namespace Qt::Literals::StringLiterals;

QString TaskStateStyle::meaning(TaskState state)
{
    switch (state) {
    case TaskState::New: return tr("Started, but not scheduled on a core yet.");
    case TaskState::Running: return tr("On a core, executing its instructions.");
    case TaskState::Ready: return tr("Could run, but waits in the run queue for a free core.");
    case TaskState::Blocked: return tr("Sleeping until something happens: a lock, a queue, a timer, a pipe.");
    case TaskState::Stopped: return tr("Stopped by a signal (SIGSTOP); SIGCONT lets it go on.");
    case TaskState::Zombie:
        return tr("Ended, but its parent has not reaped it: the PID stays taken until Reap (waitid).");
    case TaskState::Terminated: return tr("Ended and reaped: it no longer exists.");
    }
    return {};
}

QColor TaskStateStyle::color(TaskState state)
{
    // Chosen to stay apart for the common colour-vision deficiencies; the icons carry the state as well.
    switch (state) {
    case TaskState::New: return QColor(0x17, 0xa2, 0xb8);
    case TaskState::Running: return QColor(0x2e, 0xa0, 0x43);
    case TaskState::Ready: return QColor(0xe6, 0x9b, 0x00);
    case TaskState::Blocked: return QColor(0x3d, 0x7e, 0xdb);
    case TaskState::Stopped: return QColor(0x8e, 0x5c, 0xc9);
    case TaskState::Zombie: return QColor(0xd2, 0x3f, 0x31);
    case TaskState::Terminated: return QColor(0x8a, 0x8a, 0x8a);
    }
    return {};
}

QIcon TaskStateStyle::icon(TaskState state)
{
    static const QString files[] = {u"new"_s,     u"running"_s, u"ready"_s,     u"blocked"_s,
                                    u"stopped"_s, u"zombie"_s,  u"terminated"_s};
    return QIcon(u":/icons/state-"_s + files[int(state)] + u".svg"_s);
}
