#include "LabProcessRecord.h"
#include "WorkerConnection.h"

LabProcessInfo LabProcessRecord::info() const
{
    LabProcessInfo info;
    info.pid = pid;
    info.parent = parent;
    info.role = role;
    info.name = name;
    info.state = state;
    info.keepZombie = keepZombie;
    info.adopted = adopted;
    info.controllable = connection && connection->isOpen() && !ended;
    info.threads = threads.values();
    return info;
}
