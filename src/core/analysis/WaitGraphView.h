#pragma once

#include "WaitForGraph.h"
#include "WaitInput.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

// What the GUI's graph view draws for one tick, as plain data: the lab's threads, processes, locks, queues and
// pipes, who waits for what, who holds what, and the deadlocked cycles marked. Built from the tick and its
// WaitForGraph; the view only lays it out.
struct WaitGraphView
{
    Q_DECLARE_TR_FUNCTIONS(WaitGraphView)

public:
    enum class NodeKind : quint8
    {
        Thread,
        Process,
        Lock,
        Queue,
        Pipe
    };
    enum class EdgeKind : quint8
    {
        WaitsFor,   // thread → the object it is blocked on
        HeldBy,     // lock → the thread that owns it
        ReleasedBy, // queue, pipe or child process → a thread that could end the wait on it
    };

    struct Node
    {
        QString key; // unique and stable across ticks: "thread:812", "lock:2", "queue:1", "pipe:3", "process:77"
        NodeKind kind = NodeKind::Thread;
        qint64 id = 0;           // TID, lock/queue/pipe id or PID
        qint64 pid = 0;          // the owning process of a thread
        QString label;           // "812 lock-taker-1", "L2", "Q1", "P1", "77 proclab-worker"
        bool blocked = false;    // a thread with a wait
        bool deadlocked = false; // a thread that can never go on (in a cycle, behind one, or behind a dead owner)
        bool ownerDead = false;  // a lock whose owner is gone
        bool dead = false;       // a thread that is gone but still owns a lock: drawn greyed, so "held by TID …" points somewhere
        int cycle = -1;          // index into the graph's cycles() when part of one
    };

    struct Edge
    {
        QString from;
        QString to;
        EdgeKind kind = EdgeKind::WaitsFor;
        int cycle = -1; // index of the cycle both ends belong to, else -1
    };

    QList<Node> nodes;
    QList<Edge> edges;

    // The index of the node with this key, or -1.
    qsizetype indexOf(const QString &key) const;

    // `graph` must have been built from `tick`.
    static WaitGraphView build(const WaitTick &tick, const WaitForGraph &graph);
    // "waits for", "held by", "could be released by" (translated) for the view's legend and tooltips.
    static QString edgeKindName(EdgeKind kind);
    // The key of a wait-for graph node's object ("queue:1" for both sides of queue 1).
    static QString keyOf(WaitForGraph::NodeKind kind, qint64 id);
};
