#pragma once

#include "DeadlockFindings.h"

#include <QHash>
#include <QList>
#include <QSet>

// The order in which locks are taken, across all threads of an experiment: an edge A→B whenever B was taken (or
// asked for) while A was held. A cycle means that two (or more) threads take the same locks in opposite orders,
// which can deadlock even if this run did not: ThreadSanitizer's lock-order check, fed live from the telemetry.
//
// Edges are only ever added, so a cycle can only appear when an edge is new: each new edge costs one search for a
// path back, and observing an order already known costs one hash lookup.
class LockOrderGraph
{
public:
    // `thread` took or requested `lock` while holding `held` (any order): adds held[i] → lock for every i.
    void noteAcquisition(const ThreadRef &thread, const QList<qint64> &held, qint64 lock, double t);
    // `thread` holds `heldInOrder`, oldest first: each lock was taken while every earlier one was held.
    void noteHeld(const ThreadRef &thread, const QList<qint64> &heldInOrder, double t);

    // The cycles closed since the last call, each reported once in the graph's lifetime (whichever order closed
    // it), starting at its smallest lock id, with the threads each order was seen in so far.
    QList<LockOrderInversion> takeInversions();

    bool hasOrder(qint64 from, qint64 to) const { return m_orders.contains({from, to}); }
    qsizetype orderCount() const { return m_orders.size(); }
    // Forgets everything (a new experiment reuses lock ids).
    void clear();

    // How many threads an order remembers; more would only bloat the event.
    static constexpr int MaxSeenBy = 4;

private:
    void addOrder(qint64 from, qint64 to, const ThreadRef &thread, double t);
    QList<qint64> pathBetween(qint64 from, qint64 to) const;

    QHash<QPair<qint64, qint64>, LockOrder> m_orders;
    QHash<qint64, QList<qint64>> m_successors;
    QSet<QList<qint64>> m_reported; // lock ids of each reported cycle, rotated to start at the smallest
    QList<QList<qint64>> m_pending;
};
