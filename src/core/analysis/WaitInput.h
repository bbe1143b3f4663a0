#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

// The plain input of the deadlock analysis, one WaitTick per sampler tick. It deliberately knows nothing of the
// telemetry block or the /proc sampler: whoever owns those fills these structs, and the analysis stays a pure
// function of them (easy to test with hand-made or generated ticks, and to replay from a session file).
//
// Identifiers: PIDs and TIDs are the kernel's. Lock, queue and pipe ids are the telemetry's own small integers;
// they only have to be unique per kind within one experiment. A child wait names the child's PID.

// What a thread is blocked on, as the thread itself declared it in the telemetry before blocking.
enum class WaitKind : quint8
{
    None,       // working, sleeping, or waiting on something the analysis does not follow
    Lock,       // waitObject = lock id
    QueueFull,  // a put on a full queue; waitObject = queue id; any consumer could free a slot
    QueueEmpty, // a get on an empty queue; waitObject = queue id; any producer could fill it
    Child,      // waitid/join on a child process; waitObject = the child's PID
    PipeWrite,  // a write into a full pipe; waitObject = pipe id; any reader could drain it
    PipeRead,   // a read from an empty pipe; waitObject = pipe id; any writer could fill it
};

// What a futex cross-check (FutexMapping) found for a thread; filled only when the caller ran the check.
struct FutexObservation
{
    enum class Status : quint8
    {
        NotChecked,   // the caller did not look (no ptrace rights, not a lab lock, the thread not asleep in a
                      // system call, …): never a finding
        NotInFutex,   // the thread is asleep in another system call
        Lock,         // blocked in futex() on the word of lock `lockId` in the telemetry mapping
        OtherAddress, // blocked in futex() on an address that is no known lock or queue
        Queue,        // blocked in futex() on a word inside queue `queueId` (its mutex or a condition word)
    };
    Status status = Status::NotChecked;
    qint64 lockId = 0;
    quint64 address = 0; // the futex word's address in the thread's process, for the warning text
    qint64 queueId = 0;
    bool inMapping = false;   // the address lies in the telemetry mapping (then mappingOffset is meaningful)
    quint64 mappingOffset = 0; // the address's offset in that mapping: the same in every process
};

// One lab thread in one tick.
struct WaitInput
{
    qint64 pid = 0;
    qint64 tid = 0;
    QString name;      // role / thread name, e.g. "lock-taker-1"
    bool alive = true; // false: the thread (or its process) is gone; a dead thread waits for nothing
    WaitKind waitKind = WaitKind::None;
    qint64 waitObject = 0;   // see WaitKind
    QList<qint64> locksHeld; // lock ids in acquisition order (oldest first)
    // Changes whenever the thread starts a new wait (any progress counter will do); 0 = the source has none.
    // A cycle is confirmed only when no member's epoch moved between the ticks that saw it.
    quint64 waitEpoch = 0;
    FutexObservation futex;
    // Its recorded role (base/LabRole.h: thread.start's role), which says the side it takes of a queue or pipe;
    // empty when unknown.
    QString role;
};

// A lock as the telemetry describes it.
struct LockState
{
    qint64 id = 0;
    QString name;        // label for people, e.g. "L2"; empty: "L<id>" is used
    qint64 ownerTid = 0; // 0: free
    qint64 ownerPid = 0;
    bool ownerAlive = true; // false: the owner exited or was killed while holding the lock
};

// A bounded queue (shared-memory queue or queue.Queue-like) and who uses it.
struct QueueState
{
    qint64 id = 0;
    QString name;
    QList<qint64> producerTids; // threads that put: they release getters waiting on an empty queue
    QList<qint64> consumerTids; // threads that get: they release putters waiting on a full queue
};

// A pipe and its ends. A writer blocked on a full pipe is released by any reader and vice versa.
struct PipeState
{
    qint64 id = 0;
    QString name;
    QList<qint64> readerTids;
    QList<qint64> writerTids;
};

// A lab process (for Child waits and the graph view).
struct ProcessState
{
    qint64 pid = 0;
    qint64 parentPid = 0;
    QString name;
    bool alive = true; // false: exited (a zombie counts as exited: a waiting parent is released by it)
};

// Everything the analysis sees in one tick. Lists need not be sorted. Objects missing from locks/queues/pipes/
// processes are treated as unknown, which never produces a finding: the analysis only reports what it can prove.
struct WaitTick
{
    double t = 0; // session time of the tick (SessionClock)
    quint64 sequence = 0; // the sampler tick's own number (Snapshot::sequence: 1, 2, 3 … per run); 0 unknown
    QList<WaitInput> threads;
    QList<LockState> locks;
    QList<QueueState> queues;
    QList<PipeState> pipes;
    QList<ProcessState> processes;
};
