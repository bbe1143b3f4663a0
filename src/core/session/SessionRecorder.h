#pragma once

#include "SessionEventQueue.h"
#include "SessionHeader.h"
#include "SessionRetention.h"
#include "base/SessionEvent.h"

#include <QObject>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

// Appends a session's events to its file (JSON Lines) on a thread of its own.
//
// Any thread may call record(); it costs one short lock and never waits for the disk. The recorder thread formats
// the queued events with SessionJsonWriter and write(2)s whole lines every flush interval (100 ms by default), so
// a SIGKILL of the process loses at most the last interval. A write that fails (a full disk, an unplugged stick)
// is rolled back to the last whole line, the events it held are counted as dropped, writeFailed() is emitted
// once, and later batches try again: the experiment goes on, the file stays readable.
//
// Every line it writes is one SessionReader reads: at most MaxLineBytes (a longer event keeps its strings' first
// MaxStringUnits characters, or only its pid and tid, and says how long it was in "truncated_bytes"), a
// non-empty kind, a t that does not go back by more than the reader's tolerance, and fields in the ranges of
// SessionFieldCheck (an event with one out of range keeps its t and kind, and says why in "invalid_fields").
//
// Signals are emitted from the recorder thread (or from the caller of start*()); connect them queued, or let Qt's
// automatic connection do it, when the receiver lives on another thread.
class SessionRecorder : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype MaxLineBytes = qsizetype(256) << 10;
    static constexpr qsizetype MaxStringUnits = 8192;

    explicit SessionRecorder(QObject *parent = nullptr);
    ~SessionRecorder() override; // stop()s

    // Before start*(): how often the thread writes (≥ 5 times a second is the contract; the default is 10), how
    // many events may wait before new ones are dropped, and which retention startInFolder() applies.
    void setFlushInterval(std::chrono::milliseconds interval);
    void setQueueCapacity(std::size_t events);
    void setRetention(const SessionRetention &retention);

    // Records into a new file of `folder` (LabPaths::sessionsFolder() by default) named after the experiment and
    // the local time, never overwriting another; then applies the retention, excluding this file, and emits
    // oldSessionsDeleted() with what it removed. False, with errorString(), when the file cannot be made.
    bool startInFolder(const SessionHeader &header, const QString &folder = {});
    // Records into `path` (--log FILE), created or truncated. False, with errorString(), when it cannot be opened.
    bool startAtPath(const SessionHeader &header, const QString &path);

    // Queues one event. Thread-safe and wait-free for the caller apart from a short lock; before start or after
    // stop, or when the queue is full, the event is counted as dropped.
    void record(SessionEvent event);
    void record(double t, const QString &kind, const QJsonObject &fields = {});

    // Writes everything queued, closes the file and ends the thread. Idempotent; call from the owning thread.
    void stop();

    bool isRecording() const { return m_thread.joinable(); }
    QString filePath() const { return m_path; }
    QString errorString() const;
    QStringList deletedOnStart() const { return m_deletedOnStart; }
    quint64 eventsWritten() const { return m_written.load(std::memory_order_relaxed); }
    // Events lost: refused by a full queue, or in a batch whose write failed.
    quint64 eventsDropped() const;
    quint64 bytesWritten() const { return m_bytes.load(std::memory_order_relaxed); }
    // True while writes are failing.
    bool isFailing() const { return m_failing.load(std::memory_order_relaxed); }

    // Appends `event` as the line the recorder would write (newline included) to `out`, within the limits above;
    // *latestT is the latest t written so far and is updated. Pure; for the recorder thread and tests.
    static void appendRecordedLine(QByteArray &out, const SessionEvent &event, double *latestT);
    // The header line (no newline) within MaxLineBytes: over-long parameters give way to "truncated_bytes".
    static QByteArray recordedHeaderLine(const SessionHeader &header);

Q_SIGNALS:
    // A write failed (ENOSPC, EIO, …): the message says which file and why, for the user. Emitted once per run
    // of failures, not per batch.
    void writeFailed(const QString &message);
    // Writing works again after a failure.
    void writeRecovered();
    // The retention removed these old session files when this recording started.
    void oldSessionsDeleted(const QStringList &paths);

private:
    bool begin(int fd, const QString &path, const SessionHeader &header);
    void run();
    void writeBuffer(QByteArray &buffer, quint64 events);
    void setError(const QString &message);

    SessionEventQueue m_queue;
    std::thread m_thread;
    int m_fd = -1;
    QString m_path;
    QStringList m_deletedOnStart;
    std::chrono::milliseconds m_flushInterval{100};
    std::size_t m_queueCapacity = 1 << 20;
    SessionRetention m_retention;
    qint64 m_goodSize = 0; // the file's length up to its last whole line; touched by the recorder thread only
    std::atomic<quint64> m_written{0};
    std::atomic<quint64> m_failedEvents{0};
    std::atomic<quint64> m_bytes{0};
    std::atomic<bool> m_failing{false};
    int m_lastErrno = 0; // of the last failed write
    mutable std::mutex m_errorMutex;
    QString m_error;
};
