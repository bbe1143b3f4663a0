#pragma once

#include "LabProcessInfo.h"
#include "PidFd.h"

#include <QHash>
#include <QString>

class QSocketNotifier;
class WorkerConnection;

// LabController's own record of one lab process: the public LabProcessInfo plus the handles it holds on it.
struct LabProcessRecord
{
    pid_t pid = 0;
    pid_t parent = 0;
    QString role;
    QString name;
    PidFd pidfd;         // invalid for a forked child whose pidfd could not be checked (it is then never signalled)
    bool direct = false; // our child: waitid(P_PIDFD) works on it
    bool keepZombie = false;
    bool adopted = false;
    bool ended = false; // its exit has been seen
    LabProcessInfo::State state = LabProcessInfo::State::Running;
    QSocketNotifier *exitNotifier = nullptr; // on the pidfd; owned by the controller
    WorkerConnection *connection = nullptr;  // its control socket; null for plain children and orphans
    QHash<pid_t, LabThreadInfo> threads;
    QHash<quint32, QString> pendingThreads; // request id → role
    QHash<quint32, QString> pendingForks;   // request id → role of the child

    LabProcessInfo info() const;
};
