#pragma once

#include "DeadlockFindings.h"
#include "LockOrderGraph.h"
#include "WaitForGraph.h"
#include "WaitInput.h"
#include "base/SessionEvent.h"

#include <QHash>
#include <QList>

// The live deadlock analysis of a session: fed one WaitTick per sampler tick, it keeps what it needs between
// ticks and returns the events to record.
//
// Events (fields beside t and kind, see docs/session-format.md):
//   deadlock.detected    cycle: [{pid, tid, name, waits_for, held_by, holds, releasers}…] in cycle order,
//                        tids (sorted), blocked_behind: [{pid, tid, name}…], explanation, tick (the WaitTick's
//                        sequence, when it has one)
//   deadlock.resolved    tids, reason ("member_exited", "released", "stopped"), exited: [tids], detected_at
//   lock.owner_dead      lock, lock_id, owner_pid, owner_tid, waiters: [{pid, tid, name}…], explanation
//   lock_order.inversion orders: [{locks: [from, to], lock_ids, seen: [{pid, tid, name}…], first_seen}…],
//                        explanation
//   lock.futex_mismatch  pid, tid, name, telemetry, futex, futex_object, [telemetry_lock, futex_address,
//                        futex_offset], explanation — only from threads whose WaitInput::futex was filled
//                        (FutexCrossCheck); a disagreement must be seen on two ticks of the same wait
//
// Hysteresis: the telemetry is read slot by slot while the threads run, so a tick may show a wait that ended while
// it was read. A deadlock or an owner-dead lock is reported only when the same finding is seen in `confirmTicks`
// consecutive ticks (default 2: reported on the second tick after it forms) and, where the telemetry has wait
// epochs, no member started a new wait in between. A reported deadlock is resolved at once when a member exits,
// or after `confirmTicks` ticks without it. Lock-order inversions need no hysteresis: an order, once seen, was
// taken.
class DeadlockMonitor
{
public:
    explicit DeadlockMonitor(int confirmTicks = 2);

    // Analyses one tick (ticks in time order) and returns the events it gives rise to, stamped with tick.t.
    QList<SessionEvent> analyse(const WaitTick &tick);
    // An explicit acquisition report (e.g. from the worker's control socket): `lock` was taken while `held` were.
    // Inversions it reveals come out of the next analyse().
    void noteAcquisition(const ThreadRef &thread, const QList<qint64> &held, qint64 lock, double t);
    // The experiment stopped: every reported deadlock is resolved ("stopped") and all state is cleared.
    QList<SessionEvent> stop(double t);
    // Forgets everything without events (a new experiment).
    void reset();

    // The last analysed tick and its graph (for the graph view).
    const WaitTick &lastTick() const { return m_lastTick; }
    const WaitForGraph &graph() const { return m_graph; }
    // The deadlocks reported and not yet resolved.
    QList<DeadlockCycle> activeDeadlocks() const;
    // Counts over the monitor's lifetime, for phenomenon checks and tests.
    int deadlocksReported() const { return m_deadlocksReported; }
    int inversionsReported() const { return m_inversionsReported; }
    int futexMismatchesReported() const { return m_futexMismatchesReported; }

private:
    struct Candidate
    {
        int seen = 0;
        QHash<qint64, quint64> epochs;
    };
    struct Active
    {
        DeadlockCycle cycle;
        double detectedAt = 0;
        int missing = 0;
    };

    void trackCycles(const WaitTick &tick, QList<SessionEvent> *events);
    void trackOwnerDead(const WaitTick &tick, QList<SessionEvent> *events);
    void trackLockOrder(const WaitTick &tick, QList<SessionEvent> *events);
    void trackFutex(const WaitTick &tick, QList<SessionEvent> *events);
    SessionEvent detectedEvent(const WaitTick &tick, const DeadlockCycle &cycle) const;
    SessionEvent resolvedEvent(double t, const Active &active, const QString &reason,
                               const QList<qint64> &exited) const;
    QString lockName(qint64 lock) const;

    int m_confirmTicks;
    WaitTick m_lastTick;
    WaitForGraph m_graph;
    LockOrderGraph m_lockOrder;
    QHash<QList<qint64>, Candidate> m_candidates;
    QHash<QList<qint64>, Active> m_active;
    QHash<QPair<qint64, qint64>, int> m_ownerDeadSeen; // (lock, dead owner) → consecutive ticks, -1 once reported
    QHash<QString, int> m_futexSeen;                   // mismatch key → consecutive ticks, -1 once reported
    QHash<qint64, QString> m_lockNames;
    int m_deadlocksReported = 0;
    int m_inversionsReported = 0;
    int m_futexMismatchesReported = 0;
};
