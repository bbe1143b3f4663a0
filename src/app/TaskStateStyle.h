#pragma once

#include "TaskRow.h"

#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QList>

// How a task state looks everywhere in the window (badge, bars, timeline, legend): a translated name, a colour
// and an icon with its own shape, so that the state never depends on colour alone.
class TaskStateStyle
{
    Q_DECLARE_TR_FUNCTIONS(TaskStateStyle)
public:
    static QList<LabTaskState> allStates();
    static QString name(LabTaskState state);
    // One sentence for tool tips: what the state means for the kernel.
    static QString meaning(LabTaskState state);
    static QColor color(LabTaskState state);
    static QIcon icon(LabTaskState state);
    // The three shares of the stacked bar and the timeline use the state colours of the same names.
    static QColor runningColor() { return color(LabTaskState::Running); }
    static QColor readyColor() { return color(LabTaskState::Ready); }
    static QColor blockedColor() { return color(LabTaskState::Blocked); }
};
