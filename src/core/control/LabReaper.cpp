#include "LabReaper.h"

#include "ControlEvents.h"
#include "LabProcessTable.h"
#include "WorkerConnection.h"
#include "ipc/TelemetryBlock.h"

#include <QSocketNotifier>

#include <poll.h>
#include <vector>

LabReaper::LabReaper(LabProcessTable *table, pid_t self, QObject *parent)
    : QObject(parent), m_table(table), m_self(self)
{
}

void LabReaper::watch(LabProcessRecord *process)
{
    if (!process->pidfd.isValid())
        return;
    process->exitNotifier = new QSocketNotifier(process->pidfd.fd(), QSocketNotifier::Read, this);
    const pid_t pid = process->pid;
    connect(process->exitNotifier, &QSocketNotifier::activated, this, [this, pid] { onExitReadable(pid); });
}

void LabReaper::onExitReadable(pid_t pid)
{
    const LabProcessTable::Record process = m_table->shared(pid);
    if (!process)
        return;
    if (!process->direct) {
        // Not our child: only its parent (a worker) can reap it, and tells us so (child-exit). Should that parent
        // die first, the zombie comes to us and LabController's orphan scan makes it ours.
        process->ended = true;
        process->exitNotifier->setEnabled(false);
        Q_EMIT exited(pid);
        return;
    }
    if (process->keepZombie && !m_stopping) {
        const std::optional<ProcessExit> exit = process->pidfd.peekExit();
        if (!exit)
            return;
        process->exitNotifier->setEnabled(false);
        finish(pid, *exit, false);
        process->state = LabProcessInfo::State::Zombie;
        Q_EMIT event(ControlEvents::processZombie(pid, m_self));
    } else {
        const std::optional<ProcessExit> exit = process->pidfd.reap();
        if (!exit)
            return;
        finish(pid, *exit, true);
    }
    // The kernel re-parented its children before its pidfd became readable.
    Q_EMIT exited(pid);
}

void LabReaper::finish(pid_t pid, const ProcessExit &exit, bool reaped)
{
    LabProcessRecord *process = m_table->find(pid);
    if (!process)
        return;
    process->ended = true;
    for (const LabThreadInfo &thread : std::as_const(process->threads))
        Q_EMIT event(ControlEvents::threadExit(pid, thread));
    process->threads.clear();
    process->pendingThreads.clear();
    releaseTelemetryOf(pid);
    Q_EMIT event(ControlEvents::processExit(pid, exit));
    if (reaped) {
        Q_EMIT event(ControlEvents::processReap(pid, process->direct ? 0 : process->parent));
        remove(pid);
    }
}

bool LabReaper::reapZombie(pid_t pid, int *error)
{
    LabProcessRecord *process = m_table->find(pid);
    if (!process || !process->pidfd.reap(error))
        return false;
    Q_EMIT event(ControlEvents::processReap(pid));
    remove(pid);
    return true;
}

void LabReaper::remove(pid_t pid)
{
    const LabProcessTable::Record process = m_table->take(pid);
    if (!process)
        return;
    if (process->ended)
        releaseTelemetryOf(process->pid);
    if (process->exitNotifier) {
        process->exitNotifier->setEnabled(false);
        process->exitNotifier->deleteLater();
    }
    if (process->connection) {
        process->connection->close();
        process->connection->deleteLater();
    }
    process->pidfd.close();
}

void LabReaper::waitForExits(int timeoutMs)
{
    std::vector<pollfd> fds;
    std::vector<pid_t> pids;
    for (const LabProcessTable::Record &process : m_table->records()) {
        // A forked child that ended waits for its parent's child-exit (how it ended); its pidfd stays readable.
        if (process->pidfd.isValid() && !(process->ended && !process->direct)) {
            fds.push_back({process->pidfd.fd(), POLLIN, 0});
            pids.push_back(process->pid);
        }
    }
    // A forked child we hold no pidfd on can be neither signalled nor waited for here; should it outlive its
    // lab parent it comes back through the orphan scan as an orphan of the lab group.
    for (const pid_t pid : m_table->pids()) {
        if (!m_table->find(pid)->pidfd.isValid())
            remove(pid);
    }
    const int ready = ::poll(fds.data(), nfds_t(fds.size()), timeoutMs);
    // The workers' last messages first (a child-exit is sent before its sender exits), then the exits.
    QList<LabProcessTable::Record> talking;
    for (const LabProcessTable::Record &process : m_table->records()) {
        if (process->connection)
            talking << process;
    }
    for (const auto &process : std::as_const(talking)) {
        if (process->connection)
            process->connection->readPending();
    }
    // Forked children whose parent is gone: nobody is left to say how they ended.
    for (const pid_t pid : m_table->pids()) {
        const LabProcessRecord *process = m_table->find(pid);
        if (process && process->ended && !process->direct && !m_table->contains(process->parent))
            remove(pid);
    }
    if (ready <= 0)
        return;
    for (size_t i = 0; i < fds.size(); ++i) {
        if (!(fds[i].revents & POLLIN))
            continue;
        const LabProcessTable::Record process = m_table->shared(pids[i]);
        if (!process)
            continue;
        if (!process->direct) {
            // Ended under a lab parent that is going too: that parent reaps it and says how it ended
            // (child-exit, read above), or it comes to us as an orphan (the orphan scan finds it again).
            process->ended = true;
            if (process->exitNotifier)
                process->exitNotifier->setEnabled(false);
            if (!m_table->contains(process->parent))
                remove(process->pid);
        } else if (const std::optional<ProcessExit> exit = process->pidfd.reap()) {
            finish(process->pid, *exit, true);
        }
    }
}

void LabReaper::releaseTelemetryOf(pid_t pid)
{
    if (!m_telemetry)
        return;
    // A killed thread never marked its slot exited, and a process killed while waiting on a queue cannot take
    // itself off the blocked counts: now that it is gone, the supervisor does both.
    m_telemetry->releaseSlotsOf(pid);
    for (int q = 0; q < m_telemetry->queueCount(); ++q)
        m_telemetry->queue(q)->forgetWaitersOf(pid);
}
