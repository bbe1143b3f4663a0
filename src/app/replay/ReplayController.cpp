#include "ReplayController.h"

#include "frame/FrameRowBuilder.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr int StepMs = 100;

} // namespace

ReplayController::ReplayController(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(StepMs);
    connect(m_timer, &QTimer::timeout, this, &ReplayController::advance);
}

bool ReplayController::load(const QString &path, QString *error)
{
    close();
    if (!m_replay.load(path)) {
        *error = m_replay.errorString();
        return false;
    }
    m_loaded = true;
    m_position = -1;
    m_shownEvents = 0;
    seek(0);
    return true;
}

void ReplayController::seek(double t)
{
    if (!m_loaded)
        return;
    t = std::clamp(t, 0.0, duration());
    const bool back = t < m_position;
    const bool jump = back || m_position < 0 || t - m_position > MaxStepSeconds + 1e-9;
    m_position = t;
    const qsizetype until = m_replay.eventsUntil(t);
    // A step forward goes on from the moment shown so far (the moment after m_shownEvents events).
    Q_EMIT historyShown(jump ? ReplayHistory::window(m_replay, t - HistorySeconds, t, m_replay.header().cores)
                             : ReplayHistory::samplesBetween(m_replay, m_shownEvents, until, m_moment));
    m_moment = m_replay.momentAt(t);
    const Frame frame = FrameRowBuilder::frameOf(m_moment, t);
    const bool reset = until < m_shownEvents || m_shownEvents == 0;
    QList<SessionEvent> shown;
    for (qsizetype i = reset ? 0 : m_shownEvents; i < until; ++i) {
        const SessionEvent &event = m_replay.events().at(i);
        if (!event.kind.endsWith(u".sample"_s))
            shown << event;
    }
    m_shownEvents = until;
    Q_EMIT moved(frame, back);
    if (reset || !shown.isEmpty())
        Q_EMIT eventsShown(shown, reset);
}

void ReplayController::play(double speed)
{
    if (!m_loaded)
        return;
    m_speed = speed;
    if (m_position >= duration())
        seek(0);
    if (!m_timer->isActive()) {
        m_timer->start();
        Q_EMIT playingChanged(true);
    }
}

void ReplayController::pause()
{
    if (!m_timer->isActive())
        return;
    m_timer->stop();
    Q_EMIT playingChanged(false);
}

bool ReplayController::isPlaying() const
{
    return m_timer->isActive();
}

void ReplayController::close()
{
    pause();
    m_replay = SessionReplay();
    m_moment = SessionMoment();
    m_loaded = false;
    m_position = 0;
    m_shownEvents = 0;
}

void ReplayController::advance()
{
    seek(m_position + m_speed * StepMs / 1000.0);
    if (m_position >= duration())
        pause();
}

