#include "SamplerThread.h"

#include "SamplerTicker.h"

#include <QMetaObject>

#include <algorithm>

SamplerThread::SamplerThread(std::unique_ptr<ProcSource> source, QObject *parent)
    : QObject(parent)
    , m_sampler(std::make_unique<TaskSampler>(std::move(source)))
{
    qRegisterMetaType<std::shared_ptr<const Snapshot>>();
    m_thread.setObjectName(QStringLiteral("proclab-sampler"));
}

SamplerThread::~SamplerThread()
{
    stop();
}

int SamplerThread::clampInterval(int intervalMs)
{
    return std::clamp(intervalMs, MinIntervalMs, MaxIntervalMs);
}

bool SamplerThread::isRunning() const
{
    return m_thread.isRunning();
}

void SamplerThread::applyInterval()
{
    // The re-scan and re-listing periods are counted in ticks: keep them near 1 s and 5 s whatever the interval.
    TaskSampler::Options options = m_sampler->options();
    options.rescanEveryTicks = std::max(1, 1000 / m_intervalMs);
    options.relistEveryTicks = std::max(1, 5000 / m_intervalMs);
    m_sampler->setOptions(options);
}

void SamplerThread::start(int intervalMs)
{
    m_intervalMs = clampInterval(intervalMs);
    applyInterval();
    if (m_thread.isRunning()) {
        setInterval(m_intervalMs);
        return;
    }
    m_ticker = new SamplerTicker(m_sampler.get());
    m_ticker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_ticker, &QObject::deleteLater);
    // Emitted straight from the sampler thread: receivers elsewhere get it queued, and none waits for the GUI.
    connect(m_ticker, &SamplerTicker::snapshotReady, this, &SamplerThread::snapshotReady, Qt::DirectConnection);
    m_thread.start();
    const int interval = m_intervalMs;
    QMetaObject::invokeMethod(m_ticker, [ticker = m_ticker, interval] { ticker->begin(interval); },
                              Qt::QueuedConnection);
}

void SamplerThread::setInterval(int intervalMs)
{
    m_intervalMs = clampInterval(intervalMs);
    applyInterval();
    if (m_ticker && m_thread.isRunning()) {
        const int interval = m_intervalMs;
        QMetaObject::invokeMethod(m_ticker, [ticker = m_ticker, interval] { ticker->setInterval(interval); },
                                  Qt::QueuedConnection);
    }
}

void SamplerThread::stop()
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(m_ticker, [ticker = m_ticker] { ticker->end(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    m_ticker = nullptr; // deleted by deleteLater when the thread finished
}
