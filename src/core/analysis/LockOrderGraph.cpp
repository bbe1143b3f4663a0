#include "LockOrderGraph.h"

#include <algorithm>

void LockOrderGraph::noteAcquisition(const ThreadRef &thread, const QList<qint64> &held, qint64 lock, double t)
{
    for (qint64 from : held)
        addOrder(from, lock, thread, t);
}

void LockOrderGraph::noteHeld(const ThreadRef &thread, const QList<qint64> &heldInOrder, double t)
{
    for (qsizetype j = 1; j < heldInOrder.size(); ++j) {
        for (qsizetype i = 0; i < j; ++i)
            addOrder(heldInOrder[i], heldInOrder[j], thread, t);
    }
}

void LockOrderGraph::clear()
{
    m_orders.clear();
    m_successors.clear();
    m_reported.clear();
    m_pending.clear();
}

void LockOrderGraph::addOrder(qint64 from, qint64 to, const ThreadRef &thread, double t)
{
    if (from == to)
        return; // a recursive lock taken again: no order between two locks
    const auto it = m_orders.find({from, to});
    if (it != m_orders.end()) {
        if (it->seenBy.size() < MaxSeenBy && !it->seenBy.contains(thread))
            it->seenBy.append(thread);
        return;
    }
    LockOrder order;
    order.from = from;
    order.to = to;
    order.seenBy.append(thread);
    order.firstSeen = t;
    m_orders.insert({from, to}, order);
    m_successors[from].append(to);

    // The new edge closes a cycle exactly when `from` is reachable from `to`.
    QList<qint64> cycle = pathBetween(to, from); // to … from
    if (cycle.isEmpty())
        return;
    const auto smallest = std::min_element(cycle.begin(), cycle.end());
    std::rotate(cycle.begin(), smallest, cycle.end());
    if (m_reported.contains(cycle))
        return;
    m_reported.insert(cycle);
    m_pending.append(cycle);
}

QList<qint64> LockOrderGraph::pathBetween(qint64 from, qint64 to) const
{
    // Breadth-first, so the reported cycle is a shortest one: two opposite orders rather than a detour.
    QHash<qint64, qint64> parent;
    QList<qint64> queue{from};
    parent.insert(from, from);
    for (qsizetype head = 0; head < queue.size(); ++head) {
        const qint64 lock = queue[head];
        if (lock == to) {
            QList<qint64> path;
            for (qint64 at = to; at != from; at = parent.value(at))
                path.prepend(at);
            path.prepend(from);
            return path;
        }
        for (qint64 next : m_successors.value(lock)) {
            if (!parent.contains(next)) {
                parent.insert(next, lock);
                queue.append(next);
            }
        }
    }
    return {};
}

QList<LockOrderInversion> LockOrderGraph::takeInversions()
{
    QList<LockOrderInversion> result;
    for (const QList<qint64> &cycle : std::as_const(m_pending)) {
        LockOrderInversion inversion;
        for (qsizetype i = 0; i < cycle.size(); ++i)
            inversion.orders.append(m_orders.value({cycle[i], cycle[(i + 1) % cycle.size()]}));
        result.append(inversion);
    }
    m_pending.clear();
    return result;
}
