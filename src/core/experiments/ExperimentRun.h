#pragma once

#include "Experiment.h"
#include "LiveFigures.h"
#include "base/SessionClock.h"
#include "control/LabController.h"
#include "ipc/FigureBoard.h"
#include "ipc/PipeChannel.h"
#include "ipc/TelemetryBlock.h"
#include "ipc/TelemetrySnapshot.h"
#include "probe/Snapshot.h"
#include "session/SessionTape.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

class DeadlockMonitor;
class FutexCrossCheck;
class GilSession;
class SamplerThread;
class LabTaskAnnotator;

// One run of one experiment: the lab (LabController), its shared memory (TelemetryBlock), the sampler, the
// deadlock analysis and the recorder, wired together. The window and `proclab run` both drive experiments only
// through this class, so a change from the window's form goes through the same code as `--set`.
//
// Lives on the supervisor's main thread (LabController must). Events from every part are stamped on one
// SessionClock, recorded, kept for the check, and re-emitted through event().
class ExperimentRun : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int intervalMs = 100;  // sampling interval, 50…5000
        bool record = true;    // write a session file
        QString logPath;       // explicit file (--log); empty: a new file in the sessions folder
        QString sessionsFolder; // empty: LabPaths::sessionsFolder()
        LabLimits limits;
        // Step mode: the experiment's stepping threads park before each lesson action until granted
        // (StepSchedule, the window's stepping); only for experiments whose canStep() is true.
        bool stepping = false;
        // The learner's prediction before Start: a 0-based choice of experiment().prediction(), -1 for none. It is
        // recorded in experiment.start and the phenomenon event says whether the figures proved it.
        int predicted = -1;
        // When the run ends, append it to the learner's LessonJournal (journalPath; empty: the default one).
        bool journal = false;
        QString journalPath;
    };

    ExperimentRun(std::unique_ptr<Experiment> experiment, const ParameterValues &values, const Options &options,
                  QObject *parent = nullptr);
    ~ExperimentRun() override;

    // Starts recording, sampling and the experiment. False, with errorString(), when it could not start; then
    // nothing is left running.
    bool start();
    // Why a run ended: experiment.stop's `reason` (docs/session-format.md).
    enum class StopReason { User, Duration, Error, Schedule };
    static QString stopReasonName(StopReason reason);
    // Lets the experiment finish, decides its phenomenon, ends every lab process, stops recording (experiment.stop
    // with `reason`); emits finished(). Idempotent: the first reason is the one recorded.
    void stop(StopReason reason = StopReason::User);
    bool isRunning() const { return m_running; }
    QString errorString() const { return m_error; }
    QString logPath() const;
    PhenomenonVerdict verdict() const { return m_verdict; }
    // The `phenomenon` event's fields once the run has stopped (verdict, answer, answer_text, load, …).
    const QJsonObject &phenomenon() const { return m_phenomenon; }
    Experiment &experiment() { return *m_experiment; }
    const ParameterValues &values() const { return m_values; }
    bool isStepping() const { return m_options.stepping; }
    int predicted() const { return m_options.predicted; }
    // Why the journal could not be written at the end (empty when it was, or was not asked for).
    QString journalError() const { return m_journalError; }
    int intervalMs() const { return m_options.intervalMs; }
    // A live change (the window's form): checked like --set; applied when the experiment allows it.
    bool changeLive(const QString &name, const QString &text, QString *error);
    void setIntervalMs(int ms);

    // For experiments.
    LabController &lab() { return *m_lab; }
    bool createTelemetry(const TelemetryBlockSpec &spec);
    // A board of `count` figures the lab processes write (FigureBoard); every later spawn() gets it.
    bool createFigures(int count);
    // One pipe every later spawn() gets as its pipe channel (the pc-processes experiment's channel=pipe), with a
    // kernel buffer of about `capacity` items of 64 bytes (at least a page).
    bool createPipe(int capacity);
    // Starts a worker through the LabController with the run's shared pieces (figures, pipe) attached.
    std::optional<pid_t> spawn(WorkerLaunch launch);
    QList<qint64> lastFigures() const { return m_lastFigures; }
    TelemetryBlock *telemetry() { return m_telemetry.isValid() ? &m_telemetry : nullptr; }
    const TelemetrySnapshot &lastTelemetry() const { return m_lastTelemetry; }
    // Every lab thread's role by TID, as the run recorded it (thread.start), ended threads included: what a
    // telemetry slot's thread does (the slot itself carries its name).
    const QHash<qint64, QString> &threadRoles() const { return m_threadRoles; }
    // The wait-for input the deadlock analysis took at the last tick, with the futex observations; null when the
    // experiment has no telemetry block (nothing to analyse). The window draws this, not a graph of its own.
    const WaitTick *lastWaits() const { return m_telemetry.isValid() ? &m_lastWaits : nullptr; }
    int cores() const;
    double now() const { return m_clock.now(); }
    const SessionClock &clock() const { return m_clock; }
    void emitEvent(const QString &kind, const QJsonObject &fields);
    // A figure of the experiment's own, for its check: a `measure` event {name, value, …extra}.
    void measure(const QString &name, double value, const QJsonObject &extra = {});
    // A figure the lesson shows while it runs, recorded as a `measure` event when LiveFigures says (first value,
    // changes at most once a second, the settled value at once). Experiments report their live figures from
    // tick() and settle them, at the latest, in finish().
    void report(const QString &name, double value, LiveFigures::Moment moment = LiveFigures::Moment::Running,
                const QJsonObject &extra = {});
    bool isSettled(const QString &name) const { return m_live.isSettled(name); }
    // Reads the GIL of the lab's CPython processes (GilSession, as `proclab exec` does): python.interpreter,
    // `gil` in their threads' task.sample, "waiting for the GIL", python.gil per process before the check. Called
    // by an experiment's start(); the GIL is then read for the whole run.
    void readGil();
    // Null unless readGil() was called.
    const GilSession *gil() const { return m_gil.get(); }
    void reportError(const QString &message);
    // Runs `action` once, `seconds` after now, unless the run stopped before.
    void after(double seconds, std::function<void()> action);
    QList<SessionEvent> events() const { return m_tape.events(); }

Q_SIGNALS:
    void event(const SessionEvent &event);
    // The sessions folder's retention deleted these old recordings when this one started (from start()).
    void oldSessionsDeleted(const QStringList &paths);
    void sampled(std::shared_ptr<const Snapshot> snapshot, const TelemetrySnapshot &telemetry);
    void finished(const PhenomenonVerdict &verdict);

private:
    // Looks for new lab processes at the next tick (a child forked inside the lab).
    void rescanSoon();
    void writeJournal();
    void onSnapshot(std::shared_ptr<const Snapshot> snapshot);
    void keep(const SessionEvent &event);
    void recordQueues(double t);
    void recordPipe(double t);

    std::unique_ptr<Experiment> m_experiment;
    ParameterValues m_values;
    Options m_options;
    SessionClock m_clock;
    TelemetryBlock m_telemetry; // before m_lab, which uses it until its destructor has ended every process
    std::unique_ptr<LabController> m_lab;
    TelemetrySnapshot m_lastTelemetry;
    QHash<qint64, QString> m_threadRoles;
    WaitTick m_lastWaits;
    FigureBoard m_figures;
    QList<qint64> m_lastFigures;
    PipeChannel m_pipe;
    std::unique_ptr<GilSession> m_gil; // before m_sampler: the sampler asks it about futexes until it stops
    std::unique_ptr<SamplerThread> m_sampler;
    std::unique_ptr<DeadlockMonitor> m_deadlocks;
    std::unique_ptr<FutexCrossCheck> m_futex; // fills the ticks' futex observations for m_deadlocks
    std::unique_ptr<LabTaskAnnotator> m_annotator;
    SessionTape m_tape;
    PhenomenonVerdict m_verdict;
    LiveFigures m_live;
    double m_lastQueueSample = -1;
    bool m_running = false;
    bool m_stopped = false;
    QString m_error;
    QString m_journalError;
    QJsonObject m_phenomenon;
};
