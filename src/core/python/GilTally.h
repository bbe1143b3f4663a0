#pragma once

#include <QHash>
#include <QtGlobal>

// What GilSampler saw of one process's GIL over some time: how often it read it, and per thread how often that
// thread held it. A thread's gil share is the fraction of reads it held the GIL.
struct GilTally
{
    quint64 reads = 0;          // reads that saw the GIL
    quint64 heldReads = 0;      // of them, with the GIL held (by a thread whose TID was read)
    QHash<int, quint64> byTid;  // TID → reads it held the GIL
    quint64 holderChanges = 0;  // hand-overs seen: the holder at a read differs from the previous holder
    quint64 switches = 0;       // CPython's own count of hand-overs (Δ switch_number), when switchesKnown
    bool switchesKnown = false;

    double shareOf(int tid) const { return reads ? double(byTid.value(tid)) / double(reads) : 0.0; }
    void add(const GilTally &other)
    {
        reads += other.reads;
        heldReads += other.heldReads;
        for (auto it = other.byTid.constBegin(); it != other.byTid.constEnd(); ++it)
            byTid[it.key()] += it.value();
        holderChanges += other.holderChanges;
        switches += other.switches;
        switchesKnown = switchesKnown || other.switchesKnown;
    }
};
