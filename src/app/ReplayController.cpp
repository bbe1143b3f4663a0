#include "ReplayController.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr int StepMs = 100;

int rank(LabTaskState state)
{
    // A process shows the most active state of its threads, as live (TaskRowBuilder).
    switch (state) {
    case LabTaskState::Running: return 0;
    case LabTaskState::Ready: return 1;
    case LabTaskState::Blocked: return 2;
    case LabTaskState::Stopped: return 3;
    case LabTaskState::New: return 4;
    case LabTaskState::Zombie: return 5;
    case LabTaskState::Terminated: return 6;
    }
    return 6;
}
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
    m_moment = m_replay.momentAt(t);
    LabTick tick;
    tick.t = t;
    tick.rows = rowsOf(m_moment);
    tick.cpus = cpusOf(m_moment);
    tick.telemetry.queues = queuesOf(m_moment);
    const qsizetype until = m_replay.eventsUntil(t);
    Q_EMIT historyShown(jump ? ReplayHistory::window(m_replay, t - HistorySeconds, t, m_replay.header().cores)
                             : ReplayHistory::samplesBetween(m_replay, m_shownEvents, until));
    const bool reset = until < m_shownEvents || m_shownEvents == 0;
    QList<SessionEvent> shown;
    for (qsizetype i = reset ? 0 : m_shownEvents; i < until; ++i) {
        const SessionEvent &event = m_replay.events().at(i);
        if (!event.kind.endsWith(u".sample"_s))
            shown << event;
    }
    m_shownEvents = until;
    Q_EMIT moved(tick, back);
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

QList<TaskRow> ReplayController::rowsOf(const SessionMoment &moment)
{
    QList<TaskRow> rows;
    QHash<qint64, qsizetype> processRow;
    for (const SessionMoment::Process &process : moment.processes) {
        if (process.exited && !process.zombie)
            continue;
        TaskRow row;
        row.pid = process.pid;
        row.ppid = process.ppid;
        row.name = process.name;
        row.role = process.role;
        row.state = process.zombie ? LabTaskState::Zombie : LabTaskState::New;
        processRow.insert(row.pid, rows.size());
        rows << row;
    }
    QHash<qint64, int> threadCount;
    for (const SessionMoment::Task &task : moment.tasks) {
        const auto owner = processRow.constFind(task.pid);
        if (owner == processRow.cend())
            continue;
        TaskRow row;
        row.pid = task.pid;
        row.tid = task.tid;
        row.name = task.role;
        row.role = task.role;
        row.state = ReplayHistory::stateNamed(task.state);
        row.running = task.running;
        row.ready = task.ready;
        row.blocked = task.blocked;
        row.cpuPercent = task.cpu;
        row.core = task.core;
        row.reason = task.reason;
        TaskRow &process = rows[*owner];
        const int n = ++threadCount[task.pid];
        process.threads = n;
        process.running += (row.running - process.running) / n;
        process.ready += (row.ready - process.ready) / n;
        process.blocked += (row.blocked - process.blocked) / n;
        process.cpuPercent += row.cpuPercent;
        if (process.state != LabTaskState::Zombie && (n == 1 || rank(row.state) < rank(process.state)))
            process.state = row.state;
        rows << row;
    }
    return rows;
}

QList<CpuLoad> ReplayController::cpusOf(const SessionMoment &moment)
{
    return ReplayHistory::cpusOf(moment.cpus);
}

QList<QueueStats> ReplayController::queuesOf(const SessionMoment &moment)
{
    QList<QueueStats> queues;
    for (const QJsonObject &fields : moment.queues)
        queues << ReplayHistory::queueOf(fields);
    return queues;
}
