#pragma once

#include "frame/Frame.h"
#include "frame/LiveFrames.h"

#include "control/LabController.h"
#include "experiments/Experiment.h"
#include "experiments/ExperimentRun.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>

// Owns the running experiment (one ExperimentRun per Start) and turns what it reports into what the views show:
// one Frame per sample (LiveFrames, fed every event the run records) and the events in batches. Freezing holds both back (the run and its recording go on)
// and lets the latest through when thawed. Stopping is synchronous: when stop() returns, every lab process has
// been ended and reaped.
class SessionController : public QObject
{
    Q_OBJECT
public:
    explicit SessionController(QObject *parent = nullptr);
    ~SessionController() override;

    // Starts `id` with `values`. False with *error when the id is unknown or the run could not start; then
    // nothing is left running.
    bool start(const QString &id, const ParameterValues &values, QString *error);
    void stop();
    bool isRunning() const { return m_run && m_run->isRunning(); }
    // The current (or last) run; null before the first Start.
    ExperimentRun *run() const { return m_run.get(); }
    LabController *lab() const { return isRunning() ? &m_run->lab() : nullptr; }
    // Seconds since the current run started, 0 when none runs.
    double sessionTime() const;

    void setIntervalMs(int ms);
    int intervalMs() const { return m_options.intervalMs; }
    void setLimits(const LabLimits &limits) { m_options.limits = limits; }
    LabLimits limits() const { return m_options.limits; }
    void setRecording(bool record) { m_options.record = record; }
    bool isRecording() const { return isRunning() && m_options.record; }
    // The next Start's step mode (ExperimentRun::Options::stepping) and the learner's prediction (-1: skipped).
    void setStepping(bool stepping) { m_options.stepping = stepping; }
    void setPredicted(int choice) { m_options.predicted = choice; }
    void setFrozen(bool frozen);
    bool isFrozen() const { return m_frozen; }
    // A live parameter change from the form.
    bool changeLive(const QString &name, const QString &text, QString *error);

Q_SIGNALS:
    void started();
    void stopped(const PhenomenonVerdict &verdict);
    void ticked(const Frame &tick);
    void eventsArrived(const QList<SessionEvent> &events);
    // The retention deleted old recordings when this session's began.
    void oldSessionsDeleted(const QStringList &paths);

private:
    void onSampled(const std::shared_ptr<const Snapshot> &snapshot, const TelemetrySnapshot &telemetry);
    void flushEvents();

    static constexpr qsizetype MaxPendingEvents = 20000;

    ExperimentRun::Options m_options;
    std::unique_ptr<ExperimentRun> m_run;
    QList<SessionEvent> m_pendingEvents;
    QTimer m_flushTimer;
    bool m_frozen = false;
    std::optional<Frame> m_heldTick;
    LiveFrames m_frames;
};
