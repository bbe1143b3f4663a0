#include "LabRole.h"

bool LabRole::isThreadRole(const QString &role)
{
    for (const QLatin1String known : {Producer, Consumer, Poller, Cpu, Io, Sleeper, LockTaker, Racer, Joiner, Isolation,
                                      Pool, PoolWorker}) {
        if (role == known)
            return true;
    }
    return false;
}

bool LabRole::putsInto(const QString &role, qint64 queue)
{
    if (role == PoolWorker)
        return queue == 1;
    if (role == Pool)
        return queue == 0;
    return role == Producer || role == JoinerChild;
}

bool LabRole::takesFrom(const QString &role, qint64 queue)
{
    if (role == PoolWorker)
        return queue == 0;
    if (role == Pool)
        return queue == 1;
    return role == Consumer || role == Poller || role == Joiner;
}
