#include "SessionEventQueue.h"

#include <algorithm>

SessionEventQueue::SessionEventQueue(std::size_t capacity)
{
    std::lock_guard lock(m_mutex);
    setCapacityLocked(capacity);
}

void SessionEventQueue::open(std::size_t capacity)
{
    std::lock_guard lock(m_mutex);
    setCapacityLocked(capacity);
    m_events.clear();
    m_closed = false;
}

void SessionEventQueue::setCapacityLocked(std::size_t capacity)
{
    m_capacity = std::max<std::size_t>(capacity, 1);
    // Waking the consumer costs a futex call; do it only for a batch large enough to be worth formatting early,
    // otherwise the consumer's own timer picks the events up.
    m_wakeThreshold = std::clamp<std::size_t>(m_capacity / 8, 1, 16384);
    m_events.reserve(std::min<std::size_t>(m_capacity, 4096));
}

bool SessionEventQueue::push(SessionEvent &&event)
{
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        if (m_closed || m_events.size() >= m_capacity) {
            m_dropped.fetch_add(1, std::memory_order_relaxed);
            return false;
        }
        m_events.push_back(std::move(event));
        wake = m_events.size() == m_wakeThreshold;
    }
    if (wake)
        m_wake.notify_one();
    return true;
}

void SessionEventQueue::takeAll(std::vector<SessionEvent> *out, std::chrono::milliseconds wait)
{
    std::unique_lock lock(m_mutex);
    if (!m_closed && m_events.size() < m_wakeThreshold)
        m_wake.wait_for(lock, wait, [this] { return m_closed || m_events.size() >= m_wakeThreshold; });
    out->swap(m_events);
}

void SessionEventQueue::close()
{
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
    }
    m_wake.notify_all();
}

bool SessionEventQueue::isClosed() const
{
    std::lock_guard lock(m_mutex);
    return m_closed;
}
