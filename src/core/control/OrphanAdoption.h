#pragma once

#include "base/SessionEvent.h"

#include <QList>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>

#include <sys/types.h>

class ForeignReaper;
class LabNames;
class LabProcessTable;
struct LabProcessRecord;

// What becomes of the processes that come to the subreaper (LabController makes the supervisor one). A lab process
// whose lab parent died is made ours (process.reparent); a process of a lab group the lab was never told about is
// adopted as an orphan (LabRole::Orphan); a child of our own session outside the lab groups is some QProcess's,
// left to its owner; anything else (xdg-open behind QDesktopServices::openUrl) is reaped when it ends and never
// signalled (ForeignReaper).
class OrphanAdoption
{
public:
    explicit OrphanAdoption(pid_t self);
    ~OrphanAdoption();

    // Every process group the lab started processes in.
    void addLabGroup(pid_t group) { m_labGroups.insert(group); }
    // Looks at every child of this process. Adopted records get their pidfd, are handed to `watch` and go into
    // `table`; returns the process.reparent events to record, in order.
    QList<SessionEvent> scan(LabProcessTable *table, LabNames *names,
                             const std::function<void(LabProcessRecord *)> &watch);
    // PIDs of adopted processes that belong to no lab tree and are being watched until they end.
    QList<pid_t> foreignAdoptees() const;

private:
    std::optional<SessionEvent> adoptUnknown(pid_t pid, LabProcessTable *table, LabNames *names,
                                             const std::function<void(LabProcessRecord *)> &watch);

    pid_t m_self;
    pid_t m_session;
    QSet<pid_t> m_labGroups;
    std::unique_ptr<ForeignReaper> m_foreign;
};
