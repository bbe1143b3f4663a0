#pragma once

#include <QString>

#include <cstdint>

// The lesson's own steps a stepping thread parks before (StepRecord::action). Part of the telemetry layout:
// append, never renumber.
enum class StepAction : std::uint32_t {
    None = 0,
    Load = 1,    // race: read the counter
    Store = 2,   // race: write the counter back (StepRecord::value: the value it writes)
    Acquire = 3, // lock-takers, a locked racer: take a lock (object: lock index)
    Release = 4, // give a lock back (object: lock index)
    Put = 5,     // pc-threads producer: put one item (object: queue index)
    Get = 6,     // pc-threads consumer: get one item
};

// Stable lower-case names for the `step` event: "load", "store", "acquire", "release", "put", "get" ("" for None).
QString stepActionName(StepAction action);
StepAction stepActionFromRaw(std::uint32_t raw);
