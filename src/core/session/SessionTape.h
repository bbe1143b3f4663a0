#pragma once

#include "SampleThrottle.h"
#include "SessionHeader.h"
#include "SessionRecorder.h"
#include "analysis/WaitInput.h"
#include "base/SessionEvent.h"
#include "probe/Snapshot.h"

#include <QList>

#include <functional>
#include <memory>

// The events of one live session — an experiment or a watched program: written to the session file when it
// records, kept in memory for the phenomenon check and the views (samples and output lines bounded, every other
// event kept), and
// the per-task and per-core samples derived from each sampler Snapshot at the cadence of the session format
// (task.sample at most twice a second per task and on every change, with task.state first; cpu.sample at most
// twice a second).
class SessionTape
{
public:
    SessionTape();
    ~SessionTape();

    // Starts recording into `logPath`, or into a new file of `folder` (empty: the sessions folder) when logPath is
    // empty. False, with errorString(), when the file cannot be made. Without open() the tape only keeps.
    bool open(const SessionHeader &header, const QString &logPath, const QString &folder);
    QString errorString() const { return m_error; }
    // Called during open() with the old sessions the retention deleted (SessionRecorder::oldSessionsDeleted), so
    // that the run can tell the user. Set before open().
    void setOldSessionsDeletedHandler(std::function<void(const QStringList &)> handler)
    {
        m_onOldSessionsDeleted = std::move(handler);
    }
    QString filePath() const;

    // Records and keeps one event.
    void append(const SessionEvent &event);
    // The sample events this snapshot gives rise to, for the tasks `include` accepts (all when empty). Not yet
    // appended: the caller appends them (and shows them) in order. With `waits` (the tick's wait-for input, from
    // the telemetry), each lab thread's sample also says what it waits on and which locks it holds, so a replay
    // can draw the wait-for graph of any moment.
    QList<SessionEvent> samplesOf(const Snapshot &snapshot, double t,
                                  const std::function<bool(const TaskSample &)> &include = {},
                                  const WaitTick *waits = nullptr);
    // The session format's name of a wait ("lock", "queue_full", …; "" for None), and back (None when unknown).
    const QList<SessionEvent> &events() const { return m_events; }
    // Writes what is queued and closes the file. Idempotent.
    void close();

    // Samples (task.sample, queue.sample, cpu.sample, and task.state with them) kept in memory: at most twice this
    // many. A sample event costs about 1 KB here (a QJsonObject of a dozen fields), and 500 threads make 1000 a
    // second, so the cap, not the session's length, bounds the window's memory (issue 7: 150 MB after 30 minutes).
    // Beyond it the kept samples are thinned evenly over the whole run. Every other event (spawns, exits, deadlocks…) is kept.
    static constexpr qsizetype MaxKeptSamples = 20000;
    qsizetype keptSamples() const { return m_keptSamples; }
    // `output` lines kept in memory: the newest MaxKeptOutputLines to twice as many (the file keeps what
    // OutputBudget allows).
    static constexpr qsizetype MaxKeptOutputLines = 1000;
    qsizetype keptOutputLines() const { return m_keptOutput; }

private:
    std::unique_ptr<SessionRecorder> m_recorder;
    SampleThrottle m_throttle;
    QList<SessionEvent> m_events;
    qsizetype m_keptSamples = 0;
    qsizetype m_keptOutput = 0;
    double m_lastCpuSample = -1;
    int m_lastUnwatched = 0;
    QString m_error;
    std::function<void(const QStringList &)> m_onOldSessionsDeleted;
};
