#pragma once

#include <QtGlobal>

// What TaskSampler reads for one task at one tick beyond its schedstat, and why. Pure: the sampler keeps the facts
// of each task, asks, reads what it is told, and the reasons stay in one place that can be tested alone.
//
// schedstat (kept open, the cheapest file) is read for every task at every tick; the rest only when it can tell
// something new:
//
// stat (letter, core, name; twice as costly as schedstat):
//  - every tick below Options::fullReadLimit tasks, and the first time a task is seen;
//  - for a process's main thread it comes with the process's stat, which is read every tick anyway;
//  - in rotation, so that no letter is older than Options::letterMaxAgeS. The rotation's read is skipped, and
//    the letter's age restarts, when the letter is proved unchanged: the thread has not run since it was read,
//    its letter is not R, and /proc/stat's procs_running counts the sampler alone — a sleeping thread changes
//    letter only by being woken (stopping, exiting, going from S to D all need it to run), and then it is
//    runnable;
//  - after a run: a thread that ran since its letter was read and now makes no progress may have gone back to
//    sleep (S, D), been stopped (T, t), or be waiting for a core (R: the kernel credits run-queue wait only when
//    the thread gets one). Read at once when the letter it had would show anything but Blocked (R, T, t, Z…), or
//    when its process is stopping (the main thread's letter, read this tick, is T or t: a group stop reaches
//    every thread); otherwise at the second tick in a row without progress. A thread that wakes every other tick
//    (a 200 ms timer at 10 Hz) therefore costs no stat read but its rotation, and a thread that was stopped or
//    starves on the run queue shows so at most two ticks after its last run.
//
// The blocked reason (syscall, wchan): when a task becomes blocked; when its letter changed since the reason was
// read (D and S are different waits); when the last reason was only a guess (nothing spoke: caught between two
// system calls); and for a task that ran since, at most every Options::reasonMaxAgeS — one that did not run is
// still in the same wait.
//
// Context-switch counts (status, the dearest file): only together with a letter read this tick, and only for a
// thread that was scheduled since they were last read (they change only when it is); for the main thread, whose
// letter is fresh every tick, only on the ticks another thread's stat would have been read.
class TaskReadPolicy
{
public:
    enum class Stat {
        Skip,        // the letter stays as it was, and ages
        Read,        // read the task's stat
        FromProcess, // the main thread: take the process's stat read this tick
        Proved,      // not read, known unchanged: the letter's age restarts
    };
    enum class Why { None, FullRead, FirstSight, MainThread, AfterRun, Rotation, ProvedUnchanged };

    struct Facts {
        bool fullRead = false;            // few tasks: every stat every tick
        bool mainThread = false;          // tid == pid
        bool letterSeen = false;          // a letter was read before
        bool progressed = false;          // schedstat moved this tick (or the task is new)
        bool ranSinceLetter = false;      // it progressed at some tick since its letter was read
        int quietTicks = 0;               // ticks in a row without progress, this one included
        bool rotationDue = false;         // its letter reaches letterMaxAgeS by the next tick
        bool nothingElseRunnable = false; // procs_running counted the sampler alone this tick
        char letter = 0;                  // the letter it has (0: never read)
        char processLetter = 0;           // the main thread's letter, read this tick
    };
    struct Decision {
        Stat stat = Stat::Skip;
        Why why = Why::None;
        // A tick on which details are due (switch counts of the main thread): a full read, a first sight, a
        // rotation or a read after a run.
        bool detailsDue = false;
    };

    static Decision decideStat(const Facts &facts);

    struct ReasonFacts {
        bool blocked = false;         // the state decided this tick
        bool wasBlocked = false;      // the state of the last tick
        bool ranSinceRead = false;    // it progressed since the reason was read
        qint64 ageNs = 0;             // since the reason was read
        qint64 maxAgeNs = 0;          // Options::reasonMaxAgeS
        bool guessed = false;         // the last reason was empty, or came from the letter alone
        bool letterChanged = false;   // the letter differs from the one the reason was read with
    };
    static bool readReason(const ReasonFacts &facts);

    // Whether to read status (context switches) now.
    static bool readSwitches(bool enabled, bool letterFresh, const Decision &decision, bool mainThread,
                             bool scheduledSinceLastRead);

    // When the next rotation read is due: at the last tick before the letter would pass `periodNs`, or, for a
    // task seen for the first time, at a phase of its own in the period, so that a thousand threads found at once
    // are not all re-read at the same tick a second later.
    static qint64 nextRotationNs(bool firstSight, qint64 nowNs, qint64 periodNs, qint64 lastIntervalNs, int tid);

    // The letters that, kept without progress, show Blocked (S, D, I…); R, T, t, Z, X and "never read" do not.
    static bool showsBlocked(char letter);
};
