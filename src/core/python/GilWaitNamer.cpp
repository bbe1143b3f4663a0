#include "GilWaitNamer.h"

QString GilWaitNamer::waitingForTheGil()
{
    return tr("waiting for the GIL");
}

QString GilWaitNamer::nameOf(int pid, quint64 address) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_ranges.constFind(pid);
    if (it == m_ranges.constEnd() || !it->contains(address))
        return {};
    lock.unlock();
    return waitingForTheGil();
}

void GilWaitNamer::setRange(int pid, GilProbe::Range range)
{
    QMutexLocker lock(&m_mutex);
    if (range.isEmpty())
        m_ranges.remove(pid);
    else
        m_ranges.insert(pid, range);
}

void GilWaitNamer::remove(int pid)
{
    QMutexLocker lock(&m_mutex);
    m_ranges.remove(pid);
}
