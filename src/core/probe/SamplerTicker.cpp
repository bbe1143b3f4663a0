#include "SamplerTicker.h"

#include "TaskSampler.h"

#include <QTimer>

SamplerTicker::SamplerTicker(TaskSampler *sampler)
    : m_sampler(sampler)
{
}

SamplerTicker::~SamplerTicker() = default;

void SamplerTicker::begin(int intervalMs)
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        // Coarse timers may fire up to 5 % late and drift; shares are divided by the measured Δt anyway, but a
        // steady rhythm keeps the charts even.
        m_timer->setTimerType(Qt::PreciseTimer);
        connect(m_timer, &QTimer::timeout, this, &SamplerTicker::tick);
    }
    m_timer->start(intervalMs);
    tick();
}

void SamplerTicker::setInterval(int intervalMs)
{
    if (m_timer)
        m_timer->setInterval(intervalMs);
}

void SamplerTicker::end()
{
    if (m_timer)
        m_timer->stop();
}

void SamplerTicker::tick()
{
    Q_EMIT snapshotReady(m_sampler->sample());
}
