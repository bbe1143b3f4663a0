#include "WorkerCommands.h"

QByteArray WorkerCommands::joined(const QList<int> &numbers)
{
    QByteArrayList parts;
    for (const int n : numbers)
        parts.append(QByteArray::number(n));
    return parts.join(',');
}

ControlMessage WorkerCommands::addThread(const ThreadLaunch &thread)
{
    ControlMessage message("add");
    message.set("role", thread.role.toLatin1()).set("rate", QByteArray::number(thread.rate));
    if (!thread.name.isEmpty())
        message.set("name", thread.name.toLatin1());
    if (thread.queue >= 0)
        message.set("queue", thread.queue);
    if (!thread.locks.isEmpty())
        message.set("locks", joined(thread.locks));
    message.set("step", thread.stepMs).set("hold", thread.holdMs).set("rounds", thread.rounds);
    if (thread.busy)
        message.set("busy", 1);
    if (thread.useProcesses)
        message.set("processes", 1);
    if (thread.drainFirst)
        message.set("drain", 1);
    if (!thread.mode.isEmpty())
        message.set("mode", thread.mode.toLatin1());
    if (thread.party > 0)
        message.set("party", thread.party);
    if (thread.gil >= 0)
        message.set("gil", thread.gil);
    if (thread.stepNumber > 0)
        message.set("stepper", thread.stepNumber);
    if (thread.initialValue != 0)
        message.set("initial", thread.initialValue);
    return message;
}

ControlMessage WorkerCommands::stopThread(pid_t tid)
{
    return ControlMessage("stop").set("tid", tid);
}

ControlMessage WorkerCommands::setRate(double rate, pid_t tid)
{
    ControlMessage message("rate");
    message.set("value", QByteArray::number(rate));
    if (tid > 0)
        message.set("tid", tid);
    return message;
}

ControlMessage WorkerCommands::takeLocks(pid_t tid, const QList<int> &locks)
{
    return ControlMessage("take").set("tid", tid).set("locks", joined(locks));
}

ControlMessage WorkerCommands::releaseLocks(pid_t tid)
{
    return ControlMessage("release").set("tid", tid);
}

ControlMessage WorkerCommands::forkChild(const QString &kind, const QString &role)
{
    return ControlMessage("fork").set("kind", kind.toLatin1()).set("role", (role.isEmpty() ? kind : role).toLatin1());
}

ControlMessage WorkerCommands::exitProcess(int code)
{
    return ControlMessage("exit").set("code", code);
}
