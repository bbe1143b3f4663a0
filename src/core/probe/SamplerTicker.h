#pragma once

#include "Snapshot.h"

#include <QObject>

class QTimer;
class TaskSampler;

// The part of SamplerThread that lives on the sampler's own thread: a timer that calls TaskSampler::sample() and
// emits what it returns. Created and used only by SamplerThread.
class SamplerTicker : public QObject
{
    Q_OBJECT
public:
    explicit SamplerTicker(TaskSampler *sampler);
    ~SamplerTicker() override;

public Q_SLOTS:
    // Both run on the sampler thread (queued from SamplerThread).
    void begin(int intervalMs);
    void setInterval(int intervalMs);
    void end();

Q_SIGNALS:
    void snapshotReady(std::shared_ptr<const Snapshot> snapshot);

private:
    void tick();

    TaskSampler *m_sampler;
    QTimer *m_timer = nullptr;
};
