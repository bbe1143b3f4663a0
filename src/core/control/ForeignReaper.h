#pragma once

#include "PidFd.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <memory>

class QSocketNotifier;

// Watches processes that came to the subreaper but belong to no lab tree — the xdg-open that
// QDesktopServices::openUrl starts detached, a QProcess::startDetached helper — and reaps each one as soon as it
// ends, so no zombie piles up under the supervisor. It never signals them: the lab did not start them.
class ForeignReaper : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~ForeignReaper() override;

    // Takes over `pidfd` of adopted process `pid` (already checked to be our child and the process we meant).
    void watch(pid_t pid, PidFd pidfd);
    bool contains(pid_t pid) const { return m_watched.contains(pid); }
    QList<pid_t> pids() const { return m_watched.keys(); }

Q_SIGNALS:
    void reaped(pid_t pid);

private:
    struct Watched;
    void onReadable(pid_t pid);

    QHash<pid_t, std::shared_ptr<Watched>> m_watched;
};
