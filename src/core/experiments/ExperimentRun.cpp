#include "ExperimentRun.h"

#include "CoreAllowance.h"
#include "LabTaskAnnotator.h"
#include "TelemetryFutexLayout.h"
#include "WaitTickBuilder.h"
#include "analysis/DeadlockMonitor.h"
#include "analysis/FutexCrossCheck.h"
#include "base/EventKind.h"
#include "base/LabRole.h"
#include "probe/SamplerThread.h"
#include "probe/TaskStateName.h"
#include "python/GilSession.h"
#include "session/LessonJournal.h"
#include "session/SessionHeader.h"

#include <QDateTime>
#include <QJsonArray>
#include <QThread>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

ExperimentRun::ExperimentRun(std::unique_ptr<Experiment> experiment, const ParameterValues &values,
                             const Options &options, QObject *parent)
    : QObject(parent)
    , m_experiment(std::move(experiment))
    , m_values(values)
    , m_options(options)
{
}

ExperimentRun::~ExperimentRun()
{
    stop();
}

int ExperimentRun::cores() const
{
    return std::max(1, QThread::idealThreadCount());
}

QString ExperimentRun::logPath() const
{
    return m_tape.filePath();
}

bool ExperimentRun::createTelemetry(const TelemetryBlockSpec &spec)
{
    m_telemetry = TelemetryBlock::create(spec);
    if (!m_telemetry.isValid()) {
        reportError(tr("Could not create the shared memory of the experiment: %1").arg(m_telemetry.errorString()));
        return false;
    }
    m_lab->setTelemetryBlock(&m_telemetry);
    // The live futex cross-check needs to know where the locks and queues lie in the block; without that it stays
    // off, which the session then shows by the absence of its lock.futex_check summary.
    if (const auto mapping = TelemetryFutexLayout::read(m_telemetry.fd()); mapping && m_futex)
        m_futex->setMapping(*mapping);
    return true;
}

bool ExperimentRun::createFigures(int count)
{
    m_figures = FigureBoard::create(count);
    if (!m_figures.isValid()) {
        reportError(tr("Could not create the shared memory for the experiment's figures."));
        return false;
    }
    return true;
}

bool ExperimentRun::createPipe(int capacity)
{
    m_pipe = PipeChannel::create(64);
    if (!m_pipe.isValid()) {
        reportError(tr("Could not create a pipe: %1").arg(m_pipe.errorString()));
        return false;
    }
    m_pipe.setBufferBytes(capacity * 64);
    return true;
}

std::optional<pid_t> ExperimentRun::spawn(WorkerLaunch launch)
{
    // Fixed numbers in the child, above the worker's own 3 (control), 4 (telemetry) and 5 (queue).
    if (m_figures.isValid()) {
        launch.descriptors << qMakePair(m_figures.fd(), 6);
        launch.arguments << u"--figures-fd"_s << u"6"_s;
    }
    if (m_pipe.isValid()) {
        launch.descriptors << qMakePair(m_pipe.readFd(), 7) << qMakePair(m_pipe.writeFd(), 8);
        launch.arguments << u"--pipe-read-fd"_s << u"7"_s << u"--pipe-write-fd"_s << u"8"_s;
    }
    return m_lab->spawnWorker(launch);
}

void ExperimentRun::emitEvent(const QString &kind, const QJsonObject &fields)
{
    keep(SessionEvent{now(), kind, fields});
}

void ExperimentRun::measure(const QString &name, double value, const QJsonObject &extra)
{
    QJsonObject fields = extra;
    fields.insert(u"name"_s, name);
    fields.insert(u"value"_s, value);
    emitEvent(EventKind::Measure, fields);
}

void ExperimentRun::report(const QString &name, double value, LiveFigures::Moment moment, const QJsonObject &extra)
{
    if (m_live.shouldRecord(name, value, extra, now(), moment))
        measure(name, value, extra);
}

void ExperimentRun::readGil()
{
    if (m_gil || !m_sampler)
        return;
    m_gil = std::make_unique<GilSession>();
    m_gil->connectTo(m_sampler->sampler());
    m_gil->start();
}

void ExperimentRun::rescanSoon()
{
    if (m_sampler)
        m_sampler->sampler().requestRescan();
}

void ExperimentRun::reportError(const QString &message)
{
    m_error = message;
    emitEvent(EventKind::Error, {{u"message"_s, message}});
}

void ExperimentRun::after(double seconds, std::function<void()> action)
{
    QTimer::singleShot(int(seconds * 1000), this, [this, action = std::move(action)] {
        if (m_running)
            action();
    });
}

void ExperimentRun::keep(const SessionEvent &event)
{
    m_tape.append(event);
    if (event.kind == EventKind::ThreadStart)
        m_threadRoles.insert(event.fields.value(u"tid"_s).toInteger(), event.fields.value(u"role"_s).toString());
    Q_EMIT this->event(event);
    if (event.kind != EventKind::Measure && event.kind != EventKind::TaskSample)
        m_experiment->observe(*this, event);
}

bool ExperimentRun::start()
{
    if (m_running || m_stopped)
        return false;
    m_clock.restart();
    m_lab = std::make_unique<LabController>();
    m_lab->setClock(&m_clock);
    m_lab->setLimits(m_options.limits);
    connect(m_lab.get(), &LabController::event, this, [this](const SessionEvent &event) {
        // A process the lab started (a worker's child too) is watched from the next tick, not the next re-scan.
        if (event.kind == EventKind::ProcessSpawn)
            rescanSoon();
        keep(event);
    });

    if (m_options.record) {
        SessionHeader header = SessionHeader::forThisMachine(m_experiment->id(), m_values.toJson(),
                                                             m_clock.startUnix());
        header.explanation = m_experiment->explanation();
        m_tape.setOldSessionsDeletedHandler([this](const QStringList &paths) { Q_EMIT oldSessionsDeleted(paths); });
        if (!m_tape.open(header, m_options.logPath, m_options.sessionsFolder)) {
            m_error = m_tape.errorString();
            return false;
        }
    }
    m_deadlocks = std::make_unique<DeadlockMonitor>();
    m_futex = std::make_unique<FutexCrossCheck>(std::unique_ptr<ProcSource>(), 10, 64, 1);
    m_running = true;
    QJsonObject startFields{{u"experiment"_s, m_experiment->id()}, {u"parameters"_s, m_values.toJson()},
                            {u"supervisor"_s, qint64(::getpid())}, {u"cores"_s, cores()},
                            {u"allowance"_s, CoreAllowance::ofThisProcess().toJson()}};
    if (m_options.stepping)
        startFields.insert(u"stepping"_s, true);
    const Prediction prediction = m_experiment->prediction();
    if (m_options.predicted >= prediction.choices.size())
        m_options.predicted = -1;
    if (m_options.predicted >= 0)
        startFields.insert(u"prediction"_s, QJsonObject{{u"choice"_s, m_options.predicted},
                                                        {u"text"_s, prediction.choices.at(m_options.predicted)}});
    emitEvent(EventKind::ExperimentStart, startFields);

    m_sampler = std::make_unique<SamplerThread>();
    m_sampler->sampler().setDescendantRoots({int(::getpid())});
    // Context-switch counts are in no view and no session file: status is the dearest file to read (9 µs).
    TaskSampler::Options options = m_sampler->sampler().options();
    options.readSwitchCounts = false;
    m_sampler->sampler().setOptions(options);
    connect(m_sampler.get(), &SamplerThread::snapshotReady, this, &ExperimentRun::onSnapshot,
            Qt::QueuedConnection);
    if (!m_experiment->start(*this)) {
        if (m_error.isEmpty())
            m_error = m_lab->lastError();
        stop(StopReason::Error);
        return false;
    }
    m_sampler->start(m_options.intervalMs);
    return true;
}

void ExperimentRun::setIntervalMs(int ms)
{
    m_options.intervalMs = ms;
    if (m_sampler)
        m_sampler->setInterval(ms);
}

bool ExperimentRun::changeLive(const QString &name, const QString &text, QString *error)
{
    const ParameterSpec *spec = m_values.spec(name);
    if (spec && m_running && !spec->live) {
        *error = tr("%1 cannot change while the experiment runs").arg(name);
        return false;
    }
    if (!m_values.set(name, text, error))
        return false;
    if (m_running) {
        emitEvent(u"parameter.change"_s, {{u"name"_s, name}, {u"value"_s, QJsonValue::fromVariant(m_values.value(name))}});
        m_experiment->changeLive(*this, name, m_values.value(name));
    }
    return true;
}

void ExperimentRun::onSnapshot(std::shared_ptr<const Snapshot> raw)
{
    if (!m_running || !raw)
        return;
    const double t = m_clock.at(raw->monotonicNs);
    if (m_telemetry.isValid())
        m_lastTelemetry = m_telemetry.snapshot();
    m_lab->noticeThreads(*raw);
    if (m_figures.isValid())
        m_lastFigures = m_figures.read();
    const SnapshotPtr snapshot = LabTaskAnnotator::annotate(raw, m_lastTelemetry);

    QSet<qint64> live;
    for (const TaskSample &task : snapshot->tasks) {
        if (task.state != TaskState::Zombie && task.state != TaskState::Terminated)
            live.insert(task.tid);
    }
    // The wait-for input goes into the task samples too: a replay draws the graph of any moment from them.
    WaitTick tick = m_telemetry.isValid() ? WaitTickBuilder::build(t, m_lastTelemetry, m_lab->processes(), live)
                                          : WaitTick{};
    tick.sequence = snapshot->sequence;
    QList<SessionEvent> samples = m_tape.samplesOf(*snapshot, t, {}, m_telemetry.isValid() ? &tick : nullptr);
    if (m_gil) {
        QList<int> pids;
        for (const LabProcessInfo &process : m_lab->processes())
            pids << int(process.pid);
        for (const SessionEvent &event : m_gil->tick(t, pids, samples))
            keep(event);
    }
    for (const SessionEvent &event : samples)
        keep(event);
    recordQueues(t);
    recordPipe(t);
    if (m_telemetry.isValid()) {
        m_lastWaits = tick;
        m_futex->observe(&m_lastWaits); // what the kernel says the waiting threads are blocked on
        for (const SessionEvent &event : m_deadlocks->analyse(m_lastWaits))
            keep(event);
    }
    m_experiment->tick(*this, *snapshot);
    Q_EMIT sampled(snapshot, m_lastTelemetry);
}

void ExperimentRun::recordQueues(double t)
{
    for (qsizetype q = 0; q < m_lastTelemetry.queues.size(); ++q) {
        const QueueStats &stats = m_lastTelemetry.queues.at(q);
        keep(SessionEvent{t, EventKind::QueueSample,
                          {{u"queue"_s, u"Q%1"_s.arg(q + 1)},
                           {u"depth"_s, qint64(stats.depth)},
                           {u"capacity"_s, qint64(stats.capacity)},
                           {u"puts"_s, qint64(stats.puts)},
                           {u"gets"_s, qint64(stats.gets)},
                           {u"blocked_putters"_s, qint64(stats.blockedPutters)},
                           {u"blocked_getters"_s, qint64(stats.blockedGetters)}}});
    }
}

void ExperimentRun::recordPipe(double t)
{
    if (!m_pipe.isValid())
        return;
    // The pipe keeps no counters of its own: the kernel says how full it is, the lab threads what they did.
    const QueueStats kernel = m_pipe.stats();
    qint64 puts = 0;
    qint64 gets = 0;
    int blockedPutters = 0;
    int blockedGetters = 0;
    for (const ThreadTelemetrySample &slot : std::as_const(m_lastTelemetry.threads)) {
        const QString role = m_threadRoles.value(slot.tid);
        if (role == LabRole::Producer)
            puts += qint64(slot.itemsDone);
        else if (role == LabRole::Consumer)
            gets += qint64(slot.itemsDone);
        if (slot.exited)
            continue;
        blockedPutters += slot.state == ThreadState::WaitPipeWrite;
        blockedGetters += slot.state == ThreadState::WaitPipeRead;
    }
    keep(SessionEvent{t, EventKind::QueueSample,
                      {{u"queue"_s, u"pipe"_s},
                       {u"depth"_s, qint64(kernel.depth)},
                       {u"capacity"_s, qint64(kernel.capacity)},
                       {u"puts"_s, puts},
                       {u"gets"_s, gets},
                       {u"blocked_putters"_s, blockedPutters},
                       {u"blocked_getters"_s, blockedGetters}}});
}

QString ExperimentRun::stopReasonName(StopReason reason)
{
    switch (reason) {
    case StopReason::User: return u"user"_s;
    case StopReason::Duration: return u"duration"_s;
    case StopReason::Error: return u"error"_s;
    case StopReason::Schedule: return u"schedule"_s;
    }
    return {};
}

void ExperimentRun::stop(StopReason reason)
{
    if (m_stopped)
        return;
    m_stopped = true;
    if (m_running) {
        if (m_telemetry.isValid())
            m_lastTelemetry = m_telemetry.snapshot();
        if (m_figures.isValid())
            m_lastFigures = m_figures.read();
        m_experiment->finish(*this);
        if (m_futex->isActive())
            keep(m_futex->summaryEvent(now(), m_deadlocks->futexMismatchesReported()));
        for (const SessionEvent &event : m_deadlocks->stop(now()))
            keep(event);
    }
    if (m_sampler)
        m_sampler->stop();
    if (m_gil && m_running) {
        for (const SessionEvent &event : m_gil->finish(now()))
            keep(event);
    }
    if (m_lab)
        m_lab->stopAllAndWait();
    if (m_running) {
        m_verdict = m_experiment->verdict(m_tape.events(), m_values);
        QJsonObject fields{{u"experiment"_s, m_experiment->id()}, {u"observed"_s, m_verdict.observed},
                           {u"verdict"_s, m_verdict.verdictName()}, {u"detail"_s, m_verdict.detail},
                           {u"figures"_s, m_verdict.figures}};
        if (!m_verdict.loadNote.isEmpty())
            fields.insert(u"load"_s, m_verdict.loadNote);
        if (m_verdict.answer >= 0) {
            fields.insert(u"answer"_s, m_verdict.answer);
            fields.insert(u"answer_text"_s, m_experiment->prediction().choices.value(m_verdict.answer));
        }
        if (m_options.predicted >= 0) {
            fields.insert(u"predicted"_s, m_options.predicted);
            // Right or not only when the figures proved a choice; an inconclusive run says nothing of it.
            if (m_verdict.answer >= 0)
                fields.insert(u"right"_s, m_verdict.answer == m_options.predicted);
        }
        m_phenomenon = fields;
        emitEvent(EventKind::Phenomenon, fields);
        emitEvent(EventKind::ExperimentStop, {{u"experiment"_s, m_experiment->id()}, {u"reason"_s, stopReasonName(reason)}});
    }
    const bool ran = m_running;
    m_running = false;
    m_pipe = PipeChannel();
    m_tape.close();
    if (ran && m_options.journal)
        writeJournal();
    Q_EMIT finished(m_verdict);
}

void ExperimentRun::writeJournal()
{
    LessonAttempt attempt;
    attempt.when = QDateTime::currentSecsSinceEpoch();
    attempt.experiment = m_experiment->id();
    attempt.predicted = m_options.predicted;
    attempt.answer = m_verdict.answer;
    attempt.verdict = m_verdict.verdictName();
    attempt.detail = m_verdict.detail.left(LessonAttempt::MaxDetail);
    attempt.session = logPath();
    LessonJournal journal(m_options.journalPath.isEmpty() ? LessonJournal::defaultPath() : m_options.journalPath);
    if (!journal.append(attempt, &m_journalError))
        qWarning("%s", qPrintable(m_journalError));
}
