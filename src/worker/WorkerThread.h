#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <pthread.h>
#include <stop_token>
#include <string>
#include <sys/types.h>
#include <vector>

#include "control/ThreadSpec.h"
#include "ipc/StepGate.h"

class FigureBoard;
class PipeChannel;
class SharedQueue;
class TelemetryBlock;
class ThreadTelemetry;

// Where a worker's threads put and get items and find their locks. Not owned; outlives every thread.
struct WorkerChannels
{
    TelemetryBlock *telemetry = nullptr; // slots, named locks; may be null
    SharedQueue *queue = nullptr;        // the queue producers and consumers use, or null
    PipeChannel *pipe = nullptr;         // the pipe instead of the queue (channel=pipe), or null
    int finishedEventFd = -1;            // an eventfd the thread bumps when it ends, so the main loop notices
    FigureBoard *figures = nullptr;      // the experiment's measured figures (race, isolation, pool), or null
    int controlFd = -1;                  // the supervisor's connection (-1 none): a role's helper threads announce
                                         // themselves on it (RoleContext::announceHelper)
};

// One lab thread of proclab-worker, running its role until asked to stop.
//
// Stopping is cooperative (POSIX has no way to end one thread from outside): requestStop() sets a stop token that
// every wait of the role looks at, and interrupts a sleep or a blocking read with SIGUSR1 (installed without
// SA_RESTART). A lock-taker blocked on a lock ignores both — that is the lesson — and stays until its process
// ends.
// Created, started, stopped and joined by the worker's main thread only.
class WorkerThread
{
public:
    WorkerThread(const WorkerChannels &channels, ThreadSpec settings);
    WorkerThread(const WorkerThread &) = delete;
    WorkerThread &operator=(const WorkerThread &) = delete;

    // The signal that interrupts a thread's sleeps (SIGUSR1). The worker installs a no-op handler for it.
    static int wakeSignal();

    // Starts the thread and waits until it has reported its TID. 0, or the errno of pthread_create (EAGAIN when
    // RLIMIT_NPROC or the kernel's thread limit is reached).
    int start();
    pid_t tid() const { return m_tid.load(); }
    const ThreadSpec &settings() const { return m_settings; }
    bool hasFinished() const { return m_finished.load(); }

    void requestStop();
    // pthread_timedjoin_np: true when the thread has ended and was joined within `timeoutMs`.
    bool join(int timeoutMs);
    bool isJoined() const { return m_joined; }

    void setRate(double perSecond) { m_rate.store(perSecond); }
    // Lock-takers only: take these locks in this order and hold them until release(). False for other roles.
    bool take(const std::vector<int> &locks);
    bool release();

private:
    static void *entry(void *self);
    void run();
    void runProducer(ThreadTelemetry *telemetry);
    void runConsumer(ThreadTelemetry *telemetry);
    void runPoller(ThreadTelemetry *telemetry);
    void runCpu(ThreadTelemetry *telemetry);
    void runTimed(ThreadTelemetry *telemetry, bool blockingRead);
    void runLockTaker(ThreadTelemetry *telemetry);
    // The roles of single experiments (racer, joiner, isolation, pool, pool-worker), each in its own class.
    void runLesson(ThreadTelemetry *telemetry);
    bool takeInOrder(const std::vector<int> &locks, ThreadTelemetry *telemetry, std::vector<int> *held);
    // Releases in reverse order; `stepping`: each release waits for its grant first (StepGate).
    void releaseAll(std::vector<int> *held, ThreadTelemetry *telemetry, bool stepping = false);
    // Waits `ms` (-1: without end), waking early for a stop or a release request (and a take request unless
    // `releaseOnly`). False on stop.
    bool waitMailbox(int ms, bool releaseOnly = false);
    // Sleeps until the next item is due at the current rate; false when a stop was requested.
    bool pace(std::int64_t *nextDueNs, ThreadTelemetry *telemetry);

    WorkerChannels m_channels;
    ThreadSpec m_settings;
    std::stop_source m_stop;
    std::atomic<pid_t> m_tid{0};
    std::atomic<bool> m_finished{false};
    std::atomic<double> m_rate{0};
    pthread_t m_thread{};
    bool m_started = false;
    bool m_joined = false;

    StepGate m_gate; // parks the thread before each lesson action in step mode (set once its slot is claimed)

    std::mutex m_mailboxMutex;
    std::condition_variable_any m_mailbox;
    std::vector<int> m_takeRequest;
    bool m_releaseRequested = false;
};
