#pragma once

#include "Frame.h"

#include "base/SessionEvent.h"
#include "ipc/TelemetrySnapshot.h"
#include "probe/Snapshot.h"
#include "session/SessionMoment.h"

// The frames of a live session (an experiment run or a watched program). It keeps a SessionMoment fed with every
// event the run records, samples included (apply), so processes, threads, roles, queues and deadlocks are known
// exactly as a replay of the file will know them; each tick's frame then takes the rows from that moment through
// FrameRowBuilder, the one rule. What the tick measured is laid over the moment first, at the file's resolution
// (shares, CPU, core, reason of every task the moment knows), because the file keeps a task's sample only twice
// a second: at a tick whose samples were recorded, the live frame and the replayed one are equal. Only the live
// view adds what the file does not carry: the kernel's state letter, the OS name of a renamed process and a lab
// thread's item counter.
class LiveFrames
{
public:
    // Forgets everything (a new session).
    void clear();
    // Every event the run records, in order (samples too).
    void apply(const SessionEvent &event);
    // The frame of one tick: `snapshot` as the run annotated it, `telemetry` the lab's block read at that tick
    // (empty for a program), `waits` the wait-for input the analysis used (null: none known).
    Frame frameOf(const Snapshot &snapshot, double t, const TelemetrySnapshot &telemetry, const WaitTick *waits);
    const SessionMoment &moment() const { return m_moment; }

private:
    SessionMoment m_moment;
};
