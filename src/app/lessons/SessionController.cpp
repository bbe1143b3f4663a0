#include "SessionController.h"

#include "experiments/ExperimentCatalogue.h"

using namespace Qt::Literals::StringLiterals;

namespace {
// The log keeps the events that say something happened; samples (several a second per task) stay in the file.
bool isSample(const SessionEvent &event)
{
    return event.kind.endsWith(u".sample"_s);
}
} // namespace

SessionController::SessionController(QObject *parent)
    : QObject(parent)
{
    // Every run taken in the window is on the learner's lesson path (LessonJournal).
    m_options.journal = true;
    m_flushTimer.setInterval(200);
    connect(&m_flushTimer, &QTimer::timeout, this, &SessionController::flushEvents);
    m_flushTimer.start();
}

SessionController::~SessionController()
{
    stop();
}

bool SessionController::start(const QString &id, const ParameterValues &values, QString *error)
{
    stop();
    std::unique_ptr<Experiment> experiment = ExperimentCatalogue::create(id);
    if (!experiment) {
        *error = tr("unknown experiment '%1'").arg(id);
        return false;
    }
    m_run = std::make_unique<ExperimentRun>(std::move(experiment), values, m_options);
    m_frames.clear();
    connect(m_run.get(), &ExperimentRun::event, this, [this](const SessionEvent &event) {
        m_frames.apply(event);
        if (isSample(event))
            return;
        m_pendingEvents << event;
        // While frozen the log cannot take them; keep the newest, as the log itself would.
        if (m_pendingEvents.size() > 2 * MaxPendingEvents)
            m_pendingEvents.remove(0, m_pendingEvents.size() - MaxPendingEvents);
    });
    connect(m_run.get(), &ExperimentRun::sampled, this, &SessionController::onSampled);
    connect(m_run.get(), &ExperimentRun::oldSessionsDeleted, this, &SessionController::oldSessionsDeleted);
    connect(m_run.get(), &ExperimentRun::finished, this, [this](const PhenomenonVerdict &verdict) {
        flushEvents();
        Q_EMIT stopped(verdict);
    });
    if (!m_run->start()) {
        *error = m_run->errorString();
        flushEvents();
        return false;
    }
    // The views start over first (started), then take the run's first events: experiment.start among them, which
    // tells the result card the lesson's order of figures and the prediction made.
    Q_EMIT started();
    flushEvents();
    return true;
}

void SessionController::stop()
{
    if (m_run && m_run->isRunning())
        m_run->stop();
}

double SessionController::sessionTime() const
{
    return isRunning() ? m_run->now() : 0;
}

void SessionController::setIntervalMs(int ms)
{
    m_options.intervalMs = ms;
    if (m_run)
        m_run->setIntervalMs(ms);
}

void SessionController::setFrozen(bool frozen)
{
    m_frozen = frozen;
    if (!frozen) {
        flushEvents();
        if (m_heldTick) {
            Q_EMIT ticked(*m_heldTick);
            m_heldTick.reset();
        }
    }
}

bool SessionController::changeLive(const QString &name, const QString &text, QString *error)
{
    if (!m_run || !m_run->isRunning()) {
        *error = tr("no experiment is running");
        return false;
    }
    return m_run->changeLive(name, text, error);
}

void SessionController::onSampled(const std::shared_ptr<const Snapshot> &snapshot, const TelemetrySnapshot &telemetry)
{
    if (!snapshot || !m_run)
        return;
    Frame tick = m_frames.frameOf(*snapshot, m_run->clock().at(snapshot->monotonicNs), telemetry, m_run->lastWaits());
    if (m_frozen) {
        m_heldTick = std::move(tick);
        return;
    }
    flushEvents();
    Q_EMIT ticked(tick);
}

void SessionController::flushEvents()
{
    if (m_frozen || m_pendingEvents.isEmpty())
        return;
    const QList<SessionEvent> events = std::exchange(m_pendingEvents, {});
    Q_EMIT eventsArrived(events);
}
