#pragma once

#include "WaitInput.h"

#include <QString>

// The stable lower-case names of the wait kinds in session files: "lock", "queue_full", "queue_empty", "child",
// "pipe_write", "pipe_read" (a task.sample's `wait`, a deadlock member's `wait`). One table for the recorder, the
// analysis and replay.
class WaitKindName
{
public:
    static QString of(WaitKind kind);       // empty for None
    static WaitKind named(const QString &name); // None for an unknown or empty name
};
