#include "SessionTape.h"

#include "analysis/WaitForGraph.h"
#include "probe/TaskStateName.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

SessionTape::SessionTape() = default;

SessionTape::~SessionTape()
{
    close();
}

bool SessionTape::open(const SessionHeader &header, const QString &logPath, const QString &folder)
{
    m_recorder = std::make_unique<SessionRecorder>();
    const bool opened = logPath.isEmpty() ? m_recorder->startInFolder(header, folder)
                                          : m_recorder->startAtPath(header, logPath);
    if (!opened) {
        m_error = m_recorder->errorString();
        m_recorder.reset();
    }
    return opened;
}

QString SessionTape::filePath() const
{
    return m_recorder ? m_recorder->filePath() : QString();
}

void SessionTape::append(const SessionEvent &event)
{
    if (m_recorder)
        m_recorder->record(event);
    m_events.append(event);
    if (event.kind.endsWith(u".sample"_s) && m_events.size() > 2 * MaxKeptSamples) {
        // Drop the oldest half of the samples; every other kind of event stays.
        qsizetype samplesToDrop = MaxKeptSamples;
        m_events.removeIf([&samplesToDrop](const SessionEvent &e) {
            if (samplesToDrop > 0 && e.kind.endsWith(u".sample"_s)) {
                --samplesToDrop;
                return true;
            }
            return false;
        });
    }
}

namespace {
const std::pair<WaitKind, const char16_t *> WaitNames[] = {
    {WaitKind::Lock, u"lock"},           {WaitKind::QueueFull, u"queue_full"}, {WaitKind::QueueEmpty, u"queue_empty"},
    {WaitKind::Child, u"child"},         {WaitKind::PipeWrite, u"pipe_write"}, {WaitKind::PipeRead, u"pipe_read"},
};
} // namespace

QString SessionTape::waitKindName(WaitKind kind)
{
    for (const auto &[known, name] : WaitNames) {
        if (known == kind)
            return QString::fromUtf16(name);
    }
    return {};
}

WaitKind SessionTape::waitKindNamed(const QString &name)
{
    for (const auto &[kind, known] : WaitNames) {
        if (name == QStringView(known))
            return kind;
    }
    return WaitKind::None;
}

QList<SessionEvent> SessionTape::samplesOf(const Snapshot &snapshot, double t,
                                           const std::function<bool(const TaskSample &)> &include,
                                           const WaitTick *waits)
{
    QHash<qint64, const WaitInput *> waitOf;
    QHash<qint64, QString> lockNames;
    QHash<qint64, QString> queueNames;
    QHash<qint64, QString> pipeNames;
    if (waits) {
        for (const WaitInput &thread : waits->threads) {
            if (thread.alive && (thread.waitKind != WaitKind::None || !thread.locksHeld.isEmpty()))
                waitOf.insert(thread.tid, &thread);
        }
        for (const LockState &lock : waits->locks)
            lockNames.insert(lock.id, WaitForGraph::lockLabel(lock.id, lock.name));
        for (const QueueState &queue : waits->queues)
            queueNames.insert(queue.id, queue.name);
        for (const PipeState &pipe : waits->pipes)
            pipeNames.insert(pipe.id, pipe.name);
    }
    QList<TaskRecord> records;
    records.reserve(snapshot.tasks.size());
    for (const TaskSample &task : snapshot.tasks) {
        if (include && !include(task))
            continue;
        TaskRecord record{task.pid, task.tid, TaskStateName::name(task.state), task.running, task.ready,
                          task.blocked, task.cpuPercent, task.core, task.reason, {}, 0, {}, {}};
        if (const WaitInput *wait = waitOf.value(task.tid)) {
            if (wait->waitKind != WaitKind::None) {
                record.wait = waitKindName(wait->waitKind);
                record.waitOn = wait->waitObject;
                const QHash<qint64, QString> *names = wait->waitKind == WaitKind::Lock ? &lockNames
                    : wait->waitKind == WaitKind::QueueFull || wait->waitKind == WaitKind::QueueEmpty ? &queueNames
                    : wait->waitKind == WaitKind::Child ? nullptr
                                                        : &pipeNames;
                record.waitLabel = WaitForGraph::objectLabel(wait->waitKind, wait->waitObject,
                                                             names ? names->value(wait->waitObject) : QString());
            }
            for (qint64 lock : wait->locksHeld)
                record.holds << lockNames.value(lock, WaitForGraph::lockLabel(lock, {}));
        }
        records << record;
    }
    QList<SessionEvent> events = m_throttle.offer(t, records);
    if (m_lastCpuSample < 0 || t - m_lastCpuSample >= 0.5) {
        m_lastCpuSample = t;
        QJsonArray cpus;
        for (const CpuLoad &cpu : snapshot.cpus) {
            cpus.append(QJsonObject{{u"core"_s, cpu.core}, {u"busy"_s, cpu.busy}, {u"user"_s, cpu.user},
                                    {u"system"_s, cpu.system}, {u"iowait"_s, cpu.iowait}, {u"steal"_s, cpu.steal}});
        }
        events << SessionEvent{t, u"cpu.sample"_s, {{u"cpus"_s, cpus}}};
    }
    return events;
}

void SessionTape::close()
{
    if (m_recorder)
        m_recorder->stop();
}
