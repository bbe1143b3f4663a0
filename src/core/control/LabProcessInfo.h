#pragma once

#include <QList>
#include <QString>

#include <sys/types.h>

// What LabController knows about one lab thread: what the worker acknowledged.
struct LabThreadInfo
{
    pid_t tid = 0;
    QString role; // producer, consumer, cpu, io, sleeper, lock-taker
    QString name; // its OS thread name, e.g. "producer-3"
};

// What LabController knows about one lab process (see LabController::processes()).
struct LabProcessInfo
{
    enum class State {
        Running, // alive as far as the controller knows (the sampler knows better: R, S, D …)
        Stopped, // the controller sent SIGSTOP and no SIGCONT since
        Zombie,  // it has ended and is kept unreaped on purpose (state Z in /proc) until reap()
    };

    pid_t pid = 0;
    pid_t parent = 0;      // the supervisor, or the lab process that forked it (until it is re-parented)
    QString role;
    QString name;
    State state = State::Running;
    bool keepZombie = false; // it stays a zombie when it ends
    bool adopted = false;    // it came to the supervisor as an orphan
    bool controllable = false; // it has a control socket (commands can be sent to it)
    QList<LabThreadInfo> threads;
};
