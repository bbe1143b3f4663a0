#include "OrphanAdoption.h"

#include "ChildScanner.h"
#include "ControlEvents.h"
#include "ForeignReaper.h"
#include "LabNames.h"
#include "LabProcessTable.h"
#include "base/LabRole.h"

#include <QSocketNotifier>

#include <unistd.h>

OrphanAdoption::OrphanAdoption(pid_t self) : m_self(self), m_session(::getsid(0)), m_foreign(new ForeignReaper)
{
}

OrphanAdoption::~OrphanAdoption() = default;

QList<pid_t> OrphanAdoption::foreignAdoptees() const
{
    return m_foreign->pids();
}

QList<SessionEvent> OrphanAdoption::scan(LabProcessTable *table, LabNames *names,
                                         const std::function<void(LabProcessRecord *)> &watch)
{
    QList<SessionEvent> events;
    for (const pid_t pid : ChildScanner::children()) {
        if (LabProcessRecord *known = table->find(pid)) {
            if (known->direct)
                continue;
            // A lab process whose lab parent died: the kernel gave it to us, the subreaper.
            const pid_t from = known->parent;
            known->direct = true;
            known->adopted = true;
            known->parent = m_self;
            events << ControlEvents::processReparent(pid, from, m_self);
            if (!known->pidfd.isValid()) {
                // Its fork was acknowledged too late to be checked; as our child its PID is now safe to open.
                known->pidfd = PidFd::open(pid);
                watch(known);
            } else if (known->exitNotifier) {
                known->exitNotifier->setEnabled(true); // fires at once if it is already a zombie
            }
            continue;
        }
        if (!m_foreign->contains(pid)) {
            if (std::optional<SessionEvent> adopted = adoptUnknown(pid, table, names, watch))
                events << *adopted;
        }
    }
    return events;
}

std::optional<SessionEvent> OrphanAdoption::adoptUnknown(pid_t pid, LabProcessTable *table, LabNames *names,
                                                         const std::function<void(LabProcessRecord *)> &watch)
{
    const std::optional<ChildStat> before = ChildScanner::readStat(pid);
    if (!before)
        return std::nullopt;
    const bool lab = m_labGroups.contains(before->processGroup);
    // Our session and no lab group: a child this process started some other way (QProcess). Its owner reaps it;
    // touching it would steal its exit status. Detached helpers (QProcess::startDetached, xdg-open) call setsid().
    if (!lab && before->session == m_session)
        return std::nullopt;
    PidFd pidfd = ChildScanner::openChecked(pid, before->startTime, m_self);
    if (!pidfd.isValid())
        return std::nullopt;
    if (!lab) {
        m_foreign->watch(pid, std::move(pidfd));
        return std::nullopt;
    }
    auto process = std::make_shared<LabProcessRecord>();
    process->pid = pid;
    process->parent = m_self;
    process->role = LabRole::Orphan;
    process->name = names->unique(process->role);
    process->pidfd = std::move(pidfd);
    process->direct = true;
    process->adopted = true;
    table->insert(process);
    watch(process.get());
    // Its lab parent is unknown (a descendant the lab was never told about): from = 0.
    return ControlEvents::processReparent(pid, 0, m_self, process->role);
}
