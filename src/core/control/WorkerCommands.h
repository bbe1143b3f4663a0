#pragma once

#include "ControlMessage.h"
#include "ThreadSpec.h"

#include <QList>
#include <QString>

#include <sys/types.h>

// The requests of the control protocol (ControlMessage.h), built from typed arguments. Ids are filled in by
// WorkerConnection::send().
class WorkerCommands
{
public:
    static ControlMessage addThread(const ThreadSpec &thread);
    static ControlMessage stopThread(pid_t tid);
    // tid 0: every thread of the process.
    static ControlMessage setRate(double rate, pid_t tid);
    static ControlMessage takeLocks(pid_t tid, const QList<int> &locks);
    static ControlMessage releaseLocks(pid_t tid);
    // kind "worker" or "sleeper".
    static ControlMessage forkChild(const QString &kind, const QString &role);
    static ControlMessage exitProcess(int code);
};
