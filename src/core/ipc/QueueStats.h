#pragma once

#include <sys/types.h>

#include <cstdint>

// The counters of one SharedQueue (or PipeChannel) at one moment, as plain values for the sampler.
//
// Read without taking the queue's mutex: every field is an atomic in shared memory, so no value is ever torn;
// puts, gets and depth come from one seqlock-consistent read, so depth == puts - gets always holds here.
// blockedPutters / blockedGetters count the threads waiting right now (on the condvar, not on the mutex).
struct QueueStats
{
    int index = -1;          // the queue's index in its TelemetryBlock, or -1 for a stand-alone queue
    int capacity = 0;        // items
    int itemSize = 0;        // bytes
    std::int64_t depth = 0;  // items in the queue now
    std::uint64_t puts = 0;  // items ever put
    std::uint64_t gets = 0;  // items ever got
    int blockedPutters = 0;  // waiting because the queue is full
    int blockedGetters = 0;  // waiting because the queue is empty
    pid_t ownerPid = 0;      // process holding the queue's mutex now, 0 if none
    pid_t ownerTid = 0;      // TID holding the queue's mutex now, 0 if none
    bool robust = false;     // the mutex is robust
    std::uint64_t ownerDeaths = 0; // times a locker got EOWNERDEAD and repaired the queue
    pid_t lastDeadOwnerPid = 0;    // process and TID that died holding the mutex last
    pid_t lastDeadOwnerTid = 0;
    bool notRecoverable = false;   // the mutex is ENOTRECOVERABLE: the queue is dead
    bool shutDown = false;         // shutdown() was called
};
