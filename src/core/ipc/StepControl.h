#pragma once

#include "TelemetrySnapshot.h"

class TelemetryBlock;

// The supervisor's side of step mode: finds a stepping thread by its number and grants it steps, or lets it run
// free. Reads go through TelemetryBlock::snapshot() (StepSample); writes are one atomic and a futex wake each.
class StepControl
{
public:
    explicit StepControl(TelemetryBlock *block) : m_block(block) {}

    // The live slot of stepping thread `number` in `snapshot`; else its last exited one; else null.
    static const ThreadTelemetrySample *find(const TelemetrySnapshot &snapshot, int number);
    // The numbers of every stepping thread in the snapshot, ascending, each once.
    static QList<int> numbers(const TelemetrySnapshot &snapshot);

    // One more step for the thread in slot `slot` (wakes it if parked). False for a slot out of range.
    bool grant(int slot);
    // From now on the thread in `slot` passes every gate without a grant.
    bool runFree(int slot);

private:
    TelemetryBlock *m_block;
};
