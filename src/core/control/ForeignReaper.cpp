#include "ForeignReaper.h"

#include <QSocketNotifier>

struct ForeignReaper::Watched
{
    PidFd pidfd;
    QSocketNotifier *notifier = nullptr;
};

ForeignReaper::~ForeignReaper()
{
    // Still running when the supervisor ends: they go on to init, which reaps them. Not ours to stop.
    for (const auto &watched : std::as_const(m_watched))
        delete watched->notifier;
}

void ForeignReaper::watch(pid_t pid, PidFd pidfd)
{
    if (m_watched.contains(pid) || !pidfd.isValid())
        return;
    auto watched = std::make_shared<Watched>();
    watched->pidfd = std::move(pidfd);
    watched->notifier = new QSocketNotifier(watched->pidfd.fd(), QSocketNotifier::Read, this);
    connect(watched->notifier, &QSocketNotifier::activated, this, [this, pid] { onReadable(pid); });
    m_watched.insert(pid, watched);
}

void ForeignReaper::onReadable(pid_t pid)
{
    const std::shared_ptr<Watched> watched = m_watched.value(pid);
    if (!watched || !watched->pidfd.reap())
        return;
    m_watched.remove(pid);
    watched->notifier->setEnabled(false);
    watched->notifier->deleteLater();
    Q_EMIT reaped(pid);
}
