#pragma once

#include "probe/TaskState.h"
#include "probe/TaskStateName.h"

#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QList>

// How a task state looks everywhere in the window (badge, bars, timeline, legend): a colour and an icon with its
// own shape, so that the state never depends on colour alone. Its translated name is TaskStateName::displayName,
// the one set of state names translators see.
class TaskStateStyle
{
    Q_DECLARE_TR_FUNCTIONS(TaskStateStyle)
public:
    // One sentence for tool tips: what the state means for the kernel.
    static QString meaning(TaskState state);
    static QColor color(TaskState state);
    static QIcon icon(TaskState state);
    // The three shares of the stacked bar and the timeline use the state colours of the same names.
    static QColor runningColor() { return color(TaskState::Running); }
    static QColor readyColor() { return color(TaskState::Ready); }
    static QColor blockedColor() { return color(TaskState::Blocked); }
    // The PPID cell of a re-parented process (an orphan adopted by the subreaper): a soft amber, legible in
    // either theme.
    static QColor reparentedBackground() { return QColor(0xf0, 0xa0, 0x20, 90); }
};
