#pragma once

#include "IpcWait.h"
#include "QueueStats.h"
#include "SharedMemory.h"

#include <QCoreApplication>
#include <QString>

#include <cstddef>
#include <span>

class MonotonicDeadline;
struct SharedQueueHeader; // the layout in shared memory, private to SharedQueue.cpp

// What a SharedQueue holds.
struct SharedQueueSpec
{
    int capacity = 64;   // items, 1 … maxCapacity
    int itemSize = 64;   // bytes per item, 1 … maxItemSize
    bool robust = false; // PTHREAD_MUTEX_ROBUST: survive an owner killed while holding the mutex
};

// A bounded FIFO of fixed-size items in shared memory, usable by the threads of many processes at once — the C++
// counterpart of Python's multiprocessing.Queue, but with everything the lab wants to show kept in the open:
// depth, puts, gets, how many are blocked on full and on empty, and the TID that holds its mutex.
//
// One process-shared mutex (robust when asked) and two conditions (not full, not empty) with timeouts on
// CLOCK_MONOTONIC. The conditions are SharedCondition futex words, not pthread condvars: glibc 2.36's process-shared
// condvar hangs the next signaller for good when a waiter was SIGKILLed (SharedCondition.h says how). A condition is
// notified only when somebody waits on it, so an unblocked put or get costs no system call.
//
// Robust queue, owner killed while holding the mutex: the next locker gets EOWNERDEAD, repairs the counters (an
// item half-copied by the dead owner was never counted, so it is simply not there), calls
// pthread_mutex_consistent and goes on; QueueStats::ownerDeaths counts it. Not robust: everybody else stays
// blocked until killed, or until their timeout or stop request ends the wait.
//
// The object is a handle; the queue itself is the memory. A handle made by create() owns its memfd; one made by
// placeAt()/openAt() is a view into memory somebody else owns (a TelemetryBlock) and must not outlive it.
// Movable, not copyable. All methods are thread-safe, and safe across processes, except the constructors.
class SharedQueue
{
    Q_DECLARE_TR_FUNCTIONS(SharedQueue)
public:
    static constexpr int maxCapacity = 4096;
    static constexpr int maxItemSize = 4096;

    SharedQueue() = default;
    ~SharedQueue();
    SharedQueue(SharedQueue &&other) noexcept;
    SharedQueue &operator=(SharedQueue &&other) noexcept;
    SharedQueue(const SharedQueue &) = delete;
    SharedQueue &operator=(const SharedQueue &) = delete;

    // Bytes of shared memory a queue of this shape needs (a multiple of 64); 0 if the spec is out of range.
    static std::size_t requiredBytes(const SharedQueueSpec &spec);
    // A new queue in its own sealed memfd. Invalid, with errorString(), when the spec is out of range or the
    // memfd cannot be made.
    static SharedQueue create(const SharedQueueSpec &spec);
    // Opens the queue in a memfd made by create() (in another process: fd inherited or passed by number).
    static SharedQueue attach(int fd, SharedMemory::FdOwnership ownership = SharedMemory::FdOwnership::Adopt);
    // Builds a new queue in `memory` (`bytes` >= requiredBytes(spec), 64-byte aligned, MAP_SHARED), and a view on
    // it. Call once, before any other process uses the memory.
    static SharedQueue placeAt(void *memory, std::size_t bytes, const SharedQueueSpec &spec, int index = -1);
    // A view on a queue placed earlier at `memory`; checks its magic, version and size.
    static SharedQueue openAt(void *memory, std::size_t bytes, int index = -1);

    bool isValid() const { return m_header != nullptr; }
    QString errorString() const { return m_error; }
    // The memfd of a queue made by create()/attach(), else -1.
    int fd() const { return m_region.fd(); }
    int capacity() const;
    int itemSize() const;

    // Appends one item: copies item.size() bytes (at most itemSize(); the rest of the slot is zeroed). Blocks while
    // the queue is full, as `options` allow. Ok, Timeout, Stopped, NotRecoverable or Failed (item too long).
    IpcStatus put(std::span<const std::byte> item, const WaitOptions &options = {});
    // Removes the oldest item into `out` (out.size() >= itemSize(), else Failed). Blocks while the queue is empty,
    // as `options` allow. Items put by one thread come out in the order it put them.
    IpcStatus get(std::span<std::byte> out, const WaitOptions &options = {});

    // Puts as many of `items` (a whole number of itemSize() records, at least one) as fit, in order, under one
    // lock: blocks only while the queue is full, then takes what fits. *count (may be null) receives how many were
    // put; 0 unless the result is Ok. One mutex round trip for many items — what a fast producer wants.
    IpcStatus putMany(std::span<const std::byte> items, int *count, const WaitOptions &options = {});
    // Gets up to `out.size() / itemSize()` items (at least one) under one lock: blocks only while the queue is
    // empty, then takes what is there. *count receives how many; 0 unless the result is Ok.
    IpcStatus getMany(std::span<std::byte> out, int *count, const WaitOptions &options = {});

    // Takes the queue's mutex and keeps it until releaseLock(), as a put or get does for a moment. For the
    // kill-holding-lock experiment, which kills the process at this point to show what a lock held by a dead process
    // does to everybody else. Same waiting rules and results as put(). The caller must not put or get meanwhile.
    IpcStatus holdLock(const WaitOptions &options = {});
    // Releases the mutex taken by holdLock().
    void releaseLock();

    // Every waiting and every later put/get returns IpcStatus::Stopped (get does not drain). For the end of an
    // experiment; cannot be undone.
    void shutdown();
    // Wakes every waiter so it re-checks its stop token now rather than at the next slice.
    void wakeWaiters();
    // After the supervisor reaped process `pid`: a process killed while waiting on a condvar cannot take itself off
    // the blocked counts, so this does it (for the first maxListedWaiters waiters of each kind, which are listed by
    // TID). Returns how many waiters were removed. Safe without the mutex, which may be dead.
    int forgetWaitersOf(pid_t pid);
    static constexpr int maxListedWaiters = 16;

    // All counters, read without the mutex (see QueueStats); never blocks, safe from the sampler thread.
    QueueStats stats() const;

private:
    IpcStatus lockQueue(const WaitOptions &options, MonotonicDeadline &deadline);
    // The common path of put, get, putMany and getMany: lock, wait for room (putting) or items, move up to
    // maxItems between the ring and the buffer, wake the other side.
    IpcStatus transfer(bool putting, std::byte *buffer, std::size_t maxItems, int *count, const WaitOptions &options);
    void unlockQueue();
    void repairAfterOwnerDeath();
    // Waits, holding the mutex on entry, until the queue has space (forSpace) or an item. *held says whether the
    // mutex is still held on return (not after a timeout, stop or ENOTRECOVERABLE while re-taking it).
    IpcStatus waitWhile(bool forSpace, const WaitOptions &options, MonotonicDeadline &deadline, bool *held);

    SharedMemory m_region;
    SharedQueueHeader *m_header = nullptr;
    std::byte *m_items = nullptr;
    int m_index = -1;
    QString m_error;
};
