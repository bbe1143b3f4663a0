#include "SessionTape.h"

#include "analysis/WaitForGraph.h"
#include "analysis/WaitKindName.h"
#include "base/EventKind.h"
#include "control/LimitReport.h"
#include "probe/TaskStateName.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <sys/resource.h>

using namespace Qt::Literals::StringLiterals;

SessionTape::SessionTape() = default;

SessionTape::~SessionTape()
{
    close();
}

bool SessionTape::open(const SessionHeader &header, const QString &logPath, const QString &folder)
{
    m_recorder = std::make_unique<SessionRecorder>();
    // Emitted from startInFolder(), on this thread, before it returns.
    QObject::connect(m_recorder.get(), &SessionRecorder::oldSessionsDeleted, [this](const QStringList &paths) {
        if (m_onOldSessionsDeleted)
            m_onOldSessionsDeleted(paths);
    });
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

namespace {
// What a tape may thin: the samples, and task.state, which follows the samples (a thread flipping between running
// and blocked makes one on every flip: about 5 a second at 500 threads, 16 MB an hour if all were kept).
bool isThinnable(const SessionEvent &event)
{
    return event.kind.endsWith(u".sample"_s) || event.kind == EventKind::TaskState;
}
} // namespace

void SessionTape::append(const SessionEvent &event)
{
    if (m_recorder)
        m_recorder->record(event);
    m_events.append(event);
    if (event.kind == EventKind::Output && ++m_keptOutput > 2 * MaxKeptOutputLines) {
        // A window of the newest lines: the file has the rest (as much as OutputBudget allows). No check and no
        // view needs a program's whole output, and 5 s of `yes` are millions of lines. One pass per
        // MaxKeptOutputLines lines.
        qsizetype excess = m_keptOutput - MaxKeptOutputLines;
        m_events.removeIf([&excess](const SessionEvent &e) { return excess > 0 && e.kind == EventKind::Output && excess-- > 0; });
        m_keptOutput = MaxKeptOutputLines;
    }
    if (!isThinnable(event) || ++m_keptSamples <= 2 * MaxKeptSamples)
        return;
    // Thin evenly — every second one of the whole run goes — rather than dropping the oldest: a check's means over
    // the run (RecordedRun::meanOf) still see all of it, only less densely, and a state that lasts (a zombie) is
    // still there. Every other kind of event stays. One pass in place, every MaxKeptSamples or so, so the cost per
    // event stays constant.
    qsizetype seen = 0;
    m_events.removeIf([&seen](const SessionEvent &e) { return isThinnable(e) && (seen++ % 2) == 1; });
    m_keptSamples -= seen / 2;
}


QList<SessionEvent> SessionTape::samplesOf(const Snapshot &snapshot, double t,
                                           const std::function<bool(const TaskSample &)> &include,
                                           const WaitTick *waits)
{
    QHash<qint64, const WaitInput *> waitOf;
    QHash<qint64, QString> lockNames;
    if (waits) {
        for (const WaitInput &thread : waits->threads) {
            if (thread.alive && (thread.waitKind != WaitKind::None || !thread.locksHeld.isEmpty()))
                waitOf.insert(thread.tid, &thread);
        }
        for (const LockState &lock : waits->locks)
            lockNames.insert(lock.id, WaitForGraph::lockLabel(lock.id, lock.name));
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
                record.wait = WaitKindName::of(wait->waitKind);
                record.waitOn = wait->waitObject;
                // Only a lock needs its name spelt out: queues and pipes are named by their index ("Q1" is
                // queue 0) and a child by its PID, and 500 threads waiting on one queue would repeat it.
                if (wait->waitKind == WaitKind::Lock)
                    record.waitLabel = lockNames.value(wait->waitObject, WaitForGraph::lockLabel(wait->waitObject, {}));
            }
            for (qint64 lock : wait->locksHeld)
                record.holds << lockNames.value(lock, WaitForGraph::lockLabel(lock, {}));
        }
        records << record;
    }
    QList<SessionEvent> events = m_throttle.offer(t, records, snapshot.sequence);
    if (snapshot.unwatchedTasks != m_lastUnwatched) {
        // Out of file descriptors (a low hard RLIMIT_NOFILE): say how many tasks this tick could not read, and
        // when all can be read again — never a silent gap in the samples.
        const QString message = snapshot.unwatchedTasks > 0
            ? QCoreApplication::translate("SessionTape", "%n task(s) could not be read: out of file descriptors "
                                                         "(the open-file limit RLIMIT_NOFILE is %1)", "",
                                          snapshot.unwatchedTasks)
                  .arg(LimitReport::softLimit(RLIMIT_NOFILE))
            : QCoreApplication::translate("SessionTape", "Every task can be read again.");
        events << SessionEvent{t, EventKind::Error, {{u"what"_s, u"sample"_s}, {u"message"_s, message},
                                                {u"unwatched"_s, snapshot.unwatchedTasks}}};
        m_lastUnwatched = snapshot.unwatchedTasks;
    }
    if (m_lastCpuSample < 0 || t - m_lastCpuSample >= 0.5) {
        m_lastCpuSample = t;
        QJsonArray cpus;
        for (const CpuLoad &cpu : snapshot.cpus) {
            cpus.append(QJsonObject{{u"core"_s, cpu.core}, {u"busy"_s, cpu.busy}, {u"user"_s, cpu.user},
                                    {u"system"_s, cpu.system}, {u"iowait"_s, cpu.iowait}, {u"steal"_s, cpu.steal}});
        }
        events << SessionEvent{t, EventKind::CpuSample, {{u"cpus"_s, cpus}}};
    }
    return events;
}

void SessionTape::close()
{
    if (m_recorder)
        m_recorder->stop();
}
