#include "WaitForGraph.h"

#include <QSet>
#include <algorithm>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace {

WaitForGraph::NodeKind resourceKindOf(WaitKind kind)
{
    switch (kind) {
    case WaitKind::Lock:
        return WaitForGraph::NodeKind::Lock;
    case WaitKind::QueueFull:
        return WaitForGraph::NodeKind::QueueSpace;
    case WaitKind::QueueEmpty:
        return WaitForGraph::NodeKind::QueueItems;
    case WaitKind::Child:
        return WaitForGraph::NodeKind::Process;
    case WaitKind::PipeWrite:
        return WaitForGraph::NodeKind::PipeSpace;
    case WaitKind::PipeRead:
        return WaitForGraph::NodeKind::PipeData;
    case WaitKind::None:
        break;
    }
    return WaitForGraph::NodeKind::Thread;
}

QString labelOr(const QString &name, QChar prefix, qint64 id)
{
    return name.isEmpty() ? QString(prefix) + QString::number(id) : name;
}

} // namespace

QString WaitForGraph::lockLabel(qint64 lockId, const QString &name)
{
    return labelOr(name, u'L', lockId);
}

QString WaitForGraph::objectLabel(WaitKind kind, qint64 object, const QString &objectName)
{
    switch (kind) {
    case WaitKind::Lock:
        return labelOr(objectName, u'L', object);
    case WaitKind::QueueFull:
    case WaitKind::QueueEmpty:
        return labelOr(objectName, u'Q', object);
    case WaitKind::PipeWrite:
    case WaitKind::PipeRead:
        return labelOr(objectName, u'P', object);
    case WaitKind::Child:
        return QString::number(object);
    case WaitKind::None:
        break;
    }
    return {};
}

QString WaitForGraph::describeWait(WaitKind kind, qint64 object, const QString &objectName)
{
    const QString label = objectLabel(kind, object, objectName);
    switch (kind) {
    case WaitKind::None:
        return u"nothing"_s;
    case WaitKind::Lock:
        return u"lock "_s + label;
    case WaitKind::QueueFull:
        return u"queue "_s + label + u" (full)"_s;
    case WaitKind::QueueEmpty:
        return u"queue "_s + label + u" (empty)"_s;
    case WaitKind::Child:
        return u"child "_s + label;
    case WaitKind::PipeWrite:
        return u"pipe "_s + label + u" (full)"_s;
    case WaitKind::PipeRead:
        return u"pipe "_s + label + u" (empty)"_s;
    }
    return {};
}

QString WaitForGraph::objectName(WaitKind kind, qint64 id) const
{
    switch (kind) {
    case WaitKind::Lock:
        if (const LockState *lock = m_locks.value(id))
            return lock->name;
        break;
    case WaitKind::QueueFull:
    case WaitKind::QueueEmpty:
        if (const QueueState *queue = m_queues.value(id))
            return queue->name;
        break;
    case WaitKind::PipeWrite:
    case WaitKind::PipeRead:
        if (const PipeState *pipe = m_pipes.value(id))
            return pipe->name;
        break;
    case WaitKind::Child:
    case WaitKind::None:
        break;
    }
    return {};
}

QList<int> WaitForGraph::successors(int index) const
{
    return m_out.mid(m_outStart[index], m_outStart[index + 1] - m_outStart[index]);
}

bool WaitForGraph::isDeadlocked(qint64 tid) const
{
    const int node = threadNode(tid);
    return node >= 0 && !m_nodes[node].canProceed;
}

int WaitForGraph::resourceNode(NodeKind kind, qint64 id)
{
    const QPair<int, qint64> key(int(kind), id);
    const auto it = m_resourceIndex.constFind(key);
    if (it != m_resourceIndex.cend())
        return it.value();
    Node node;
    node.kind = kind;
    node.id = id;
    m_nodes.append(node);
    m_resourceIndex.insert(key, int(m_nodes.size() - 1));
    return int(m_nodes.size() - 1);
}

void WaitForGraph::build(const WaitTick &tick)
{
    m_tick = &tick;
    m_nodes.clear();
    m_edgeList.clear();
    m_threadIndex.clear();
    m_deadThreads.clear();
    m_resourceIndex.clear();
    m_locks.clear();
    m_queues.clear();
    m_pipes.clear();
    m_processes.clear();
    m_threadsOfProcess.clear();
    m_cycles.clear();
    m_ownerDead.clear();

    m_nodes.reserve(tick.threads.size() * 2);
    m_threadIndex.reserve(tick.threads.size());
    for (qsizetype i = 0; i < tick.threads.size(); ++i) {
        const WaitInput &thread = tick.threads[i];
        if (!thread.alive) {
            m_deadThreads.insert(thread.tid, int(i));
            continue;
        }
        Node node;
        node.kind = NodeKind::Thread;
        node.id = thread.tid;
        node.input = int(i);
        node.canProceed = thread.waitKind == WaitKind::None;
        m_nodes.append(node);
        m_threadIndex.insert(thread.tid, int(m_nodes.size() - 1));
        m_threadsOfProcess.insert(thread.pid, int(m_nodes.size() - 1));
    }
    for (const LockState &lock : tick.locks)
        m_locks.insert(lock.id, &lock);
    for (const QueueState &queue : tick.queues)
        m_queues.insert(queue.id, &queue);
    for (const PipeState &pipe : tick.pipes)
        m_pipes.insert(pipe.id, &pipe);
    for (const ProcessState &process : tick.processes)
        m_processes.insert(process.pid, &process);

    const int threadCount = int(m_nodes.size());
    for (int i = 0; i < threadCount; ++i) {
        const WaitInput &thread = tick.threads[m_nodes[i].input];
        if (thread.waitKind == WaitKind::None)
            continue;
        const int resource = resourceNode(resourceKindOf(thread.waitKind), thread.waitObject);
        m_edgeList.append({i, resource});
    }
    linkResources();

    // Compressed adjacency both ways: the backward search needs the waiters of a node, the cycle search its
    // releasers.
    const int n = int(m_nodes.size());
    m_outStart.fill(0, n + 1);
    m_inStart.fill(0, n + 1);
    for (const auto &edge : std::as_const(m_edgeList)) {
        ++m_outStart[edge.first + 1];
        ++m_inStart[edge.second + 1];
    }
    for (int i = 0; i < n; ++i) {
        m_outStart[i + 1] += m_outStart[i];
        m_inStart[i + 1] += m_inStart[i];
    }
    m_out.resize(m_edgeList.size());
    m_in.resize(m_edgeList.size());
    QList<int> outFill = m_outStart, inFill = m_inStart;
    for (const auto &edge : std::as_const(m_edgeList)) {
        m_out[outFill[edge.first]++] = edge.second;
        m_in[inFill[edge.second]++] = edge.first;
    }

    propagateProgress();
    findCycles();

    for (OwnerDeadLock &finding : m_ownerDead) {
        const int lockNode = m_resourceIndex.value({int(NodeKind::Lock), finding.lockId});
        for (int e = m_inStart[lockNode]; e < m_inStart[lockNode + 1]; ++e) {
            const WaitInput &waiter = tick.threads[m_nodes[m_in[e]].input];
            finding.waiters.append({waiter.pid, waiter.tid, waiter.name});
        }
    }
}

void WaitForGraph::addReleasers(int resource, const QList<qint64> &tids, bool deadEndFrees)
{
    // An empty list means the telemetry does not know who releases this: nothing can be proven.
    if (tids.isEmpty()) {
        m_nodes[resource].canProceed = true;
        return;
    }
    int live = 0;
    for (qint64 tid : tids) {
        const int node = m_threadIndex.value(tid, -1);
        if (node >= 0) {
            m_edgeList.append({resource, node});
            ++live;
        } else if (!m_deadThreads.contains(tid)) {
            m_nodes[resource].canProceed = true; // a releaser the analysis does not see: it may well run
            return;
        }
    }
    if (live == 0) {
        // Every releaser is gone. A pipe then ends the wait (EPIPE for a writer, end of file for a reader); a
        // shared-memory queue does not, so its waiters are stuck for good.
        if (deadEndFrees)
            m_nodes[resource].canProceed = true;
        else
            m_nodes[resource].stuck = true;
    }
}

void WaitForGraph::linkResources()
{
    for (int r = 0; r < m_nodes.size(); ++r) {
        const Node node = m_nodes[r];
        switch (node.kind) {
        case NodeKind::Thread:
            break;
        case NodeKind::Lock: {
            const LockState *lock = m_locks.value(node.id);
            if (!lock || lock->ownerTid == 0) {
                m_nodes[r].canProceed = true; // free (or unknown): the waiter is about to get it
                break;
            }
            const int owner = m_threadIndex.value(lock->ownerTid, -1);
            const bool ownerDead = !lock->ownerAlive || m_deadThreads.contains(lock->ownerTid);
            if (ownerDead) {
                m_nodes[r].stuck = true;
                OwnerDeadLock finding;
                finding.lockId = lock->id;
                finding.lock = lockLabel(lock->id, lock->name);
                finding.ownerTid = lock->ownerTid;
                finding.ownerPid = lock->ownerPid;
                if (finding.ownerPid == 0 && m_deadThreads.contains(lock->ownerTid))
                    finding.ownerPid = m_tick->threads[m_deadThreads.value(lock->ownerTid)].pid;
                m_ownerDead.append(finding);
            } else if (owner >= 0) {
                m_edgeList.append({r, owner});
            } else {
                m_nodes[r].canProceed = true; // owned by a thread that is not a lab thread
            }
            break;
        }
        case NodeKind::QueueSpace:
        case NodeKind::QueueItems: {
            const QueueState *queue = m_queues.value(node.id);
            if (!queue)
                m_nodes[r].canProceed = true;
            else
                addReleasers(r, node.kind == NodeKind::QueueSpace ? queue->consumerTids : queue->producerTids, false);
            break;
        }
        case NodeKind::PipeSpace:
        case NodeKind::PipeData: {
            const PipeState *pipe = m_pipes.value(node.id);
            if (!pipe)
                m_nodes[r].canProceed = true;
            else
                addReleasers(r, node.kind == NodeKind::PipeSpace ? pipe->readerTids : pipe->writerTids, true);
            break;
        }
        case NodeKind::Process: {
            // The parent goes on when the child exits, which any of its threads may bring about.
            const ProcessState *process = m_processes.value(node.id);
            const QList<int> threads = m_threadsOfProcess.values(node.id);
            if ((process && !process->alive) || threads.isEmpty()) {
                m_nodes[r].canProceed = true;
                break;
            }
            for (int thread : threads)
                m_edgeList.append({r, thread});
            break;
        }
        }
    }
}

void WaitForGraph::propagateProgress()
{
    // Every node is an OR node, so a node can go on as soon as one successor can: one backward breadth-first
    // search from the nodes that can go on finds them all.
    QList<int> queue;
    queue.reserve(m_nodes.size());
    for (int i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes[i].canProceed)
            queue.append(i);
    }
    for (qsizetype head = 0; head < queue.size(); ++head) {
        const int node = queue[head];
        for (int e = m_inStart[node]; e < m_inStart[node + 1]; ++e) {
            const int waiter = m_in[e];
            if (!m_nodes[waiter].canProceed) {
                m_nodes[waiter].canProceed = true;
                queue.append(waiter);
            }
        }
    }
}

void WaitForGraph::findCycles()
{
    // Tarjan's strongly connected components over the nodes that cannot go on, iteratively (a ring of 500
    // threads must not overflow the stack). Every successor of such a node cannot go on either.
    const int n = int(m_nodes.size());
    QList<int> index(n, -1), low(n, 0);
    QList<bool> onStack(n, false);
    QList<int> stack;
    QList<QPair<int, int>> frames; // node, next edge
    QList<QList<int>> components;
    int counter = 0;
    for (int start = 0; start < n; ++start) {
        if (m_nodes[start].canProceed || index[start] >= 0)
            continue;
        index[start] = low[start] = counter++;
        stack.append(start);
        onStack[start] = true;
        frames.append({start, m_outStart[start]});
        while (!frames.isEmpty()) {
            const int v = frames.last().first;
            const int edge = frames.last().second;
            if (edge < m_outStart[v + 1]) {
                ++frames.last().second;
                const int w = m_out[edge];
                if (index[w] < 0) {
                    index[w] = low[w] = counter++;
                    stack.append(w);
                    onStack[w] = true;
                    frames.append({w, m_outStart[w]});
                } else if (onStack[w]) {
                    low[v] = std::min(low[v], index[w]);
                }
                continue;
            }
            frames.removeLast();
            if (!frames.isEmpty())
                low[frames.last().first] = std::min(low[frames.last().first], low[v]);
            if (low[v] != index[v])
                continue;
            QList<int> component;
            int member = -1;
            do {
                member = stack.takeLast();
                onStack[member] = false;
                component.append(member);
            } while (member != v);
            // Threads and resources alternate, so a cycle has at least one of each.
            if (component.size() >= 2)
                components.append(component);
        }
    }

    const auto smallestTid = [this](const QList<int> &component) {
        qint64 smallest = std::numeric_limits<qint64>::max();
        for (int node : component) {
            if (m_nodes[node].kind == NodeKind::Thread)
                smallest = std::min(smallest, m_nodes[node].id);
        }
        return smallest;
    };
    std::sort(components.begin(), components.end(),
              [&](const QList<int> &a, const QList<int> &b) { return smallestTid(a) < smallestTid(b); });
    for (const QList<int> &component : std::as_const(components)) {
        for (int node : component)
            m_nodes[node].cycle = int(m_cycles.size());
        m_cycles.append(describeComponent(component, int(m_cycles.size())));
    }

    // Threads that wait, directly or through others, on a cycle without being part of it.
    for (qsizetype c = 0; c < m_cycles.size(); ++c) {
        QList<int> queue;
        QList<bool> seen(n, false);
        for (int i = 0; i < n; ++i) {
            if (m_nodes[i].cycle == int(c)) {
                queue.append(i);
                seen[i] = true;
            }
        }
        for (qsizetype head = 0; head < queue.size(); ++head) {
            const int node = queue[head];
            for (int e = m_inStart[node]; e < m_inStart[node + 1]; ++e) {
                const int waiter = m_in[e];
                if (seen[waiter] || m_nodes[waiter].canProceed || m_nodes[waiter].cycle >= 0)
                    continue;
                seen[waiter] = true;
                queue.append(waiter);
                if (m_nodes[waiter].kind == NodeKind::Thread) {
                    const WaitInput &thread = m_tick->threads[m_nodes[waiter].input];
                    m_cycles[c].blockedBehind.append({thread.pid, thread.tid, thread.name});
                }
            }
        }
    }
}

DeadlockCycle WaitForGraph::describeComponent(const QList<int> &component, int cycleIndex)
{
    int start = -1;
    for (int node : component) {
        if (m_nodes[node].kind == NodeKind::Thread && (start < 0 || m_nodes[node].id < m_nodes[start].id))
            start = node;
    }
    const auto releasersInCycle = [&](int thread) {
        QList<int> releasers;
        const int resource = m_out[m_outStart[thread]];
        for (int e = m_outStart[resource]; e < m_outStart[resource + 1]; ++e) {
            if (m_nodes[m_out[e]].cycle == cycleIndex)
                releasers.append(m_out[e]);
        }
        std::sort(releasers.begin(), releasers.end(), [this](int a, int b) { return m_nodes[a].id < m_nodes[b].id; });
        return releasers;
    };

    // Depth-first from the smallest TID, smallest releaser first: for single waits (each resource with one
    // releaser) this walks the ring itself; for a knot it still lists every member once, each after one it waits on.
    QList<int> order;
    QList<int> pending{start};
    QSet<int> visited;
    while (!pending.isEmpty()) {
        const int thread = pending.takeLast();
        if (visited.contains(thread))
            continue;
        visited.insert(thread);
        order.append(thread);
        const QList<int> next = releasersInCycle(thread);
        for (auto it = next.crbegin(); it != next.crend(); ++it) {
            if (!visited.contains(*it))
                pending.append(*it);
        }
    }

    DeadlockCycle cycle;
    for (qsizetype i = 0; i < order.size(); ++i) {
        const WaitInput &thread = m_tick->threads[m_nodes[order[i]].input];
        CycleMember member;
        member.thread = {thread.pid, thread.tid, thread.name};
        member.waitKind = thread.waitKind;
        member.waitObject = thread.waitObject;
        const QString name = objectName(thread.waitKind, thread.waitObject);
        member.object = objectLabel(thread.waitKind, thread.waitObject, name);
        member.waitsFor = describeWait(thread.waitKind, thread.waitObject, name);
        const QList<int> releasers = releasersInCycle(order[i]);
        for (int releaser : releasers)
            member.releasers.append(m_nodes[releaser].id);
        const int following = order[(i + 1) % order.size()];
        if (thread.waitKind == WaitKind::Lock)
            member.heldBy = m_locks.value(thread.waitObject)->ownerTid;
        else if (releasers.contains(following))
            member.heldBy = m_nodes[following].id;
        else if (!releasers.isEmpty())
            member.heldBy = m_nodes[releasers.first()].id;
        for (qint64 lock : thread.locksHeld)
            member.locksHeld.append(lockLabel(lock, objectName(WaitKind::Lock, lock)));
        cycle.members.append(member);
    }
    return cycle;
}
