#pragma once

#include "FutexMapping.h"
#include "WaitInput.h"
#include "base/SessionEvent.h"
#include "probe/ProcSource.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <memory>

// The live cross-check from outside: for lab threads whose telemetry says they wait on a lab lock or queue, asks
// the kernel what they are blocked on (…/task/<tid>/syscall, mapped through …/maps by FutexMapping) and puts the
// answer in WaitInput::futex, where DeadlockMonitor compares the two and warns about a disagreement
// (lock.futex_mismatch). It counts the waits it checked and those the kernel confirmed, for the run's summary
// (lock.futex_check).
//
// Cheap by design: a thread is looked at only while its telemetry names a lock or queue the mapping knows, and
// only when that wait is new (its epoch changed), every `recheckEveryTicks` ticks while it lasts (at a phase of its
// own, so a burst of waits is not re-checked all on one tick), and on the tick after any answer that did not
// confirm it — so that a disagreement is either confirmed or cleared by a second look, which is what
// DeadlockMonitor's hysteresis needs. At most `maxLooksPerTick` threads are looked at per tick; the rest stay due
// and come first on the next tick. A process's maps are read once and again only when an address falls outside
// what was read. A thread that is not asleep in a system call ("running", runnable) gives no answer (NotChecked),
// never a mismatch.
//
// Reading syscall needs ptrace rights: the supervisor has them over its descendants under Yama scope 1. Where the
// kernel refuses, the thread's process is not asked again and counted as unreadable.
class FutexCrossCheck
{
    Q_DECLARE_TR_FUNCTIONS(FutexCrossCheck)

public:
    // `source`: where /proc is read (the probe layer's ProcSource; null: the real /proc). `settleTicks`: a new wait is first looked at once it has
    // lasted that many more ticks (0: on the tick it is first seen). A lab run uses 1: under heavy contention most
    // queue waits end within a tick, and looking at each of them cost the window more than all its charts; a wait
    // that matters (a deadlock, a lock held by a dead owner) lasts, and is looked at one tick later.
    explicit FutexCrossCheck(std::unique_ptr<ProcSource> source = nullptr, int recheckEveryTicks = 10,
                             int maxLooksPerTick = 64, int settleTicks = 0);
    // The same over a LinuxProcSource at `procRoot` (a fake tree in tests).
    explicit FutexCrossCheck(const QString &procRoot, int recheckEveryTicks = 10, int maxLooksPerTick = 64,
                             int settleTicks = 0);
    ~FutexCrossCheck();
    FutexCrossCheck(const FutexCrossCheck &) = delete;
    FutexCrossCheck &operator=(const FutexCrossCheck &) = delete;

    // The mapping to check against; an empty one (no path) switches the check off.
    void setMapping(const FutexMapping &mapping);
    bool isActive() const { return !m_mapping.mappingPath().isEmpty(); }

    // Fills `futex` of the threads of `tick` that are due (see above); leaves the others NotChecked.
    void observe(WaitTick *tick);
    // True when the observation confirms the thread's telemetry: the same lock, or a word inside the same queue.
    static bool agrees(const WaitInput &thread, const FutexObservation &observation);
    // Forgets every thread and process (a new experiment); the counts too.
    void reset();

    // Counts since the last reset().
    int waitsChecked() const { return m_waitsChecked; } // distinct waits the kernel gave an answer for
    int waitsConfirmed() const { return m_waitsConfirmed; } // … of which it confirmed the telemetry at least once
    int syscallReads() const { return m_syscallReads; }
    int mapsReads() const { return m_mapsReads; }
    int unreadable() const { return m_unreadable; } // syscall or maps files the kernel refused or that were gone
    // The run's summary: `lock.futex_check` with these counts and `mismatches` (DeadlockMonitor's warnings).
    SessionEvent summaryEvent(double t, int mismatches) const;
    // The summary in words (the event's explanation).
    static QString explainSummary(int checked, int confirmed, int mismatches, int unreadable);

private:
    struct Watched
    {
        WaitKind kind = WaitKind::None;
        qint64 object = 0;
        quint64 epoch = 0;
        int ticksSinceLook = 0;
        bool confirmed = false;  // some look confirmed this wait
        bool lastAgreed = false; // the last look did
        bool counted = false;    // counted in m_waitsChecked
        bool looked = false;     // looked at since this wait began
        int ticksSeen = 0;       // ticks this wait has been seen, up to the first look
    };

    bool due(const WaitInput &thread, Watched *watched) const;
    FutexObservation look(qint64 pid, qint64 tid);
    const QList<MemoryMapping> *mapsOf(qint64 pid, bool fresh);
    // One file through the source; counts an unreadable one, and marks the process refused when the kernel said no.
    bool readFile(qint64 pid, qint64 tid, ProcSource::File file, QByteArray *contents);

    std::unique_ptr<ProcSource> m_source;
    int m_recheckEveryTicks;
    int m_maxLooksPerTick;
    int m_settleTicks;
    quint64 m_rotation = 0; // where the next tick starts in the thread list
    FutexMapping m_mapping;
    QHash<qint64, Watched> m_threads;             // tid → its current wait
    QHash<qint64, QList<MemoryMapping>> m_maps;   // pid → its maps as last read
    QHash<qint64, bool> m_refused;                // pid → the kernel refused its files: not asked again
    int m_waitsChecked = 0;
    int m_waitsConfirmed = 0;
    int m_syscallReads = 0;
    int m_mapsReads = 0;
    int m_unreadable = 0;
};
