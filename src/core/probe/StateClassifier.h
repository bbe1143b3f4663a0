#pragma once

#include "TaskState.h"

#include <QtGlobal>

// Decides a thread's shares of an interval and the state shown for it, from the kernel's counters. Pure.
//
// running = Δ(cpu time)/Δt and ready = Δ(run-queue wait)/Δt from schedstat; blocked is the rest. The kernel credits
// run-queue wait only when the task finally gets a core (sched_info_arrive), so a thread starved in the run queue
// shows no change at all: with the letter R and no progress it is Ready, with ready = 1.
class StateClassifier
{
public:
    struct Input {
        qint64 intervalNs = 0;   // Δt; for a first sighting, the task's age
        qint64 cpuDeltaNs = 0;   // may be negative when counters went backwards
        qint64 waitDeltaNs = 0;
        qint64 slicesDelta = 0;
        bool everScheduled = true; // cpu time or timeslices are non-zero
        char letter = 0;           // the kernel's letter, 0 when never read
        bool letterFresh = false;  // the letter was read during this interval
        bool gone = false;         // the task no longer exists
    };
    struct Result {
        TaskState state = TaskState::Blocked;
        double running = 0;
        double ready = 0;
        double blocked = 0;
        bool progressed = false;   // it ran or was credited run-queue time in the interval
        bool sharesKnown = true;   // false when counters went backwards or Δt ≤ 0: shares are not meaningful
    };

    static Result classify(const Input &input);
    // The state a letter alone implies, for tasks with no usable shares: R → Running, S/D/I/… → Blocked,
    // T/t → Stopped, Z → Zombie, X/x → Terminated.
    static TaskState stateOfLetter(char letter);
};
