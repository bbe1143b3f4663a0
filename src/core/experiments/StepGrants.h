#pragma once

#include "ipc/StepAction.h"

#include <QHash>
#include <QList>
#include <QString>

#include <cstdint>

class ExperimentRun;
struct TelemetrySnapshot;
struct ThreadTelemetrySample;

// One granted step at a time, and its record: the part of step mode that StepSchedule (`proclab run --schedule`)
// and the window's stepping (lessons/StepController) share. A step is granted only to a thread parked at its gate
// with every earlier grant used; it has ended when the thread finished it, ended in it, or has sat in a wait for
// 300 ms (blocked inside it: on a lock, a full or empty queue — it can take no further step). Each ended step is
// recorded as one `step` event, numbered in the order granted. Reads only the snapshots it is given; polls nothing.
class StepGrants
{
public:
    explicit StepGrants(ExperimentRun &run) : m_run(run) {}

    enum class Readiness {
        Ready,         // parked at its gate: a grant is taken at once
        NotYet,        // still on its way to its next gate (or not started)
        Finished,      // the thread has ended
        BlockedInside, // blocked inside its last step (see blockedStep)
        Outstanding,   // another granted step has not ended yet
    };
    Readiness readiness(const TelemetrySnapshot &snapshot, int number) const;
    // The step thread `number` is blocked inside, in words ("ring-1: acquire L2"); empty when it is not.
    QString blockedStep(int number) const { return m_blocked.value(number); }

    // Grants thread `number` one step; false unless readiness() is Ready.
    bool grant(const TelemetrySnapshot &snapshot, int number, std::int64_t nowNs);

    enum class Progress { None, Pending, Ended, Vanished };
    // Whether the outstanding step has ended; records its `step` event when it has. Vanished: its thread is no
    // longer in the snapshot (nothing recorded).
    Progress resolve(const TelemetrySnapshot &snapshot, std::int64_t nowNs);
    bool hasOutstanding() const { return m_hasOutstanding; }
    int outstandingNumber() const { return m_hasOutstanding ? m_outstanding.number : 0; }
    std::int64_t outstandingSinceNs() const { return m_outstanding.sinceNs; }
    // The numbers granted so far, in order (what "Run this schedule again" grants).
    const QList<int> &granted() const { return m_granted; }

    // The object of a step in words: a lock's name, the race's "counter"; empty for none.
    static QString objectName(const TelemetrySnapshot &snapshot, StepAction action, std::int64_t object);

private:
    struct Outstanding
    {
        int number = 0;
        int grant = 0;             // 1-based position among the grants
        std::uint32_t grants = 0;  // the thread's grant count after this grant
        StepAction action = StepAction::None;
        std::int64_t object = -1;
        std::int64_t value = 0;
        std::int64_t sinceNs = 0;
        std::int64_t blockedSinceNs = 0;
    };

    void record(const ThreadTelemetrySample &thread, const TelemetrySnapshot &snapshot, bool blocked, bool finished);

    ExperimentRun &m_run;
    bool m_hasOutstanding = false;
    Outstanding m_outstanding;
    QList<int> m_granted;
    QHash<int, QString> m_blocked; // thread number → the step it is blocked inside
};
