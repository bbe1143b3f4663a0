#pragma once

#include "base/SessionEvent.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

// The hand-over from the threads that produce events to the recorder thread: a mutex and a vector that the
// consumer swaps out whole. A producer holds the lock only for one move into a vector whose capacity is kept
// between rounds, so it never waits for formatting or disk I/O; the consumer takes everything at once.
//
// Bounded: when the recorder cannot keep up (a stalled disk), further events are dropped and counted rather than
// growing memory without limit or blocking the producer.
class SessionEventQueue
{
public:
    // A new queue is closed: it refuses events until open().
    explicit SessionEventQueue(std::size_t capacity = 1 << 20);

    // Accepts events again, with a new capacity; what was queued before is discarded.
    void open(std::size_t capacity);

    // Thread-safe, never blocks beyond the short critical section. False when the queue is full or closed (the
    // event is dropped and counted).
    bool push(SessionEvent &&event);
    // Waits at most `wait` for events (or for close()), then moves everything queued into *out (which must be
    // empty; its capacity is reused). Returns at once when `wakeThreshold` events are waiting.
    void takeAll(std::vector<SessionEvent> *out, std::chrono::milliseconds wait);
    // After close() push() refuses and takeAll() no longer waits.
    void close();
    bool isClosed() const;
    // Events refused because the queue was full or closed.
    quint64 dropped() const { return m_dropped.load(std::memory_order_relaxed); }

private:
    void setCapacityLocked(std::size_t capacity);

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<SessionEvent> m_events;
    std::size_t m_capacity = 1;
    std::size_t m_wakeThreshold = 1;
    bool m_closed = true;
    std::atomic<quint64> m_dropped{0};
};
