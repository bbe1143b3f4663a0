#include "WorkerCommands.h"

ControlMessage WorkerCommands::addThread(const ThreadSpec &thread)
{
    return thread.toAdd();
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
    return ControlMessage("take").set("tid", tid).setNumberList("locks", locks);
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
