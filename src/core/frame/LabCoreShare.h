#pragma once

#include "TaskRow.h"

#include <QList>

// How much of each core the lab's own tasks used over the last interval, from the rows a frame shows: the sum of
// the thread rows' running shares on the core each last ran on, at most the core's busy share. What the core was
// busy with beyond that belongs to other programs (a compile job beside the lab), and the CPU chart shows it apart
// so it cannot swamp the lesson's picture ("one core busy under the GIL").
class LabCoreShare
{
public:
    // One share (0..1) per core, `cores` of them; busy[c] caps core c's share when given (the rows' core is as old
    // as the task's letter, so a thread that moved may be credited to the core it left).
    static QList<double> perCore(const QList<TaskRow> &rows, int cores, const QList<double> &busy = {});
};
