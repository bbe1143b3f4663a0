#include "WaitGraphView.h"

#include <QHash>

using namespace Qt::Literals::StringLiterals;

QString WaitGraphView::keyOf(WaitForGraph::NodeKind kind, qint64 id)
{
    switch (kind) {
    case WaitForGraph::NodeKind::Thread:
        return u"thread:"_s + QString::number(id);
    case WaitForGraph::NodeKind::Lock:
        return u"lock:"_s + QString::number(id);
    case WaitForGraph::NodeKind::QueueSpace:
    case WaitForGraph::NodeKind::QueueItems:
        return u"queue:"_s + QString::number(id);
    case WaitForGraph::NodeKind::PipeSpace:
    case WaitForGraph::NodeKind::PipeData:
        return u"pipe:"_s + QString::number(id);
    case WaitForGraph::NodeKind::Process:
        return u"process:"_s + QString::number(id);
    }
    return {};
}

QString WaitGraphView::edgeKindName(EdgeKind kind)
{
    switch (kind) {
    case EdgeKind::WaitsFor:
        return tr("waits for");
    case EdgeKind::HeldBy:
        return tr("held by");
    case EdgeKind::ReleasedBy:
        return tr("could be released by");
    }
    return {};
}

qsizetype WaitGraphView::indexOf(const QString &key) const
{
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        if (nodes[i].key == key)
            return i;
    }
    return -1;
}

WaitGraphView WaitGraphView::build(const WaitTick &tick, const WaitForGraph &graph)
{
    WaitGraphView view;
    QHash<QString, qsizetype> index;
    const auto add = [&](Node node) {
        const auto it = index.constFind(node.key);
        if (it != index.cend())
            return it.value();
        view.nodes.append(node);
        index.insert(node.key, view.nodes.size() - 1);
        return view.nodes.size() - 1;
    };

    for (const ProcessState &process : tick.processes) {
        if (process.alive)
            add({keyOf(WaitForGraph::NodeKind::Process, process.pid), NodeKind::Process, process.pid, process.pid,
                 QString::number(process.pid) + u' ' + process.name});
    }
    for (const WaitInput &thread : tick.threads) {
        if (!thread.alive)
            continue;
        Node node{keyOf(WaitForGraph::NodeKind::Thread, thread.tid), NodeKind::Thread, thread.tid, thread.pid,
                  QString::number(thread.tid) + u' ' + thread.name};
        node.blocked = thread.waitKind != WaitKind::None;
        node.deadlocked = node.blocked && graph.isDeadlocked(thread.tid);
        add(node);
    }
    for (const LockState &lock : tick.locks) {
        Node node{keyOf(WaitForGraph::NodeKind::Lock, lock.id), NodeKind::Lock, lock.id, lock.ownerPid,
                  WaitForGraph::lockLabel(lock.id, lock.name)};
        node.ownerDead = lock.ownerTid != 0 && !lock.ownerAlive;
        add(node);
    }
    for (const QueueState &queue : tick.queues)
        add({keyOf(WaitForGraph::NodeKind::QueueSpace, queue.id), NodeKind::Queue, queue.id, 0,
             WaitForGraph::objectLabel(WaitKind::QueueFull, queue.id, queue.name)});
    for (const PipeState &pipe : tick.pipes)
        add({keyOf(WaitForGraph::NodeKind::PipeSpace, pipe.id), NodeKind::Pipe, pipe.id, 0,
             WaitForGraph::objectLabel(WaitKind::PipeWrite, pipe.id, pipe.name)});

    // The graph's own nodes: objects the tick waits on but does not describe get a node too, and cycles are marked.
    const QList<WaitForGraph::Node> &graphNodes = graph.nodes();
    QList<qsizetype> viewOf(graphNodes.size());
    for (qsizetype i = 0; i < graphNodes.size(); ++i) {
        const WaitForGraph::Node &g = graphNodes[i];
        const QString key = keyOf(g.kind, g.id);
        qsizetype at = index.value(key, -1);
        if (at < 0) {
            NodeKind kind = NodeKind::Lock;
            QString label = QString::number(g.id);
            switch (g.kind) {
            case WaitForGraph::NodeKind::Thread:
                kind = NodeKind::Thread;
                break;
            case WaitForGraph::NodeKind::Lock:
                label = WaitForGraph::lockLabel(g.id, {});
                break;
            case WaitForGraph::NodeKind::QueueSpace:
            case WaitForGraph::NodeKind::QueueItems:
                kind = NodeKind::Queue;
                label = WaitForGraph::objectLabel(WaitKind::QueueFull, g.id, {});
                break;
            case WaitForGraph::NodeKind::PipeSpace:
            case WaitForGraph::NodeKind::PipeData:
                kind = NodeKind::Pipe;
                label = WaitForGraph::objectLabel(WaitKind::PipeWrite, g.id, {});
                break;
            case WaitForGraph::NodeKind::Process:
                kind = NodeKind::Process;
                break;
            }
            at = add({key, kind, g.id, kind == NodeKind::Process ? g.id : 0, label});
        }
        if (g.cycle >= 0)
            view.nodes[at].cycle = g.cycle;
        viewOf[i] = at;
    }

    QSet<QPair<QString, QString>> drawn;
    for (qsizetype i = 0; i < graphNodes.size(); ++i) {
        const WaitForGraph::Node &g = graphNodes[i];
        for (int next : graph.successors(int(i))) {
            Edge edge;
            edge.from = view.nodes[viewOf[i]].key;
            edge.to = view.nodes[viewOf[next]].key;
            if (g.kind == WaitForGraph::NodeKind::Thread)
                edge.kind = EdgeKind::WaitsFor;
            else
                edge.kind = g.kind == WaitForGraph::NodeKind::Lock ? EdgeKind::HeldBy : EdgeKind::ReleasedBy;
            if (g.cycle >= 0 && g.cycle == graphNodes[next].cycle)
                edge.cycle = g.cycle;
            drawn.insert({edge.from, edge.to});
            view.edges.append(edge);
        }
    }
    // A lock's dead owner keeps a node: the waiters' "held by TID …" must point at something visible.
    for (const LockState &lock : tick.locks) {
        if (lock.ownerTid == 0 || lock.ownerAlive)
            continue;
        const QString key = keyOf(WaitForGraph::NodeKind::Thread, lock.ownerTid);
        const QString label = tr("TID %1 (dead) held %2").arg(lock.ownerTid).arg(WaitForGraph::lockLabel(lock.id, lock.name));
        const auto at = index.constFind(key);
        if (at != index.cend()) {
            view.nodes[*at].dead = true;
            view.nodes[*at].label = label;
            continue;
        }
        Node node{key, NodeKind::Thread, lock.ownerTid, lock.ownerPid, label};
        node.dead = true;
        add(node);
    }
    // Locks held without anyone waiting for them still show their owner.
    for (const LockState &lock : tick.locks) {
        const QString from = keyOf(WaitForGraph::NodeKind::Lock, lock.id);
        const QString to = keyOf(WaitForGraph::NodeKind::Thread, lock.ownerTid);
        if (lock.ownerTid == 0 || !index.contains(to) || drawn.contains({from, to}))
            continue;
        view.edges.append({from, to, EdgeKind::HeldBy});
    }
    return view;
}
