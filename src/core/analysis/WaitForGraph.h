#pragma once

#include "DeadlockFindings.h"
#include "WaitInput.h"

#include <QHash>
#include <QList>
#include <QString>

// The wait-for graph of one tick, and the deadlocks it proves.
//
// Nodes are the live threads and the resources they wait on; a thread points to its resource, a resource to the
// threads that could release it: a lock to its owner, a full queue to its consumers, an empty queue to its
// producers, a child process to its threads, a full pipe to its readers, an empty pipe to its writers. Every node is
// an OR node: a thread waits on one resource at most, and a resource is released as soon as any one of its
// releasers goes on (for a lock the owner is the only one, so lock waits are AND waits).
//
// A node can still go on when it reaches, along these edges, a thread that is not blocked or a resource whose
// release the analysis cannot rule out (a free lock, an owner or consumer that is not a lab thread, a child that
// already exited). Everything else is deadlocked; that is found by one backward search from the nodes that can go
// on, then strongly connected components of what is left: each component with a cycle is reported as a deadlock.
// The whole build is linear in threads + edges (one edge per lock wait; a queue wait adds one edge per releaser
// to the queue node, not per waiter).
//
// What is not proven is never reported: a thread whose releaser is unknown counts as able to go on.
class WaitForGraph
{
public:
    enum class NodeKind : quint8
    {
        Thread,
        Lock,
        QueueSpace,
        QueueItems,
        PipeSpace,
        PipeData,
        Process
    };

    struct Node
    {
        NodeKind kind = NodeKind::Thread;
        qint64 id = 0;  // TID, lock id, queue id, pipe id or PID
        int input = -1; // index into the tick's threads for thread nodes
        bool canProceed = false;
        bool stuck = false; // a resource that nobody can ever release (dead owner, no live consumer left)
        int cycle = -1;     // index into cycles() when the node is part of a reported cycle
    };

    // Rebuilds the graph from one tick. The tick must outlive the graph's use (nodes refer to it by index).
    void build(const WaitTick &tick);

    // The deadlocks of the tick, each once, members in cycle order; sorted by their smallest TID.
    const QList<DeadlockCycle> &cycles() const { return m_cycles; }
    // Locks held by a dead owner that live threads wait on.
    const QList<OwnerDeadLock> &ownerDeadLocks() const { return m_ownerDead; }

    const QList<Node> &nodes() const { return m_nodes; }
    // Out-neighbours of node `index` (thread → its resource, resource → its possible releasers).
    QList<int> successors(int index) const;
    // The node of a live thread, or -1.
    int threadNode(qint64 tid) const { return m_threadIndex.value(tid, -1); }
    // True when the thread is blocked and can never go on (in a cycle, behind one, or behind a dead owner).
    bool isDeadlocked(qint64 tid) const;

    // "lock L2", "queue Q1 (full)", "child 4711", "pipe P1 (full)": how events name a wait. Not translated: it is
    // part of the session format; DeadlockExplainer words it for people.
    static QString describeWait(WaitKind kind, qint64 object, const QString &objectName);
    // "L2", "Q1", "P1", or a child's PID, unless the telemetry named the object.
    static QString objectLabel(WaitKind kind, qint64 object, const QString &objectName);
    // "L2" for lock 2 unless the telemetry named it.
    static QString lockLabel(qint64 lockId, const QString &name);

private:
    int resourceNode(NodeKind kind, qint64 id);
    void addReleasers(int resource, const QList<qint64> &tids, bool deadEndFrees);
    void linkResources();
    void propagateProgress();
    void findCycles();
    DeadlockCycle describeComponent(const QList<int> &component, int cycleIndex);
    QString objectName(WaitKind kind, qint64 id) const;

    const WaitTick *m_tick = nullptr;
    QList<Node> m_nodes;
    QList<QPair<int, int>> m_edgeList;
    QList<int> m_outStart, m_out; // CSR adjacency
    QList<int> m_inStart, m_in;
    QHash<qint64, int> m_threadIndex;
    QHash<qint64, int> m_deadThreads; // TID → index into the tick's threads
    QHash<QPair<int, qint64>, int> m_resourceIndex;
    QHash<qint64, const LockState *> m_locks;
    QHash<qint64, const QueueState *> m_queues;
    QHash<qint64, const PipeState *> m_pipes;
    QHash<qint64, const ProcessState *> m_processes;
    QMultiHash<qint64, int> m_threadsOfProcess; // PID → live thread nodes
    QList<DeadlockCycle> m_cycles;
    QList<OwnerDeadLock> m_ownerDead;
};
