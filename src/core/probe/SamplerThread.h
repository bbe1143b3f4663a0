#pragma once

#include "Snapshot.h"
#include "TaskSampler.h"

#include <QObject>
#include <QThread>

#include <memory>

class SamplerTicker;

// Runs a TaskSampler on its own thread at a fixed interval and hands every Snapshot out by signal. Nothing here
// blocks the thread that owns it (the GUI thread): snapshotReady is emitted on the sampler thread, so receivers in
// other threads get it queued; a snapshot is immutable and shared, so any number of them may read it.
//
// Use: create, set what to watch on sampler(), start(). stop() (or the destructor) ends the thread.
class SamplerThread : public QObject
{
    Q_OBJECT
public:
    static constexpr int MinIntervalMs = 50;
    static constexpr int MaxIntervalMs = 5000;
    static constexpr int DefaultIntervalMs = 100;

    // source: where to read (null: the real /proc).
    explicit SamplerThread(std::unique_ptr<ProcSource> source = nullptr, QObject *parent = nullptr);
    ~SamplerThread() override;

    // The sampler, for its thread-safe setters (setWatchedPids, setDescendantRoots, requestRescan, …). Do not call
    // its sample() while the thread runs.
    TaskSampler &sampler() { return *m_sampler; }

    // Starts sampling (a first snapshot at once) every intervalMs, clamped to 50…5000. Starting again only changes
    // the interval.
    void start(int intervalMs = DefaultIntervalMs);
    // Changes the interval (clamped) — takes effect from the next tick.
    void setInterval(int intervalMs);
    int interval() const { return m_intervalMs; }
    // Stops the timer and the thread and waits for the tick in progress. Signals already queued may still arrive.
    void stop();
    bool isRunning() const;

    static int clampInterval(int intervalMs);

Q_SIGNALS:
    void snapshotReady(std::shared_ptr<const Snapshot> snapshot);

private:
    void applyInterval();

    std::unique_ptr<TaskSampler> m_sampler;
    QThread m_thread;
    SamplerTicker *m_ticker = nullptr; // lives on m_thread; deleted there when the thread finishes
    int m_intervalMs = DefaultIntervalMs;
};
