#pragma once

#include "ipc/FigureBoard.h"

#include "WorkerOptions.h"
#include "WorkerThread.h"
#include "control/ControlMessage.h"
#include "ipc/PipeChannel.h"
#include "ipc/SharedQueue.h"
#include "ipc/TelemetryBlock.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

// The main thread of proclab-worker: answers the supervisor's commands on the control socket (protocol in
// control/ControlMessage.h), starts and stops the lab threads, forks children on command and reaps them, and
// ends cleanly on SIGTERM or SIGINT (threads asked to finish, exit 0) or when the supervisor closes the socket.
//
// SIGTERM, SIGINT and SIGCHLD are blocked in every thread and read from a signalfd by this loop only, so no
// signal handler ever runs lab logic. The parent-death signal stays asynchronous (ParentDeathGuard).
class WorkerProcess
{
public:
    explicit WorkerProcess(WorkerOptions options);
    // Runs until told to end; returns the exit status (or does not return: `exit` command, stuck threads).
    int run();

private:
    bool setUp(std::string *error);
    void send(const ControlMessage &message);
    void handleCommand(const ControlMessage &command);
    void handleSignals();
    void collectFinishedThreads();
    void reapChildren();
    void endChildren();
    ControlMessage addThread(const ControlMessage &command, ThreadSpec settings);
    ControlMessage forkChild(const ControlMessage &command);
    WorkerThread *findThread(pid_t tid);
    [[noreturn]] void shutDown(int status);
    // Stops the threads as shutDown() does, then dies by `signal` itself (--term-kills).
    [[noreturn]] void shutDownBySignal(int signal);
    void stopThreads();

    WorkerOptions m_options;
    TelemetryBlock m_telemetry;
    FigureBoard m_figures;
    int m_isolationChildren = 0; // isolation children forked so far (each writes its own figure)
    SharedQueue m_queue;
    PipeChannel m_pipe;
    WorkerChannels m_channels;
    int m_signalFd = -1;
    int m_finishedFd = -1;
    std::vector<std::unique_ptr<WorkerThread>> m_threads;
    std::vector<pid_t> m_children;
    std::map<QString, int> m_roleCounters;
};
